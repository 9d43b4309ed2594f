"""Conformance of the SDK's requests, checked by steady, an independent validating mock."""
