"""Nested objects, required fields, patterns and the default model, through the real clients.

Every row is one call that must raise `ValidationError` before sending, blamed on one
parameter path with a rule fragment. The limits are read from the generated
`OperationSpec`s and the capability table, not restated here, so a spec edit (one more
enum value, a new bound) needs no test edit. Sync and async run from one test body.
"""

from __future__ import annotations

import json
import struct
import warnings
import zlib
from collections.abc import Callable
from typing import Any

import attrs
import httpx
import pytest
import respx
from conftest import Driver

from openai_images_sdk import ValidationError
from openai_images_sdk._capabilities import default_table
from openai_images_sdk._field_checks import bounds, quote
from openai_images_sdk._generated import models
from openai_images_sdk._generated.operations import (
    CREATE_BATCH,
    CREATE_FILE,
    CREATE_IMAGE,
    CREATE_IMAGE_EDIT,
    CREATE_IMAGE_VARIATION,
)
from openai_images_sdk._operation import FieldSpec, OperationSpec
from openai_images_sdk._validation import validate_request

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

API = "https://api.openai.com/v1"
TABLE = default_table()


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = (b"\0" + b"\0\0\0" * width) * height
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


IMAGE = ("photo.png", _png(64, 64))


def nested(op: OperationSpec, path: str) -> FieldSpec:
    """The FieldSpec at a dotted path (``expires_after.seconds``) of an operation."""
    head, *rest = path.split(".")
    spec = next(f for f in op.fields if f.name == head and f.fields) if rest else op.field(head)
    for name in rest:
        spec = next(f for f in spec.fields if f.name == name)
    return spec


def valid_expiry(op: OperationSpec, param: str) -> dict[str, object]:
    """An expiry object that meets the spec: its first anchor and its least seconds."""
    anchor = nested(op, f"{param}.anchor").enum or ("created_at",)
    seconds = nested(op, f"{param}.seconds").minimum or 0
    return {"anchor": anchor[0], "seconds": int(seconds)}


def between(op: OperationSpec, path: str) -> str:
    spec = nested(op, path)
    return f"must be {bounds(spec.minimum, spec.maximum)}"


def one_of(op: OperationSpec, path: str) -> str:
    return f"must be one of {quote(nested(op, path).enum or ())}"


@attrs.frozen
class Row:
    """One bad call: method path on the client, its arguments, the path and rule blamed."""

    id: str
    method: str
    kwargs: dict[str, Any]
    path: str
    rule: str


def _expiry_rows(op: OperationSpec, method: str, param: str, base: dict[str, Any]) -> list[Row]:
    good = valid_expiry(op, param)
    seconds = nested(op, f"{param}.seconds")
    low, high = int(seconds.minimum or 0), int(seconds.maximum or 0)
    model_name = nested(op, param).model or ""

    def row(id: str, value: object, path: str, rule: str) -> Row:
        return Row(f"{method}: {param} {id}", method, {**base, param: value}, path, rule)

    return [
        row(
            "below minimum",
            {**good, "seconds": low - 1},
            f"{param}.seconds",
            between(op, f"{param}.seconds"),
        ),
        row(
            "above maximum",
            {**good, "seconds": high + 1},
            f"{param}.seconds",
            between(op, f"{param}.seconds"),
        ),
        row("seconds only", {"seconds": low}, f"{param}.anchor", "is required"),
        row("empty", {}, f"{param}.seconds", "is required"),
        row(
            "bogus anchor",
            {**good, "anchor": "bogus"},
            f"{param}.anchor",
            one_of(op, f"{param}.anchor"),
        ),
        row(
            "seconds as text",
            {**good, "seconds": str(low)},
            f"{param}.seconds",
            "must be an integer",
        ),
        row("unknown key", {**good, "minutes": 5}, f"{param}.minutes", "is not a known key"),
        row(
            "attrs instance",
            getattr(models, model_name)(anchor=good["anchor"], seconds=low - 1),
            f"{param}.seconds",
            between(op, f"{param}.seconds"),
        ),
        row("not an object", 3600, param, "must be an object"),
    ]


FILE_BASE = {"file": ("batch.jsonl", b"{}\n"), "purpose": "batch"}
BATCH_BASE = {
    "input_file_id": "file-1",
    "endpoint": "/v1/images/generations",
    "completion_window": "24h",
}
SVG_BASE = {"prompt": "a logo", "model": "gpt-image-2", "output_format": "svg"}
FILE_OK = {
    "id": "file-1",
    "object": "file",
    "bytes": 3,
    "created_at": 1,
    "filename": "batch.jsonl",
    "purpose": "batch",
}
EDIT_REFS = {"prompt": "add a hat", "model": "gpt-image-1.5"}
URL_RULE = nested(CREATE_IMAGE_EDIT, "images.image_url").pattern_rule
FILE_ID_RULE = nested(CREATE_IMAGE_EDIT, "images.file_id").pattern_rule
GOOD_URL = "https://example.com/a.png"

ROWS = [
    *_expiry_rows(CREATE_FILE, "files.create", "expires_after", FILE_BASE),
    *_expiry_rows(CREATE_BATCH, "batches.create", "output_expires_after", BATCH_BASE),
    Row(
        "svg without model", "images.generate", {**SVG_BASE, "svg": {}}, "svg.model", "is required"
    ),
    Row(
        "svg effort",
        "images.generate",
        {**SVG_BASE, "svg": {"model": "w", "reasoning": {"effort": "bogus"}}},
        "svg.reasoning.effort",
        one_of(CREATE_IMAGE, "svg.reasoning.effort"),
    ),
    Row(
        "svg model not a string",
        "images.generate",
        {**SVG_BASE, "svg": models.ImageSvgOptions(model=5)},  # type: ignore[arg-type]
        "svg.model",
        "must be a string",
    ),
    Row(
        "ftp image_url",
        "images.edit",
        {**EDIT_REFS, "image": [{"image_url": "ftp://example.com/a.png"}]},
        "image[0].image_url",
        URL_RULE,
    ),
    Row(
        "file_id without file-",
        "images.edit",
        {**EDIT_REFS, "image": [{"image_url": GOOD_URL}, {"file_id": "abc"}]},
        "image[1].file_id",
        FILE_ID_RULE,
    ),
    Row(
        "attrs reference",
        "images.edit",
        {**EDIT_REFS, "image": [models.ImageRefParam(file_id="abc")]},
        "image[0].file_id",
        FILE_ID_RULE,
    ),
    Row(
        "mask reference",
        "images.edit",
        {**EDIT_REFS, "image": [{"file_id": "file-1"}], "mask": {"file_id": "mask"}},
        "mask.file_id",
        FILE_ID_RULE,
    ),
    Row(
        "reference with unknown key",
        "images.edit",
        {**EDIT_REFS, "image": [{"file_id": "file-1", "detail": "high"}]},
        "image[0].detail",
        "is not a known key",
    ),
    # required fields and minLength
    Row("edit image=None", "images.edit", {**EDIT_REFS, "image": None}, "image", "is required"),
    Row("empty prompt", "images.generate", {"prompt": ""}, "prompt", "must not be empty"),
    Row(
        "empty model", "images.generate", {"prompt": "x", "model": ""}, "model", "must not be empty"
    ),
    Row(
        "empty edit prompt",
        "images.edit",
        {**EDIT_REFS, "image": IMAGE, "prompt": ""},
        "prompt",
        "must not be empty",
    ),
    Row("file None", "files.create", {**FILE_BASE, "file": None}, "file", "is required"),
]


@pytest.fixture
def api(respx_mock: respx.MockRouter) -> respx.Route:
    """A mocked API that answers anything with an image; its call count must stay 0."""
    ok = {"created": 1, "data": [{"b64_json": "aGk="}]}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=FILE_OK if request.url.path.endswith("/files") else ok)

    route = respx_mock.route()
    route.side_effect = answer
    return route


def _method(client: Any, path: str) -> Callable[..., Any]:
    resource, name = path.split(".")
    return getattr(getattr(client, resource), name)  # type: ignore[no-any-return]


async def refused(
    driver: Driver, method: Callable[..., Any], kwargs: dict[str, Any]
) -> ValidationError:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(ValidationError) as caught:
            await driver.run(method(**kwargs))
    return caught.value


def _assert_blamed(error: ValidationError, path: str, rule: str) -> None:
    lines = [str(v) for v in error.violations]
    hits = [v for v in error.violations if v.param == path and rule in v.rule]
    assert len(hits) == 1, lines
    assert str(error).count(f"{path}: ") == 1, str(error)
    line = str(hits[0])
    assert line.startswith(f"{path}: "), line
    assert line.count(path) == 1, line


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in ROWS])
async def test_nested_and_required_checks(driver: Driver, api: respx.Route, row: Row) -> None:
    client = driver.client()
    error = await refused(driver, _method(client, row.method), row.kwargs)
    _assert_blamed(error, row.path, row.rule)
    assert api.call_count == 0
    await driver.close(client)


# --- the default model -----------------------------------------------------------------


def default_model(op: OperationSpec) -> str:
    default = op.field("model").default
    assert isinstance(default, str)
    return default


def _refused_value(op: OperationSpec, param: str) -> object:
    """A value the operation's own list takes and its default model refuses."""
    rules = TABLE.models[default_model(op)].operations[op.capability_key]
    rule = rules.parameters[param]
    values = op.field(param).enum or ()
    assert rule.values is not None
    return next(v for v in values if not rule.values.has(v))


def _model_list(op: OperationSpec, param: str) -> str:
    rules = TABLE.models[default_model(op)].operations[op.capability_key]
    values = rules.parameters[param].values
    assert values is not None
    return f"must be one of {quote(values.values)} for this model"


def _size_list(op: OperationSpec) -> str:
    size = TABLE.models[default_model(op)].operations[op.capability_key].size
    assert size is not None
    return f"must be one of {quote(size.values)}"


def _unsupported(op: OperationSpec) -> str:
    """A parameter of the operation the default model does not take."""
    rules = TABLE.models[default_model(op)].operations[op.capability_key]
    return next(name for name, rule in rules.parameters.items() if not rule.supported)


GEN = CREATE_IMAGE
DEFAULT_ROWS = [
    Row("size big", "images.generate", {"prompt": "x", "size": "big"}, "size", _size_list(GEN)),
    Row(
        "size 1023x1024",
        "images.generate",
        {"prompt": "x", "size": "1023x1024"},
        "size",
        _size_list(GEN),
    ),
    Row(
        "quality the model refuses",
        "images.generate",
        {"prompt": "x", "quality": _refused_value(GEN, "quality")},
        "quality",
        _model_list(GEN, "quality"),
    ),
    Row(
        "quality nobody takes",
        "images.generate",
        {"prompt": "x", "quality": "bogus"},
        "quality",
        _model_list(GEN, "quality"),
    ),
    Row(
        "unsupported parameter",
        "images.generate",
        {"prompt": "x", _unsupported(GEN): "vivid"},
        _unsupported(GEN),
        "is not supported by this model",
    ),
    Row(
        "model None",
        "images.generate",
        {"prompt": "x", "model": None, "size": "big"},
        "size",
        _size_list(GEN),
    ),
    Row(
        "edit quality",
        "images.edit",
        {"prompt": "x", "image": IMAGE, "quality": "bogus"},
        "quality",
        _model_list(CREATE_IMAGE_EDIT, "quality"),
    ),
    Row(
        "variation input the default refuses",
        "images.create_variation",
        {"image": ("wide.png", _png(64, 32))},
        "image",
        "",
    ),
]


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in DEFAULT_ROWS])
async def test_no_model_is_checked_against_the_default(
    driver: Driver, api: respx.Route, row: Row
) -> None:
    op = {"generate": CREATE_IMAGE, "edit": CREATE_IMAGE_EDIT}.get(
        row.method.split(".")[1], CREATE_IMAGE_VARIATION
    )
    client = driver.client()
    error = await refused(driver, _method(client, row.method), row.kwargs)
    _assert_blamed(error, row.path, row.rule)
    note = f"(model not given; checked against the default {default_model(op)})"
    assert note in str(error)
    assert all(v.model_defaulted for v in error.violations if v.model)
    assert api.call_count == 0
    await driver.close(client)


def test_the_bad_quality_message_lists_the_chosen_model_values() -> None:
    """The operation-wide list (standard, hd, ...) is not shown for a model refusing them."""
    rules = TABLE.models["gpt-image-1.5"].operations["generate"].parameters["quality"]
    assert rules.values is not None
    hidden = [v for v in CREATE_IMAGE.field("quality").enum or () if not rules.values.has(v)]
    assert hidden  # the table does narrow the list for this model
    with pytest.raises(ValidationError) as caught:
        validate_request(
            CREATE_IMAGE,
            {"prompt": "x", "model": "gpt-image-1.5", "quality": "bogus"},
            mode="strict",
        )
    message = str(caught.value)
    assert all(repr(v) not in message for v in hidden), message
    assert "(model gpt-image-1.5)" in message


async def test_variation_without_model_is_sent(driver: Driver, api: respx.Route) -> None:
    """The default of variations is retired; a call that gives no model is not refused for it."""
    client = driver.client()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        await driver.run(client.images.create_variation(image=IMAGE))
    assert api.call_count == 1
    await driver.close(client)


# --- controls: valid values go out; "off" sends everything as given; "warn" warns once --


async def test_valid_nested_values_are_sent(driver: Driver, api: respx.Route) -> None:
    client = driver.client()
    file_ok = {
        "id": "file-1",
        "object": "file",
        "bytes": 3,
        "created_at": 1,
        "filename": "b",
        "purpose": "batch",
    }
    api.respond(json=file_ok)
    expiry = valid_expiry(CREATE_FILE, "expires_after")
    await driver.run(client.files.create(**FILE_BASE, expires_after=expiry))
    body = api.calls.last.request.content
    assert f'name="expires_after[seconds]"\r\n\r\n{expiry["seconds"]}'.encode() in body
    assert api.call_count == 1
    await driver.close(client)


SENT_AS_GIVEN = [
    r
    for r in ROWS + DEFAULT_ROWS
    if r.method == "images.generate" and not any(attrs.has(type(v)) for v in r.kwargs.values())
]


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in SENT_AS_GIVEN])
async def test_validation_off_sends_as_given(driver: Driver, api: respx.Route, row: Row) -> None:
    client = driver.client(validation="off")
    await driver.run(_method(client, row.method)(**row.kwargs))
    assert api.call_count == 1
    sent = json.loads(api.calls.last.request.content)
    for key, value in row.kwargs.items():
        assert sent[key] == value
    await driver.close(client)


async def test_validation_off_sends_bad_expiry(driver: Driver, api: respx.Route) -> None:
    client = driver.client(validation="off")
    await driver.run(client.files.create(**FILE_BASE, expires_after={"seconds": 10}))
    assert b'name="expires_after[seconds]"\r\n\r\n10' in api.calls.last.request.content
    await driver.close(client)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prompt": "x", "size": "big", "quality": "hd"},
        {"prompt": "", "svg": {"reasoning": {"effort": "bogus"}}, "output_format": "svg"},
    ],
    ids=["default model", "nested and empty"],
)
async def test_validation_warn_warns_once(
    driver: Driver, api: respx.Route, kwargs: dict[str, Any]
) -> None:
    client = driver.client(validation="warn")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        await driver.run(client.images.generate(**kwargs))
    user = [w for w in caught if issubclass(w.category, UserWarning)]
    assert len(user) == 1, [str(w.message) for w in caught]
    assert "sending it anyway" in str(user[0].message)
    assert api.call_count == 1
    await driver.close(client)
