"""The one cattrs converter: response bodies and stream events in, request values out.

Hooks are made on first use of each type (cattrs caches them), not at import, so a call
pays only for the models it meets:

- a generated model is structured by a straight-line function made from its fields (exact
  type checks, its slots set directly); anything that does not fit goes to the detailed
  cattrs hook, so results and errors are cattrs' own;
- unknown response fields are ignored;
- open value sets (``Literal[...] | str``) accept any string;
- the stream event unions dispatch on their ``type`` field (`structure_event` answers None
  for a type the spec does not know yet);
- unstructuring leaves out optional fields that still hold their default (None), so a
  value never sends a null the caller did not write.
"""

from __future__ import annotations

import linecache
import types
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, TypeVar, Union, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

__all__ = ["converter", "structure", "structure_event", "structure_hook", "unstructure"]

T = TypeVar("T")

_MODELS_MODULE: Final = f"{__package__}._generated.models"
"""Where the generated models live; named, not imported (the models' base calls back here)."""

converter = cattrs.Converter(forbid_extra_keys=False)
"""Structures JSON into the generated models and unstructures them back."""

_NONE = type(None)
_TAG = "type"


def _union_args(tp: object) -> tuple[object, ...]:
    if isinstance(tp, types.UnionType) or get_origin(tp) is Union:
        return get_args(tp)
    return ()


def _is_open_string(tp: object) -> bool:
    """`Literal["a", "b"] | str` (optionally `| None`): known values, any string allowed."""
    args = _union_args(tp)
    if str not in args:
        return False
    return all(
        arg is str
        or arg is _NONE
        or (get_origin(arg) is Literal and all(isinstance(v, str) for v in get_args(arg)))
        for arg in args
    )


def _open_string_hook(tp: object) -> Callable[[object, object], str | None]:
    nullable = _NONE in _union_args(tp)

    def structure_open_string(value: object, _: object) -> str | None:
        if isinstance(value, str):
            return value
        if value is None and nullable:
            return None
        raise ValueError(f"expected a string, got {value!r}")

    return structure_open_string


def _is_optional(tp: object) -> bool:
    """``X | None`` for one type X that is not an open string (those have their own hook)."""
    args = _union_args(tp)
    return len(args) == 2 and _NONE in args and not _is_open_string(tp)


def _optional_hook(tp: object) -> Callable[[object, object], Any]:
    """None, or the value structured by X's hook, looked up once (cattrs looks it up on
    every value)."""
    first, second = _union_args(tp)
    inner = second if first is _NONE else first
    hook = converter.get_structure_hook(inner)

    def structure_optional(value: object, _: object) -> object:
        return None if value is None else hook(value, inner)

    return structure_optional


def _event_tag(cls: type) -> str | None:
    """The one value of a class's `type` Literal field, if it has one."""
    field = attrs.fields_dict(cls).get(_TAG)
    if field is None or get_origin(field.type) is not Literal:
        return None
    values = get_args(field.type)
    return str(values[0]) if len(values) == 1 else None


def _tag_table(union: object) -> dict[str, type[object]]:
    """Tag -> class for a union of attrs classes tagged by `type`; empty when not such a union."""
    table: dict[str, type[object]] = {}
    for member in _union_args(union):
        if not (isinstance(member, type) and attrs.has(member)):
            return {}
        tag = _event_tag(member)
        if tag is None:
            return {}
        table[tag] = member
    return table


def _tagged_union_hook(
    union: object, table: Mapping[str, type[object]]
) -> Callable[[object, object], Any]:
    def structure_tagged(value: object, _: object) -> object:
        tag = cast("Mapping[str, object]", value).get(_TAG) if isinstance(value, Mapping) else None
        cls = table.get(str(tag))
        if cls is None:
            raise ValueError(f"unknown {_TAG} {tag!r} for {union}")
        return converter.structure(value, cls)

    return structure_tagged


def _is_model(tp: object) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and tp.__module__ == _MODELS_MODULE


# --- fast model hooks ----------------------------------------------------------------------
# A generated model is structured by a straight-line function made for it from its fields:
# exact-type checks for plain fields, the inner hooks only where a field needs one, and the
# instance built by setting its slots (what the attrs `__init__` of a frozen slotted class
# without validators, converters or init hooks does). Any mismatch hands the same data to
# the detailed cattrs hook, made on that first failure, so errors read as before.


class _Mismatch(Exception):
    """Raised inside a fast hook when the data needs the detailed hook."""


_PLAIN: Final = (int, str, bool, float)
_FACTORY: Final[type[object]] = type(attrs.Factory(object))

_detailed_hooks: dict[type, Callable[[Any, Any], Any]] = {}


def _detailed(data: Any, cls: type[Any]) -> Any:
    """`data` structured by the cattrs hook of `cls` (made on first use)."""
    hook: Callable[[Any, Any], Any] | None = _detailed_hooks.get(cls)
    if hook is None:
        hook = make_dict_structure_fn(cls, converter)
        _detailed_hooks[cls] = hook
    return hook(data, cls)


def _slot_setters(cls: type[Any]) -> list[Callable[[object, object], None]] | None:
    """The slot setters of `cls`'s fields in order, when setting them is all its `__init__`
    does; None otherwise."""
    inspect = getattr(attrs, "inspect", None)
    if inspect is None:  # an older attrs cannot say how a class was made: keep cattrs' hook
        return None
    props = inspect(cls)
    if not (props.is_frozen and props.is_slotted and props.added_init) or props.is_exception:
        return None
    if props.hashability is attrs.ClassProps.Hashability.HASHABLE_CACHED:
        return None
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return None
    setters: list[Callable[[object, object], None]] = []
    for field in attrs.fields(cls):
        default = field.default
        if (
            field.type is None
            or field.validator is not None
            or field.converter is not None
            or not field.init
            or field.alias != field.name
            or (isinstance(default, _FACTORY) and cast("Any", default).takes_self)
        ):
            return None
        slot = next((vars(k)[field.name] for k in cls.__mro__ if field.name in vars(k)), None)
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        setters.append(slot.__set__)
    return setters


def _value_lines(tp: object, var: str, key: str, names: dict[str, object]) -> list[str]:
    """Lines that leave in `var` its value structured as `tp`, raising `_Mismatch` where
    the value needs the detailed hook (None passes where `tp` allows it)."""
    if (
        isinstance(tp, type)
        and tp in _PLAIN
        and converter.get_structure_hook(tp) == converter._structure_call
    ):
        return [f"if type({var}) is not {cast('type', tp).__name__}: raise _Mismatch"]
    if _is_open_string(tp):
        nullable = f"{var} is not None and " if _NONE in _union_args(tp) else ""
        return [f"if {nullable}type({var}) is not str: raise _Mismatch"]
    if _is_optional(tp):
        inner = next(arg for arg in _union_args(tp) if arg is not _NONE)
        return [
            f"if {var} is not None:",
            *(f"    {line}" for line in _value_lines(inner, var, key, names)),
        ]
    if get_origin(tp) is list and _is_model(get_args(tp)[0]):
        (item,) = get_args(tp)
        names[f"h_{key}"], names[f"t_{key}"] = _inner_hook(item), item
        return [
            f"if type({var}) is not list: raise _Mismatch",
            f"{var} = [h_{key}(x, t_{key}) for x in {var}]",
        ]
    hook = _inner_hook(tp)
    if get_origin(tp) is Literal and hook == converter.get_structure_hook(Literal[""]):
        names[f"t_{key}"] = get_args(tp)
        return [f"if {var} not in t_{key}: raise _Mismatch"]
    names[f"h_{key}"], names[f"t_{key}"] = hook, tp
    return [f"{var} = h_{key}({var}, t_{key})"]


_building: set[object] = set()
"""The models whose fast hooks are being made (a recursive model meets itself)."""


def _structure_later(value: object, tp: Any) -> Any:
    """`value` structured by `tp`'s hook, looked up on use: for a model whose hook was
    still being made when a field met it."""
    return converter.get_structure_hook(tp)(value, tp)


def _inner_hook(tp: object) -> Callable[[Any, Any], Any]:
    return _structure_later if tp in _building else converter.get_structure_hook(tp)


def _passes_none(tp: object) -> bool:
    """Whether `_value_lines` leave None as it is for `tp`."""
    return _is_optional(tp) or (_is_open_string(tp) and _NONE in _union_args(tp))


def _fast_structure_fn(cls: type[Any]) -> Callable[[Any, Any], Any] | None:
    """The straight-line structure hook of `cls`, or None when its `__init__` does more than
    set its fields (then the cattrs hook serves it)."""
    setters = _slot_setters(cls)
    if setters is None:
        return None
    names: dict[str, object] = {"_Mismatch": _Mismatch, "_detailed": _detailed, "cls": cls}
    names["new"] = object.__new__
    body: list[str] = []
    _building.add(cls)
    try:
        checks = [
            _value_lines(f.type, f"v{i}", str(i), names) for i, f in enumerate(attrs.fields(cls))
        ]
    finally:
        _building.discard(cls)
    for i, (field, check) in enumerate(zip(attrs.fields(cls), checks, strict=True)):
        var, default = f"v{i}", field.default
        names[f"s{i}"] = setters[i]
        if default is attrs.NOTHING:
            body += [f"{var} = o[{field.name!r}]", *check]
        elif default is None and _passes_none(field.type):
            body += [f"{var} = o.get({field.name!r})", *check]
        else:
            if isinstance(default, _FACTORY):
                names[f"d{i}"] = cast("Any", default).factory
                fallback = f"d{i}()"
            else:
                names[f"d{i}"] = default
                fallback = f"d{i}"
            body += [f"if {field.name!r} in o:", f"    {var} = o[{field.name!r}]"]
            body += [f"    {line}" for line in check]
            body += ["else:", f"    {var} = {fallback}"]
    build = [f"s{i}(self, v{i})" for i in range(len(setters))]
    lines = [
        f"def structure_{cls.__name__}(o, _=None):",
        "    if type(o) is dict:",
        "        try:",
        *(f"            {line}" for line in body or ["pass"]),
        "        except Exception:",
        "            pass",
        "        else:",
        "            self = new(cls)",
        *(f"            {line}" for line in build),
        "            return self",
        "    return _detailed(o, cls)",
    ]
    source = "\n".join(lines) + "\n"
    filename = f"<fast structure {cls.__module__}.{cls.__qualname__}>"
    exec(compile(source, filename, "exec"), names)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return cast("Callable[[Any, Any], Any]", names[f"structure_{cls.__name__}"])


def _model_structure_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    return _fast_structure_fn(cls) or make_dict_structure_fn(cls, converter)


def _model_unstructure_hook(cls: type[Any]) -> Callable[[Any], Any]:
    attrs.resolve_types(cls)
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)


_EVENT_TABLES: dict[object, dict[str, type[object]]] = {}
"""Tag tables of the event unions met so far."""


def _event_table(union: object) -> dict[str, type[object]]:
    table = _EVENT_TABLES.get(union)
    if table is None:
        table = _EVENT_TABLES.setdefault(union, _tag_table(union))
    return table


def _tagged_union_factory(union: object) -> Callable[[object, object], Any]:
    return _tagged_union_hook(union, _event_table(union))


converter.register_structure_hook_factory(_is_open_string, _open_string_hook)
converter.register_structure_hook_factory(_is_optional, _optional_hook)
converter.register_structure_hook_factory(_is_model, _model_structure_hook)
converter.register_unstructure_hook_factory(_is_model, _model_unstructure_hook)
converter.register_structure_hook_factory(
    lambda tp: bool(_union_args(tp)) and bool(_event_table(tp)), _tagged_union_factory
)


STRUCTURE_ERRORS: Final = (
    cattrs.BaseValidationError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
)
"""What a structure hook raises when the data does not fit the class."""

_hooks: dict[type, Callable[[Any, Any], Any]] = {}


def structure_hook(cls: type[T]) -> Callable[[object, type[T]], T]:
    """The function structuring decoded JSON into `cls`, called as ``hook(data, cls)``
    (looked up once per class); it raises one of `STRUCTURE_ERRORS` when the data does not
    fit."""
    hook = _hooks.get(cls)
    if hook is None:
        hook = _hooks[cls] = converter.get_structure_hook(cls)
    return hook


def structure(data: object, cls: type[T]) -> T:
    """`data` (decoded JSON) as an instance of `cls`; raises cattrs errors when it does not fit."""
    return converter.structure(data, cls)


def structure_event(data: Mapping[str, object], union: object) -> object | None:
    """The typed event for `data`'s ``type`` within `union`, or None for an unknown type."""
    cls = _event_table(union).get(str(data.get(_TAG)))
    if cls is None:
        return None
    return structure_hook(cls)(data, cls)


def unstructure(value: object) -> object:
    """Attrs instances (also inside dicts and lists) as plain JSON values."""
    return converter.unstructure(value)
