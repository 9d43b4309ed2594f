"""Each corrected API fact of spec/, through the public client: refused before sending, or sent.

The expected values are read from spec/ and the capability table, so that a spec edit
changes what is checked without an edit here.
"""

from __future__ import annotations

import json
import struct
import zlib
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import yaml

from openai_images_sdk import ImageRef, ImagesClient, ValidationError
from openai_images_sdk._capabilities import default_table

pytestmark = pytest.mark.respx(assert_all_called=False)

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS: dict[str, Any] = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text("utf-8"))[
    "components"
]["schemas"]
BASE = "https://api.openai.com/v1"
OK_BODY = {"created": 1, "data": [{"b64_json": "aGk="}]}
TABLE = default_table()


def _png(width: int, height: int, *, alpha: bool = False) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    depth = 4 if alpha else 3
    rows = b"".join(b"\0" + b"\0" * depth * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def _client() -> ImagesClient:
    return ImagesClient(api_key="sk-test", max_retries=0)


def _refused(call: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        call()
    return [(v.param, v.rule) for v in caught.value.violations]


def _quality_values(model: str) -> tuple[str, ...]:
    rule = TABLE.models[model].operations["generate"].parameters["quality"]
    assert rule.values is not None
    return tuple(str(v) for v in rule.values.values)


def _gpt25_only_qualities() -> list[str]:
    """Qualities the 2.5 models take that gpt-image-1.5 does not (xhigh, max today)."""
    base = set(_quality_values("gpt-image-1.5"))
    return [q for q in _quality_values("gpt-image-2.5-sunburst") if q not in base]


def test_xhigh_and_max_belong_to_the_2_5_models() -> None:
    assert {"xhigh", "max"} <= set(_gpt25_only_qualities())


def _current_gpt_models(*, taking: str) -> tuple[list[str], list[str]]:
    """Current GPT image models of the table that take / do not take this quality."""
    takes: list[str] = []
    refuses: list[str] = []
    for name, rules in TABLE.models.items():
        if rules.family != "gpt-image" or rules.lifecycle is not None:
            continue
        (takes if taking in _quality_values(name) else refuses).append(name)
    return takes, refuses


@pytest.mark.parametrize("quality", _gpt25_only_qualities())
def test_2_5_qualities_are_refused_for_other_gpt_image_models(
    respx_mock: respx.MockRouter, quality: Any
) -> None:
    route = respx_mock.post(f"{BASE}/images/generations").respond(json=OK_BODY)
    client = _client()
    takes, refuses = _current_gpt_models(taking=quality)
    assert {"gpt-image-1.5", "gpt-image-2", "gpt-image-1-mini"} <= set(refuses)
    assert {"gpt-image-2.5-sunburst", "gpt-image-2.5-flare-2026-09-08"} <= set(takes)
    for model in refuses:
        found = _refused(
            lambda m=model: client.images.generate(prompt="p", model=m, quality=quality)
        )
        assert [p for p, _ in found] == ["quality"], model
    for model in takes:
        client.images.generate(prompt="p", model=model, quality=quality)
    assert route.call_count == len(takes)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"stream": True}, "stream"),
        ({"output_compression": 50}, "output_compression"),
    ],
)
def test_gif_output_refuses_streaming_and_compression(
    respx_mock: respx.MockRouter, params: dict[str, Any], param: str
) -> None:
    route = respx_mock.post(f"{BASE}/images/generations").respond(json=OK_BODY)
    found = _refused(
        lambda: _client().images.generate(
            prompt="p", model="gpt-image-2", output_format="gif", **params
        )
    )
    assert [p for p, _ in found] == [param]
    assert "'gif'" in found[0][1]
    assert not route.called


def test_gif_partial_images_are_refused(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(f"{BASE}/images/generations").respond(json=OK_BODY)
    found = _refused(
        lambda: _client().images.generate(
            prompt="p", model="gpt-image-2", output_format="gif", stream=True, partial_images=1
        )
    )
    assert {p for p, _ in found} == {"stream", "partial_images"}
    assert not route.called


def test_gif_frame_duration_is_capped(respx_mock: respx.MockRouter) -> None:
    cap = SCHEMAS["CreateImageRequest"]["properties"]["frame_duration_ms"]["anyOf"][0]["maximum"]
    route = respx_mock.post(f"{BASE}/images/generations").respond(json=OK_BODY)
    client = _client()
    found = _refused(
        lambda: client.images.generate(
            prompt="p", model="gpt-image-2", output_format="gif", frame_duration_ms=cap + 10
        )
    )
    assert [p for p, _ in found] == ["frame_duration_ms"]
    client.images.generate(
        prompt="p", model="gpt-image-2", output_format="gif", frame_duration_ms=cap
    )
    assert json.loads(route.calls.last.request.content)["frame_duration_ms"] == cap


def test_gif_edits_refuse_a_mask(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(f"{BASE}/images/edits").respond(json=OK_BODY)
    found = _refused(
        lambda: _client().images.edit(
            image=_png(64, 64),
            mask=_png(64, 64, alpha=True),
            prompt="p",
            model="gpt-image-2",
            output_format="gif",
        )
    )
    assert ("mask", "is not allowed when output_format is 'gif'") in found
    assert not route.called


def test_markup_is_for_the_2_5_models_only(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(f"{BASE}/images/edits").respond(json=OK_BODY)
    client = _client()
    markup = _png(64, 64, alpha=True)
    found = _refused(
        lambda: client.images.edit(
            image=_png(64, 64), markup=markup, prompt="p", model="gpt-image-2"
        )
    )
    assert [p for p, _ in found] == ["markup"]
    assert not route.called
    client.images.edit(image=_png(64, 64), markup=markup, prompt="p", model="gpt-image-2.5-flare")
    assert b'name="markup"' in route.calls.last.request.content


def test_markup_cannot_come_with_a_mask(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(f"{BASE}/images/edits").respond(json=OK_BODY)
    found = _refused(
        lambda: _client().images.edit(
            image=_png(64, 64),
            mask=_png(64, 64, alpha=True),
            markup=_png(64, 64, alpha=True),
            prompt="p",
            model="gpt-image-2.5-sunburst",
        )
    )
    assert [p for p, _ in found] == ["markup"]
    assert "mask" in found[0][1]
    assert not route.called


def test_gpt_image_1_names_a_2_5_model_as_its_replacement(respx_mock: respx.MockRouter) -> None:
    respx_mock.post(f"{BASE}/images/generations").respond(json=OK_BODY)
    found = _refused(lambda: _client().images.generate(prompt="p", model="gpt-image-1"))
    assert [p for p, _ in found] == ["model"]
    assert "use 'gpt-image-2.5-sunburst' instead" in found[0][1]


def test_safety_identifier_none_is_sent_as_null(respx_mock: respx.MockRouter) -> None:
    generations = respx_mock.post(f"{BASE}/images/generations").respond(json=OK_BODY)
    edits = respx_mock.post(f"{BASE}/images/edits").respond(json=OK_BODY)
    client = _client()
    client.images.generate(prompt="p", model="gpt-image-2", safety_identifier=None)
    assert json.loads(generations.calls.last.request.content)["safety_identifier"] is None
    client.images.edit(
        image=[ImageRef(image_url="https://example.test/a.png")],
        prompt="p",
        model="gpt-image-2",
        safety_identifier=None,
    )
    assert json.loads(edits.calls.last.request.content)["safety_identifier"] is None
    client.images.edit(image=_png(16, 16), prompt="p", model="gpt-image-2", safety_identifier=None)
    assert edits.call_count == 2


def _form_fields(request: httpx.Request) -> dict[str, str]:
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    fields: dict[str, str] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if part.get_filename() is None:
            fields[str(name)] = part.get_content()
    return fields


FILE_BODY = {
    "id": "file-1",
    "object": "file",
    "bytes": 3,
    "created_at": 1,
    "expires_at": 3601,
    "filename": "in.jsonl",
    "purpose": "batch",
}


def test_file_expiry_goes_as_bracketed_fields(respx_mock: respx.MockRouter) -> None:
    policy = SCHEMAS["FileExpirationAfter"]["properties"]
    anchor, seconds = policy["anchor"]["enum"][0], policy["seconds"]["minimum"]
    route = respx_mock.post(f"{BASE}/files").respond(json=FILE_BODY)
    stored = _client().files.create(
        file=("in.jsonl", b"{}\n"),
        purpose="batch",
        expires_after={"anchor": anchor, "seconds": seconds},
    )
    fields = _form_fields(route.calls.last.request)
    assert fields["expires_after[anchor]"] == anchor
    assert fields["expires_after[seconds]"] == str(seconds)
    assert stored.expires_at == FILE_BODY["expires_at"]


BATCH_BODY = {
    "id": "batch_1",
    "object": "batch",
    "endpoint": "/v1/images/generations",
    "input_file_id": "file-1",
    "completion_window": "24h",
    "status": "completed",
    "created_at": 1,
    "usage": {
        "input_tokens": 1500,
        "input_tokens_details": {"cached_tokens": 1024},
        "output_tokens": 500,
        "output_tokens_details": {"reasoning_tokens": 300},
        "total_tokens": 2000,
    },
}


def test_batch_output_expiry_is_sent_and_usage_is_kept(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(f"{BASE}/batches").respond(json=BATCH_BODY)
    batch = _client().batches.create(
        input_file_id="file-1",
        endpoint="/v1/images/generations",
        completion_window="24h",
        output_expires_after={"anchor": "created_at", "seconds": 7200},
    )
    sent = json.loads(route.calls.last.request.content)
    assert sent["output_expires_after"] == {"anchor": "created_at", "seconds": 7200}
    assert batch.usage is not None
    assert batch.usage.input_tokens_details.cached_tokens == 1024
    assert batch.usage.output_tokens_details.reasoning_tokens == 300
    assert batch.usage.total_tokens == 2000
