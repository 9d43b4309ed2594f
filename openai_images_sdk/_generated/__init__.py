# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 707bf39e39b49b9a09846f49d569ec9d36708e89effde792494c16a0b3a9f4f5
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "707bf39e39b49b9a09846f49d569ec9d36708e89effde792494c16a0b3a9f4f5"
"""sha256 of the spec files this package was generated from."""
