# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: bdaaeb7a51d6d6b25c5fbd2e97c9a44690555c06bb662ab2a93dbee85f7db280
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "bdaaeb7a51d6d6b25c5fbd2e97c9a44690555c06bb662ab2a93dbee85f7db280"
"""sha256 of the spec files this package was generated from."""
