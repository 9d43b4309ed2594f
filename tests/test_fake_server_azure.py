"""FakeImagesServer on Azure OpenAI paths: the Azure clients end to end, and the raw rules."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from conftest import Driver
from PIL import Image

from openai_images_sdk._exceptions import AuthenticationError, BadRequestError, NotFoundError
from openai_images_sdk._types import Omit
from openai_images_sdk.fake_server import FakeImagesServer, RateLimit, RecordedFile, StatusFault
from openai_images_sdk.fake_server._azure_api import v1_path
from openai_images_sdk.fake_server._images import encode_png

KEY = "azure-key-0123456789abcdef"
VERSION = "2025-04-01-preview"
DEPLOYMENTS = {"my-images": "gpt-image-1.5", "legacy": "dall-e-3", "legacy-edits": "dall-e-2"}
GENERATIONS = "/openai/deployments/my-images/images/generations"


def png(width: int = 64, height: int = 64) -> bytes:
    return encode_png(width, height, [b"\x10\x80\xf0" * width] * height)


def size_of(b64: str | None) -> tuple[int, int]:
    assert b64 is not None
    with Image.open(io.BytesIO(base64.b64decode(b64))) as image:
        return image.size


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False, api_key=KEY, azure_deployments=DEPLOYMENTS) as running:
        yield running
    assert running.errors == ()


def azure(driver: Driver, server: FakeImagesServer, **options: Any) -> Any:
    options.setdefault("api_version", VERSION)
    options.setdefault("max_retries", 0)
    if "base_url" not in options:
        options.setdefault("azure_endpoint", server.azure_endpoint)
    if not any(k in options for k in ("azure_ad_token", "azure_ad_token_provider")):
        options.setdefault("api_key", KEY)
    return driver.azure(**options)


# The Azure clients against the fake server (one body, sync and async)


@pytest.mark.anyio
async def test_generate_on_a_deployment(driver: Driver, server: FakeImagesServer) -> None:
    client = azure(driver, server, azure_deployment="my-images")
    try:
        result = await driver.run(client.images.generate(prompt="a lighthouse", size="1024x1536"))
    finally:
        await driver.close(client)
    assert size_of(result.data[0].b64_json) == (1024, 1536)
    assert result.usage is not None
    assert result.usage.total_tokens > 0
    (request,) = server.requests
    assert (request.path, request.status) == (GENERATIONS, 200)
    assert request.query == {"api-version": VERSION}
    assert request.headers["api-key"] == KEY
    assert "authorization" not in request.headers
    assert "model" not in request.fields


@pytest.mark.anyio
async def test_the_deployment_decides_the_model(driver: Driver, server: FakeImagesServer) -> None:
    legacy = azure(driver, server, azure_deployment="legacy")
    current = azure(driver, server, azure_deployment="my-images")
    try:
        # the body names gpt-image-1.5; the "legacy" deployment serves dall-e-3
        old = await driver.run(legacy.images.generate(prompt="a fox", model="gpt-image-1.5"))
        new = await driver.run(current.images.generate(prompt="a fox", model="gpt-image-1.5"))
    finally:
        await driver.close(legacy)
        await driver.close(current)
    assert old.data[0].revised_prompt == "An image of: a fox"
    assert old.data[0].url.startswith(f"{server.url}/v1/_files/")
    assert old.usage is None
    assert new.data[0].revised_prompt is None
    assert new.data[0].b64_json
    assert [r.fields["model"] for r in server.requests] == ["gpt-image-1.5"] * 2, "kept as sent"


@pytest.mark.anyio
async def test_every_url_form_the_client_builds(driver: Driver, server: FakeImagesServer) -> None:
    bare = azure(driver, server)
    based = azure(driver, server, base_url=f"{server.azure_endpoint}/openai/deployments/my-images")
    unknown = azure(driver, server, azure_deployment="nobody-deployed-this")
    try:
        # no deployment: the model names it; neither: /openai/images/... and the default model
        await driver.run(bare.images.generate(prompt="x", model="gpt-image-1-mini"))
        await driver.run(bare.images.generate(prompt="x"))
        await driver.run(based.images.generate(prompt="x"))
        with pytest.raises(NotFoundError) as caught:
            await driver.run(unknown.images.generate(prompt="x"))
    finally:
        for client in (bare, based, unknown):
            await driver.close(client)
    assert caught.value.code == "DeploymentNotFound"
    assert "'nobody-deployed-this'" in str(caught.value)
    assert [(r.path, r.status) for r in server.requests] == [
        ("/openai/deployments/gpt-image-1-mini/images/generations", 200),
        ("/openai/images/generations", 200),
        (GENERATIONS, 200),
        ("/openai/deployments/nobody-deployed-this/images/generations", 404),
    ]
    assert {r.query["api-version"] for r in server.requests} == {VERSION}


@pytest.mark.anyio
async def test_edit_uploads_multipart(driver: Driver, server: FakeImagesServer) -> None:
    client = azure(driver, server, azure_deployment="my-images")
    legacy = azure(driver, server, azure_deployment="legacy-edits")
    try:
        result = await driver.run(
            client.images.edit(image=("in.png", png(), "image/png"), prompt="add a hat")
        )
        old = await driver.run(
            legacy.images.edit(
                image=("in.png", png(), "image/png"), prompt="p", model="gpt-image-1.5"
            )
        )
    finally:
        await driver.close(client)
        await driver.close(legacy)
    assert size_of(result.data[0].b64_json) == (1024, 1024)
    assert old.data[0].url is not None, "the dall-e-2 deployment answered, not gpt-image-1.5"
    first, second = server.requests
    assert first.path == "/openai/deployments/my-images/images/edits"
    assert second.path == "/openai/deployments/legacy-edits/images/edits"
    assert first.query == second.query == {"api-version": VERSION}
    assert first.body_kind == "multipart"
    assert first.files == (
        RecordedFile(field="image", filename="in.png", content_type="image/png", size=len(png())),
    )
    assert first.fields == {"prompt": "add a hat"}
    assert second.fields["model"] == "gpt-image-1.5"


@pytest.mark.anyio
async def test_generate_and_edit_stream(driver: Driver, server: FakeImagesServer) -> None:
    client = azure(driver, server, azure_deployment="my-images")
    try:
        generated = await driver.collect(
            await driver.run(client.images.generate(prompt="x", stream=True, partial_images=1))
        )
        edited = await driver.collect(
            await driver.run(client.images.edit(image=("in.png", png()), prompt="x", stream=True))
        )
    finally:
        await driver.close(client)
    assert [e.type for e in generated] == [
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    assert [e.type for e in edited] == ["image_edit.completed"]
    assert [r.path for r in server.requests] == [
        GENERATIONS,
        "/openai/deployments/my-images/images/edits",
    ]
    assert all(r.headers["accept"] == "text/event-stream" for r in server.requests)


@pytest.mark.anyio
async def test_typed_errors(driver: Driver, server: FakeImagesServer) -> None:
    wrong = azure(driver, server, azure_deployment="my-images", api_key="not-the-key")
    token = azure(driver, server, azure_deployment="my-images", azure_ad_token_provider=lambda: KEY)
    bad_token = azure(
        driver, server, azure_deployment="my-images", azure_ad_token_provider=lambda: "expired"
    )
    right = azure(driver, server, azure_deployment="my-images")
    unknown = azure(driver, server, azure_deployment="nobody-deployed-this")
    try:
        with pytest.raises(AuthenticationError) as refused:
            await driver.run(wrong.images.generate(prompt="x"))
        with pytest.raises(AuthenticationError) as expired:
            await driver.run(bad_token.images.generate(prompt="x"))
        await driver.run(token.images.generate(prompt="x"))
        with pytest.raises(NotFoundError) as unversioned:
            await driver.run(right.images.generate(prompt="x", extra_query={"api-version": Omit()}))
        with pytest.raises(NotFoundError) as missing:
            await driver.run(unknown.images.generate(prompt="x"))
        with pytest.raises(BadRequestError) as invalid:
            await driver.run(right.images.generate(prompt="x", size="640x480", validation="off"))
    finally:
        for client in (wrong, token, bad_token, right, unknown):
            await driver.close(client)
    assert refused.value.code == "401"
    assert "api-key" in refused.value.message
    body: Any = refused.value.body
    assert set(body) == {"code", "message"}, "Azure's error shape (body is the inner object)"
    assert "not-the-key" not in str(refused.value.body)
    assert expired.value.code == "401"
    assert "bearer token" in expired.value.message
    assert unversioned.value.code == "404"
    assert "api-version" in unversioned.value.message
    assert missing.value.code == "DeploymentNotFound"
    assert (invalid.value.code, invalid.value.param) == ("invalid_value", "size")
    statuses = [(r.status, r.query.get("api-version")) for r in server.requests]
    assert statuses == [(401, VERSION), (401, VERSION), (200, VERSION), (404, None),
                        (404, VERSION), (400, VERSION)]  # fmt: skip
    assert server.requests[2].headers["authorization"] == f"Bearer {KEY}"
    assert "api-key" not in server.requests[2].headers


# The rules, through raw HTTP


def test_the_api_key_header_counts_only_on_azure_paths(server: FakeImagesServer) -> None:
    body = {"prompt": "x"}
    query = {"api-version": VERSION}
    with httpx.Client(base_url=server.url, timeout=30) as http:
        v1 = http.post("/v1/images/generations", json=body, headers={"api-key": KEY})
        assert v1.status_code == 401
        assert v1.json()["error"]["type"] == "invalid_request_error", "the OpenAI shape on /v1"
        nothing = http.post(GENERATIONS, params=query, json=body)
        assert nothing.status_code == 401
        assert nothing.json() == {
            "error": {"code": "401", "message": nothing.json()["error"]["message"]}
        }
        # both sent: the api-key is the one judged
        both = {"api-key": "wrong", "Authorization": f"Bearer {KEY}"}
        assert http.post(GENERATIONS, params=query, json=body, headers=both).status_code == 401
        both["api-key"] = KEY
        assert http.post(GENERATIONS, params=query, json=body, headers=both).status_code == 200


def test_any_key_is_accepted_without_a_configured_one() -> None:
    with FakeImagesServer(draw_text=False) as server, httpx.Client(timeout=30) as http:
        url = f"{server.azure_endpoint}/openai/deployments/gpt-image-1.5/images/generations"
        for headers in ({"api-key": "anything"}, {"Authorization": "Bearer anything"}):
            answer = http.post(
                url, params={"api-version": "x"}, json={"prompt": "x"}, headers=headers
            )
            assert answer.status_code == 200
        for headers in ({"api-key": ""}, {"Authorization": "Bearer"}, {"Authorization": "Basic a"}):
            refused = http.post(
                url, params={"api-version": "x"}, json={"prompt": "x"}, headers=headers
            )
            assert refused.status_code == 401, headers


@pytest.mark.parametrize(
    ("path", "query", "code"),
    [
        (GENERATIONS, {}, "404"),
        (GENERATIONS, {"api-version": ""}, "404"),
        ("/openai/deployments//images/generations", {"api-version": VERSION}, "DeploymentNotFound"),
        ("/openai/deployments/my-images/chat/completions", {"api-version": VERSION}, "404"),
        ("/openai/deployments/my-images/images/nothing", {"api-version": VERSION}, "404"),
    ],
)
def test_not_found_answers_in_azure_shape(
    server: FakeImagesServer, path: str, query: dict[str, str], code: str
) -> None:
    answer = httpx.post(
        f"{server.url}{path}", params=query, json={"prompt": "x"}, headers={"api-key": KEY}
    )
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert set(error) == {"code", "message"}
    assert error["code"] == code


def test_model_names_and_the_default_model_are_deployments() -> None:
    with FakeImagesServer(draw_text=False, default_model="house-model", validation="off") as server:
        url = f"{server.azure_endpoint}/openai/deployments/{{}}/images/generations"
        names = [("house-model", 200), ("gpt-image-2", 200), ("gpt%2Dimage%2D2", 200),
                 ("house-modell", 404), ("gpt-image-2%2F", 404)]  # fmt: skip
        for name, status in names:
            answer = httpx.post(
                url.format(name), params={"api-version": VERSION}, json={"prompt": "x"},
                headers={"api-key": KEY},
            )  # fmt: skip
            assert answer.status_code == status, name


def test_faults_and_rate_limits_named_by_v1_path_apply_to_azure_paths() -> None:
    fault = StatusFault(status=503, path="/v1/images/edits")
    with (
        FakeImagesServer(draw_text=False, faults=[fault], rate_limit=RateLimit(requests=2)) as server,
        httpx.Client(base_url=server.url, params={"api-version": VERSION}, headers={"api-key": KEY}) as http,
    ):  # fmt: skip
        edit = http.post(
            "/openai/deployments/gpt-image-1.5/images/edits",
            data={"prompt": "x"}, files={"image": ("a.png", png(), "image/png")},
        )  # fmt: skip
        assert edit.status_code == 503
        server.enqueue(
            StatusFault(status=500, path=GENERATIONS.replace("my-images", "gpt-image-2"))
        )
        generated = http.post(
            GENERATIONS.replace("my-images", "gpt-image-1.5"), json={"prompt": "x"}
        )
        assert generated.status_code == 200, "a queued fault for another deployment waits"
        assert generated.headers["x-ratelimit-remaining-requests"] == "0"
        limited = http.post("/openai/images/generations", json={"prompt": "x"})
        assert limited.status_code == 429
    assert next(r.faults for r in server.requests) == (fault,)


def test_v1_path() -> None:
    assert v1_path("/openai/deployments/x/images/edits") == "/v1/images/edits"
    assert v1_path("/openai/images/generations") == "/v1/images/generations"
    assert v1_path("/v1/images/generations") == "/v1/images/generations"
    assert (
        v1_path("/openai/deployments/x/chat/completions")
        == "/openai/deployments/x/chat/completions"
    )
