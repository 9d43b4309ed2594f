"""Running steady (installed by scripts/steady.sh) and reading what it found in a request.

steady answers every request it can route, and reports what it checked in response
headers: ``X-Steady-Error-Count`` findings, each with ``X-Steady-Error-<N>-Code``,
``-Path`` and ``-Message``. Structural problems (a missing required field, a wrong type,
an unknown enum value, an unknown property of a closed object) also turn the answer into
a 400; value notes (a number out of range, too many array items) leave it a 200 and show
only in the headers. So a request conforms when the status is below 400 AND there are no
findings at all.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from pathlib import Path
from typing import Any, Final, Protocol, cast

import attrs
import httpx
import pytest
import yaml

REPO: Final = Path(__file__).resolve().parents[2]
SPEC: Final = REPO / "spec" / "openapi.yaml"
UPSTREAM: Final = REPO.parent / "shared" / "upstream" / "openai-openapi.yaml"
INSTALLER: Final = REPO / "scripts" / "steady.sh"
SKIP_VARIABLE: Final = "OPENAI_IMAGES_SKIP_STEADY"
IMAGES_PATHS: Final = ("/images/generations", "/images/edits", "/images/variations")
FORMAT_FLAGS: Final = (
    "--validator-form-array-format=brackets",
    "--validator-form-object-format=brackets",
    "--validator-query-array-format=brackets",
    "--validator-query-object-format=brackets",
)
"""How the SDK encodes multipart: repeated ``image[]`` parts, ``svg[reasoning][effort]``."""
START_TIMEOUT: Final = 60.0
STOP_TIMEOUT: Final = 10.0
INSTALL_TIMEOUT: Final = 300.0


class SteadyUnavailable(Exception):
    """steady could not be installed or started; the message says why."""


def install() -> Path:
    """The steady executable, installed by scripts/steady.sh first when missing."""
    if shutil.which("sh") is None:
        raise SteadyUnavailable("scripts/steady.sh needs a POSIX sh")
    try:
        done = subprocess.run(
            ["sh", str(INSTALLER), "path"],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise SteadyUnavailable(f"scripts/steady.sh did not finish in {error.timeout} s") from error
    if done.returncode != 0:
        raise SteadyUnavailable(
            f"scripts/steady.sh failed (exit {done.returncode}):\n{done.stderr.strip()}"
        )
    executable = Path(done.stdout.strip().splitlines()[-1])
    if not os.access(executable, os.X_OK):
        raise SteadyUnavailable(f"scripts/steady.sh printed {executable}, which is not executable")
    return executable


def validate(executable: Path, document: Path) -> subprocess.CompletedProcess[str]:
    """``steady validate DOCUMENT``: its exit status and report."""
    return subprocess.run(
        [str(executable), "validate", "--no-color", str(document)],
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )


# Documents


def load(path: Path) -> dict[str, Any]:
    """A YAML (or JSON) OpenAPI document."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as stream:
        document = yaml.load(stream, Loader=loader)
    return cast("dict[str, Any]", document)


def write(document: Mapping[str, Any], path: Path) -> Path:
    """`document` as JSON at `path` (YAML dates become strings)."""
    path.write_text(json.dumps(document, default=str, indent=1), encoding="utf-8")
    return path


def _local_refs(node: object) -> Iterator[tuple[str, str]]:
    """``(kind, name)`` of every ``#/components/<kind>/<name>`` reference under `node`."""
    if isinstance(node, Mapping):
        mapping = cast("Mapping[str, object]", node)
        ref = mapping.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            kind, _, name = ref.removeprefix("#/components/").partition("/")
            yield kind, name
        for value in mapping.values():
            yield from _local_refs(value)
    elif isinstance(node, list):
        for item in cast("list[object]", node):
            yield from _local_refs(item)


def images_subset(document: Mapping[str, Any]) -> dict[str, Any]:
    """The images paths of `document` with every component they reach, and nothing else."""
    paths = {path: document["paths"][path] for path in IMAGES_PATHS if path in document["paths"]}
    components: Mapping[str, Mapping[str, Any]] = document.get("components", {})
    kept: dict[str, dict[str, Any]] = {}
    pending = list(_local_refs(paths))
    while pending:
        kind, name = pending.pop()
        if name in kept.setdefault(kind, {}):
            continue
        node = components[kind][name]
        kept[kind][name] = node
        pending += _local_refs(node)
    if "securitySchemes" in components:
        kept["securitySchemes"] = dict(components["securitySchemes"])
    subset = {
        key: document[key] for key in ("openapi", "info", "servers", "security") if key in document
    }
    return {**subset, "paths": paths, "components": kept}


def close_request_bodies(document: dict[str, Any]) -> list[str]:
    """Add ``additionalProperties: false`` to each images request-body schema that is silent.

    steady reports an unknown property only when the schema forbids it (it ignores
    E5003, "spec silent"); the API itself rejects unknown parameters. Returns the names
    of the schemas changed.
    """
    schemas: dict[str, Any] = document["components"]["schemas"]
    closed: list[str] = []
    for path in IMAGES_PATHS:
        for operation in document["paths"].get(path, {}).values():
            if not isinstance(operation, dict) or "requestBody" not in operation:
                continue
            body = cast("dict[str, Any]", operation)["requestBody"]
            for media in body["content"].values():
                ref = media["schema"].get("$ref", "")
                name = ref.rsplit("/", 1)[-1]
                schema = schemas.get(name)
                if (
                    schema is not None
                    and "properties" in schema
                    and "additionalProperties" not in schema
                ):
                    schema["additionalProperties"] = False
                    closed.append(name)
    return closed


# Processes


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@attrs.define(kw_only=True)
class SteadyServer:
    """One steady process serving one document on 127.0.0.1."""

    name: str
    document: Path
    port: int
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def base_url(self) -> str:
        """The URL the document's paths are served under (steady drops the servers' /v1)."""
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 30) -> str:
        """The end of the process's output, for failure messages."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Terminate the process, killing it if it does not exit in time."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def start(executable: Path, name: str, document: Path, log_dir: Path) -> SteadyServer:
    """Serve `document`; returns once steady accepts connections (bounded wait).

    A port taken between choosing and binding it is retried with another port.
    """
    failure = ""
    for attempt in range(3):
        port = free_port()
        log = log_dir / f"steady-{name}-{attempt}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [
                    str(executable),
                    "--host",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "--no-color",
                    *FORMAT_FLAGS,
                    str(document),
                ],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        server = SteadyServer(name=name, document=document, port=port, log=log, process=process)
        deadline = time.monotonic() + START_TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            if _listening(port):
                return server
            time.sleep(0.05)
        server.stop()
        failure = (
            f"steady on {document.name} did not listen on port {port} within "
            f"{START_TIMEOUT:.0f} s (exit status {process.returncode}):\n{server.log_tail()}"
        )
    raise SteadyUnavailable(failure)


class SteadyPool:
    """Starts one steady per target on first use; `stop_all` ends them."""

    def __init__(self, executable: Path, workdir: Path) -> None:
        self.executable = executable
        self.workdir = workdir
        self.servers: dict[str, SteadyServer] = {}

    def document(self, target: str) -> Path:
        """The file steady serves for `target` (derived documents are written here)."""
        if target == "spec":
            return SPEC
        if target == "spec-closed":
            document = load(SPEC)
            closed = close_request_bodies(document)
            assert len(closed) == 4, closed
            return write(document, self.workdir / "spec-closed.json")
        if target == "upstream":
            if not UPSTREAM.is_file():
                pytest.skip(f"the upstream document is absent: {UPSTREAM}")
            document = images_subset(load(UPSTREAM))
            closed = close_request_bodies(document)
            assert len(closed) == 4, closed
            return write(document, self.workdir / "upstream-images.json")
        raise ValueError(target)

    def get(self, target: str) -> SteadyServer:
        """The running server for `target`, started now if needed."""
        if target not in self.servers:
            try:
                server = start(self.executable, target, self.document(target), self.workdir)
            except SteadyUnavailable as error:
                pytest.fail(str(error), pytrace=False)
            self.servers[target] = server
        server = self.servers[target]
        if server.process.poll() is not None:
            pytest.fail(f"steady ({target}) exited:\n{server.log_tail()}", pytrace=False)
        return server

    def stop_all(self) -> None:
        """Stop every server this pool started."""
        for server in self.servers.values():
            server.stop()


# Findings


@attrs.frozen(kw_only=True)
class Finding:
    """One diagnostic steady reported about a request."""

    code: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.code} at {self.path}: {self.message}"


@attrs.frozen(kw_only=True)
class Exchange:
    """One request as steady judged it."""

    method: str
    url: str
    status: int
    matched_path: str | None
    streaming: bool
    findings: tuple[Finding, ...]

    @classmethod
    def from_response(cls, response: httpx.Response) -> Exchange:
        """Read steady's verdict from the response headers."""
        headers = response.headers
        count = int(headers.get("x-steady-error-count", "0"))
        findings = tuple(
            Finding(
                code=headers.get(f"x-steady-error-{n}-code", "?"),
                path=headers.get(f"x-steady-error-{n}-path", "?"),
                message=headers.get(f"x-steady-error-{n}-message", ""),
            )
            for n in range(1, count + 1)
        )
        return cls(
            method=response.request.method,
            url=str(response.request.url),
            status=response.status_code,
            matched_path=headers.get("x-steady-matched-path"),
            streaming=headers.get("x-steady-streaming") == "true",
            findings=findings,
        )

    @property
    def codes(self) -> set[tuple[str, str]]:
        """``(code, path)`` of every finding."""
        return {(finding.code, finding.path) for finding in self.findings}

    def problems(self) -> list[str]:
        """Everything that makes this request non-conforming; empty when it conforms."""
        found = [f"HTTP {self.status}"] if self.status >= 400 else []
        if self.matched_path is None and not self.findings:
            found.append("steady matched no path of the document")
        return found + [str(finding) for finding in self.findings]


class Recorder:
    """An httpx response hook keeping steady's verdict on every request a client sends."""

    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    def hook(self, response: httpx.Response) -> None:
        """Sync `event_hooks` entry."""
        self.exchanges.append(Exchange.from_response(response))

    async def async_hook(self, response: httpx.Response) -> None:
        """Async `event_hooks` entry."""
        self.hook(response)

    def http_client(self, *, is_async: bool) -> httpx.Client | httpx.AsyncClient:
        """A plain httpx client that records; hand it to the SDK client as `http_client`."""
        if is_async:
            return httpx.AsyncClient(event_hooks={"response": [self.async_hook]})
        return httpx.Client(event_hooks={"response": [self.hook]})

    def only(self) -> Exchange:
        """The one request sent (the clients run with ``max_retries=0``)."""
        assert len(self.exchanges) == 1, self.exchanges
        return self.exchanges[0]


class ClientDriver(Protocol):
    """What these tests use of the shared `driver` fixture (tests/conftest.py's `Driver`)."""

    is_async: bool

    def client(self, **options: Any) -> Any: ...

    async def run(self, value: Any) -> Any: ...

    def enter(
        self, manager: AbstractContextManager[Any] | AbstractAsyncContextManager[Any]
    ) -> AbstractAsyncContextManager[Any]: ...

    async def close(self, client: Any) -> None: ...


# Inputs


def png(width: int = 64, height: int = 64) -> bytes:
    """A fully transparent RGBA PNG: a valid image, mask or markup of that size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + bytes(4 * width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
