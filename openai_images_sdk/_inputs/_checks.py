"""Every rule an input file is judged by before sending, and what `validation=` does with it.

Rules come in two kinds. A broken *rule* (too many images, a file that is not an image,
a mask of the wrong size, a model that refuses a format) is the API's business: under
``validation="strict"`` it raises `ValidationError`, under ``"warn"`` it warns and the
request is sent, under ``"off"`` the request is sent as given. A *fatal* problem makes
sending impossible (a path that does not exist, a directory, an unreadable file, text
that cannot be encoded) and raises `ValidationError` in every mode.

Messages name the parameter once: `Violation.param` carries it, and the rule text names
the file by its index and filename (``image: [1] 'b.png' is empty``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Final, cast

from openai_images_sdk._capabilities import default_table
from openai_images_sdk._capability_rules import InputRules
from openai_images_sdk._exceptions import ValidationError, Violation
from openai_images_sdk._types import ImageInfo, ValidationMode

__all__ = [
    "IMAGE_FORMATS",
    "IMAGE_MAX_BYTES",
    "MASK_MAX_BYTES",
    "MAX_IMAGES",
    "OVERLAYS",
    "accepted_formats",
    "count_violations",
    "describe",
    "file_violations",
    "mixed_inputs",
    "model_input_violations",
    "overlay_violations",
    "pairing_violations",
    "settle",
    "subject",
    "unencodable",
]

MAX_IMAGES: Final = 16
IMAGE_MAX_BYTES: Final = 50 * 1024 * 1024
MASK_MAX_BYTES: Final = 4 * 1024 * 1024
IMAGE_FORMATS: Final = ("png", "jpeg", "webp", "gif")
"""The input formats of the images API when no model narrows them."""
OVERLAYS: Final = ("mask", "markup")


def subject(param: str, label: str, filename: str | None) -> str:
    """How a rule names one input of `param`: ``'a.png'``, ``[1] 'b.png'``, ``[1]``, ``the file``.

    The parameter itself is left out: `Violation.param` already names it.
    """
    index = label[len(param) :] if label.startswith(f"{param}[") else ""
    name = repr(filename) if filename else ""
    if index and name:
        return f"{index} {name}"
    return index or name or "the file"


def describe(info: ImageInfo) -> str:
    """`subject` for an `ImageInfo`, whose label starts with its parameter."""
    return subject(info.label.partition("[")[0], info.label, info.filename)


def _listed(formats: Collection[str]) -> str:
    names = [f.upper() for f in sorted(formats, key=_format_rank)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _format_rank(fmt: str) -> tuple[int, str]:
    return (IMAGE_FORMATS.index(fmt) if fmt in IMAGE_FORMATS else len(IMAGE_FORMATS), fmt)


def accepted_formats(
    capability_key: str, params: Mapping[str, object]
) -> tuple[frozenset[str] | None, str | None]:
    """The input formats the call's model takes for this operation, and that model.

    ``(None, None)`` when no model is given or the table does not say.
    """
    model = params.get("model")
    if not isinstance(model, str) or not capability_key:
        return None, None
    rules = default_table().models.get(model)
    operation = rules.operations.get(capability_key) if rules is not None else None
    inputs = operation.inputs if operation is not None else None
    if inputs is None or inputs.formats is None:
        return None, None
    return inputs.formats, model


def file_violations(
    param: str,
    info: ImageInfo,
    *,
    formats: Collection[str] | None = None,
    model: str | None = None,
) -> list[Violation]:
    """What is wrong with one input image as a file: empty, too large, not an image.

    `formats` (with the `model` that takes them) narrows the accepted formats named in
    the message; the model's own format rule is `model_input_violations`.
    """
    what = describe(info)
    if info.size == 0:
        return [Violation(param=param, rule=f"{what} is empty", value=0)]
    found: list[Violation] = []
    if info.size is not None and info.size >= IMAGE_MAX_BYTES:
        found.append(
            Violation(
                param=param,
                rule=f"{what} is {info.size} bytes; each file must be under 50 MB "
                f"({IMAGE_MAX_BYTES} bytes)",
                value=info.size,
            )
        )
    if info.format is None:
        accepted = _listed(formats or IMAGE_FORMATS)
        found.append(
            Violation(
                param=param,
                rule=f"{what} is not a {accepted} image (judged by its content, not its name)",
                value=info.filename,
                model=model if formats else None,
            )
        )
    elif info.width is None or info.height is None:
        found.append(
            Violation(
                param=param,
                rule=f"{what} looks like a {info.format.upper()} file but its header is "
                "truncated or corrupt (no width and height)",
                value=info.filename,
            )
        )
    return found


def mixed_inputs(
    seen: Sequence[tuple[str, str, bool]], rule: Callable[[str, str, bool], str]
) -> list[Violation]:
    """A `Violation` for each input sent the other way than the first one (a reference
    among file uploads, or a file among references).

    `seen` holds ``(parameter, label, is a reference)`` for every input in order; the
    first decides. `rule(param, label, is_reference)` words the violation of one input,
    so the SDK and the CLI each name inputs their own way (parameters or options).
    """
    if not seen:
        return []
    first_is_reference = seen[0][2]
    return [
        Violation(param=param, rule=rule(param, label, is_ref), value=label)
        for param, label, is_ref in seen
        if is_ref != first_is_reference
    ]


def count_violations(param: str, count: int, limit: int | None) -> list[Violation]:
    """Too few (none) or too many inputs for `param`."""
    if count == 0:
        return [Violation(param=param, rule="needs at least one input, got none", value=0)]
    if limit is not None and count > limit:
        noun = ("image" if param == "image" else "file") + ("" if limit == 1 else "s")
        return [
            Violation(
                param=param,
                rule=f"takes at most {limit} {noun} per request, got {count}",
                value=count,
            )
        ]
    return []


def _size(info: ImageInfo) -> str:
    return f"{info.width}x{info.height}"


def overlay_violations(param: str, info: ImageInfo, first: ImageInfo | None) -> list[Violation]:
    """What is wrong with a mask or markup file, given the first image (None: unknown).

    Properties that are unknown (a reference by URL or file id) are not judged.
    """
    found: list[Violation] = []
    what = describe(info)
    if info.format is not None and info.format != "png":
        found.append(
            Violation(
                param=param,
                rule=f"{what} must be a PNG (the only format a {param} can be), got {info.format}",
                value=info.format,
            )
        )
    elif info.format == "png" and info.has_alpha is not True:
        need = "an alpha channel" if param == "mask" else "transparency"
        found.append(
            Violation(
                param=param,
                rule=f"{what} has no alpha channel: a {param} needs {need} "
                "(PNG colour type RGBA or LA, or a tRNS chunk)",
                value=info.has_alpha,
            )
        )
    if (
        first is not None
        and None not in (info.width, info.height, first.width, first.height)
        and (info.width, info.height) != (first.width, first.height)
    ):
        found.append(
            Violation(
                param=param,
                rule=f"{what} is {_size(info)} but {first.label} is {_size(first)}: "
                f"the {param} must have the same width and height as the first image",
                value={info.label: _size(info), first.label: _size(first)},
            )
        )
    if param == "mask" and info.size is not None and info.size >= MASK_MAX_BYTES:
        found.append(
            Violation(
                param=param,
                rule=f"{what} is {info.size} bytes; a mask must be under 4 MB ({MASK_MAX_BYTES} bytes)",
                value=info.size,
            )
        )
    return found


def _is_image(info: ImageInfo) -> bool:
    return info.label.partition("[")[0] == "image"


def pairing_violations(infos: Sequence[ImageInfo], params: Mapping[str, object]) -> list[Violation]:
    """The mask and markup rules against the first image, and that they exclude each other."""
    found: list[Violation] = []
    first = next((i for i in infos if _is_image(i)), None)
    for info in infos:
        param = info.label.partition("[")[0]
        if param in OVERLAYS:
            found += overlay_violations(param, info, first)
    if params.get("mask") is not None and params.get("markup") is not None:
        found.append(
            Violation(param="markup", rule="cannot be combined with mask; send one of them")
        )
    return found


def model_input_violations(
    rules: InputRules,
    inputs: Sequence[ImageInfo],
    *,
    given: int,
    model: str,
    count_checked: bool,
) -> list[Violation]:
    """What one model's input rules say about the images (`given`: count when not read)."""
    images = [info for info in inputs if _is_image(info)]
    out: list[Violation] = []
    count = len(images) or given
    if rules.max_images is not None and count > rules.max_images and not count_checked:
        noun = "image" if rules.max_images == 1 else "images"
        rule = f"takes at most {rules.max_images} {noun} with this model (got {count})"
        out.append(Violation(param="image", rule=rule, value=count, model=model))
    for info in images:
        what = describe(info)
        fmt = info.format
        if rules.formats is not None and fmt is not None and fmt not in rules.formats:
            accepted = ", ".join(sorted(rules.formats, key=_format_rank))
            rule = f"{what} is a {fmt} image, which this model does not take (it takes: {accepted})"
            out.append(Violation(param="image", rule=rule, value=fmt, model=model))
        limit = rules.bytes_below
        if limit is not None and info.size is not None and info.size >= limit:
            rule = f"{what} must be smaller than {limit / 2**20:g} MiB (got {info.size} bytes)"
            out.append(Violation(param="image", rule=rule, value=info.size, model=model))
        width, height = info.width, info.height
        if rules.square and width is not None and height is not None and width != height:
            rule = f"{what} must be square with this model (got {width}x{height})"
            out.append(Violation(param="image", rule=rule, value=f"{width}x{height}", model=model))
    return out


def unencodable(value: object) -> str | None:
    """Why `value` (text, or text nested in lists and mappings) cannot be UTF-8, or None."""
    if isinstance(value, str):
        try:
            value.encode()
        except UnicodeEncodeError as error:
            char = ord(value[error.start])
            return (
                f"contains a lone surrogate U+{char:04X} at index {error.start}, "
                "which UTF-8 cannot encode"
            )
        return None
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        items: list[object] = [*mapping.keys(), *mapping.values()]
    elif isinstance(value, (list, tuple)):
        items = list(cast("Sequence[object]", value))
    else:
        return None
    return next((p for p in map(unencodable, items) if p is not None), None)


def settle(
    mode: ValidationMode, rules: Sequence[Violation], fatal: Sequence[Violation]
) -> tuple[Violation, ...]:
    """Apply `validation=` to what the input checks found; returns the rules to warn about.

    Fatal problems raise in every mode (strict lists the broken rules with them); broken
    rules raise under ``"strict"``, are returned under ``"warn"`` (the request validation
    reports them in its one warning, in the caller's thread) and pass under ``"off"``.
    """
    if mode not in ("strict", "warn", "off"):
        raise ValueError(f"validation must be 'strict', 'warn' or 'off', not {mode!r}")
    if mode == "strict" and (rules or fatal):
        raise ValidationError([*rules, *fatal])
    if fatal:
        raise ValidationError(fatal)
    return tuple(rules) if mode == "warn" else ()
