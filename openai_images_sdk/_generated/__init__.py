# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: da38249b4bf6f670aacadce1a2c1271414a88fc48e7b1964227645a71bf6b650
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "da38249b4bf6f670aacadce1a2c1271414a88fc48e7b1964227645a71bf6b650"
"""sha256 of the spec files this package was generated from."""
