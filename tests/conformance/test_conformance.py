"""Every request the SDK can make, judged by steady, an independent validating mock.

Each case goes through the real clients (`ImagesClient`, `AsyncImagesClient` under
asyncio and trio) to steady serving a document, and fails when steady answers 4xx or
reports any finding in its ``X-Steady-*`` headers (steady answers 200 to values out of
range and to too many items, and reports them only there). Canary tests prove that the
checking is on: requests the SDK is told not to check (``validation="off"``) or that are
built by hand must be flagged.

Documents (see conftest.py):

- ``spec`` and ``spec-closed``: our spec/openapi.yaml as written, and with request bodies
  closed (``additionalProperties: false``) so an undeclared field is reported; steady
  0.22.2 says nothing about unknown properties of an open schema. Every case runs on both.
- ``upstream``: the images operations of the public OpenAI document in
  ../shared/upstream/ (OpenAPI 3.1.0, last changed 2026-08-21), request bodies closed, so
  that our spec cannot agree with our own mistakes. That document predates part of the API the SDK covers, so only the cases
  marked ``upstream`` run there: they use fields and values the upstream document knows.
  Left out, because upstream would rightly not know them: ``complexity``,
  ``output_format`` gif and svg, ``frame_count``, ``frame_duration_ms``, ``svg``,
  ``markup``, ``safety_identifier``, the qualities ``xhigh`` and ``max``, explicit
  ``null`` values (upstream still writes the 3.0 ``nullable`` keyword, which 3.1 tools
  ignore) and free sizes of JSON edits (upstream lists four).

Beyond the cases: the upstream subset is shown exact (each case left out is flagged
upstream, and only for the newer surface), and near-limit calls that strict validation lets
through must conform too (``test_strict_validation_lets_nothing_through_that_steady_flags``;
the bugs it found are fixed).

What steady cannot check, and where it is checked instead:

- File parts versus text parts, part content types and filenames (steady accepts
  ``image=hello`` as a text field): tests/test_multipart.py (bodies through an independent
  parser), tests/test_uploads.py, tests/test_uploads_e2e.py (loopback server) and
  tests/test_fake_server.py (the fake server refuses inputs that are not images).
- Error statuses and the API's error body (steady's own 400 body is not the API's):
  tests/test_errors.py, tests/test_fake_server.py, tests/test_fake_server_faults.py.
- Streaming driven by ``stream: true`` (steady streams whenever ``Accept`` asks for
  ``text/event-stream``, and never sends a completed event): tests/test_streaming.py and
  the streamed cases of tests/test_fake_server.py. Here, streamed cases check that the SDK
  asked for the event stream and that every event steady generates decodes to a typed event.
- Optional response fields (steady returns only the required ``created``):
  tests/test_converter.py (round trips of every model) and tests/test_fake_server.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Any, Final

import attrs
import httpx
import pytest

from conformance._steady import SPEC, Finding, Recorder, SteadyPool, png, validate
from conformance._steady import ClientDriver as Driver
from openai_images_sdk._exceptions import APIConnectionError, BadRequestError, ValidationError
from openai_images_sdk._generated.models import (
    ImageEditCompletedEvent,
    ImageEditPartialImageEvent,
    ImageGenCompletedEvent,
    ImageGenPartialImageEvent,
    ImageRefParam,
    ImagesResponse,
    ImageSvgOptions,
    ImageSvgReasoning,
)
from openai_images_sdk._types import NOT_GIVEN
from openai_images_sdk._uploads import data_url

pytestmark = [pytest.mark.conformance, pytest.mark.anyio]

GENERATE: Final = "/images/generations"
EDIT: Final = "/images/edits"
VARIATION: Final = "/images/variations"
IMAGE: Final = png(64, 64)
STEADY_HEADERS: Final = {"X-Steady-Stream-Count": "2", "X-Steady-Stream-Interval-Ms": "0"}
"""Short, fast streams: steady's knobs, not part of what is checked."""

EVENTS: Final[dict[str, tuple[type, ...]]] = {
    GENERATE: (ImageGenPartialImageEvent, ImageGenCompletedEvent),
    EDIT: (ImageEditPartialImageEvent, ImageEditCompletedEvent),
}

Call = Callable[[Any], Any]
"""Makes one call on a client's `images` (sync or async) and returns what it returns."""


@attrs.frozen(kw_only=True)
class Case:
    """One request the SDK can produce."""

    id: str
    path: str
    call: Call
    answer: str = "result"
    """``result`` (ImagesResponse), ``stream`` (Stream), ``raw`` (with_raw_response) or
    ``streaming`` (with_streaming_response)."""
    stream: bool = False
    upstream: bool = False
    """Uses only fields and values the upstream document knows."""
    warns: type[Warning] | None = None


SVG_DICT: Final = {"model": "gpt-5", "reasoning": {"effort": "high"}}
SVG_ATTRS: Final = ImageSvgOptions(
    model="gpt-5-mini", reasoning=ImageSvgReasoning(effort="minimal")
)

CASES: Final = (
    # generate
    Case(id="generate-minimal", path=GENERATE, upstream=True,
         call=lambda images: images.generate(prompt="a lighthouse at dusk")),
    Case(id="generate-every-field", path=GENERATE,
         call=lambda images: images.generate(
             prompt="a lighthouse", model="gpt-image-2.5-sunburst", n=2, quality="xhigh",
             complexity="medium", output_format="webp", output_compression=80,
             size="1536x1024", moderation="low", background="opaque",
             safety_identifier="user-7f3a")),
    Case(id="generate-upstream-fields", path=GENERATE, upstream=True,
         call=lambda images: images.generate(
             prompt="a lighthouse", model="gpt-image-1.5", n=3, quality="medium",
             output_format="jpeg", output_compression=0, size="1024x1536",
             moderation="auto", background="auto")),
    Case(id="generate-free-size", path=GENERATE, upstream=True,
         call=lambda images: images.generate(
             prompt="a lighthouse", model="gpt-image-2", size="2048x1152")),
    Case(id="generate-max-quality", path=GENERATE,
         call=lambda images: images.generate(
             prompt="a lighthouse", model="gpt-image-2.5-flare", quality="max",
             complexity="high")),
    Case(id="generate-gif", path=GENERATE,
         call=lambda images: images.generate(
             prompt="a blinking lighthouse", model="gpt-image-2", output_format="gif",
             frame_count=4, frame_duration_ms=120)),
    Case(id="generate-svg-dict", path=GENERATE,
         call=lambda images: images.generate(
             prompt="a lighthouse icon", model="gpt-image-2", output_format="svg", n=1,
             svg=SVG_DICT)),
    Case(id="generate-svg-attrs", path=GENERATE,
         call=lambda images: images.generate(
             prompt="a lighthouse icon", model="gpt-image-2", output_format="svg",
             svg=SVG_ATTRS)),
    Case(id="generate-explicit-nulls", path=GENERATE,
         call=lambda images: images.generate(
             prompt="a lighthouse", model=None, n=None, quality=None, size=None,
             output_format=None, background=None, stream=None)),
    Case(id="generate-stream", path=GENERATE, answer="stream", stream=True, upstream=True,
         call=lambda images: images.generate(
             prompt="a lighthouse", model="gpt-image-1.5", stream=True, partial_images=2)),
    Case(id="generate-stream-false", path=GENERATE, upstream=True,
         call=lambda images: images.generate(prompt="a lighthouse", stream=False)),
    Case(id="generate-dall-e-3", path=GENERATE, upstream=True,
         # retired on 2026-05-12, so strict validation refuses it; the shape is still valid
         call=lambda images: images.generate(
             prompt="a lighthouse", model="dall-e-3", quality="hd", style="natural",
             size="1792x1024", response_format="url", n=1, validation="off")),
    Case(id="generate-user", path=GENERATE, upstream=True, warns=DeprecationWarning,
         call=lambda images: images.generate(prompt="a lighthouse", user="end-user-1")),
    Case(id="generate-raw-response", path=GENERATE, answer="raw", upstream=True,
         call=lambda images: images.with_raw_response.generate(prompt="a lighthouse", n=2)),
    Case(id="generate-streaming-response", path=GENERATE, answer="streaming", stream=True,
         upstream=True,
         call=lambda images: images.with_streaming_response.generate(
             prompt="a lighthouse", stream=True, partial_images=1)),
    # edit, multipart
    Case(id="edit-one-image", path=EDIT, upstream=True,
         call=lambda images: images.edit(image=IMAGE, prompt="add a boat")),
    Case(id="edit-one-image-tuple", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image=("harbour.png", IMAGE, "image/png"), prompt="add a boat",
             model="gpt-image-1.5")),
    Case(id="edit-sixteen-images", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image=[IMAGE] * 16, prompt="a collage", model="gpt-image-1.5")),
    Case(id="edit-two-images-in-a-list", path=EDIT, upstream=True,
         call=lambda images: images.edit(image=[IMAGE, IMAGE], prompt="merge them")),
    Case(id="edit-one-image-in-a-list", path=EDIT, upstream=True,
         call=lambda images: images.edit(image=[IMAGE], prompt="add a boat")),
    Case(id="edit-mask", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image=IMAGE, mask=IMAGE, prompt="fill the sky", model="gpt-image-1.5")),
    Case(id="edit-markup", path=EDIT,
         call=lambda images: images.edit(
             image=[IMAGE, IMAGE], markup=IMAGE, prompt="follow the arrows",
             model="gpt-image-2.5-sunburst")),
    Case(id="edit-every-field", path=EDIT,
         call=lambda images: images.edit(
             image=IMAGE, prompt="add a boat", model="gpt-image-1.5", n=2, quality="high",
             complexity="low", input_fidelity="high", size="1024x1536",
             output_format="webp", output_compression=70, background="transparent",
             safety_identifier="user-7f3a")),
    Case(id="edit-upstream-fields", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image=IMAGE, prompt="add a boat", model="gpt-image-1.5", n=2, quality="high",
             input_fidelity="low", size="1536x1024", output_format="jpeg",
             output_compression=100, background="opaque")),
    Case(id="edit-svg-brackets", path=EDIT,
         call=lambda images: images.edit(
             image=IMAGE, prompt="trace it", model="gpt-image-2", output_format="svg",
             svg=SVG_DICT)),
    Case(id="edit-svg-attrs-brackets", path=EDIT,
         call=lambda images: images.edit(
             image=IMAGE, prompt="trace it", model="gpt-image-2", output_format="svg",
             svg=SVG_ATTRS)),
    Case(id="edit-gif", path=EDIT,
         call=lambda images: images.edit(
             image=IMAGE, prompt="animate it", model="gpt-image-2", output_format="gif",
             frame_count=16, frame_duration_ms=150)),
    Case(id="edit-stream", path=EDIT, answer="stream", stream=True, upstream=True,
         call=lambda images: images.edit(
             image=[IMAGE, IMAGE], prompt="add a boat", stream=True, partial_images=3)),
    Case(id="edit-dall-e-2", path=EDIT, upstream=True,
         # retired on 2026-05-12, so strict validation refuses it; the shape is still valid
         call=lambda images: images.edit(
             image=IMAGE, mask=IMAGE, prompt="add a boat", model="dall-e-2", size="512x512",
             response_format="url", quality="standard", n=2, validation="off")),
    Case(id="edit-streaming-response", path=EDIT, answer="streaming", upstream=True,
         call=lambda images: images.with_streaming_response.edit(image=IMAGE, prompt="a boat")),
    # edit, JSON references
    Case(id="edit-json-references", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image=[{"image_url": "https://example.com/harbour.png"}, {"file_id": "file-abc123"}],
             mask={"file_id": "file-mask456"}, prompt="add a boat", model="gpt-image-1.5",
             n=2, quality="high", input_fidelity="high", size="1024x1024",
             output_format="webp", output_compression=60, moderation="low",
             background="opaque")),
    Case(id="edit-json-attrs-and-data-url", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image=[ImageRefParam(image_url=data_url(IMAGE)), ImageRefParam(file_id="file-abc")],
             mask=ImageRefParam(image_url=data_url(IMAGE)), prompt="add a boat")),
    Case(id="edit-json-single-reference", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image={"image_url": "https://example.com/harbour.png"}, prompt="add a boat")),
    Case(id="edit-json-url-string", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image="https://example.com/harbour.png", prompt="add a boat")),
    Case(id="edit-json-sixteen-references", path=EDIT, upstream=True,
         call=lambda images: images.edit(
             image=[{"file_id": f"file-{n}"} for n in range(16)], prompt="a collage")),
    Case(id="edit-json-newer-fields", path=EDIT,
         call=lambda images: images.edit(
             image=[{"file_id": "file-abc"}], prompt="trace it", model="gpt-image-2",
             output_format="svg", svg=SVG_DICT, complexity="high",
             safety_identifier="user-7f3a", size="2048x1152")),
    Case(id="edit-json-stream", path=EDIT, answer="stream", stream=True, upstream=True,
         call=lambda images: images.edit(
             image=[{"file_id": "file-abc"}], prompt="add a boat", stream=True,
             partial_images=1)),
    # variations (deprecated: the endpoint is retired)
    Case(id="variation", path=VARIATION, upstream=True, warns=DeprecationWarning,
         call=lambda images: images.create_variation(
             image=IMAGE, n=2, size="256x256", response_format="b64_json")),
    Case(id="variation-every-field", path=VARIATION, upstream=True,
         call=lambda images: images.create_variation(
             image=("photo.png", IMAGE), model="dall-e-2", n=1, size="1024x1024",
             response_format="url", user="end-user-1", validation="off")),
)  # fmt: skip


def _params(cases: tuple[Case, ...]) -> list[Any]:
    return [pytest.param(case, id=case.id) for case in cases]


async def _events(driver: Driver, stream: Any) -> AsyncIterator[Any]:
    if driver.is_async:
        async for event in stream:
            yield event
    else:
        for event in stream:
            yield event


async def _read_all(driver: Driver, stream: Any, into: list[Any]) -> None:
    async for event in _events(driver, stream):
        into.append(event)


async def _check_answer(driver: Driver, case: Case, result: Any) -> None:
    """Read the answer the way an application would, and check its type."""
    if case.answer in ("raw", "streaming"):
        async with driver.enter(result) as response:
            assert response.status_code == 200
            parsed = await driver.run(response.parse())
            inner = "stream" if case.stream else "result"
            await _check_answer(driver, attrs.evolve(case, answer=inner), parsed)
    elif case.answer == "stream":
        events: list[Any] = []
        async with driver.enter(result) as stream:
            # steady streams partial images only, so the end is reported as a cut stream
            with pytest.raises(APIConnectionError, match="without a completed event"):
                await _read_all(driver, stream, events)
        assert len(events) == int(STEADY_HEADERS["X-Steady-Stream-Count"])
        assert all(isinstance(event, EVENTS[case.path]) for event in events)
    else:
        assert isinstance(result, ImagesResponse)
        assert isinstance(result.created, int)


@contextlib.contextmanager
def _expect_warning(category: type[Warning] | None) -> Generator[None]:
    if category is None:
        yield
    else:
        with pytest.warns(category):
            yield


async def send(
    driver: Driver,
    base_url: str,
    call: Call,
    *,
    warns: type[Warning] | None = None,
    check: Callable[[Any], Awaitable[None]] | None = None,
) -> tuple[Recorder, Any]:
    """Make `call` with a fresh client on `base_url`; returns the recorder and the answer.

    A 4xx from steady comes back as the SDK's `BadRequestError` (the answer).
    """
    recorder = Recorder()
    http = recorder.http_client(is_async=driver.is_async)
    client = driver.client(
        base_url=base_url, max_retries=0, http_client=http, default_headers=STEADY_HEADERS
    )
    try:
        with _expect_warning(warns):
            try:
                answer = await driver.run(call(client.images))
            except BadRequestError as error:
                answer = error
        if check is not None and not isinstance(answer, BadRequestError):
            await check(answer)
    finally:
        await driver.close(client)
        if isinstance(http, httpx.AsyncClient):
            await http.aclose()
        else:
            http.close()
    return recorder, answer


async def _conforms(driver: Driver, base_url: str, case: Case) -> None:
    async def check(answer: Any) -> None:
        await _check_answer(driver, case, answer)

    recorder, _ = await send(driver, base_url, case.call, warns=case.warns, check=check)
    exchange = recorder.only()
    assert exchange.problems() == [], f"steady rejected {case.id}"
    assert exchange.matched_path == case.path
    assert exchange.streaming == case.stream, "Accept: text/event-stream iff stream=True"


@pytest.mark.parametrize("case", _params(CASES))
@pytest.mark.parametrize("target", ["spec", "spec-closed"])
async def test_our_spec_accepts_every_request(
    driver: Driver, steady: SteadyPool, target: str, case: Case
) -> None:
    await _conforms(driver, steady.get(target).base_url, case)


UPSTREAM_CASES: Final = tuple(case for case in CASES if case.upstream)


@pytest.mark.parametrize("case", _params(UPSTREAM_CASES))
async def test_upstream_document_accepts_the_requests_it_knows(
    driver: Driver, steady: SteadyPool, case: Case
) -> None:
    await _conforms(driver, steady.get("upstream").base_url, case)


def test_cases_cover_every_operation_and_both_edit_bodies() -> None:
    assert {case.path for case in CASES} == {GENERATE, EDIT, VARIATION}
    assert {case.path for case in UPSTREAM_CASES} == {GENERATE, EDIT, VARIATION}
    assert {case.answer for case in CASES} == {"result", "stream", "raw", "streaming"}
    assert len(UPSTREAM_CASES) >= 20


def test_steady_reads_our_spec_without_a_single_diagnostic(steady: SteadyPool) -> None:
    report = validate(steady.executable, SPEC)
    assert report.returncode == 0, report.stdout + report.stderr
    assert "All good" in report.stdout, report.stdout


# Canaries: the checking is on


@attrs.frozen(kw_only=True)
class Canary:
    """A request steady must flag with `code` at `at`, rejecting it (400) or not (200)."""

    id: str
    call: Call
    code: str
    at: str
    rejected: bool
    targets: tuple[str, ...] = ("spec", "spec-closed", "upstream")


CANARIES: Final = (
    Canary(id="generate-without-prompt", code="E3007", at="body", rejected=True,
           call=lambda images: images.generate(**{"prompt": NOT_GIVEN}, validation="off")),
    Canary(id="generate-n-11", code="E4004", at="body.n", rejected=False,
           call=lambda images: images.generate(prompt="x", n=11, validation="off")),
    Canary(id="generate-unknown-quality", code="E3016", at="body.quality", rejected=True,
           call=lambda images: images.generate(
               prompt="x", **{"quality": "ultra"}, validation="off")),
    Canary(id="generate-partial-images-4", code="E4004", at="body.partial_images",
           rejected=False,
           call=lambda images: images.generate(
               prompt="x", stream=False, partial_images=4, validation="off")),
    Canary(id="edit-n-0-multipart", code="E4004", at="body.n", rejected=False,
           call=lambda images: images.edit(image=IMAGE, prompt="x", n=0, validation="off")),
    Canary(id="edit-n-11-json", code="E4004", at="body.n", rejected=False,
           call=lambda images: images.edit(
               image=[{"file_id": "file-abc"}], prompt="x", n=11, validation="off")),
    Canary(id="edit-svg-effort-bracketed", code="E3016", at="body.svg.reasoning.effort",
           rejected=True, targets=("spec", "spec-closed"),
           call=lambda images: images.edit(
               image=IMAGE, prompt="x", output_format="svg",
               svg={"model": "gpt-5", "reasoning": {"effort": "extreme"}}, validation="off")),
    Canary(id="generate-unknown-field", code="E3009", at="body", rejected=True,
           targets=("spec-closed", "upstream"),
           call=lambda images: images.generate(prompt="x", extra_body={"colour": "blue"})),
    Canary(id="edit-unknown-multipart-field", code="E3009", at="body", rejected=True,
           targets=("spec-closed", "upstream"),
           call=lambda images: images.edit(image=IMAGE, prompt="x", extra_body={"colour": "blue"})),
)  # fmt: skip


@pytest.mark.parametrize(
    ("canary", "target"),
    [
        pytest.param(canary, target, id=f"{canary.id}-{target}")
        for canary in CANARIES
        for target in canary.targets
    ],
)
async def test_canary_is_flagged(
    driver: Driver, steady: SteadyPool, canary: Canary, target: str
) -> None:
    recorder, answer = await send(driver, steady.get(target).base_url, canary.call)
    exchange = recorder.only()
    assert (canary.code, canary.at) in exchange.codes, exchange.findings
    if canary.rejected:
        assert exchange.status == 400
        assert isinstance(answer, BadRequestError)
    else:
        assert exchange.status == 200
        assert isinstance(answer, ImagesResponse)


async def test_unknown_fields_pass_unseen_without_closed_request_bodies(
    driver: Driver, steady: SteadyPool
) -> None:
    """Why spec-closed exists: steady is silent on properties an open schema does not list."""
    recorder, _ = await send(
        driver,
        steady.get("spec").base_url,
        lambda images: images.generate(prompt="x", extra_body={"colour": "blue"}),
    )
    assert recorder.only().problems() == []


@pytest.mark.parametrize("target", ["spec", "spec-closed", "upstream"])
def test_canary_seventeen_images(steady: SteadyPool, target: str) -> None:
    """17 images: strict validation refuses them; ``validation="off"`` sends them as given,
    and steady flags them (with a 200)."""
    from openai_images_sdk._client import ImagesClient

    base_url = steady.get(target).base_url
    recorder = Recorder()
    http = recorder.http_client(is_async=False)
    assert isinstance(http, httpx.Client)
    sdk = ImagesClient(api_key="sk-conformance", base_url=base_url, max_retries=0, http_client=http)
    with http, sdk:
        with pytest.raises(ValidationError) as refused:
            sdk.images.edit(image=[IMAGE] * 17, prompt="x")
        assert "image" in refused.value.params
        sdk.images.edit(image=[IMAGE] * 17, prompt="x", validation="off")
    exchange = recorder.only()
    assert exchange.status == 200
    assert ("E4005", "body.image") in exchange.codes


# The upstream subset is exact: what is left out is left out for the newer surface only

NEWER_FIELDS: Final = frozenset(
    {"complexity", "frame_count", "frame_duration_ms", "svg", "markup", "safety_identifier"}
)
NEWER_VALUES: Final = frozenset(
    {
        ("body.quality", '"xhigh"'),
        ("body.quality", '"max"'),
        ("body.output_format", '"gif"'),
        ("body.output_format", '"svg"'),
        ("body.size", '"2048x1152"'),
    }
)


def _newer_surface(finding: Finding) -> bool:
    """Whether upstream flags `finding` only because the document predates that field/value."""
    if finding.code == "E3009":
        return finding.message.removeprefix("Unknown property: ") in NEWER_FIELDS
    if finding.code == "E3016":
        value = finding.message.removeprefix("Value ").removesuffix(" is not in allowed values")
        return value == "null" or (finding.path, value) in NEWER_VALUES
    return finding.code == "E5001" and finding.message.endswith("got null")


@pytest.mark.parametrize("case", _params(tuple(case for case in CASES if not case.upstream)))
def test_cases_left_out_upstream_use_the_newer_surface(steady: SteadyPool, case: Case) -> None:
    """Each case not run upstream is flagged there, and only for fields newer than it."""
    from openai_images_sdk._client import ImagesClient

    recorder = Recorder()
    http = recorder.http_client(is_async=False)
    assert isinstance(http, httpx.Client)
    base_url = steady.get("upstream").base_url
    sdk = ImagesClient(api_key="sk-conformance", base_url=base_url, http_client=http)
    with http, sdk, contextlib.suppress(BadRequestError):
        case.call(sdk.images)
    findings = recorder.only().findings
    assert findings, f"{case.id} conforms upstream: mark it upstream=True"
    assert [str(f) for f in findings if not _newer_surface(f)] == []


# Edges: what strict validation lets through must conform (or be refused before sending)


@attrs.frozen(kw_only=True)
class Edge:
    """A call near a limit: the SDK must refuse it (`ValidationError`) or send it conforming."""

    id: str
    call: Call
    warns: type[Warning] | None = None


EDGES: Final = (
    Edge(id="generate-n-11", call=lambda images: images.generate(prompt="x", n=11)),
    Edge(id="generate-partial-images-4",
         call=lambda images: images.generate(prompt="x", stream=True, partial_images=4)),
    Edge(id="generate-compression-101",
         call=lambda images: images.generate(
             prompt="x", output_format="webp", output_compression=101)),
    Edge(id="generate-prompt-32001",
         call=lambda images: images.generate(prompt="x" * 32001, model="gpt-image-1.5")),
    Edge(id="edit-multipart-n-0", call=lambda images: images.edit(image=IMAGE, prompt="x", n=0)),
    Edge(id="edit-json-n-0",
         call=lambda images: images.edit(image=[{"file_id": "f"}], prompt="x", n=0)),
    Edge(id="edit-multipart-mask-none",
         call=lambda images: images.edit(image=IMAGE, prompt="x", **{"mask": None})),
    Edge(id="edit-multipart-explicit-nulls",
         call=lambda images: images.edit(
             image=IMAGE, prompt="x", model=None, n=None, quality=None, size=None,
             output_format=None, output_compression=None, background=None, stream=None,
             partial_images=None, input_fidelity=None, response_format=None)),
    Edge(id="edit-json-mask-none",
         call=lambda images: images.edit(image=[{"file_id": "f"}], prompt="x", **{"mask": None})),
    Edge(id="edit-json-empty-prompt",
         call=lambda images: images.edit(image=[{"file_id": "f"}], prompt="")),
    Edge(id="edit-json-quality-standard", warns=DeprecationWarning,
         call=lambda images: images.edit(image=[{"file_id": "f"}], prompt="x", quality="standard")),
)  # fmt: skip


def _edge_params() -> list[Any]:
    return [
        pytest.param(edge, target, id=f"{edge.id}-{target}")
        for edge in EDGES
        for target in ("spec", "spec-closed", "upstream")
    ]


@pytest.mark.parametrize(("edge", "target"), _edge_params())
async def test_strict_validation_lets_nothing_through_that_steady_flags(
    driver: Driver, steady: SteadyPool, edge: Edge, target: str
) -> None:
    async def call(images: Any) -> Any:
        try:
            return await driver.run(edge.call(images))
        except ValidationError:
            return None

    recorder, _ = await send(driver, steady.get(target).base_url, call, warns=edge.warns)
    for exchange in recorder.exchanges:
        assert exchange.problems() == [], edge.id


# Found on the way: leaving a stream early under trio, over a real connection


async def test_leaving_a_stream_early_warns_nothing(driver: Driver, steady: SteadyPool) -> None:
    """`async with stream:` left after one event closes everything (filterwarnings=error)."""

    async def first_event(images: Any) -> Any:
        stream = await driver.run(images.generate(prompt="x", stream=True))
        async with driver.enter(stream) as events:
            # Not through `_events`: an async generator of our own left early would be
            # collected unexhausted too, and trio would report it.
            return await anext(events) if driver.is_async else next(events)

    recorder, event = await send(driver, steady.get("spec").base_url, first_event)
    assert isinstance(event, ImageGenPartialImageEvent)
    assert recorder.only().problems() == []
