"""Credentials stay secret: reprs, logs, errors, tracebacks, redirects, downloads, plain http.

Every client kind (OpenAI key, Azure key, Azure Entra ID token, Azure token provider),
sync and async, against loopback servers on 127.0.0.1 (real sockets): one plays the API,
another a different host (a redirect target, or the storage host of image URLs).
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import traceback
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final

import attrs
import httpx
import pytest
from conftest import Driver

from openai_images_sdk import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ImagesResponse,
    ValidationError,
)

pytestmark = pytest.mark.anyio

KEY: Final = "sk-proj-SECRETKEY0123456789abcdefSECRETKEY"
TOKEN: Final = "eyJhbGciOiJSUzI1NiJ9.SECRETTOKEN9876543210.signature"
SECRETS: Final = ("SECRETKEY0123456789abcdef", "SECRETTOKEN9876543210")
"""The distinctive middles of the key and the token: no text may contain either."""
VERSION: Final = "2025-04-01-preview"
KINDS: Final = ("openai", "azure-key", "azure-token", "azure-provider")
CREDENTIAL_HEADERS: Final = ("authorization", "api-key", "openai-organization", "openai-project")
PNG: Final = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@attrs.frozen(kw_only=True)
class Seen:
    """One request a loopback server received."""

    method: str
    path: str
    headers: dict[str, str]

    def credentials(self) -> dict[str, str]:
        """The credential headers it carried."""
        return {k: v for k, v in self.headers.items() if k in CREDENTIAL_HEADERS}


Answer = tuple[int, dict[str, str], bytes]
Route = Callable[[str], Answer]


class Loopback:
    """A threaded HTTP/1.1 server on 127.0.0.1 answering every request with `route(path)`."""

    def __init__(self, route: Route) -> None:
        self.seen: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.seen.append(Seen(method=self.command, path=self.path, headers=headers))
                status, extra, body = route(self.path)
                self.send_response(status)
                for name, value in {**extra, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = answer

            def log_message(self, format: str, *args: Any) -> None:
                del format, args

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Loopback:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def json_answer(status: int, body: object) -> Answer:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_client(driver: Driver, kind: str, base_url: str, **options: Any) -> Any:
    """A client of `kind` sending to `base_url`, carrying KEY or TOKEN."""
    options.setdefault("max_retries", 0)
    if kind == "openai":
        return driver.client(api_key=KEY, base_url=f"{base_url}/v1", **options)
    azure: dict[str, Any] = {"api_version": VERSION, "base_url": f"{base_url}/openai"}
    if kind == "azure-key":
        azure["api_key"] = KEY
    elif kind == "azure-token":
        azure["azure_ad_token"] = TOKEN
    else:
        azure["azure_ad_token_provider"] = lambda: TOKEN
    return driver.azure(**azure, **options)


async def close_http(http: httpx.Client | httpx.AsyncClient | None) -> None:
    """Close a caller's httpx client (the SDK leaves it open)."""
    if isinstance(http, httpx.AsyncClient):
        await http.aclose()
    elif http is not None:
        http.close()


def leaks(texts: Iterator[str] | list[str]) -> list[str]:
    """The texts that contain a secret."""
    return [text for text in texts if any(secret in text for secret in SECRETS)]


def error_texts(error: BaseException) -> list[str]:
    """What an application may print or log of an error, without frame locals."""
    return [
        str(error),
        repr(error),
        *map(str, error.args),
        getattr(error, "message", ""),
        "".join(traceback.format_exception(error)),
    ]


def traceback_with_locals(error: BaseException) -> str:
    """The error's traceback with every frame's locals (as pytest, Sentry or rich show it)."""
    return "".join(traceback.TracebackException.from_exception(error, capture_locals=True).format())


def echo(kind: str) -> Answer:
    """What the API answers to a wrong credential: the credential itself, in the message."""
    secret = KEY if kind in ("openai", "azure-key") else TOKEN
    return json_answer(
        401,
        {
            "error": {
                "message": f"Incorrect API key provided: {secret}. (Bearer {secret})",
                "type": "invalid_request_error",
                "code": "invalid_api_key",
            }
        },
    )


@pytest.fixture
def debug_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """OPENAI_IMAGES_LOG=debug, and afterwards the SDK's logger as it was (the variable adds
    a stderr handler once per process)."""
    monkeypatch.setenv("OPENAI_IMAGES_LOG", "debug")
    logger = logging.getLogger("openai_images_sdk")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


async def _errors(
    driver: Driver, kind: str, closed_port: int
) -> tuple[APIStatusError, APIConnectionError, ValidationError]:
    with Loopback(lambda path: echo(kind)) as api:
        client = make_client(driver, kind, api.url)
        try:
            with pytest.raises(AuthenticationError) as status:
                await driver.run(client.images.generate(prompt="x"))
            with pytest.raises(ValidationError) as invalid:
                await driver.run(client.images.generate(prompt="x", n=11))
        finally:
            await driver.close(client)
    client = make_client(driver, kind, f"http://127.0.0.1:{closed_port}", max_retries=1)
    try:
        with pytest.raises(APIConnectionError) as connection:
            await driver.run(client.images.generate(prompt="x"))
    finally:
        await driver.close(client)
    return status.value, connection.value, invalid.value


# -- reprs and strings -------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
async def test_reprs_and_strings_hide_credentials(driver: Driver, kind: str) -> None:
    client = make_client(driver, kind, "https://api.example.com", organization="org-1")
    try:
        copy = client.with_options(timeout=5.0, max_retries=1)
        state: dict[str, object] = {**vars(client), "copy": vars(copy)}
        texts = [repr(client), str(client), repr(copy), repr(state)]
        texts += [repr(client.images), repr(client.images.with_raw_response)]
    finally:
        await driver.close(client)
    assert "api.example.com" in texts[0]
    assert leaks(texts) == []


# -- errors and logs -----------------------------------------------------------------------


@pytest.mark.usefixtures("retry_sleeps", "debug_logging")
@pytest.mark.parametrize("kind", KINDS)
async def test_errors_and_debug_logs_hide_credentials(
    driver: Driver,
    kind: str,
    closed_port: int,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: the SDK's, httpx's and httpcore's
    errors = await _errors(driver, kind, closed_port)
    status, connection, _ = errors
    texts = [text for error in errors for text in error_texts(error)]
    texts += [caplog.text, *(record.getMessage() for record in caplog.records)]
    texts += list(capfd.readouterr())
    assert status.status_code == 401
    assert "Incorrect API key provided" in str(status)
    assert "Retrying POST" in caplog.text, "the connection error was retried, and logged"
    assert "Connection" in str(connection) or "connect" in str(connection).lower()
    assert "REDACTED" in caplog.text, "request headers were logged, redacted"
    assert leaks(texts) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "which",
    [
        pytest.param(0, id="status-error"),
        pytest.param(1, id="connection-error"),
        pytest.param(2, id="validation-error"),
    ],
)
async def test_tracebacks_with_locals_hide_credentials(
    driver: Driver, kind: str, which: int, closed_port: int, retry_sleeps: list[float]
) -> None:
    error = (await _errors(driver, kind, closed_port))[which]
    assert leaks([traceback_with_locals(error)]) == []


# -- Authorization goes to the configured base URL only ----------------------------------------


async def _generate_or_error(driver: Driver, client: Any) -> object:
    try:
        return await driver.run(client.images.generate(prompt="x"))
    except APIStatusError as error:
        return error


@pytest.mark.parametrize(
    ("kind", "caller_client_follows"),
    [
        *[pytest.param(kind, False, id=f"{kind}-sdk-client") for kind in KINDS],
        *[pytest.param(kind, True, id=f"{kind}-following-client") for kind in KINDS],
    ],
)
async def test_a_redirect_to_another_host_gets_no_credentials(
    driver: Driver, kind: str, caller_client_follows: bool
) -> None:
    with Loopback(lambda path: json_answer(200, {"created": 1})) as elsewhere:
        target = f"{elsewhere.url}/collect"
        with Loopback(lambda path: (307, {"Location": target}, b"")) as api:
            options: dict[str, Any] = {"organization": "org-1", "project": "proj-1"}
            if caller_client_follows:
                options["http_client"] = driver.http_client(follow_redirects=True)
            client = make_client(driver, kind, api.url, **options)
            try:
                outcome = await _generate_or_error(driver, client)
            finally:
                await driver.close(client)
                await close_http(options.get("http_client"))
    if isinstance(outcome, APIStatusError):
        assert outcome.status_code == 307  # not followed: surfaced as an error
    else:
        assert isinstance(outcome, ImagesResponse)
        assert caller_client_follows, "the SDK's own client follows no redirect"
    assert api.seen[0].credentials(), "the API itself got the credentials"
    secret_headers = [
        {k: v for k, v in seen.credentials().items() if k in ("authorization", "api-key")}
        for seen in elsewhere.seen
    ]
    assert secret_headers in ([], [{}])


@pytest.mark.parametrize("kind", ["openai", "azure-key", "azure-token"])
@pytest.mark.parametrize("caller_client", [False, True], ids=["own-client", "caller-client"])
async def test_image_url_downloads_get_no_credentials(
    driver: Driver, kind: str, caller_client: bool
) -> None:
    def storage(path: str) -> Answer:
        if path == "/img.png":
            return 302, {"Location": "/final.png"}, b""
        return 200, {"Content-Type": "image/png"}, PNG

    with Loopback(storage) as host:
        answer = json_answer(200, {"created": 1, "data": [{"url": f"{host.url}/img.png"}]})
        with Loopback(lambda path: answer) as api:
            client = make_client(driver, kind, api.url, organization="org-1", project="proj-1")
            try:
                result = await driver.run(client.images.generate(prompt="x"))
            finally:
                await driver.close(client)
        assert result.data is not None
        image = result.data[0]
        options: dict[str, Any] = {}
        if caller_client:
            # a client that authenticates everything it sends: the download must not
            options["http_client"] = driver.http_client(
                headers={"Authorization": f"Bearer {KEY}", "api-key": KEY},
                auth=("user", TOKEN),
            )
        try:
            download = image.adownload(**options) if driver.is_async else image.download(**options)
            data = await driver.run(download)
        finally:
            await close_http(options.get("http_client"))
    assert data == PNG
    assert [seen.path for seen in host.seen] == ["/img.png", "/final.png"]
    assert [seen.credentials() for seen in host.seen] == [{}, {}]
    assert leaks([json.dumps(seen.headers) for seen in host.seen]) == []


# -- plain http ------------------------------------------------------------------------------


CONSTRUCTIONS: Final = ("openai", "openai-env", "azure-base-url", "azure-endpoint")


async def _construct(driver: Driver, how: str, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "openai":
        client = driver.client(api_key=KEY, base_url=url)
    elif how == "openai-env":
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        client = driver.client(api_key=KEY)
    elif how == "azure-base-url":
        client = driver.azure(api_key=KEY, api_version=VERSION, base_url=url)
    else:
        client = driver.azure(api_key=KEY, api_version=VERSION, azure_endpoint=url)
    await driver.close(client)


@pytest.mark.parametrize("how", CONSTRUCTIONS)
@pytest.mark.parametrize("url", ["http://api.example.com/v1", "http://10.0.0.7:8080"])
async def test_plain_http_to_a_remote_host_warns(
    driver: Driver, how: str, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.warns(UserWarning, match="http://"):
        await _construct(driver, how, url, monkeypatch)


@pytest.mark.parametrize("how", CONSTRUCTIONS)
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/v1",
        "http://localhost:4010",
        "http://[::1]:4010",
        "https://api.example.com/v1",
        "https://example.openai.azure.com",
    ],
)
async def test_loopback_http_and_https_do_not_warn(
    driver: Driver, how: str, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _construct(driver, how, url, monkeypatch)  # filterwarnings=error: any warning fails


async def test_credential_headers_given_per_call_are_hidden_in_errors(driver: Driver) -> None:
    """A credential passed in `extra_headers` or `default_headers` (a proxy's key, a
    second token) that the server echoes does not reach the error's message."""
    proxy_key, token = "pk-proxy-0123456789abcdef", "tok-extra-0123456789abcdef"

    def answer(path: str) -> Answer:
        message = f"bad proxy key {proxy_key}; token Bearer {token} refused"
        return json_answer(401, {"error": {"message": message, "type": "invalid_request_error"}})

    with Loopback(answer) as api:
        client = make_client(driver, "openai", api.url, default_headers={"X-Api-Key": proxy_key})
        try:
            with pytest.raises(AuthenticationError) as caught:
                await driver.run(
                    client.images.generate(
                        prompt="x", extra_headers={"Authorization": f"Bearer {token}"}
                    )
                )
        finally:
            await driver.close(client)
    texts = error_texts(caught.value)
    assert all(proxy_key not in text and token not in text for text in texts), texts
    assert "bad proxy key REDACTED" in caught.value.message


# -- uploads: errors about a file never show what is in it -----------------------------------

_FILE_SECRET: Final = "sk-file-content-secret-0123456789"


@pytest.mark.parametrize("mode", ["strict", "warn", "off"])
async def test_upload_errors_never_show_file_contents(driver: Driver, mode: str) -> None:
    import io

    from openai_images_sdk import ValidationError

    client = driver.client(validation="strict")
    content = f"not an image: {_FILE_SECRET}".encode()
    bad_inputs: list[object] = [content, io.BytesIO(content), ("notes.png", content)]
    for image in bad_inputs:
        with pytest.raises(ValidationError) as caught:
            await driver.run(client.images.edit(image=image, prompt="p", validation="strict"))
        shown = [str(caught.value), repr(caught.value.violations)]
        assert all(_FILE_SECRET not in text for text in shown)
    # A file that cannot be sent at all names the path, not the bytes of anything.
    with pytest.raises(ValidationError) as caught:
        await driver.run(
            client.images.edit(image=[content, f"/no/such/{mode}.png"], prompt="p", validation=mode)
        )
    assert _FILE_SECRET not in str(caught.value)
    assert f"/no/such/{mode}.png" in str(caught.value)
    await driver.close(client)
