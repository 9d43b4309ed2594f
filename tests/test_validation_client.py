"""Validation through the real clients: a bad call raises before any request is sent."""

from __future__ import annotations

import struct
import warnings
import zlib
from typing import Any

import pytest
import respx
from conftest import Driver
from test_validation import CASES, Case, same_violations, same_warnings

from openai_images_sdk._exceptions import APIError, ValidationError, Violation

pytestmark = [pytest.mark.anyio, pytest.mark.respx(assert_all_called=False)]

BASE = "https://api.openai.com/v1/images"
OK_BODY = {"created": 1, "data": [{"b64_json": "aGk="}]}
GENERATE = [c for c in CASES if c.op == "generate"]


def png(width: int, height: int) -> bytes:
    """A real (black, RGB) PNG file of this size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\0" + b"\0\0\0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


async def attempt(driver: Driver, call: Any) -> tuple[tuple[Violation, ...], list[str]]:
    """Run a client call; the violations it raised and the DeprecationWarnings it issued."""
    violations: tuple[Violation, ...] = ()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            await driver.run(call())
        except ValidationError as exc:
            violations = exc.violations
        except APIError:
            pass  # a valid streamed call meets the mock's JSON body; only the send matters
    return violations, [str(w.message) for w in caught if w.category is DeprecationWarning]


@pytest.mark.parametrize("case", GENERATE, ids=[c.id for c in GENERATE])
async def test_generate_cases_through_the_client(
    driver: Driver, respx_mock: respx.MockRouter, case: Case
) -> None:
    route = respx_mock.post(f"{BASE}/generations").respond(json=OK_BODY)
    client = driver.client()
    violations, warned = await attempt(driver, lambda: client.images.generate(**case.params))
    seen = [(v.param, v.rule) for v in violations]
    assert same_violations(violations, case.expect), f"violations {seen}, expected {case.expect}"
    assert same_warnings(warned, case.warns), warned
    assert route.call_count == (0 if case.expect else 1)
    await driver.close(client)


EDITS = [
    (
        "dall-e-2 two images, one not square",
        {"model": "dall-e-2", "image": [("a.png", png(64, 32)), ("b.png", png(64, 64))]},
        (
            ("model", "was retired"),
            ("image", "takes at most 1 image"),
            ("image", "[0] 'a.png' must be square"),
        ),
    ),
    (
        "gpt-image-2 input_fidelity",
        {"model": "gpt-image-2", "image": ("a.png", png(32, 32)), "input_fidelity": "low"},
        (("input_fidelity", "is not supported by this model"),),
    ),
    (
        "gpt-image-1-mini input_fidelity high",
        {"model": "gpt-image-1-mini", "image": ("a.png", png(32, 32)), "input_fidelity": "high"},
        (("input_fidelity", "must be one of 'low' for this model"),),
    ),
    (
        "gpt-image-2 free size and webp",
        {
            "model": "gpt-image-2",
            "image": [("a.png", png(48, 32)), ("b.png", png(16, 16))],
            "size": "1536x864",
            "output_format": "webp",
            "output_compression": 70,
        },
        (),
    ),
    (
        "gpt-image-1.5 free size",
        {"model": "gpt-image-1.5", "image": ("a.png", png(16, 16)), "size": "1536x864"},
        (("size", "must be one of"),),
    ),
    (
        "unknown model, anything per-model goes",
        {
            "model": "local-editor",
            "image": ("a.png", png(16, 16)),
            "size": "1x1",
            "background": "transparent",
            "output_format": "jpeg",
        },
        (),
    ),
]


@pytest.mark.parametrize(("label", "params", "expect"), EDITS, ids=[e[0] for e in EDITS])
async def test_edit_cases_through_the_client(
    driver: Driver,
    respx_mock: respx.MockRouter,
    label: str,
    params: dict[str, Any],
    expect: tuple[tuple[str, str], ...],
) -> None:
    route = respx_mock.post(f"{BASE}/edits").respond(json=OK_BODY)
    client = driver.client()
    violations, _ = await attempt(
        driver, lambda: client.images.edit(prompt="make it blue", **params)
    )
    seen = [(v.param, v.rule) for v in violations]
    assert same_violations(violations, expect), f"{label}: {seen}"
    assert route.call_count == (0 if expect else 1)
    await driver.close(client)


async def test_variation_warns_and_checks_the_model(
    driver: Driver, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(f"{BASE}/variations").respond(json=OK_BODY)
    client = driver.client()
    image = ("a.png", png(32, 16))
    violations, warned = await attempt(
        driver, lambda: client.images.create_variation(image=image, model="dall-e-2")
    )
    assert sorted(v.param for v in violations) == ["image", "model"]
    assert same_warnings(warned, ["create_variation is deprecated"])
    assert route.call_count == 0
    await driver.close(client)


async def test_warn_and_off_modes_send(driver: Driver, respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(f"{BASE}/generations").respond(json=OK_BODY)
    client = driver.client(validation="warn")
    bad = {"prompt": "p", "model": "gpt-image-2", "size": "1000x1000"}
    with pytest.warns(UserWarning, match="multiples of 16"):
        await driver.run(client.images.generate(**bad))
    assert route.call_count == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        await driver.run(client.images.generate(**bad, validation="off"))
    assert route.call_count == 2
    with pytest.raises(ValidationError):
        await driver.run(client.images.generate(**bad, validation="strict"))
    assert route.call_count == 2
    await driver.close(client)


def test_deprecation_warnings_point_at_the_callers_line(respx_mock: respx.MockRouter) -> None:
    respx_mock.post(f"{BASE}/generations").respond(json=OK_BODY)
    client = Driver("sync").client()
    with pytest.deprecated_call(match="user is deprecated") as record:
        client.images.generate(prompt="p", model="gpt-image-2", user="u-1")
    assert [w.filename for w in record] == [__file__]
    client.close()
