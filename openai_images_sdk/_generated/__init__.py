# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 08b63bf0fbc04ea34dd458d95683efb8d61dc2289f83b260d0fd27178728287b
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "08b63bf0fbc04ea34dd458d95683efb8d61dc2289f83b260d0fd27178728287b"
"""sha256 of the spec files this package was generated from."""
