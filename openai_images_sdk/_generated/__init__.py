# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: cbdd4183ea89a7065916b8f8e0b4ab21f31550ffc73c1d2a55e4cf22b9fed226
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "cbdd4183ea89a7065916b8f8e0b4ab21f31550ffc73c1d2a55e4cf22b9fed226"
"""sha256 of the spec files this package was generated from."""
