# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: b5486c5f78db5fb0f05c0a237689f954b6ec13e93e55f3fbdb842c39b0544855
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "b5486c5f78db5fb0f05c0a237689f954b6ec13e93e55f3fbdb842c39b0544855"
"""sha256 of the spec files this package was generated from."""
