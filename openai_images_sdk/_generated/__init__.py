# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 17e386b816078deca1e2668828fa6c8713870e251b74b17132c2c09114e31168
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "17e386b816078deca1e2668828fa6c8713870e251b74b17132c2c09114e31168"
"""sha256 of the spec files this package was generated from."""
