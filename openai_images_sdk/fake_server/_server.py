"""`FakeImagesServer`: an OpenAI-compatible images server on loopback, in a background thread."""

from __future__ import annotations

import collections
import contextlib
import logging
import random
import socket
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal, Self, cast

import attrs

from ._azure_api import azure_routes, check_azure_auth, is_azure_path, v1_path
from ._batch_api import BatchAPI
from ._faults import (
    ContentPolicy,
    Fault,
    FaultSyntaxError,
    Latency,
    StatusFault,
    parse_fault_header,
)
from ._formdata import FormPart
from ._handler import GONE, RequestHandler
from ._http import (
    ApiError,
    BodyKind,
    FileStore,
    Incoming,
    RecordedFile,
    RecordedRequest,
    Reply,
    Route,
    ServerOptions,
    json_reply,
)
from ._images_api import image_routes
from ._ratelimit import RateLimit, RateWindow

__all__ = ["FakeImagesServer", "serve_forever"]

logger = logging.getLogger("openai_images_sdk.fake_server")
"""The fake server's logger: dropped connections (INFO), route failures (ERROR)."""


def _peer(address: Any) -> str:
    try:
        host, port = address[0], address[1]
    except (TypeError, IndexError, KeyError):
        return str(address)
    return f"{host}:{port}"


class _HTTPServer(ThreadingHTTPServer):
    """Tracks its connection threads so `stop` can close and join every one of them."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 256  # the listen backlog: bulk clients open dozens of connections at once

    def __init__(self, address: tuple[str, int], owner: FakeImagesServer) -> None:
        self.owner = owner
        self.workers: dict[threading.Thread, socket.socket] = {}
        self.workers_lock = threading.Lock()
        super().__init__(address, RequestHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._work,
            args=(request, client_address),
            name="fake-images-connection",
            daemon=True,
        )
        with self.workers_lock:
            self.workers[thread] = request
        thread.start()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One log line for a client that went away; a traceback only for real failures."""
        error = sys.exc_info()[1]
        if isinstance(error, GONE):
            logger.info(
                "client %s dropped the connection (%s)",
                _peer(client_address),
                type(error).__name__,
            )
            return
        logger.error(
            "unexpected error on the connection from %s", _peer(client_address), exc_info=True
        )

    def _work(self, request: Any, client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self.workers_lock:
                self.workers.pop(threading.current_thread(), None)


class FakeImagesServer:
    """An OpenAI-compatible images server on 127.0.0.1 for tests and offline use.

    Use it as a context manager (``with FakeImagesServer() as server: server.base_url``)
    or call `start` and `stop`. It answers the images operations with real images.

    Azure OpenAI clients work against it too: give `AzureImagesClient` the
    `azure_endpoint` and an ``api_version``; ``/openai/deployments/{name}/images/...``
    answers like the ``/v1`` operation (a missing ``api-version`` is 404, as on Azure).

    :param port: 0 picks a free port.
    :param api_key: when set, only ``Authorization: Bearer <api_key>`` is accepted
        (on Azure paths, also ``api-key: <api_key>``); otherwise any non-empty key is.
    :param latency: seconds to wait before every API answer.
    :param faults: faults applied to every matching API request.
    :param seed: the default image seed (``X-Fake-Seed`` overrides it per request).
    :param retired: ``"serve"`` keeps retired models and the variations endpoint working;
        ``"reject"`` answers like the API does today.
    :param validation: ``"strict"`` checks requests with the SDK's rules; ``"off"`` only
        parses them.
    :param draw_text: draw the prompt's first words on images (when Pillow is importable).
    :param stream_interval: seconds between streamed events.
    :param fault_seed: seeds the generator behind faults' `probability`.
    :param rate_limit: send ``x-ratelimit-*-requests`` headers on image answers, counting
        requests in a fixed window, and answer 429 beyond the limit (`RateLimit`).
    :param batch_seconds: how long a batch stays ``in_progress`` before it completes (the
        Files and Batch API routes run its requests when it is first polled after that).
    :param azure_deployments: Azure deployment name -> the model it serves. A deployment
        named after a known model (or `default_model`) needs no entry; other names are
        answered 404 ``DeploymentNotFound``. The deployment's model replaces any ``model``
        in the body. Faults and rate limits that name a ``/v1/images/...`` path also
        apply to that operation's Azure paths.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: str | None = None,
        latency: float = 0.0,
        faults: Iterable[Fault] = (),
        seed: str | int | None = None,
        retired: Literal["serve", "reject"] = "serve",
        validation: Literal["strict", "off"] = "strict",
        draw_text: bool = True,
        stream_interval: float = 0.0,
        default_model: str = "gpt-image-1.5",
        fault_seed: int = 0,
        rate_limit: RateLimit | None = None,
        batch_seconds: float = 0.0,
        azure_deployments: Mapping[str, str] | None = None,
    ) -> None:
        self.options = ServerOptions(
            retired=retired,
            validation=validation,
            draw_text=draw_text,
            default_model=default_model,
            azure_deployments=dict(azure_deployments or {}),
        )
        self.api_key = api_key
        self.latency = latency
        self.faults: tuple[Fault, ...] = tuple(faults)
        self.seed = "" if seed is None else str(seed)
        self.stream_interval = stream_interval
        self.files = FileStore()
        self._address = (host, port)
        self._routes: dict[tuple[str, str], tuple[Route, bool]] = dict(image_routes())
        self._routes.update(azure_routes(self._routes))
        self.rate_window = RateWindow(rate_limit) if rate_limit is not None else None
        self.batches = BatchAPI(self, batch_seconds=batch_seconds)
        """The state of the Files and Batch API routes (uploaded files, batches)."""
        self._routes.update(self.batches.routes())
        self._lock = threading.Lock()
        self._queue: collections.deque[tuple[Fault, ...]] = collections.deque()
        self._random = random.Random(fault_seed)
        self._requests: list[RecordedRequest] = []
        self._errors: list[str] = []
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._loop: threading.Thread | None = None
        """The thread running the accept loop: ours after `start`, the caller's in `serve_forever`."""

    # Life cycle

    def _bind(self) -> _HTTPServer:
        if self._httpd is not None:
            raise RuntimeError("the fake server is already running")
        self._stopping.clear()
        self._httpd = _HTTPServer(self._address, self)
        return self._httpd

    def start(self) -> Self:
        """Bind the port and serve in a background thread; returns the server."""
        httpd = self._bind()
        self._loop = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-images-server"
        )
        self._loop.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving, close every connection and wait (at most `timeout` s per thread)."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        loop, self._loop = self._loop, None
        if loop is not None and loop is not threading.current_thread():
            httpd.shutdown()  # returns once the accept loop has left serve_forever
            loop.join(timeout)
        httpd.server_close()
        with httpd.workers_lock:
            workers = dict(httpd.workers)
        for connection in workers.values():
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for thread in workers:
            thread.join(timeout)

    def serve_forever(self, *, on_ready: Callable[[Self], None] | None = None) -> None:
        """Serve in the calling thread until interrupted (Ctrl-C) or `stop`ped, then stop.

        `on_ready` is called once the port is bound, before serving (to print the URL).
        """
        httpd = self._bind()
        self._loop = threading.current_thread()
        try:
            if on_ready is not None:
                on_ready(self)
            httpd.serve_forever(poll_interval=0.2)
        finally:
            self.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self._address[0]

    @property
    def port(self) -> int:
        """The bound port (the one picked when `port=0`); 0 before `start`."""
        httpd = self._httpd
        return int(httpd.server_address[1]) if httpd is not None else self._address[1]

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The URL to give a client: ``http://127.0.0.1:<port>/v1``."""
        return f"{self.url}/v1"

    @property
    def azure_endpoint(self) -> str:
        """The `azure_endpoint` to give an Azure client: ``http://127.0.0.1:<port>``.

        The client adds ``/openai/deployments/{deployment}``; as a `base_url`, use
        ``f"{server.azure_endpoint}/openai/deployments/{deployment}"``.
        """
        return self.url

    # What happened

    @property
    def requests(self) -> tuple[RecordedRequest, ...]:
        """Every request received so far, oldest first."""
        with self._lock:
            return tuple(self._requests)

    @property
    def errors(self) -> tuple[str, ...]:
        """Tracebacks of unexpected server errors (answered 500); empty when all is well."""
        with self._lock:
            return tuple(self._errors)

    def reset(self) -> None:
        """Forget recorded requests, errors, queued faults and stored files."""
        with self._lock:
            self._requests.clear()
            self._errors.clear()
            self._queue.clear()
        self.files.clear()
        self.batches.clear()
        if self.rate_window is not None:
            self.rate_window.reset()

    # Faults

    def enqueue(self, *faults: Fault | Sequence[Fault]) -> None:
        """Queue faults for the next API requests, one item per request, in order.

        An item may be a sequence of faults to apply together (e.g. latency and a 500).
        """
        with self._lock:
            for item in faults:
                group = tuple(item) if isinstance(item, Sequence) else (item,)
                self._queue.append(group)

    def expire_urls(self) -> None:
        """Make the links of ``url`` results answer 403 from now on."""
        self.files.expire()

    # Extension points for other resources (files, batches)

    def add_route(self, method: str, path: str, route: Route, *, api: bool = True) -> None:
        """Serve `route` at `path` (a ``*`` segment matches any one segment).

        API routes need the bearer key and take faults.
        """
        self._routes[(method.upper(), path)] = (route, api)

    def find_route(self, method: str, path: str) -> tuple[Route, bool] | None:
        """The route for a request, or None."""
        exact = self._routes.get((method, path))
        if exact is not None:
            return exact
        segments = path.split("/")
        for (want_method, pattern), found in self._routes.items():
            parts = pattern.split("/")
            if (
                want_method == method
                and len(parts) == len(segments)
                and all(p in ("*", s) for p, s in zip(parts, segments, strict=True))
            ):
                return found
        return None

    # Used by the request handler

    def seed_for(self, incoming: Incoming) -> str:
        """The seed of a request: its ``X-Fake-Seed`` header, else the server's."""
        return incoming.headers.get("x-fake-seed", self.seed)

    def check_auth(self, headers: Mapping[str, str], *, path: str = "") -> None:
        """`ApiError` 401 unless the request carries an acceptable bearer key.

        On Azure paths (``/openai/...``) an ``api-key`` header is accepted too.
        """
        if is_azure_path(path):
            check_azure_auth(headers, self.api_key)
            return
        scheme, _, key = headers.get("authorization", "").partition(" ")
        key = key.strip()
        if scheme.lower() != "bearer" or not key:
            raise ApiError(
                401,
                "No API key was given. Send it as 'Authorization: Bearer YOUR_KEY' (fake server).",
            )
        if self.api_key is not None and key != self.api_key:
            shown = key[:3] + "*" * max(0, len(key) - 7) + key[-4:] if len(key) > 7 else "***"
            raise ApiError(
                401, f"Incorrect API key provided: {shown} (fake server).", code="invalid_api_key"
            )

    def faults_for(self, path: str, headers: Mapping[str, str]) -> tuple[Fault, ...]:
        """The faults of one API request: from its header, the queue, then the server's.

        A fault naming a path hits requests to it and, for ``/v1/images/...``, to the
        Azure paths of the same operation.
        """
        paths = (None, path, v1_path(path))
        chosen: list[Fault] = []
        header = headers.get("x-fake-fault")
        if header:
            try:
                chosen += parse_fault_header(header)
            except FaultSyntaxError as error:
                raise ApiError(400, str(error), code="invalid_fake_fault") from None
        with self._lock:
            for group in self._queue:
                if all(f.path in paths for f in group):
                    self._queue.remove(group)
                    chosen += group
                    break
            for fault in self.faults:
                draw = self._random.random()
                if fault.applies(path, draw) or fault.applies(v1_path(path), draw):
                    chosen.append(fault)
        return tuple(chosen)

    def answer(self, route: Route, incoming: Incoming, faults: Sequence[Fault]) -> Reply:
        """The reply to a request: a refusal fault's, else the route's (plus rate headers)."""
        if self.rate_window is None:
            return self._answer(route, incoming, faults)
        headers, refusal = self.rate_window.admit(v1_path(incoming.path))
        if refusal is not None:
            faults = (refusal, *faults)
        reply = self._answer(route, incoming, faults)
        return attrs.evolve(reply, headers={**reply.headers, **headers}) if headers else reply

    def _answer(self, route: Route, incoming: Incoming, faults: Sequence[Fault]) -> Reply:
        for fault in faults:
            if isinstance(fault, StatusFault):
                return json_reply(
                    fault.body(), status=fault.status, headers=fault.response_headers()
                )
            if isinstance(fault, ContentPolicy):
                return json_reply(fault.body(), status=400)
        try:
            return route(incoming, self)
        except ApiError as error:
            return error.reply()
        except Exception:
            self.note_error()
            return ApiError(
                500, "The fake server failed; see FakeImagesServer.errors.", type="server_error"
            ).reply()

    def note_error(self) -> None:
        """Record the exception being handled in `errors` (and log it)."""
        text = traceback.format_exc()
        logger.error("fake server error:\n%s", text)
        with self._lock:
            self._errors.append(text)

    def pause(self, faults: Sequence[Fault]) -> None:
        """Wait for the server's latency plus the faults' (cut short by `stop`)."""
        seconds = self.latency + sum(f.seconds for f in faults if isinstance(f, Latency))
        if seconds > 0:
            self._stopping.wait(seconds)

    def pause_between_events(self) -> bool:
        """Wait `stream_interval`; False when the server is stopping."""
        if self.stream_interval > 0:
            self._stopping.wait(self.stream_interval)
        return not self._stopping.is_set()

    def record(
        self,
        *,
        method: str,
        path: str,
        query: Mapping[str, str],
        headers: Mapping[str, str],
        kind: BodyKind,
        payload: object,
        parts: Sequence[FormPart],
        status: int,
        faults: Sequence[Fault],
        received_at: float = 0.0,
    ) -> None:
        """Add one request to `requests`."""
        fields: dict[str, object] = {}
        files: list[RecordedFile] = []
        if kind == "json" and isinstance(payload, Mapping):
            fields = {str(k): v for k, v in cast("Mapping[object, object]", payload).items()}
        for part in parts:
            if part.is_file:
                files.append(
                    RecordedFile(
                        field=part.name,
                        filename=part.filename,
                        content_type=part.content_type,
                        size=len(part.data),
                    )
                )
                continue
            text = part.text()
            previous = fields.get(part.name)
            if previous is None:
                fields[part.name] = text
            elif isinstance(previous, list):
                cast("list[object]", previous).append(text)
            else:
                fields[part.name] = [previous, text]
        entry = RecordedRequest(
            method=method,
            path=path,
            query=dict(query),
            headers=dict(headers),
            body_kind=kind,
            fields=fields,
            files=tuple(files),
            status=status,
            faults=tuple(faults),
            received_at=received_at,
        )
        with self._lock:
            self._requests.append(entry)


def serve_forever(
    host: str = "127.0.0.1",
    port: int = 4010,
    *,
    on_ready: Callable[[FakeImagesServer], None] | None = None,
    **options: Any,
) -> None:
    """Run a `FakeImagesServer` in the calling thread until interrupted (for the CLI).

    `on_ready` is called with the bound server before serving (to print its URL).
    """
    server = FakeImagesServer(host=host, port=port, **options)
    server.serve_forever(on_ready=on_ready)
