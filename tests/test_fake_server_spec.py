"""The fake server follows spec/ on every route: expiries, batch usage, echoed fields, nested checks.

Every test goes through the public client against a loopback `FakeImagesServer`; the
client runs with ``validation="off"`` where the server's own checks are under test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
import httpx
import pytest
from conftest import Driver

from openai_images_sdk._exceptions import BadRequestError
from openai_images_sdk._generated import models, operations
from openai_images_sdk.fake_server import FakeImagesServer, StatusFault
from openai_images_sdk.fake_server._images import encode_png
from openai_images_sdk.fake_server._shapes import answer, event_model, total

GENERATIONS = "/v1/images/generations"
TINY: dict[str, Any] = {"model": "gpt-image-2", "size": "256x256", "output_format": "jpeg"}
DAY = 24 * 3600


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running
        assert running.errors == ()


def png() -> bytes:
    return encode_png(16, 16, [b"\x10\x80\xf0" * 16] * 16)


def jsonl(*custom_ids: str, prompt: str = "a red fox") -> bytes:
    lines = [
        {"custom_id": cid, "method": "POST", "url": GENERATIONS, "body": {"prompt": prompt, **TINY}}
        for cid in custom_ids
    ]
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


def raw_post(server: FakeImagesServer, path: str, **kwargs: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {server.api_key or 'sk-test'}"}
    return httpx.post(f"{server.url}{path}", headers=headers, timeout=30, **kwargs)


# ------------------------------------------------------------------------------ files


@pytest.mark.anyio
async def test_an_upload_with_expires_after_expires_that_many_seconds_after_creation(
    driver: Driver, server: FakeImagesServer
) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    try:
        stored = await driver.run(
            client.files.create(
                file=("a.png", png()),
                purpose="vision",
                expires_after={"anchor": "created_at", "seconds": 7200},
            )
        )
        again = await driver.run(client.files.retrieve(file_id=stored.id))
        kept = await driver.run(client.files.create(file=("b.png", png()), purpose="vision"))
        batch_input = await driver.run(
            client.files.create(file=("in.jsonl", jsonl("a")), purpose="batch")
        )
    finally:
        await driver.close(client)
    assert stored.expires_at == stored.created_at + 7200
    assert again.expires_at == stored.expires_at
    assert kept.expires_at is None  # other files are kept until deleted
    assert batch_input.expires_at == batch_input.created_at + 30 * DAY


def test_a_file_answer_has_exactly_the_fields_of_the_spec(server: FakeImagesServer) -> None:
    sent = raw_post(server, "/v1/files", data={"purpose": "vision"}, files={"file": png()})
    assert sent.status_code == 200
    assert set(sent.json()) == {f.name for f in attrs.fields(models.OpenAIFile)}


# ---------------------------------------------------------------------------- batches


@pytest.mark.anyio
async def test_a_batch_with_output_expires_after_gives_expiring_output_and_error_files(
    driver: Driver, server: FakeImagesServer
) -> None:
    server.batches.fail_request("bad", StatusFault(status=500))
    client = driver.client(base_url=server.base_url, max_retries=0)
    try:
        source = await driver.run(
            client.files.create(file=("in.jsonl", jsonl("ok", "bad")), purpose="batch")
        )
        created = await driver.run(
            client.batches.create(
                input_file_id=source.id,
                endpoint=GENERATIONS,
                completion_window="24h",
                output_expires_after={"anchor": "created_at", "seconds": 3 * 3600},
            )
        )
        done = await driver.run(client.batches.retrieve(batch_id=created.id))
        output = await driver.run(client.files.retrieve(file_id=done.output_file_id))
        errors = await driver.run(client.files.retrieve(file_id=done.error_file_id))
    finally:
        await driver.close(client)
    assert done.status == "completed"
    for made in (output, errors):
        assert made.purpose == "batch_output"
        assert made.expires_at == made.created_at + 3 * 3600


@pytest.mark.anyio
async def test_a_completed_batch_carries_the_usage_of_the_responses_it_made(
    driver: Driver, server: FakeImagesServer
) -> None:
    server.batches.fail_request("bad", StatusFault(status=500))
    client = driver.client(base_url=server.base_url, max_retries=0)
    try:
        source = await driver.run(
            client.files.create(file=("in.jsonl", jsonl("a", "bad", "b")), purpose="batch")
        )
        created = await driver.run(
            client.batches.create(
                input_file_id=source.id, endpoint=GENERATIONS, completion_window="24h"
            )
        )
        done = await driver.run(client.batches.retrieve(batch_id=created.id))
        content = await driver.run(client.files.content(file_id=done.output_file_id))
    finally:
        await driver.close(client)
    responses = [json.loads(line)["response"]["body"] for line in content.splitlines()]
    usages = [body["usage"] for body in responses]
    assert len(usages) == 2  # the failed request made nothing
    assert created.usage is None  # not ended yet
    assert done.usage is not None
    assert done.usage.input_tokens == sum(u["input_tokens"] for u in usages) > 0
    assert done.usage.output_tokens == sum(u["output_tokens"] for u in usages) > 0
    assert done.usage.total_tokens == done.usage.input_tokens + done.usage.output_tokens
    assert done.usage.input_tokens_details.cached_tokens == 0  # image usage reports none
    assert done.usage.output_tokens_details.reasoning_tokens == 0


def test_a_batch_answer_has_exactly_the_fields_of_the_spec(server: FakeImagesServer) -> None:
    file_id = server.batches._store("in.jsonl", "batch", jsonl("a")).id
    body = {"input_file_id": file_id, "endpoint": GENERATIONS, "completion_window": "24h"}
    created = raw_post(server, "/v1/batches", json=body)
    assert created.status_code == 200
    assert set(created.json()) == {f.name for f in attrs.fields(models.Batch)}


# -------------------------------------------------------------------- safety_identifier


@pytest.mark.anyio
async def test_images_answers_echo_the_safety_identifier(
    driver: Driver, server: FakeImagesServer
) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    try:
        generated = await driver.run(
            client.images.generate(prompt="p", safety_identifier="user-1", **TINY)
        )
        edited = await driver.run(
            client.images.edit(image=png(), prompt="p", safety_identifier="user-2", **TINY)
        )
        plain = await driver.run(client.images.generate(prompt="p", **TINY))
        nulled = await driver.run(
            client.images.generate(prompt="p", safety_identifier=None, **TINY)
        )
    finally:
        await driver.close(client)
    assert generated.safety_identifier == "user-1"
    assert edited.safety_identifier == "user-2"
    assert plain.safety_identifier is None
    assert nulled.safety_identifier is None


def test_an_answer_without_a_safety_identifier_leaves_it_out(server: FakeImagesServer) -> None:
    sent = raw_post(server, GENERATIONS, json={"prompt": "p", **TINY})
    assert sent.status_code == 200
    assert "safety_identifier" not in sent.json()
    sent = raw_post(server, GENERATIONS, json={"prompt": "p", "safety_identifier": "u", **TINY})
    assert sent.json()["safety_identifier"] == "u"


@pytest.mark.anyio
@pytest.mark.parametrize("operation", ["generate", "edit"])
async def test_the_completed_stream_event_echoes_the_safety_identifier(
    driver: Driver, server: FakeImagesServer, operation: str
) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    extra: dict[str, Any] = {"image": png()} if operation == "edit" else {}
    call = getattr(client.images, operation)
    try:
        events = await driver.collect(
            await driver.run(
                call(
                    prompt="p",
                    stream=True,
                    partial_images=1,
                    safety_identifier="user-9",
                    **extra,
                    **TINY,
                )
            )
        )
    finally:
        await driver.close(client)
    partial, completed = events
    assert partial.type.endswith(".partial_image")
    assert not hasattr(partial, "safety_identifier")  # the spec gives partial events none
    assert completed.type.endswith(".completed")
    assert completed.safety_identifier == "user-9"


# ---------------------------------------------------------------------- nested checks

BAD_EXPIRIES = [
    pytest.param({"anchor": "created_at", "seconds": 10}, "seconds", "invalid_value", id="short"),
    pytest.param(
        {"anchor": "created_at", "seconds": 31 * DAY}, "seconds", "invalid_value", id="long"
    ),
    pytest.param({"anchor": "bogus", "seconds": 3600}, "anchor", "invalid_value", id="anchor"),
    pytest.param({"seconds": 3600}, "anchor", "missing_required_parameter", id="no-anchor"),
    pytest.param(
        {"anchor": "created_at", "seconds": "soon"}, "seconds", "invalid_type", id="not-int"
    ),
    pytest.param(
        {"anchor": "created_at", "seconds": 3600, "days": 1},
        "days",
        "unknown_parameter",
        id="unknown-key",
    ),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("expiry", "key", "code"), BAD_EXPIRIES)
async def test_the_server_refuses_a_bad_expires_after(
    driver: Driver, server: FakeImagesServer, expiry: dict[str, object], key: str, code: str
) -> None:
    # An empty object has no multipart form (no part is sent), so it is not among these.
    client = driver.client(base_url=server.base_url, max_retries=0, validation="off")
    try:
        with pytest.raises(BadRequestError) as caught:
            await driver.run(
                client.files.create(file=("a.png", png()), purpose="vision", expires_after=expiry)
            )
    finally:
        await driver.close(client)
    error = caught.value
    assert (error.status_code, error.param, error.code) == (400, f"expires_after.{key}", code)
    body: dict[str, object] = error.response.json()["error"]
    assert error.body == body
    assert set(body) == {"message", "type", "param", "code"}
    assert f"'expires_after.{key}'" in str(body["message"])


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("expiry", "key", "code"),
    [*BAD_EXPIRIES, pytest.param({}, "anchor", "missing_required_parameter", id="empty")],
)
async def test_the_server_refuses_a_bad_output_expires_after(
    driver: Driver, server: FakeImagesServer, expiry: dict[str, object], key: str, code: str
) -> None:
    file_id = server.batches._store("in.jsonl", "batch", jsonl("a")).id
    client = driver.client(base_url=server.base_url, max_retries=0, validation="off")
    try:
        with pytest.raises(BadRequestError) as caught:
            await driver.run(
                client.batches.create(
                    input_file_id=file_id,
                    endpoint=GENERATIONS,
                    completion_window="24h",
                    output_expires_after=expiry,
                )
            )
    finally:
        await driver.close(client)
    assert caught.value.param == f"output_expires_after.{key}"
    assert caught.value.code == code
    assert server.batches.batch_ids == ()


def test_a_server_without_validation_takes_any_expiry() -> None:
    with FakeImagesServer(draw_text=False, validation="off") as running:
        sent = raw_post(
            running,
            "/v1/files",
            data={"purpose": "vision", "expires_after[anchor]": "x", "expires_after[seconds]": "5"},
            files={"file": png()},
        )
    assert sent.status_code == 200
    assert sent.json()["expires_at"] == sent.json()["created_at"] + 5


def test_nested_image_references_are_checked_by_path(server: FakeImagesServer) -> None:
    body = {"prompt": "p", "images": [{"image_url": "https://example.test/a.png", "x": 1}]}
    sent = raw_post(server, "/v1/images/edits", json={**body, **TINY})
    assert sent.status_code == 400
    assert sent.json()["error"]["param"] == "images[0]"


def test_a_nested_object_of_the_images_routes_is_checked_too(server: FakeImagesServer) -> None:
    body = {"prompt": "p", "model": "gpt-image-2", "output_format": "svg", "svg": {}}
    sent = raw_post(server, GENERATIONS, json=body)
    assert sent.status_code == 400
    assert sent.json()["error"]["param"] == "svg.model"
    assert sent.json()["error"]["code"] == "missing_required_parameter"


# ------------------------------------------------------------------------ the helpers


def test_answer_refuses_a_field_the_model_does_not_have() -> None:
    with pytest.raises(KeyError, match="expiry"):
        answer(models.OpenAIFile, {"id": "file_1", "expiry": 1})


def test_total_sums_every_count_of_the_usage_model() -> None:
    parts: list[dict[str, object]] = [
        {"input_tokens": 3, "output_tokens": 5, "total_tokens": 8},
        {
            "input_tokens": 1,
            "input_tokens_details": {"cached_tokens": 1},
            "output_tokens": 2,
            "output_tokens_details": {"reasoning_tokens": 4, "extra": 9},
            "total_tokens": 3,
        },
    ]
    assert total(models.BatchUsage, parts) == {
        "input_tokens": 4,
        "input_tokens_details": {"cached_tokens": 1},
        "output_tokens": 7,
        "output_tokens_details": {"reasoning_tokens": 4},
        "total_tokens": 11,
    }


def test_event_model_finds_the_union_member_by_type() -> None:
    union = operations.CREATE_IMAGE.stream_event_type
    assert event_model(union, "image_generation.completed") is models.ImageGenCompletedEvent
    assert event_model(union, "image_edit.completed") is None
