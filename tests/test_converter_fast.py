"""The converter's fast model hooks: the same results and the same errors as cattrs' hooks."""

from __future__ import annotations

import json
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator
from typing import Any, Literal, cast

import attrs
import httpx
import pytest
from cattrs.gen import make_dict_structure_fn
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_images_sdk import _converter
from openai_images_sdk._converter import converter, structure_hook
from openai_images_sdk._generated import models
from openai_images_sdk._generated.models import (
    Batch,
    DeleteFileResponse,
    ImageEditStreamEvent,
    ImageGenStreamEvent,
    ImagesResponse,
    ListBatchesResponse,
    OpenAIFile,
)
from openai_images_sdk._response import _why
from openai_images_sdk.fake_server._images import encode_png
from openai_images_sdk.testing import (
    FakeImagesServer,
    FakeTransport,
    images_response_body,
    stream_events,
)

pytestmark = pytest.mark.skipif(
    not hasattr(attrs, "inspect"), reason="the fast hooks need attrs.inspect (newer attrs)"
)

MODELS = sorted(
    (v for v in vars(models).values() if isinstance(v, type) and attrs.has(v)),
    key=lambda cls: cls.__name__,
)
EVENTS = {
    cls.__name__: cls
    for union in (ImageGenStreamEvent, ImageEditStreamEvent)
    for cls in typing.get_args(union)
}


# --- the bodies: canned answers, the fake server's answers, the tests' bodies -------------


def _sse_payloads(raw: bytes) -> Iterator[dict[str, Any]]:
    for line in raw.decode().splitlines():
        if line.startswith("data: "):
            yield json.loads(line[len("data: ") :])


def _server_bodies() -> list[tuple[str, dict[str, Any]]]:
    """What the fake server answers to files, batches and images calls, by response model."""
    server = FakeImagesServer(seed=7)
    auth = {"authorization": "Bearer k"}
    out: list[tuple[str, dict[str, Any]]] = []
    png = encode_png(16, 16, [b"\x10\x80\xf0" * 16] * 16)
    with httpx.Client(transport=FakeTransport(server), base_url="https://fake.test") as http:

        def ok(response: httpx.Response) -> dict[str, Any]:
            assert response.status_code == 200, response.text
            body: dict[str, Any] = response.json()
            return body

        for params in (
            {"prompt": "x"},
            {"prompt": "x", "n": 2, "output_format": "jpeg", "background": "opaque"},
            {"prompt": "x", "model": "dall-e-3", "response_format": "b64_json"},
            {"prompt": "x", "model": "dall-e-2", "size": "256x256"},
        ):
            answer = http.post("/v1/images/generations", json=params, headers=auth)
            out.append(("ImagesResponse", ok(answer)))
        edit = http.post(
            "/v1/images/edits",
            data={"prompt": "x", "model": "gpt-image-1.5"},
            files={"image": ("a.png", png, "image/png")},
            headers=auth,
        )
        out.append(("ImagesResponse", ok(edit)))
        for path in ("/v1/images/generations", "/v1/images/edits"):
            streamed = (
                http.post(
                    path, json={"prompt": "x", "stream": True, "partial_images": 2}, headers=auth
                )
                if path.endswith("generations")
                else http.post(
                    path,
                    data={"prompt": "x", "stream": "true", "partial_images": "1"},
                    files={"image": ("a.png", png, "image/png")},
                    headers=auth,
                )
            )
            assert streamed.status_code == 200, streamed.text
            out += [(EVENTS_BY_TAG[e["type"]], e) for e in _sse_payloads(streamed.content)]
        line = {
            "custom_id": "a",
            "method": "POST",
            "url": "/v1/images/generations",
            "body": {"prompt": "x"},
        }
        stored = ok(
            http.post(
                "/v1/files",
                data={"purpose": "batch"},
                files={"file": ("in.jsonl", json.dumps(line).encode(), "application/jsonl")},
                headers=auth,
            )
        )
        out.append(("OpenAIFile", stored))
        out.append(("OpenAIFile", ok(http.get(f"/v1/files/{stored['id']}", headers=auth))))
        batch = ok(
            http.post(
                "/v1/batches",
                json={
                    "input_file_id": stored["id"],
                    "endpoint": "/v1/images/generations",
                    "completion_window": "24h",
                    "metadata": {"k": "v"},
                },
                headers=auth,
            )
        )
        out.append(("Batch", batch))
        out.append(("Batch", ok(http.get(f"/v1/batches/{batch['id']}", headers=auth))))
        out.append(("ListBatchesResponse", ok(http.get("/v1/batches", headers=auth))))
        out.append(
            ("DeleteFileResponse", ok(http.delete(f"/v1/files/{stored['id']}", headers=auth)))
        )
    return out


EVENTS_BY_TAG = {
    typing.get_args(attrs.fields_dict(cls)["type"].type)[0]: name for name, cls in EVENTS.items()
}

USAGE = {
    "input_tokens": 12,
    "output_tokens": 272,
    "total_tokens": 284,
    "input_tokens_details": {"text_tokens": 12, "image_tokens": 0},
}
TEST_BODIES: list[tuple[str, dict[str, Any]]] = [
    ("ImagesResponse", {"created": 1, "data": [{"b64_json": "aGk="}], "usage": USAGE}),
    ("ImagesResponse", {"created": 1}),
    (
        "ImagesResponse",
        {
            "created": 1,
            "size": "1536x864",
            "quality": "ultra",
            "output_format": "avif",
            "background": "smoke",
            "safety_identifier": "s",
            "data": [{"b64_json": "aGk=", "new_field": 1}, {"url": "u", "revised_prompt": "p"}],
            "usage": {
                **USAGE,
                "input_tokens_details": {"text_tokens": 1, "image_tokens": 0, "audio_tokens": 9},
                "output_tokens_details": {"image_tokens": 2, "text_tokens": 0},
            },
            "svg_usage": {
                "input_tokens": 1,
                "output_tokens": 2,
                "total_tokens": 3,
                "model": "m",
                "reasoning_tokens": 4,
            },
        },
    ),
    ("ImageSvgOptions", {"model": "m", "reasoning": {"effort": "low"}}),
    ("ImageRefParam", {"file_id": "f"}),
    ("BatchErrors", {"object": "list", "data": [{"code": "c", "message": "m", "line": 3}]}),
]


def _canned_bodies() -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for fields in (
        {},
        {"n": 3, "output_format": "webp", "background": "transparent"},
        {"model": "dall-e-3"},
        {"model": "dall-e-2", "response_format": "url", "size": "256x256"},
    ):
        out.append(("ImagesResponse", images_response_body(created=5, **fields)))
    for operation in ("generate", "edit"):
        raw = stream_events(operation=operation, partial_images=1)
        out += [(EVENTS_BY_TAG[e["type"]], e) for e in _sse_payloads(raw)]
    return out


def _nested(name: str, body: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """`body` and every model body inside it, each with its model's name."""
    yield name, body
    hints = typing.get_type_hints(getattr(models, name))
    for key, value in body.items():
        if key not in hints:  # unknown fields are ignored
            continue
        members = (
            typing.get_args(hints[key]) if _converter._union_args(hints[key]) else (hints[key],)
        )
        for tp in members:
            if isinstance(tp, type) and attrs.has(tp) and isinstance(value, dict):
                yield from _nested(tp.__name__, value)
            if typing.get_origin(tp) is list and attrs.has(typing.get_args(tp)[0]):
                for entry in value:
                    yield from _nested(typing.get_args(tp)[0].__name__, entry)


CORPUS: list[tuple[str, dict[str, Any]]] = [
    nested
    for name, body in [*_server_bodies(), *_canned_bodies(), *TEST_BODIES]
    for nested in _nested(name, body)
]


def _wrong_values(value: object) -> list[object]:
    if isinstance(value, bool):
        return [1, "true", None]
    if isinstance(value, int):
        return ["12", 12.0, 12.5, True, None, "x", [1]]
    if isinstance(value, str):
        return [5, None, b"x", ["x"], {"x": 1}]
    if isinstance(value, list):
        return [(), "x", None, [None], [[]], {}]
    if isinstance(value, dict):
        return [[], "x", None, {}, 1]
    return [None, "x"]


def _mutants(body: dict[str, Any]) -> Iterator[object]:
    """Bodies that do not fit (or fit only by cattrs' coercion) made from a good one."""
    yield [body]
    yield None
    yield "x"
    for key, value in body.items():
        yield {k: v for k, v in body.items() if k != key}
        for wrong in _wrong_values(value):
            yield {**body, key: wrong}
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for inner_key in value[0]:
                yield {**body, key: [{k: v for k, v in value[0].items() if k != inner_key}]}
                for wrong in _wrong_values(value[0][inner_key]):
                    yield {**body, key: [{**value[0], inner_key: wrong}, *value[1:]]}
        if isinstance(value, dict):
            for inner_key, inner in value.items():
                yield {**body, key: {k: v for k, v in value.items() if k != inner_key}}
                for wrong in _wrong_values(inner):
                    yield {**body, key: {**value, inner_key: wrong}}


# --- comparing outcomes -------------------------------------------------------------------


def _typed(value: object) -> object:
    """`value` with every type spelled out (attrs equality takes 1 == 1.0 == True)."""
    if attrs.has(type(value)):
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(value)))
        return (type(value), tuple((f.name, _typed(getattr(value, f.name))) for f in fields))
    if isinstance(value, list | tuple):
        return (type(value), tuple(_typed(v) for v in value))
    if isinstance(value, dict):
        return (type(value), tuple((_typed(k), _typed(v)) for k, v in value.items()))
    return (type(value), value)


def _outcome(hook: Callable[[Any, Any], Any], data: object, cls: type) -> object:
    try:
        return ("ok", _typed(hook(data, cls)))
    except _converter.STRUCTURE_ERRORS as exc:
        return ("error", type(exc), str(exc), _why(exc))


def _detailed_hook(cls: type) -> Callable[[Any, Any], Any]:
    return make_dict_structure_fn(cls, converter)


def _cases() -> list[tuple[str, object]]:
    seen: set[str] = set()
    cases: list[tuple[str, object]] = []
    for name, body in CORPUS:
        for data in (body, *_mutants(body)):
            key = name + json.dumps(data, sort_keys=True, default=repr)
            if key not in seen:
                seen.add(key)
                cases.append((name, data))
    return cases


CASES = _cases()


def test_the_corpus_covers_every_response_model() -> None:
    names = {name for name, _ in CORPUS}
    wanted = {
        "ImagesResponse",
        "Image",
        "ImageGenUsage",
        "ImageGenInputUsageDetails",
        "ImageGenOutputTokensDetails",
        "ImageSvgUsage",
        "OpenAIFile",
        "DeleteFileResponse",
        "Batch",
        "BatchRequestCounts",
        "ListBatchesResponse",
        "BatchErrors",
        "BatchError",
        "ImagesUsage",
        *EVENTS,
    }
    assert wanted <= names, wanted - names
    assert len(CASES) > 1000


def test_generated_models_get_fast_hooks() -> None:
    for cls in MODELS:
        assert structure_hook(cls).__code__.co_filename.startswith("<fast structure"), cls


def test_fast_and_detailed_hooks_agree_on_every_body() -> None:
    mismatches = []
    for name, data in CASES:
        cls = getattr(models, name)
        fast = _outcome(structure_hook(cls), data, cls)
        detailed = _outcome(_detailed_hook(cls), data, cls)
        if fast != detailed:
            mismatches.append((name, data, fast, detailed))
    assert not mismatches, mismatches[:3]


def test_good_bodies_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: object, cls: type) -> object:
        raise AssertionError(f"detailed hook for {cls.__name__}: {data!r}")

    for cls in MODELS:
        monkeypatch.setitem(structure_hook(cls).__globals__, "_detailed", refuse)
    for name, body in CORPUS:
        cls = getattr(models, name)
        assert type(structure_hook(cls)(body, cls)) is cls


# Outcomes of the converter as it was (cattrs hooks only), computed in a fresh interpreter.
_REFERENCE = """
import json, sys
from openai_images_sdk import _converter
from openai_images_sdk._generated import models
from openai_images_sdk._response import _why
from cattrs.gen import make_dict_structure_fn

_converter._fast_structure_fn = lambda cls: None
out = []
for name, data in json.load(sys.stdin):
    cls = getattr(models, name)
    try:
        out.append(["ok", repr(_converter.structure_hook(cls)(data, cls))])
    except _converter.STRUCTURE_ERRORS as exc:
        out.append(["error", type(exc).__name__, str(exc), _why(exc)])
json.dump(out, sys.stdout)
"""


def test_outcomes_match_the_cattrs_only_converter() -> None:
    cases = [(name, data) for name, data in CASES if _json_safe(data)]
    ran = subprocess.run(
        [sys.executable, "-c", _REFERENCE],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(ran.stdout)
    assert len(reference) == len(cases)
    for (name, data), expected in zip(cases, reference, strict=True):
        cls = getattr(models, name)
        try:
            got: list[object] = ["ok", repr(structure_hook(cls)(data, cls))]
        except _converter.STRUCTURE_ERRORS as exc:
            got = ["error", type(exc).__name__, str(exc), _why(exc)]
        assert got == expected, (name, data)


def _json_safe(data: object) -> bool:
    try:
        return json.loads(json.dumps(data)) == data and "b'" not in json.dumps(data)
    except (TypeError, ValueError):
        return False


def test_the_fast_hook_sets_what_the_init_sets() -> None:
    body = {"created": 1, "data": [{"b64_json": "aGk="}], "usage": USAGE}
    fast = structure_hook(ImagesResponse)(body, ImagesResponse)
    assert fast == _detailed_hook(ImagesResponse)(body, ImagesResponse)
    assert fast.data is not None
    assert fast.usage is not None
    detailed = _detailed_hook(ImagesResponse)(body, ImagesResponse)
    assert hash(fast.usage) == hash(detailed.usage)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.created = 2  # type: ignore[misc]
    assert fast.request_id is None  # the metadata slot stays unset until attached
    from openai_images_sdk import _results

    response = httpx.Response(200, headers={"x-request-id": "req-1"})
    _results.attach_meta(fast, response)
    assert fast.request_id == "req-1"


def test_objects_other_than_dicts_go_to_the_detailed_hook() -> None:
    class Body(dict[str, object]):
        pass

    body = Body(created=3)
    assert structure_hook(ImagesResponse)(body, ImagesResponse) == ImagesResponse(created=3)


@pytest.mark.parametrize("cls", [OpenAIFile, Batch, ListBatchesResponse, DeleteFileResponse])
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_random_values_give_the_same_outcome(cls: type, data: st.DataObject) -> None:
    hints = typing.get_type_hints(cls)
    junk = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3)
    raw = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                name: junk
                | st.lists(junk, max_size=2)
                | st.dictionaries(st.text(max_size=2), junk, max_size=2)
                for name in hints
            },
        )
    )
    assert _outcome(structure_hook(cls), raw, cls) == _outcome(_detailed_hook(cls), raw, cls)


# --- classes the generated models do not exercise -----------------------------------------


def _fast(cls: type) -> Callable[[Any, Any], Any] | None:
    attrs.resolve_types(cls)
    return _converter._fast_structure_fn(cls)


@attrs.define(frozen=True, kw_only=True, slots=True)
class Inner:
    n: int


@attrs.define(frozen=True, kw_only=True, slots=True)
class Shapes:
    ratio: float
    flag: bool = False
    label: str = "none"
    tags: list[str] = attrs.Factory(list)
    counts: dict[str, int] = attrs.Factory(dict)
    kind: Literal["a", "b"] = "a"
    inner: Inner | None = None
    inners: list[Inner] | None = None
    maybe: int | None = 3


@attrs.define(frozen=True, kw_only=True, slots=True)
class Empty:
    pass


@pytest.mark.parametrize(
    "data",
    [
        {"ratio": 1.5},
        {
            "ratio": 1.5,
            "flag": True,
            "label": "x",
            "tags": ["t"],
            "counts": {"a": 1},
            "kind": "b",
            "inner": {"n": 1},
            "inners": [{"n": 2}],
            "maybe": None,
        },
        {"ratio": 1, "maybe": "4"},
        {"ratio": "1.5", "flag": 1, "label": 5, "tags": "ab"},
        {"ratio": 1.5, "kind": "c"},
        {"ratio": 1.5, "inner": {"n": "x"}},
        {"ratio": 1.5, "inners": [{}], "counts": []},
        {"ratio": 1.5, "tags": [1, None]},
        {},
        [],
    ],
)
def test_fields_of_every_kind(data: object) -> None:
    fast = _fast(Shapes)
    assert fast is not None
    assert _outcome(fast, data, Shapes) == _outcome(_detailed_hook(Shapes), data, Shapes)


def test_factory_defaults_are_fresh() -> None:
    fast = _fast(Shapes)
    assert fast is not None
    one, two = fast({"ratio": 1.0}, Shapes), fast({"ratio": 1.0}, Shapes)
    assert one.tags == []
    assert one.tags is not two.tags


def test_a_class_without_fields() -> None:
    fast = _fast(Empty)
    assert fast is not None
    assert fast({"x": 1}, Empty) == Empty()
    assert _outcome(fast, 5, Empty) == _outcome(_detailed_hook(Empty), 5, Empty)


def _positive(_: object, __: object, value: int) -> None:
    if value < 0:
        raise ValueError("negative")


@attrs.define(frozen=True, kw_only=True, slots=True)
class Validated:
    n: int = attrs.field(validator=_positive)


@attrs.define(frozen=True, kw_only=True, slots=True)
class Converted:
    n: int = attrs.field(converter=int)


@attrs.define(frozen=True, kw_only=True, slots=True)
class PostInit:
    n: int

    def __attrs_post_init__(self) -> None:
        pass


@attrs.define(kw_only=True, slots=True)
class Mutable:
    n: int


@attrs.define(frozen=True, kw_only=True, slots=False)
class Unslotted:
    n: int


@attrs.define(frozen=True, kw_only=True, slots=True)
class NotInit:
    n: int = attrs.field(init=False, default=1)


@attrs.define(frozen=True, kw_only=True, slots=True)
class Aliased:
    _n: int


@attrs.define(frozen=True, kw_only=True, slots=True)
class SelfFactory:
    n: int = attrs.Factory(lambda self: 1, takes_self=True)


@attrs.define(frozen=True, kw_only=True, slots=True, cache_hash=True)
class CachedHash:
    n: int


@attrs.define(frozen=True, kw_only=True, slots=True)
class Untyped:
    n = attrs.field()  # type: ignore[var-annotated]


@attrs.define(frozen=True, kw_only=True, slots=True, auto_exc=True)
class Failure(Exception):
    n: int


@attrs.define(frozen=True, kw_only=True, slots=False)
class UnslottedBase:
    n: int


@attrs.define(frozen=True, kw_only=True, slots=True)
class SlottedChild(UnslottedBase):
    m: int


@pytest.mark.parametrize(
    "cls",
    [
        Validated,
        Converted,
        PostInit,
        Mutable,
        Unslotted,
        NotInit,
        Aliased,
        SelfFactory,
        CachedHash,
        Failure,
        SlottedChild,
        Untyped,
    ],
)
def test_classes_whose_init_does_more_keep_the_cattrs_hook(cls: type) -> None:
    assert _fast(cls) is None


@attrs.define(frozen=True, kw_only=True, slots=True)
class Node:
    name: str
    children: list[Node] | None = None
    parent: Node | None = None


def test_a_model_that_holds_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_converter, "_MODELS_MODULE", __name__)  # Node counts as generated
    attrs.resolve_types(Node)
    hook = converter.get_structure_hook(Node)
    data = {"name": "a", "children": [{"name": "b", "parent": {"name": "c"}}]}
    assert hook(data, Node) == Node(
        name="a", children=[Node(name="b", parent=Node(name="c"))], parent=None
    )
    for bad in ({"name": "a", "children": [{"name": 1}]}, {"name": "a", "parent": {}}):
        assert _outcome(hook, bad, Node) == _outcome(_detailed_hook(Node), bad, Node)
