"""The cattrs converter: round trips for every model, open value sets, unknown input."""

from __future__ import annotations

import subprocess
import sys
import types
import typing
from typing import Any, Literal, Union, cast, get_args, get_origin

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_images_sdk import _converter
from openai_images_sdk._converter import converter, structure, structure_event, unstructure
from openai_images_sdk._generated import models
from openai_images_sdk._generated.models import (
    Image,
    ImageEditCompletedEvent,
    ImageEditPartialImageEvent,
    ImageEditStreamEvent,
    ImageGenCompletedEvent,
    ImageGenPartialImageEvent,
    ImageGenStreamEvent,
    ImageRefParam,
    ImagesResponse,
    ImageSvgOptions,
    ImageSvgReasoning,
)

MODELS = sorted(
    (v for v in vars(models).values() if isinstance(v, type) and attrs.has(v)),
    key=lambda cls: cls.__name__,
)
UNIONS = [ImageGenStreamEvent, ImageEditStreamEvent]
NONE = type(None)


def _json(tp: Any, *, optional: bool = False) -> st.SearchStrategy[Any]:
    """JSON values that fit the annotation `tp` (None left out for optional fields)."""
    if isinstance(tp, types.UnionType) or get_origin(tp) is Union:
        members = [a for a in get_args(tp) if not (optional and a is NONE)]
        return st.one_of([_json(a) for a in members])
    if get_origin(tp) is Literal:
        return st.sampled_from(get_args(tp))
    if get_origin(tp) is list:
        return st.lists(_json(get_args(tp)[0]), max_size=3)
    if get_origin(tp) is dict:
        return st.dictionaries(st.text(max_size=8), _json(get_args(tp)[1]), max_size=3)
    if isinstance(tp, type) and attrs.has(tp):
        return _model_json(tp)
    simple: dict[object, st.SearchStrategy[Any]] = {
        str: st.text(max_size=12),
        int: st.integers(min_value=-(2**53), max_value=2**53),
        bool: st.booleans(),
        float: st.floats(allow_nan=False, allow_infinity=False),
        NONE: st.none(),
    }
    return simple[tp]


def _model_json(cls: type) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object for `cls`: required fields always, optional ones absent or non-null."""
    hints = typing.get_type_hints(cls)
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        if field.default is attrs.NOTHING:
            required[field.name] = _json(hints[field.name])
        else:
            optional[field.name] = _json(hints[field.name], optional=True)
    return st.fixed_dictionaries(required, optional=optional)


def test_every_generated_model_is_covered() -> None:
    names = {cls.__name__ for cls in MODELS}
    assert {"ImagesResponse", "Image", "ImageGenCompletedEvent", "ImageRefParam"} <= names
    assert len(MODELS) == len([n for n in models.__all__ if attrs.has(getattr(models, n))])


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_round_trip_every_model(cls: type[object], data: st.DataObject) -> None:
    raw = data.draw(_model_json(cls))
    value: object = structure(raw, cls)
    assert isinstance(value, cls)
    assert unstructure(value) == raw
    assert structure(unstructure(value), cls) == value


@pytest.mark.parametrize("union", UNIONS, ids=["generation", "edit"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_round_trip_event_unions(union: Any, data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(get_args(union)))
    raw = data.draw(_model_json(cls))
    event = structure(raw, union)
    assert type(event) is cls
    assert structure_event(raw, union) == event
    assert unstructure(event) == raw


@settings(max_examples=40, deadline=None)
@given(
    raw=_model_json(ImagesResponse),
    extra=st.dictionaries(st.text(min_size=1, max_size=8), st.integers() | st.text(), max_size=3),
)
def test_unknown_fields_are_ignored(raw: dict[str, Any], extra: dict[str, Any]) -> None:
    known = {f.name for f in attrs.fields(ImagesResponse)}
    extra = {f"x_{k}": v for k, v in extra.items() if f"x_{k}" not in known}
    assert structure({**raw, **extra}, ImagesResponse) == structure(raw, ImagesResponse)


def test_unknown_values_of_open_sets_are_kept() -> None:
    response = structure(
        {
            "created": 1,
            "size": "1536x864",
            "quality": "ultra",
            "output_format": "avif",
            "background": "smoke",
            "data": [{"b64_json": "aGk=", "new_field": 1}],
            "usage": {
                "input_tokens": 1,
                "output_tokens": 2,
                "total_tokens": 3,
                "input_tokens_details": {"text_tokens": 1, "image_tokens": 0, "audio_tokens": 9},
                "output_tokens_details": {"image_tokens": 2, "text_tokens": 0},
            },
        },
        ImagesResponse,
    )
    assert (response.size, response.quality, response.output_format, response.background) == (
        "1536x864",
        "ultra",
        "avif",
        "smoke",
    )
    assert response.data == [Image(b64_json="aGk=")]
    assert response.usage is not None
    assert response.usage.output_tokens_details is not None


def test_open_sets_still_reject_non_strings() -> None:
    with pytest.raises(cattrs.ClassValidationError):
        structure({"created": 1, "quality": 5}, ImagesResponse)
    with pytest.raises(cattrs.ClassValidationError):
        structure({"created": "yesterday"}, ImagesResponse)


def test_b64_json_stays_a_string() -> None:
    image = structure({"b64_json": "aGk="}, Image)
    assert image.b64_json == "aGk="
    assert unstructure(image) == {"b64_json": "aGk="}


def _event(kind: str, **extra: object) -> dict[str, object]:
    return {
        "type": kind,
        "b64_json": "eA==",
        "created_at": 1,
        "size": "1024x1536",
        "quality": "xhigh",
        "background": "auto",
        "output_format": "gif",
        **extra,
    }


USAGE = {
    "input_tokens": 1,
    "output_tokens": 2,
    "total_tokens": 3,
    "input_tokens_details": {"text_tokens": 1, "image_tokens": 0},
}


@pytest.mark.parametrize(
    ("union", "data", "cls"),
    [
        (
            ImageGenStreamEvent,
            _event("image_generation.partial_image", partial_image_index=0),
            ImageGenPartialImageEvent,
        ),
        (
            ImageGenStreamEvent,
            _event("image_generation.completed", usage=USAGE, safety_identifier="s"),
            ImageGenCompletedEvent,
        ),
        (
            ImageEditStreamEvent,
            _event("image_edit.partial_image", partial_image_index=2),
            ImageEditPartialImageEvent,
        ),
        (
            ImageEditStreamEvent,
            _event("image_edit.completed", usage=USAGE),
            ImageEditCompletedEvent,
        ),
    ],
    ids=["gen-partial", "gen-completed", "edit-partial", "edit-completed"],
)
def test_tagged_union_picks_the_precise_class(
    union: Any, data: dict[str, object], cls: type
) -> None:
    assert type(structure_event(data, union)) is cls
    assert type(structure(data, union)) is cls


def test_unknown_event_types_give_none() -> None:
    assert structure_event({"type": "image_generation.thinking"}, ImageGenStreamEvent) is None
    assert structure_event({"no_type": 1}, ImageGenStreamEvent) is None
    # an edit event is unknown to the generation union
    edit = _event("image_edit.partial_image", partial_image_index=0)
    assert structure_event(edit, ImageGenStreamEvent) is None
    with pytest.raises(ValueError, match="unknown type"):
        structure({"type": "image_generation.thinking"}, cast(Any, ImageGenStreamEvent))


def test_known_event_with_a_bad_body_raises() -> None:
    with pytest.raises(cattrs.ClassValidationError):
        structure_event({"type": "image_generation.completed"}, ImageGenStreamEvent)


def test_unstructure_leaves_out_unset_optional_fields() -> None:
    assert unstructure(ImagesResponse(created=5)) == {"created": 5}
    assert unstructure(ImageRefParam(file_id="file-1")) == {"file_id": "file-1"}
    params = {
        "svg": ImageSvgOptions(model="m", reasoning=ImageSvgReasoning(effort="low")),
        "image": [ImageRefParam(image_url="https://x/y.png"), {"file_id": "f"}],
        "n": 2,
    }
    assert unstructure(params) == {
        "svg": {"model": "m", "reasoning": {"effort": "low"}},
        "image": [{"image_url": "https://x/y.png"}, {"file_id": "f"}],
        "n": 2,
    }


def test_hooks_are_made_once_on_first_use() -> None:
    first = converter.get_structure_hook(ImagesResponse)
    assert converter.get_structure_hook(ImagesResponse) is first
    for union in UNIONS:
        converter.get_structure_hook(union)
    assert set(UNIONS) <= set(_converter._EVENT_TABLES)


def test_no_hook_is_made_at_import() -> None:
    code = (
        "import openai_images_sdk._converter as c\n"
        "assert c._EVENT_TABLES == {}, c._EVENT_TABLES\n"
        "from openai_images_sdk._generated.models import ImagesResponse\n"
        "assert c.structure({'created': 1}, ImagesResponse).created == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_without_attrs_inspect_models_keep_the_cattrs_hook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An attrs too old to say how a class was made gets cattrs' own hooks (same results)."""
    from openai_images_sdk import _converter
    from openai_images_sdk._generated import models

    monkeypatch.delattr(attrs, "inspect", raising=False)
    assert _converter._fast_structure_fn(models.ImagesResponse) is None
