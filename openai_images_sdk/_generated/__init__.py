# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 765f039948fac64c4bb9a0de6b7c278bb6276e2cfeb5410acefd5dcf0d5f1561
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "765f039948fac64c4bb9a0de6b7c278bb6276e2cfeb5410acefd5dcf0d5f1561"
"""sha256 of the spec files this package was generated from."""
