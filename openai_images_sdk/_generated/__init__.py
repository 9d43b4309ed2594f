# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 4372fde43573b70564fdb4596cf3534435e290281063164303ae497421b628b5
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "4372fde43573b70564fdb4596cf3534435e290281063164303ae497421b628b5"
"""sha256 of the spec files this package was generated from."""
