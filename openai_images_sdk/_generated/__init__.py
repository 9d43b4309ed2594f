# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 277c597a5fd23ff5373095f889cf715632b7d165fe37d766488faac11f22aa19
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "277c597a5fd23ff5373095f889cf715632b7d165fe37d766488faac11f22aa19"
"""sha256 of the spec files this package was generated from."""
