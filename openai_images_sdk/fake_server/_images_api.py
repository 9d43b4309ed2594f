"""The images routes: generations, edits, variations, and the links of ``url`` results."""

from __future__ import annotations

import base64
import math
import re
import time
from collections.abc import Iterator, Mapping
from typing import Final, cast

import attrs

from openai_images_sdk._operation import OperationSpec
from openai_images_sdk._types import ImageInfo

from ._checks import Checked, check_request, digest
from ._http import ApiError, Incoming, Reply, Route, ServerContext, json_reply, sse_event
from ._images import CONTENT_TYPES, OutputFormat, Picture, render
from ._shapes import echoed, event_model, given

__all__ = ["UsageBasis", "image_routes", "usage"]

_QUALITY_TOKENS: Final = {
    "low": 272,
    "medium": 1056,
    "high": 4160,
    "xhigh": 6240,
    "max": 8320,
    "standard": 1056,
    "hd": 4160,
}
_PARTIAL_TOKENS: Final = 100
_EXTENSIONS: Final = {"png": "png", "jpeg": "jpg", "webp": "webp", "gif": "gif", "svg": "svg"}
_SIZE: Final = re.compile(r"^(\d{1,5})x(\d{1,5})$")
_MAX_SIDE: Final = 8192


def _operations() -> dict[str, OperationSpec]:
    """The generated operation specs, by path (imported when the first request arrives)."""
    from openai_images_sdk._generated import operations

    return {
        "generate": operations.CREATE_IMAGE,
        "edit": operations.CREATE_IMAGE_EDIT,
        "variation": operations.CREATE_IMAGE_VARIATION,
    }


def _image_tokens(info: ImageInfo | None) -> int:
    width = info.width if info and info.width else 1024
    height = info.height if info and info.height else 1024
    return 65 + 129 * math.ceil(width / 512) * math.ceil(height / 512)


@attrs.frozen(kw_only=True)
class UsageBasis:
    """What token usage grows with: the prompt, the input images, the size and quality."""

    prompt: str
    inputs: tuple[ImageInfo | None, ...]
    width: int
    height: int
    quality: str


def usage(basis: UsageBasis, *, images: int, partial_images: int = 0) -> dict[str, object]:
    """Token usage of `images` (each streamed with `partial_images` partials) for `basis`."""
    text = math.ceil(len(basis.prompt) / 4) if basis.prompt else 0
    image_in = sum(_image_tokens(info) for info in basis.inputs)
    quality_tokens = _QUALITY_TOKENS.get(basis.quality, 1056)
    per_image = round(quality_tokens * basis.width * basis.height / (1024 * 1024))
    out = images * (per_image + _PARTIAL_TOKENS * partial_images)
    return {
        "input_tokens": text + image_in,
        "output_tokens": out,
        "total_tokens": text + image_in + out,
        "input_tokens_details": {"text_tokens": text, "image_tokens": image_in},
        "output_tokens_details": {"image_tokens": out, "text_tokens": 0},
    }


@attrs.frozen(kw_only=True)
class _Plan(UsageBasis):
    """What to produce for one request, with every default filled in."""

    key: str
    model: str
    n: int
    output_format: OutputFormat
    background: str
    compression: int
    frame_count: int
    frame_duration_ms: int
    response_format: str
    stream: bool
    partial_images: int
    svg: Mapping[str, object] | None
    salt: bytes
    seed: str
    op: OperationSpec
    sent: Mapping[str, object]
    """The request's non-null fields by wire name, for the answer fields that repeat them."""

    @property
    def is_dalle(self) -> bool:
        return self.model.startswith("dall-e")

    def picture(self, index: int, *, stage: float = 1.0, draw_text: bool = True) -> bytes:
        return render(
            Picture(
                prompt=self.prompt,
                width=self.width,
                height=self.height,
                output_format=self.output_format,
                seed=self.seed,
                index=index,
                salt=self.salt,
                transparent=self.background == "transparent",
                compression=self.compression,
                frame_count=self.frame_count,
                frame_duration_ms=self.frame_duration_ms,
                stage=stage,
                draw_text=draw_text,
            )
        )


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _str(value: object, default: str) -> str:
    return value if isinstance(value, str) else default


def _plan(
    op: OperationSpec, key: str, checked: Checked, incoming: Incoming, ctx: ServerContext
) -> _Plan:
    p = checked.params
    default_model = "dall-e-2" if key == "variation" else ctx.options.default_model
    model = _str(p.get("model"), default_model)
    dalle = model.startswith("dall-e")
    size = _str(p.get("size"), "auto")
    match = _SIZE.match("1024x1024" if size == "auto" else size)
    width, height = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if not (0 < width <= _MAX_SIDE and 0 < height <= _MAX_SIDE):
        raise ApiError(
            400,
            f"Invalid value for 'size': {size!r} is not WIDTHxHEIGHT or 'auto'.",
            param="size",
            code="invalid_value",
        )
    fmt = "png" if dalle else _str(p.get("output_format"), "png")
    if fmt not in CONTENT_TYPES:
        raise ApiError(400, f"Unsupported output_format {fmt!r}.", param="output_format")
    quality = _str(p.get("quality"), "auto")
    if quality == "auto":
        quality = "standard" if dalle else "medium"
    svg = p.get("svg")
    inputs: tuple[ImageInfo | None, ...] = checked.inputs
    if not inputs and checked.sources:
        inputs = (None,) * len(checked.sources)
    images = [i for i in inputs if i is None or not i.label.startswith(("mask", "markup"))]
    return _Plan(
        key=key,
        model=model,
        prompt=_str(p.get("prompt"), ""),
        n=max(1, _int(p.get("n"), 1)),
        width=width,
        height=height,
        output_format=cast("OutputFormat", fmt),
        quality=quality,
        background="transparent" if p.get("background") == "transparent" else "opaque",
        compression=_int(p.get("output_compression"), 100),
        frame_count=max(1, _int(p.get("frame_count"), 9)),
        frame_duration_ms=_int(p.get("frame_duration_ms"), 200),
        response_format=_str(p.get("response_format"), "url" if dalle else "b64_json"),
        stream=p.get("stream") is True,
        partial_images=max(0, min(3, _int(p.get("partial_images"), 0))),
        svg=cast("Mapping[str, object]", svg) if isinstance(svg, Mapping) else None,
        salt=digest(checked.sources) if checked.sources else b"",
        seed=ctx.seed_for(incoming),
        inputs=tuple(images),
        op=op,
        sent=given({f.name: f for f in op.fields if checked.body_kind in f.bodies}, p),
    )


def _usage(plan: _Plan, *, images: int) -> dict[str, object]:
    return usage(plan, images=images, partial_images=plan.partial_images if plan.stream else 0)


def _meta(plan: _Plan) -> dict[str, object]:
    return {
        "background": plan.background,
        "output_format": plan.output_format,
        "quality": plan.quality,
        "size": f"{plan.width}x{plan.height}",
    }


def _svg_usage(plan: _Plan, svg_bytes: int) -> dict[str, object] | None:
    if plan.svg is None:
        return None
    reasoning = plan.svg.get("reasoning")
    effort = (
        cast("Mapping[str, object]", reasoning).get("effort")
        if isinstance(reasoning, Mapping)
        else None
    )
    steps = ["none", "minimal", "low", "medium", "high", "xhigh", "max"]
    thinking = 64 * steps.index(effort) if isinstance(effort, str) and effort in steps else 0
    text = math.ceil(len(plan.prompt) / 4)
    out = math.ceil(svg_bytes / 4) * plan.n
    return {
        "input_tokens": text,
        "model": _str(plan.svg.get("model"), "unknown"),
        "output_tokens": out,
        "reasoning_tokens": thinking,
        "total_tokens": text + out + thinking,
    }


def _respond(plan: _Plan, incoming: Incoming, ctx: ServerContext) -> Reply:
    data: list[dict[str, object]] = []
    size = 0
    for index in range(plan.n):
        image = plan.picture(index, draw_text=ctx.options.draw_text)
        size = len(image)
        entry: dict[str, object] = {}
        if plan.response_format == "url":
            name = ctx.files.put(
                image,
                extension=_EXTENSIONS[plan.output_format],
                content_type=CONTENT_TYPES[plan.output_format],
            )
            entry["url"] = f"{incoming.base_url}/v1/_files/{name}"
        else:
            entry["b64_json"] = base64.b64encode(image).decode("ascii")
        if plan.model.startswith("dall-e-3"):
            entry["revised_prompt"] = f"An image of: {plan.prompt}"
        data.append(entry)
    payload: dict[str, object] = {"created": int(time.time()), "data": data}
    if not plan.is_dalle:
        payload.update(_meta(plan))
        payload["usage"] = _usage(plan, images=plan.n)
        svg_usage = _svg_usage(plan, size)
        if svg_usage is not None:
            payload["svg_usage"] = svg_usage
        _echo(payload, plan, plan.op.response_type)
    return json_reply(payload)


def _echo(payload: dict[str, object], plan: _Plan, model: type | None) -> dict[str, object]:
    """`payload` plus the request fields its answer model repeats (``safety_identifier``)."""
    if model is not None:
        for name, value in echoed(model, plan.sent).items():
            payload.setdefault(name, value)
    return payload


def _events(plan: _Plan, ctx: ServerContext) -> Iterator[bytes]:
    prefix = "image_edit" if plan.key == "edit" else "image_generation"
    for index in range(plan.n):
        for k in range(plan.partial_images):
            stage = (k + 1) / (plan.partial_images + 1)
            partial = plan.picture(index, stage=stage, draw_text=ctx.options.draw_text)
            yield sse_event(
                f"{prefix}.partial_image",
                _echo(
                    {
                        "b64_json": base64.b64encode(partial).decode("ascii"),
                        "created_at": int(time.time()),
                        **_meta(plan),
                        "partial_image_index": k,
                    },
                    plan,
                    event_model(plan.op.stream_event_type, f"{prefix}.partial_image"),
                ),
            )
        final = plan.picture(index, draw_text=ctx.options.draw_text)
        yield sse_event(
            f"{prefix}.completed",
            _echo(
                {
                    "b64_json": base64.b64encode(final).decode("ascii"),
                    "created_at": int(time.time()),
                    **_meta(plan),
                    "usage": _usage(plan, images=1),
                },
                plan,
                event_model(plan.op.stream_event_type, f"{prefix}.completed"),
            ),
        )


def _image_operation(key: str) -> Route:
    def route(incoming: Incoming, ctx: ServerContext) -> Reply:
        if key == "variation" and ctx.options.retired == "reject":
            raise ApiError(
                404,
                "The image variations endpoint has been retired (fake server, retired='reject').",
                code="endpoint_retired",
            )
        op = _operations()[key]
        checked = check_request(
            op,
            incoming,
            validation=ctx.options.validation,
            retired=ctx.options.retired,
            default_model="dall-e-2" if key == "variation" else ctx.options.default_model,
        )
        plan = _plan(op, key, checked, incoming, ctx)
        if plan.stream:
            return Reply(
                headers={"content-type": "text/event-stream; charset=utf-8"},
                events=_events(plan, ctx),
            )
        return _respond(plan, incoming, ctx)

    route.__name__ = f"images_{key}"
    return route


def _stored_file(incoming: Incoming, ctx: ServerContext) -> Reply:
    name = incoming.path.rsplit("/", 1)[-1]
    if ctx.files.expired:
        body = b"<Error><Code>AuthenticationFailed</Code><Message>Link expired</Message></Error>"
        return Reply(status=403, headers={"content-type": "application/xml"}, body=body)
    found = ctx.files.get(name)
    if found is None:
        raise ApiError(404, f"No file named {name!r} on the fake server.", code="not_found")
    data, content_type = found
    return Reply(headers={"content-type": content_type}, body=data)


def image_routes() -> dict[tuple[str, str], tuple[Route, bool]]:
    """``(method, path) -> (route, is an API route)``; API routes need a key and take faults.

    A path ending in ``/*`` matches any one trailing segment.
    """
    return {
        ("POST", "/v1/images/generations"): (_image_operation("generate"), True),
        ("POST", "/v1/images/edits"): (_image_operation("edit"), True),
        ("POST", "/v1/images/variations"): (_image_operation("variation"), True),
        ("GET", "/v1/_files/*"): (_stored_file, False),
    }
