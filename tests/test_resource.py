"""_resource: generated methods hand their `locals()` over; the variants wrap the methods."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from openai_images_sdk import NOT_GIVEN
from openai_images_sdk._generated import operations, resources
from openai_images_sdk._resource import OPTION_NAMES, split_arguments
from openai_images_sdk._types import RequestOptions

RESOURCE_CLASSES = [
    getattr(resources, name)
    for name in resources.__all__
    if not name.endswith(("Response", "ClientResources"))
]


CONSTANTS = {
    op.operation_id: name
    for name in operations.__all__
    if (op := getattr(operations, name)) in operations.OPERATIONS
}


def _methods() -> list[tuple[type, Any]]:
    """(resource class, operation) for each generated method (its body names the constant)."""
    found: list[tuple[type, Any]] = []
    for cls in RESOURCE_CLASSES:
        for op in operations.OPERATIONS:
            method = cls.__dict__.get(op.method_name)
            call = f"({CONSTANTS[op.operation_id]}, locals())"
            if method is not None and call in inspect.getsource(method):
                found.append((cls, op))
    return found


def test_every_operation_has_a_sync_and_an_async_method() -> None:
    methods = _methods()
    assert sorted(op.operation_id for _, op in methods) == sorted(
        op.operation_id for op in operations.OPERATIONS for _ in ("sync", "async")
    )


@pytest.mark.parametrize(
    ("cls", "op"), _methods(), ids=lambda v: getattr(v, "__name__", getattr(v, "operation_id", ""))
)
def test_signature_holds_exactly_the_fields_and_options(cls: type, op: Any) -> None:
    """What `split_arguments` picks out of `locals()` is the whole signature."""
    parameters = inspect.signature(getattr(cls, op.method_name)).parameters
    names = [name for name in parameters if name != "self"]
    fields = list(dict.fromkeys(spec.python_name for spec in op.fields))
    assert names == [*fields, *OPTION_NAMES]
    path_params = {name for name in fields if f"{{{name}}}" in op.path}
    for name, parameter in parameters.items():
        if name != "self":
            # Path parameters are also positional (`files.retrieve("file-1")`), as in the
            # official SDK; everything else is keyword-only.
            expected = (
                inspect.Parameter.POSITIONAL_OR_KEYWORD
                if name in path_params
                else inspect.Parameter.KEYWORD_ONLY
            )
            assert parameter.kind is expected, name


def test_split_arguments() -> None:
    op = operations.RETRIEVE_FILE
    arguments: dict[str, object] = {
        "self": object(),
        "file_id": "file-1",
        "extra_headers": {"X-A": "1"},
        "extra_query": None,
        "extra_body": None,
        "timeout": 3.0,
        "validation": NOT_GIVEN,
    }
    params, options = split_arguments(op, arguments)
    assert params == {"file_id": "file-1"}
    assert options == RequestOptions(extra_headers={"X-A": "1"}, timeout=3.0)
    assert OPTION_NAMES == ("extra_headers", "extra_query", "extra_body", "timeout", "validation")
