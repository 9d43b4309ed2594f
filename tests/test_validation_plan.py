"""The compiled validation plan agrees with the general checks on every call.

`validate_request` asks the call's plan first and runs the general checks only when the
plan cannot say "valid". Each test below runs many calls both ways (the plan patched out
for the second) and compares what they do: the exception and its violations, every
warning, in strict and warn modes.
"""

from __future__ import annotations

import datetime
import itertools
import warnings
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from unittest import mock

import attrs
import pytest
from _validation_ops import HAND_BUILT, generated
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_images_sdk import _validation, _validation_plan
from openai_images_sdk._capabilities import default_table
from openai_images_sdk._capability_rules import CapabilityTable
from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk._operation import BodyKind, OperationSpec
from openai_images_sdk._request_checks import request_violations
from openai_images_sdk._types import ImageInfo
from openai_images_sdk._validation import validate_request

_generated = generated()
OP_SETS: dict[str, Mapping[str, OperationSpec]] = (
    {"generated": _generated} if _generated is not None else {"hand-built": HAND_BUILT}
)
"""The operations calls meet (the generated ones; the hand-built mirror without codegen
output). The plan compiles from whichever it is given, so one set covers it."""

TABLE = default_table()
MODELS: tuple[object, ...] = (*TABLE.models, "my-local-model", "", None, 42)
"""Every model of the table, an unknown one, an empty name, None and not a string."""
DAYS = (
    None,
    datetime.date(2026, 11, 21),
    datetime.date(2026, 5, 11),
    datetime.date(2026, 10, 22),
    datetime.date(2026, 10, 23),
)
BODIES: dict[str, tuple[BodyKind | None, ...]] = {
    "generate": (None, "json"),
    "edit": (None, "multipart", "json"),
    "variation": (None, "multipart"),
}
BASE: dict[str, dict[str, object]] = {
    "generate": {"prompt": "a lighthouse at dusk"},
    "edit": {"image": b"png bytes", "prompt": "a lighthouse at dusk"},
    "variation": {"image": b"png bytes"},
}


class Text(str):
    """A str subclass: the plan leaves it to the general checks."""

    __slots__ = ()


class Number(int):
    """An int subclass, likewise."""

    __slots__ = ()


@attrs.frozen
class Ref:
    """An attrs object value, as an image reference may be given."""

    image_url: str | None = None
    file_id: str | None = None


def _image(label: str = "image", fmt: Any = "png", side: int = 1024, **kw: Any) -> ImageInfo:
    fields: dict[str, Any] = {
        "label": label,
        "filename": f"{label}.{fmt}",
        "content_type": f"image/{fmt}",
        "format": fmt,
        "width": side,
        "height": side,
        "size": 100_000,
        "has_alpha": True,
        **kw,
    }
    return ImageInfo(**fields)


INPUTS: tuple[tuple[ImageInfo, ...], ...] = (
    (),
    (_image(),),
    (_image("image[0]"), _image("image[1]", "webp", width=1024, height=512)),
    (_image(size=60 * 1024 * 1024), _image("mask")),
    (_image(fmt="gif"),),
)

COMMON: tuple[object, ...] = (
    *(None, "", "x", "auto", "low", "high", "png", "svg", "gif", "webp", "jpeg"),
    *("transparent", "standard", "hd", "xhigh", "url", "vivid", "1024x1024", "1536x864"),
    *("1000x1000", "256x256", "2048x1152", "3840x2160", "4096x2048", "big", "01024x1024"),
    *("x" * 32000, "x" * 32001, "\ud800", Text("low"), Text("x")),
    *(0, 1, 2, 3, 4, 9, 10, 11, 16, 17, -1, 80, 100, 101, 655350, 655351, 10**30),
    *(1.0, 1.5, float("nan"), True, False, Number(2), b"png bytes", ("a.png", b"x")),
    *([], [b"a"], [b"a"] * 17, [{"image_url": "https://x/a.png"}], [{"bogus": 1}]),
    *({}, {"image_url": "https://x/a.png"}, {"file_id": "f"}, {"bogus": 1}, Ref(file_id="f")),
    *({"model": "gpt-5", "reasoning": "low"}, {"model": 3}),
)
"""Values of every type and at every bound the spec and the table use."""


def _values(op: OperationSpec, name: str) -> tuple[object, ...]:
    """`COMMON`, plus every value the spec or the table lists for the field."""
    listed: list[object] = []
    for spec in op.fields:
        if spec.python_name == name:
            listed += [*(spec.enum or ()), *spec.known_values]
    for model in TABLE.models.values():
        for rules in model.operations.values():
            rule = rules.parameters.get(name)
            if rule is not None and rule.values is not None:
                listed += rule.values.values
            if name == "size" and rules.size is not None:
                listed += rules.size.values
    found: dict[tuple[type, object], object] = {}
    for value in (*COMMON, *listed):
        try:
            found.setdefault((type(value), value), value)
        except TypeError:  # unhashable: keep each one
            found[(type(value), id(value))] = value
    return tuple(found.values())


def _never(*args: object, **kwargs: object) -> bool:
    return False


def _outcome(
    op: OperationSpec, params: Mapping[str, object], *, mode: Any, **kw: Any
) -> tuple[object, ...]:
    """What `validate_request` does: what it raises (with its violations), what it warns."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            validate_request(op, params, mode=mode, **kw)
        except Exception as exc:  # any exception must match
            raised: object = (type(exc), repr(getattr(exc, "violations", str(exc))))
        else:
            raised = None
    return raised, [(w.category, str(w.message), w.filename) for w in caught]


def _plan_says(op: OperationSpec, params: Mapping[str, object], **kw: Any) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _validation_plan.passes_plan(op, params, table=kw.get("table") or TABLE, **kw)


def _general_finds(op: OperationSpec, params: Mapping[str, object], **kw: Any) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bool(request_violations(op, params, table=TABLE, upload_violations=(), **kw))


def assert_same(
    op: OperationSpec,
    params: Mapping[str, object],
    *,
    body: BodyKind | None = None,
    today: datetime.date | None = None,
    inputs: Sequence[ImageInfo] = (),
    table: CapabilityTable | None = None,
    modes: Sequence[str] = ("strict", "warn"),
) -> None:
    """The plan and the general checks treat the call alike, in each of `modes`."""
    kw: dict[str, Any] = {"body": body, "today": today, "inputs": inputs, "table": table}
    for mode in modes:
        planned = _outcome(op, params, mode=mode, **kw)
        with mock.patch.object(_validation, "passes_plan", _never):
            general = _outcome(op, params, mode=mode, **kw)
        assert planned == general, (op.method_name, params, kw, mode)


def _model_params(op: str, model: object) -> Iterator[dict[str, object]]:
    """The base call without a model, with the model, and with None."""
    yield dict(BASE[op])
    yield {**BASE[op], "model": model}


@pytest.mark.parametrize("ops", list(OP_SETS))
@pytest.mark.parametrize("op_name", list(BASE))
def test_every_field_value_and_model(ops: str, op_name: str) -> None:
    op = OP_SETS[ops][op_name]
    names = dict.fromkeys(spec.python_name for spec in op.fields)
    for model, name in itertools.product(MODELS, names):
        values = _values(op, name)
        for body, value in itertools.product(BODIES[op_name], values):
            params = {**BASE[op_name], "model": model, name: value}
            if model is None and name != "model":
                del params["model"]
            assert_same(op, params, body=body, today=DAYS[1], modes=("strict",))


@pytest.mark.parametrize("ops", list(OP_SETS))
@pytest.mark.parametrize("op_name", list(BASE))
def test_missing_fields_lifecycles_and_inputs(ops: str, op_name: str) -> None:
    op = OP_SETS[ops][op_name]
    for model, today, inputs in itertools.product(MODELS, DAYS, INPUTS):
        for params in _model_params(op_name, model):
            for body in BODIES[op_name]:
                assert_same(op, params, body=body, today=today, inputs=inputs)
            for dropped in BASE[op_name]:
                rest = {k: v for k, v in params.items() if k != dropped}
                assert_same(op, rest, today=today, inputs=inputs)
                assert_same(op, {**params, dropped: None}, today=today, inputs=inputs)


@pytest.mark.parametrize("ops", list(OP_SETS))
@pytest.mark.parametrize("op_name", list(BASE))
def test_names_the_operation_does_not_have(ops: str, op_name: str) -> None:
    """Unknown parameters, and those a model has rules for but the operation lacks."""
    op = OP_SETS[ops][op_name]
    fields = {spec.python_name for spec in op.fields}
    foreign = {"not_a_field"}
    for entry in TABLE.models.values():
        for rules in entry.operations.values():
            foreign |= set(rules.parameters) - fields
    for model, name in itertools.product(MODELS, sorted(foreign)):
        for value in (None, "low", "x" * 40000, 1, 99, True, [b"a"]):
            params = {**BASE[op_name], "model": model, name: value}
            assert_same(op, params, today=DAYS[1], modes=("strict",))


CONSTRAINED = {
    "n": (1, 2, None),
    "stream": (True, False, None),
    "partial_images": (0, 2, None),
    "output_compression": (50, None),
    "frame_count": (4, None),
    "frame_duration_ms": (100, None),
    "background": ("transparent", "opaque", None),
    "svg": ({"model": "gpt-5"}, None),
    "quality": ("standard", "low"),
    "user": ("u", None),
}


@pytest.mark.parametrize("ops", list(OP_SETS))
@pytest.mark.parametrize("op_name", ["generate", "edit"])
def test_constraints_between_parameters(ops: str, op_name: str) -> None:
    op = OP_SETS[ops][op_name]
    formats = (None, "png", "svg", "gif", "webp", "jpeg")
    for model, fmt in itertools.product(MODELS, formats):
        for (first, a_values), (second, b_values) in itertools.combinations(CONSTRAINED.items(), 2):
            for a, b in itertools.product(a_values, b_values):
                params = {**BASE[op_name], "model": model, first: a, second: b}
                if fmt is not None:
                    params["output_format"] = fmt
                assert_same(op, params, today=DAYS[1], modes=("strict",))


_ANY_VALUE = st.sampled_from(COMMON)


@settings(max_examples=400, deadline=None)
@given(picked=st.lists(st.tuples(st.integers(0, 40), _ANY_VALUE), max_size=6), data=st.data())
def test_random_calls(picked: list[tuple[int, object]], data: st.DataObject) -> None:
    op_name = data.draw(st.sampled_from(list(BASE)))
    op = OP_SETS[data.draw(st.sampled_from(sorted(OP_SETS)))][op_name]
    names = list(dict.fromkeys(spec.python_name for spec in op.fields))
    params: dict[str, object] = {**BASE[op_name], "model": data.draw(st.sampled_from(MODELS))}
    for index, value in picked:
        name = names[index % len(names)]
        params[name] = data.draw(st.sampled_from(_values(op, name))) if index > 30 else value
    assert_same(
        op,
        params,
        body=data.draw(st.sampled_from(BODIES[op_name])),
        today=data.draw(st.sampled_from(DAYS)),
        inputs=data.draw(st.sampled_from(INPUTS)),
    )


def test_the_benchmark_call_takes_the_plan() -> None:
    op = OP_SETS[sorted(OP_SETS)[0]]["generate"]
    params = {"prompt": "a lighthouse at dusk", "model": "gpt-image-1.5"}
    params |= {"size": "1024x1024", "quality": "low"}
    for body in (None, "json"):
        assert _plan_says(op, params, inputs=(), today=None, body=body)


@pytest.mark.parametrize("ops", list(OP_SETS))
@pytest.mark.parametrize("op_name", list(BASE))
def test_the_plan_passes_what_the_general_checks_pass(ops: str, op_name: str) -> None:
    """The plan says "valid" for every valid call (not only that it agrees in the end),
    except where the model lists a value the spec's enum lacks (the general checks then
    skip the enum; the plan leaves that to them)."""
    op = OP_SETS[ops][op_name]
    names = dict.fromkeys(spec.python_name for spec in op.fields)
    valid = 0
    for model, name in itertools.product(MODELS, names):
        for value in _values(op, name):
            params = {**BASE[op_name], "model": model, name: value}
            kw: dict[str, Any] = {"inputs": (), "today": DAYS[1], "body": None}
            if _general_finds(op, params, **kw) or type(value) not in (str, int, type(None)):
                continue
            if _outside_the_enum(op, name, value):
                continue
            valid += 1
            assert _plan_says(op, params, **kw), params
    assert valid > 100


def _outside_the_enum(op: OperationSpec, name: str, value: object) -> bool:
    return any(
        spec.python_name == name and spec.enum is not None and value not in spec.enum
        for spec in op.fields
    )


def test_plans_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_validation_plan, "MAX_SHAPES", 3)
    op = HAND_BUILT["generate"]
    for index in range(10):
        validate_request(op, {"prompt": "p", "model": f"m{index}"}, mode="strict")
    assert len(_validation_plan._plans) <= 3  # pyright: ignore[reportPrivateUsage]


def test_off_checks_nothing_even_with_a_plan() -> None:
    op = HAND_BUILT["generate"]
    params = {"prompt": "p", "model": "gpt-image-1.5", "n": 99}
    validate_request(op, params, mode="off")
    with pytest.raises(ValidationError):
        validate_request(op, params, mode="strict")
