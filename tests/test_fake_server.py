"""FakeImagesServer through raw httpx and through the SDK: answers, checks, streams, log."""

from __future__ import annotations

import base64
import io
import json
import socket
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from conftest import Driver
from PIL import Image

from openai_images_sdk._exceptions import AuthenticationError, BadRequestError
from openai_images_sdk.fake_server import FakeImagesServer, RecordedFile, serve_forever
from openai_images_sdk.fake_server._formdata import (
    FormDataError,
    MultipartParser,
    boundary_of,
    parse_form_data,
)
from openai_images_sdk.fake_server._http import Incoming, Reply, ServerContext, json_reply
from openai_images_sdk.fake_server._images import encode_png

KEY = {"Authorization": "Bearer sk-test"}
IMAGE_LIMIT = 50 * 1024 * 1024


def _fake_threads() -> int:
    """How many of the fake server's threads (accept loop, connections) are alive."""
    return sum(t.name.startswith("fake-images") for t in threading.enumerate())


def png(width: int = 64, height: int = 64, *, alpha: bool = False) -> bytes:
    pixel = b"\x10\x80\xf0\x00" if alpha else b"\x10\x80\xf0"
    return encode_png(width, height, [pixel * width] * height, alpha=alpha)


def decode(b64: str) -> Image.Image:
    image = Image.open(io.BytesIO(base64.b64decode(b64)))
    image.load()
    return image


def sse(body: bytes) -> list[tuple[str, dict[str, Any]]]:
    """(event, data) pairs; every event must end with a blank line."""
    assert body.endswith(b"\n\n")
    found = []
    for block in body.decode().split("\n\n")[:-1]:
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        found.append((lines["event"], json.loads(lines["data"])))
    return found


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    """A running server (no text drawn, for speed); afterwards no thread may be left."""
    before = _fake_threads()
    with FakeImagesServer(draw_text=False) as running:
        yield running
    assert running.errors == ()
    assert _fake_threads() == before


@pytest.fixture
def http(server: FakeImagesServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=KEY, timeout=30) as client:
        yield client


# Life cycle


def test_base_url_and_port() -> None:
    server = FakeImagesServer()
    assert server.port == 0
    with server:
        assert server.port > 0
        assert server.base_url == f"http://127.0.0.1:{server.port}/v1"
        assert server.url == f"http://127.0.0.1:{server.port}"
        with pytest.raises(RuntimeError, match="already running"):
            server.start()
    server.stop()  # a second stop is harmless


def test_stop_closes_kept_alive_connections_and_joins_every_thread() -> None:
    before = _fake_threads()
    server = FakeImagesServer(draw_text=False).start()
    clients = [httpx.Client(base_url=server.base_url, headers=KEY, timeout=10) for _ in range(3)]
    for client in clients:
        response = client.post("/images/generations", json={"prompt": "keep alive"})
        assert response.status_code == 200
    assert _fake_threads() > before
    server.stop()  # the clients still hold their connections open
    assert _fake_threads() == before
    for client in clients:
        client.close()


def test_a_stopped_server_can_start_again() -> None:
    server = FakeImagesServer(draw_text=False)
    for _ in range(2):
        with server, httpx.Client(base_url=server.base_url, headers=KEY) as client:
            assert client.post("/images/generations", json={"prompt": "again"}).status_code == 200


def test_serve_forever_runs_in_the_calling_thread_until_stopped() -> None:
    ready = threading.Event()
    holder: list[FakeImagesServer] = []

    def on_ready(server: FakeImagesServer) -> None:
        holder.append(server)
        ready.set()

    thread = threading.Thread(
        target=serve_forever, kwargs={"port": 0, "on_ready": on_ready, "draw_text": False}
    )
    thread.start()
    assert ready.wait(10)
    server = holder[0]
    response = httpx.post(
        f"{server.base_url}/images/generations", json={"prompt": "cli"}, headers=KEY
    )
    assert response.status_code == 200
    server.stop()
    thread.join(10)
    assert not thread.is_alive()


# Generations


@pytest.mark.parametrize(
    ("fmt", "pil_format"),
    [("png", "PNG"), ("jpeg", "JPEG"), ("webp", "WEBP"), ("gif", "GIF")],
)
def test_generate_returns_real_images_of_the_requested_size(
    http: httpx.Client, fmt: str, pil_format: str
) -> None:
    response = http.post(
        "/images/generations",
        json={
            "prompt": "a red fox",
            "model": "gpt-image-1.5",
            "size": "1536x1024",
            "output_format": fmt,
        },
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-request-id"].startswith("req_")
    body = response.json()
    assert isinstance(body["created"], int)
    assert body["output_format"] == fmt
    assert body["size"] == "1536x1024"
    assert body["quality"] == "medium"
    assert body["background"] == "opaque"
    image = decode(body["data"][0]["b64_json"])
    assert (image.format, image.size) == (pil_format, (1536, 1024))
    if fmt == "gif":
        assert getattr(image, "n_frames", 1) == 9


def test_gif_frames_and_svg_follow_their_parameters(http: httpx.Client) -> None:
    gif = http.post(
        "/images/generations",
        json={"prompt": "spin", "output_format": "gif", "frame_count": 4, "frame_duration_ms": 120},
    ).json()
    image = decode(gif["data"][0]["b64_json"])
    assert getattr(image, "n_frames", 1) == 4
    assert image.info["duration"] == 120
    svg = http.post(
        "/images/generations",
        json={
            "prompt": "a logo",
            "output_format": "svg",
            "svg": {"model": "svg-1", "reasoning": {"effort": "low"}},
        },
    ).json()
    root = ET.fromstring(base64.b64decode(svg["data"][0]["b64_json"]))
    assert (root.get("width"), root.get("height")) == ("1024", "1024")
    assert svg["svg_usage"]["model"] == "svg-1"
    assert svg["svg_usage"]["reasoning_tokens"] > 0


def test_n_images_differ_and_size_auto_is_square(http: httpx.Client) -> None:
    body = http.post("/images/generations", json={"prompt": "three cats", "n": 3}).json()
    assert body["size"] == "1024x1024"
    payloads = [item["b64_json"] for item in body["data"]]
    assert len(set(payloads)) == 3
    assert all(decode(p).size == (1024, 1024) for p in payloads)


def test_flexible_sizes_of_newer_models(http: httpx.Client) -> None:
    ok = http.post(
        "/images/generations", json={"prompt": "wide", "model": "gpt-image-2", "size": "1536x864"}
    )
    assert ok.status_code == 200
    assert decode(ok.json()["data"][0]["b64_json"]).size == (1536, 864)
    bad = http.post(
        "/images/generations", json={"prompt": "wide", "model": "gpt-image-2", "size": "1000x1000"}
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["param"] == "size"


def test_usage_grows_with_prompt_length_and_size(http: httpx.Client) -> None:
    def usage(prompt: str, size: str) -> dict[str, Any]:
        body = http.post("/images/generations", json={"prompt": prompt, "size": size}).json()
        return dict(body["usage"])

    short = usage("cat", "1024x1024")
    long = usage("a cat " * 50, "1024x1024")
    big = usage("cat", "1536x1024")
    assert long["input_tokens"] > short["input_tokens"]
    assert (
        long["input_tokens_details"]["text_tokens"] > short["input_tokens_details"]["text_tokens"]
    )
    assert big["output_tokens"] > short["output_tokens"]
    for u in (short, long, big):
        assert u["total_tokens"] == u["input_tokens"] + u["output_tokens"]
        assert u["output_tokens_details"]["image_tokens"] == u["output_tokens"]


def test_dalle_urls_point_back_at_the_server_without_auth(
    server: FakeImagesServer, http: httpx.Client
) -> None:
    body = http.post(
        "/images/generations", json={"prompt": "old style", "model": "dall-e-2", "size": "512x512"}
    ).json()
    assert "usage" not in body
    url = body["data"][0]["url"]
    assert url.startswith(f"{server.base_url}/_files/")
    image = httpx.get(url)  # a storage host: no key
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size == (512, 512)
    assert httpx.get(f"{server.base_url}/_files/missing.png").status_code == 404
    server.expire_urls()
    expired = httpx.get(url)
    assert expired.status_code == 403


def test_dalle_3_revises_the_prompt_and_b64_on_request(http: httpx.Client) -> None:
    body = http.post(
        "/images/generations",
        json={"prompt": "a castle", "model": "dall-e-3", "response_format": "b64_json"},
    ).json()
    assert "a castle" in body["data"][0]["revised_prompt"]
    assert decode(body["data"][0]["b64_json"]).size == (1024, 1024)


# Requests answered as the API would


@pytest.mark.parametrize(
    ("body", "param", "code"),
    [
        ({"prompt": "x", "quality": "ultra"}, "quality", "invalid_value"),
        ({"prompt": "x", "n": 11}, "n", "invalid_value"),
        ({"prompt": "x", "n": "2"}, "n", "invalid_value"),
        ({"prompt": "x" * 32001}, "prompt", "invalid_value"),
        ({"prompt": "x", "model": "gpt-image-1.5", "size": "512x512"}, "size", "invalid_value"),
        ({"prompt": "x", "model": "dall-e-3", "n": 2}, "n", "invalid_value"),
        ({"prompt": "x", "output_compression": 50}, "output_compression", "invalid_value"),
        ({"prompt": "x", "partial_images": 2}, "partial_images", "invalid_value"),
        (
            {"prompt": "x", "background": "transparent", "output_format": "jpeg"},
            "background",
            "invalid_value",
        ),
        ({"prompt": "x", "output_format": "svg", "n": 2}, "n", "invalid_value"),
        ({"prompt": "x", "response_format": "url"}, "response_format", "invalid_value"),
        ({"prompt": "x", "foo": 1}, "foo", "unknown_parameter"),
        ({"model": "gpt-image-1.5"}, "prompt", "missing_required_parameter"),
    ],
)
def test_bad_generations_get_the_api_error_shape(
    http: httpx.Client, body: dict[str, Any], param: str, code: str
) -> None:
    response = http.post("/images/generations", json=body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param
    assert error["code"] == code
    assert error["message"]


def test_bodies_that_are_not_json_objects(http: httpx.Client) -> None:
    broken = http.post(
        "/images/generations", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 400
    assert "JSON" in broken.json()["error"]["message"]
    array = http.post("/images/generations", json=["prompt"])
    assert array.status_code == 400
    empty = http.post("/images/generations")
    assert empty.status_code == 400
    multipart = http.post("/images/generations", data={"prompt": "x"}, files={"f": b"1"})
    assert multipart.status_code == 400
    assert multipart.json()["error"]["code"] == "invalid_content_type"


def test_retired_models_are_served_by_default_and_rejected_on_request() -> None:
    with FakeImagesServer(draw_text=False, retired="reject") as strict:
        response = httpx.post(
            f"{strict.base_url}/images/generations",
            json={"prompt": "x", "model": "dall-e-3"},
            headers=KEY,
        )
        assert response.status_code == 400
        assert response.json()["error"]["param"] == "model"
        assert "retired" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer"}, {"Authorization": "sk-1"}],
)
def test_401_without_a_bearer_key(server: FakeImagesServer, headers: dict[str, str]) -> None:
    response = httpx.post(
        f"{server.base_url}/images/generations", json={"prompt": "x"}, headers=headers
    )
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "invalid_request_error"


def test_refusals_before_the_body_is_read_keep_the_connection_usable(
    server: FakeImagesServer,
) -> None:
    upload = {"image": ("a.png", b"\x89PNG" + b"\x00" * 5_000_000, "image/png")}
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        refused = client.post("/images/edits", data={"prompt": "x"}, files=upload)
        assert refused.status_code == 401
        missing = client.post("/images/nowhere", headers=KEY, files=upload)
        assert missing.status_code == 404
        fine = client.post("/images/generations", headers=KEY, json={"prompt": "x"})
        assert fine.status_code == 200
    assert [r.status for r in server.requests] == [401, 404, 200]


def test_a_configured_key_is_the_only_one_accepted() -> None:
    with FakeImagesServer(api_key="sk-right-key", draw_text=False) as server:
        url = f"{server.base_url}/images/generations"
        wrong = httpx.post(
            url, json={"prompt": "x"}, headers={"Authorization": "Bearer sk-wrong-key"}
        )
        assert wrong.status_code == 401
        assert wrong.json()["error"]["code"] == "invalid_api_key"
        assert "sk-wrong-key" not in wrong.text
        right = httpx.post(
            url, json={"prompt": "x"}, headers={"Authorization": "Bearer sk-right-key"}
        )
        assert right.status_code == 200


def test_unknown_paths_and_methods(http: httpx.Client) -> None:
    assert http.post("/images/nothing", json={}).status_code == 404
    response = http.get("/images/generations")
    assert response.status_code == 404
    assert "Invalid URL (GET /v1/images/generations)" in response.json()["error"]["message"]


# Edits


def edit(http: httpx.Client, files: list[tuple[str, Any]], **data: str) -> httpx.Response:
    return http.post("/images/edits", data={"prompt": "edit it", **data}, files=files)


def test_edit_with_one_image_and_with_repeated_image_parts(http: httpx.Client) -> None:
    one = edit(http, [("image", ("a.png", png(), "image/png"))])
    assert one.status_code == 200
    assert decode(one.json()["data"][0]["b64_json"]).size == (1024, 1024)
    many = edit(http, [("image[]", (f"{i}.png", png(), "image/png")) for i in range(16)])
    assert many.status_code == 200
    usage = many.json()["usage"]
    assert (
        usage["input_tokens_details"]["image_tokens"]
        > one.json()["usage"]["input_tokens_details"]["image_tokens"]
    )
    too_many = edit(http, [("image[]", (f"{i}.png", png(), "image/png")) for i in range(17)])
    assert too_many.status_code == 400
    assert too_many.json()["error"]["param"] == "image"


def test_edit_inputs_must_really_be_images(http: httpx.Client) -> None:
    fake = edit(http, [("image", ("a.png", b"GIF? no, text", "image/png"))])
    assert fake.status_code == 400
    assert fake.json()["error"]["param"] == "image"
    assert "not a PNG" in fake.json()["error"]["message"]
    empty = edit(http, [("image", ("a.png", b"", "image/png"))])
    assert empty.status_code == 400
    missing = http.post("/images/edits", data={"prompt": "x"}, files={"other": b"1"})
    assert missing.status_code == 400
    assert missing.json()["error"]["param"] == "other"


def test_mask_rules(http: httpx.Client) -> None:
    image = ("image", ("a.png", png(64, 64), "image/png"))
    good = edit(http, [image, ("mask", ("m.png", png(64, 64, alpha=True), "image/png"))])
    assert good.status_code == 200
    wrong_size = edit(http, [image, ("mask", ("m.png", png(32, 64, alpha=True), "image/png"))])
    assert wrong_size.status_code == 400
    assert wrong_size.json()["error"]["param"] == "mask"
    assert "same width and height" in wrong_size.json()["error"]["message"]
    no_alpha = edit(http, [image, ("mask", ("m.png", png(64, 64), "image/png"))])
    assert no_alpha.status_code == 400
    assert no_alpha.json()["error"]["param"] == "mask"
    both = edit(
        http,
        [
            image,
            ("mask", ("m.png", png(64, 64, alpha=True), "image/png")),
            ("markup", ("k.png", png(64, 64, alpha=True), "image/png")),
        ],
    )
    assert both.status_code == 400
    assert both.json()["error"]["param"] == "markup"


def test_edit_bracketed_fields_and_converted_types(http: httpx.Client) -> None:
    response = edit(
        http,
        [("image", ("a.png", png(), "image/png"))],
        output_format="svg",
        **{"svg[model]": "svg-2", "svg[reasoning][effort]": "high", "n": "1"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["svg_usage"]["model"] == "svg-2"
    bad_n = edit(http, [("image", ("a.png", png(), "image/png"))], n="many")
    assert bad_n.status_code == 400
    assert bad_n.json()["error"]["param"] == "n"


def test_json_edit_takes_references(http: httpx.Client) -> None:
    data_url = "data:image/png;base64," + base64.b64encode(png(40, 40)).decode()
    body = {
        "prompt": "combine",
        "images": [
            {"image_url": data_url},
            {"file_id": "file-abc"},
            {"image_url": "https://example.com/cat.png"},
        ],
        "mask": {
            "image_url": "data:image/png;base64,"
            + base64.b64encode(png(40, 40, alpha=True)).decode()
        },
    }
    response = http.post("/images/edits", json=body)
    assert response.status_code == 200, response.text
    assert decode(response.json()["data"][0]["b64_json"]).size == (1024, 1024)


@pytest.mark.parametrize(
    ("images", "param"),
    [
        ([{}], "images[0]"),
        (["https://example.com/cat.png"], "images[0]"),
        ([{"image_url": "https://x/a.png", "file_id": "file-1"}], "images[0]"),
        ([{"image_url": "ftp://x/a.png"}], "images[0]"),
        ([{"image_url": "data:image/png;base64,@@@@"}], "images[0]"),
        ({"image_url": "https://x/a.png"}, "images"),
        (
            [{"image_url": "data:text/plain;base64," + base64.b64encode(b"hello").decode()}],
            "images[0]",
        ),
    ],
)
def test_json_edit_rejects_bad_references(http: httpx.Client, images: object, param: str) -> None:
    response = http.post("/images/edits", json={"prompt": "x", "images": images})
    assert response.status_code == 400
    assert response.json()["error"]["param"] == param


def test_edits_depend_on_their_input_images(http: httpx.Client) -> None:
    def first(image: bytes) -> str:
        response = edit(http, [("image", ("a.png", image, "image/png"))])
        return str(response.json()["data"][0]["b64_json"])

    assert first(png(64, 64)) == first(png(64, 64))
    assert first(png(64, 64)) != first(png(64, 48))


def test_files_just_under_the_size_limit_pass_and_at_it_fail(http: httpx.Client) -> None:
    header = png(8, 8)
    under = header + b"\x00" * (IMAGE_LIMIT - 1 - len(header))
    accepted = edit(http, [("image", ("big.png", under, "image/png"))])
    assert accepted.status_code == 200
    at_limit = header + b"\x00" * (IMAGE_LIMIT - len(header))
    refused = edit(http, [("image", ("big.png", at_limit, "image/png"))])
    assert refused.status_code == 400
    assert refused.json()["error"]["param"] == "image"
    assert "50 MB" in refused.json()["error"]["message"]


def test_chunked_request_bodies_are_read(http: httpx.Client) -> None:
    body = json.dumps({"prompt": "sent in chunks", "size": "1024x1536"}).encode()

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(body), 7):
            yield body[i : i + 7]

    response = http.post(
        "/images/generations", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["size"] == "1024x1536"


# Variations


def test_variations_work_offline_unless_retired(http: httpx.Client) -> None:
    response = http.post(
        "/images/variations",
        files={"image": ("v.png", png(256, 256), "image/png")},
        data={"n": "2", "size": "256x256", "response_format": "b64_json"},
    )
    assert response.status_code == 200, response.text
    assert [decode(i["b64_json"]).size for i in response.json()["data"]] == [(256, 256)] * 2
    with FakeImagesServer(retired="reject") as retired:
        gone = httpx.post(
            f"{retired.base_url}/images/variations",
            files={"image": ("v.png", png(), "image/png")},
            headers=KEY,
        )
        assert gone.status_code == 404
        assert "retired" in gone.json()["error"]["message"]


# Streaming


@pytest.mark.parametrize("partials", [0, 1, 3])
def test_generation_streams_partials_then_completed(http: httpx.Client, partials: int) -> None:
    with http.stream(
        "POST",
        "/images/generations",
        json={"prompt": "streamed", "stream": True, "partial_images": partials, "size": "1024x1536"}
        if partials
        else {"prompt": "streamed", "stream": True},
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = response.read()
    events = sse(body)
    names = [name for name, _ in events]
    assert names == ["image_generation.partial_image"] * partials + ["image_generation.completed"]
    for index, (name, data) in enumerate(events):
        assert data["type"] == name
        size = (1024, 1536) if partials else (1024, 1024)
        assert decode(data["b64_json"]).size == size
        if name.endswith("partial_image"):
            assert data["partial_image_index"] == index
    usage = events[-1][1]["usage"]
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]


def test_edit_streams_image_edit_events(http: httpx.Client) -> None:
    with http.stream(
        "POST",
        "/images/edits",
        data={"prompt": "streamed edit", "stream": "true", "partial_images": "2"},
        files={"image": ("a.png", png(), "image/png")},
    ) as response:
        body = response.read()
    names = [name for name, _ in sse(body)]
    assert names == ["image_edit.partial_image"] * 2 + ["image_edit.completed"]


# Determinism


def test_same_prompt_and_seed_give_the_same_bytes() -> None:
    def b64(server: FakeImagesServer, **headers: str) -> str:
        response = httpx.post(
            f"{server.base_url}/images/generations",
            json={"prompt": "deterministic"},
            headers={**KEY, **headers},
        )
        return str(response.json()["data"][0]["b64_json"])

    with FakeImagesServer() as one, FakeImagesServer() as two, FakeImagesServer(seed=9) as seeded:
        assert b64(one) == b64(two)
        assert b64(one, **{"X-Fake-Seed": "1"}) == b64(two, **{"X-Fake-Seed": "1"})
        assert b64(one, **{"X-Fake-Seed": "1"}) != b64(one)
        assert b64(seeded) != b64(one)
        assert b64(seeded) == b64(one, **{"X-Fake-Seed": "9"})


# The request log


def test_requests_are_recorded_for_assertions(server: FakeImagesServer, http: httpx.Client) -> None:
    http.post("/images/generations?trace=1", json={"prompt": "logged", "n": 1})
    edit(
        http,
        [("image[]", ("a.png", png(), "image/png")), ("image[]", ("b.webp", b"x", "image/webp"))],
        size="1024x1024",
    )
    first, second = server.requests
    assert (first.method, first.path, first.query) == (
        "POST",
        "/v1/images/generations",
        {"trace": "1"},
    )
    assert first.body_kind == "json"
    assert first.fields == {"prompt": "logged", "n": 1}
    assert first.headers["authorization"] == "Bearer sk-test"
    assert first.status == 200
    assert second.body_kind == "multipart"
    assert second.fields == {"prompt": "edit it", "size": "1024x1024"}
    assert second.files == (
        RecordedFile(field="image[]", filename="a.png", content_type="image/png", size=len(png())),
        RecordedFile(field="image[]", filename="b.webp", content_type="image/webp", size=1),
    )
    assert second.status == 400  # b.webp is not an image
    server.reset()
    assert server.requests == ()


# Extension points and server errors


def test_added_routes_match_wildcards_and_skip_auth_when_not_api(
    server: FakeImagesServer, http: httpx.Client
) -> None:
    def hello(incoming: Incoming, ctx: ServerContext) -> Reply:
        return json_reply({"path": incoming.path, "seed": ctx.seed_for(incoming)})

    server.add_route("GET", "/v1/hello/*", hello, api=False)
    server.add_route("POST", "/v1/secret", hello)
    assert httpx.get(f"{server.base_url}/hello/abc").json()["path"] == "/v1/hello/abc"
    assert httpx.post(f"{server.base_url}/secret").status_code == 401
    assert http.post("/secret", headers={"X-Fake-Seed": "4"}).json()["seed"] == "4"


def test_a_failing_route_answers_500_and_is_recorded() -> None:
    with FakeImagesServer() as server:

        def broken(incoming: Incoming, ctx: ServerContext) -> Reply:
            raise RuntimeError("boom")

        server.add_route("POST", "/v1/broken", broken)
        response = httpx.post(f"{server.base_url}/broken", headers=KEY)
        assert response.status_code == 500
        assert response.json()["error"]["type"] == "server_error"
        assert len(server.errors) == 1
        assert "RuntimeError: boom" in server.errors[0]


def test_a_route_failing_mid_stream_cuts_the_stream_and_is_recorded() -> None:
    def half_a_stream(incoming: Incoming, ctx: ServerContext) -> Reply:
        def events() -> Iterator[bytes]:
            yield b"event: one\ndata: {}\n\n"
            raise RuntimeError("render failed")

        return Reply(headers={"content-type": "text/event-stream"}, events=events())

    with FakeImagesServer() as server:
        server.add_route("POST", "/v1/half", half_a_stream)
        with pytest.raises(httpx.RemoteProtocolError):
            httpx.post(f"{server.base_url}/half", headers=KEY)
        assert len(server.errors) == 1
        assert "RuntimeError: render failed" in server.errors[0]


# Through the SDK (validation off, so the server's own checks answer)


@pytest.mark.anyio
async def test_sdk_generate_and_stream(driver: Driver) -> None:
    with FakeImagesServer(draw_text=False) as server:
        client = driver.client(base_url=server.base_url, max_retries=0)
        try:
            result = await driver.run(
                client.images.generate(prompt="via the sdk", size="1024x1536", n=2)
            )
            assert len(result.data) == 2
            assert decode(result.data[0].b64_json).size == (1024, 1536)
            stream = await driver.run(
                client.images.generate(prompt="via the sdk", stream=True, partial_images=2)
            )
            events = await driver.collect(stream)
            assert [e.type for e in events] == [
                "image_generation.partial_image",
                "image_generation.partial_image",
                "image_generation.completed",
            ]
        finally:
            await driver.close(client)
    assert not [t for t in threading.enumerate() if t.name.startswith("fake-images")]


@pytest.mark.anyio
async def test_sdk_sees_server_side_validation_as_bad_request(driver: Driver) -> None:
    with FakeImagesServer(draw_text=False, api_key="sk-test-key") as server:
        client = driver.client(base_url=server.base_url, max_retries=0)
        try:
            with pytest.raises(BadRequestError) as caught:
                await driver.run(
                    client.images.generate(
                        prompt="x", model="gpt-image-1.5", size="640x480", validation="off"
                    )
                )
            assert caught.value.param == "size"
            assert caught.value.code == "invalid_value"
            wrong = driver.client(base_url=server.base_url, api_key="sk-other", max_retries=0)
            try:
                with pytest.raises(AuthenticationError):
                    await driver.run(wrong.images.generate(prompt="x"))
            finally:
                await driver.close(wrong)
        finally:
            await driver.close(client)


# The multipart parser


BODY = (
    b"preamble\r\n--XyZ\r\n"
    b'Content-Disposition: form-data; name="prompt"\r\n\r\n'
    b'a "quoted" prompt\r\n'
    b"--XyZ\r\n"
    b'Content-Disposition: form-data; name="image[]"; filename="a \\"b\\".png"\r\n'
    b"Content-Type: image/png\r\n\r\n"
    b"\x89PNG\r\n--Xy not the boundary\r\n"
    b"--XyZ\r\n"
    b"Content-Disposition: form-data; name=\"image[]\"; filename*=UTF-8''caf%C3%A9.png\r\n\r\n"
    b"\r\n"
    b"--XyZ--\r\nepilogue"
)


def test_parser_reads_parts_split_at_every_offset() -> None:
    expected = parse_form_data("multipart/form-data; boundary=XyZ", [BODY])
    assert [(p.name, p.filename, p.content_type) for p in expected] == [
        ("prompt", None, None),
        ("image[]", 'a "b".png', "image/png"),
        ("image[]", "café.png", None),
    ]
    assert expected[0].text() == 'a "quoted" prompt'
    assert expected[1].data == b"\x89PNG\r\n--Xy not the boundary"
    assert expected[2].data == b""
    for cut in range(len(BODY) + 1):
        assert parse_form_data("multipart/form-data; boundary=XyZ", [BODY[:cut], BODY[cut:]]) == (
            expected
        )
    one_by_one = MultipartParser("XyZ")
    for byte in BODY:
        one_by_one.feed(bytes([byte]))
    assert one_by_one.finish() == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', "ended before"),
        (b"--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--", "Content-Disposition"),
        (b"--XyZ\r\nContent-Disposition: attachment\r\n\r\n1\r\n--XyZ--", "named form-data"),
        (b"--XyZjunk\r\n", "junk"),
        (b"--XyZ\r\nno colon here\r\n\r\n1\r\n--XyZ--", "malformed"),
        (b"--XyZ\r\n" + b"x" * 20000, "too long"),
    ],
)
def test_parser_rejects_malformed_bodies(body: bytes, message: str) -> None:
    with pytest.raises(FormDataError, match=message):
        parse_form_data("multipart/form-data; boundary=XyZ", [body])


def test_parser_limits_part_size_and_needs_a_boundary() -> None:
    body = b'--b\r\nContent-Disposition: form-data; name="f"\r\n\r\n' + b"x" * 100 + b"\r\n--b--"
    with pytest.raises(FormDataError, match="larger than 50"):
        parse_form_data("multipart/form-data; boundary=b", [body], max_part_size=50)
    assert boundary_of('multipart/form-data; boundary="quoted b"') == "quoted b"
    with pytest.raises(FormDataError, match="boundary"):
        boundary_of("multipart/form-data")
    with pytest.raises(FormDataError, match="expected multipart"):
        boundary_of("application/json")


def test_malformed_multipart_is_a_400(http: httpx.Client) -> None:
    response = http.post(
        "/images/edits",
        content=b"--b\r\nnonsense",
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code == 400
    assert "multipart" in response.json()["error"]["message"]


def test_connections_send_without_nagle_delay(server: FakeImagesServer) -> None:
    """Headers and body are separate writes: with Nagle on, a keep-alive client's delayed
    ACK would hold every body back (up to 40 ms a request); bulk runs would crawl."""
    with httpx.Client(base_url=server.base_url, headers=KEY) as client:
        client.post("images/generations", json={"prompt": "a"}).raise_for_status()
        httpd = server._httpd
        assert httpd is not None
        with httpd.workers_lock:
            sockets = list(httpd.workers.values())
        assert sockets
        for sock in sockets:
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
