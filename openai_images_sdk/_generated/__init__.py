# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: d85e95b103a8f080271c57020fd3cabff8765bfa28a17a43ceddb8cf074a71ae
"""Code generated from spec/: models, operation descriptors, resources."""

__all__ = ["SPEC_SHA256"]

SPEC_SHA256 = "d85e95b103a8f080271c57020fd3cabff8765bfa28a17a43ceddb8cf074a71ae"
"""sha256 of the spec files this package was generated from."""
