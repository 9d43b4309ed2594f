# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 5542c9a795924bd77aeeb361db279dd1de2ebbbf28cbd0581eb375c471d25595
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "5542c9a795924bd77aeeb361db279dd1de2ebbbf28cbd0581eb375c471d25595"
"""sha256 of the spec files this package was generated from."""
