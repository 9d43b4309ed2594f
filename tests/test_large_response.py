"""A parsed response lets go of its body: the bytes are released before the JSON parse.

A call's result is all the caller keeps; the raw body of a response nobody else sees is
dropped as soon as it is decoded (so a 30 MB answer never holds the bytes, the text and
the parsed strings at once). A `with_raw_response` keeps its body, and an error that
carries the response gets the exact bytes back.
"""

from __future__ import annotations

import json

import httpx
import pytest
from conftest import TinyImagesResponse

from openai_images_sdk import ImagesClient, ImagesResponse
from openai_images_sdk._exceptions import APIResponseValidationError
from openai_images_sdk._response import APIResponse, structure_response

IMAGE = "aGVsbG8=" * 10_000  # two of them: over the 64 KiB from which a body is let go
BODY = json.dumps({"created": 1, "data": [{"b64_json": IMAGE}, {"b64_json": IMAGE}]}).encode()


def read_response(content: bytes) -> httpx.Response:
    request = httpx.Request("POST", "https://api.openai.com/v1/images/generations")
    response = httpx.Response(200, content=content, request=request)
    response.read()
    return response


def wrapped(raw: httpx.Response, *, dispose: bool = False) -> APIResponse[object]:
    return APIResponse(
        raw=raw,
        parser=lambda r: structure_response(r, ImagesResponse, dispose=dispose),
        stream=False,
    )


def test_a_disposed_response_drops_its_body_once_decoded() -> None:
    raw = read_response(BODY)
    result = wrapped(raw, dispose=True).parse()
    assert isinstance(result, ImagesResponse)
    assert [image.b64_json for image in result.data or []] == [IMAGE, IMAGE]
    assert "_content" not in vars(raw)


def test_a_small_disposed_body_is_parsed_without_a_copy() -> None:
    small = json.dumps({"created": 1, "data": [{"b64_json": "aGVsbG8="}]}).encode()
    raw = read_response(small)
    result = wrapped(raw, dispose=True).parse()
    assert isinstance(result, ImagesResponse)
    assert [image.b64_json for image in result.data or []] == ["aGVsbG8="]
    assert raw.content == small


def test_a_raw_response_keeps_its_body_after_parse() -> None:
    raw = read_response(BODY)
    response = wrapped(raw)
    response.parse()
    assert response.read() == BODY


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"created": 1, "data": [', "not valid JSON"),
        (b'{"created": "soon"}', "does not match ImagesResponse"),
    ],
)
def test_an_error_gets_the_exact_body_back(content: bytes, message: str) -> None:
    raw = read_response(content)
    with pytest.raises(APIResponseValidationError, match=message) as info:
        wrapped(raw, dispose=True).parse()
    assert info.value.response.content == content
    assert info.value.response.text == content.decode()


def test_a_utf16_body_is_decoded_as_json_detects_it() -> None:
    raw = read_response(json.dumps({"created": 7}).encode("utf-16"))
    response = APIResponse(
        raw=raw,
        parser=lambda r: structure_response(r, TinyImagesResponse, dispose=True),
        stream=False,
    )
    result = response.parse()
    assert isinstance(result, TinyImagesResponse)
    assert result.created == 7


def test_a_client_call_keeps_only_the_result() -> None:
    """Through the whole client: the httpx response behind a plain call holds no body."""
    seen: list[httpx.Response] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=BODY, headers={"content-type": "application/json"})

    def keep(response: httpx.Response) -> None:
        seen.append(response)

    http_client = httpx.Client(
        transport=httpx.MockTransport(handler), event_hooks={"response": [keep]}
    )
    with http_client, ImagesClient(api_key="sk-test", http_client=http_client) as client:
        result = client.images.generate(prompt="a lighthouse", model="gpt-image-1.5")
        raw = client.images.with_raw_response.generate(prompt="a lighthouse", model="gpt-image-1.5")
        raw.parse()
    assert [image.b64_json for image in result.data or []] == [IMAGE, IMAGE]
    assert "_content" not in vars(seen[0])
    assert raw.read() == BODY
