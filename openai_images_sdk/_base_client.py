"""The transport under the generated operations.

`BaseClient` turns an operation and its arguments into HTTP requests and reads the
answers, without I/O; `AsyncAPIClient` (`_async/transport.py`) adds the send loop (send,
wait, retry) and closing the connection pool, and `SyncAPIClient` is generated from it.
"""

from __future__ import annotations

import logging
import re
import time
import types
import urllib.parse
from collections.abc import AsyncIterable, Iterable, Mapping
from typing import TYPE_CHECKING, Final, Generic, TypeVar

import attrs
import httpx

from ._config import POOL_HEADERS, USER_AGENT, ClientConfig, check_config, to_timeout
from ._exceptions import (
    APIConnectionError,
    APIError,
    status_error_from_response,
)
from ._headers import check_header_values
from ._logging import credential_values, logger, redact_headers, redact_url, scrub, setup_logging
from ._operation import OperationSpec
from ._response import structure_response
from ._retries import is_retryable_status, retry_delay
from ._telemetry import OperationSpan
from ._types import Headers, NotGiven, Omit, Query, RequestOptions

if TYPE_CHECKING:
    from . import _uploads

__all__ = ["BaseClient", "Call", "HttpxClientT", "log_fields"]

_PATH_PARAM: Final = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

_CACHED_URLS: Final = 256
"""How many operation URLs a client keeps built (Azure paths vary with the model)."""
_path_params: dict[str, frozenset[str]] = {}
"""The path parameters of each operation path, found once."""

_NO_CREDENTIALS: Final[Mapping[str, str]] = types.MappingProxyType({})
_NOTHING_OMITTED: Final = frozenset[str]()
HttpxClientT = TypeVar("HttpxClientT", httpx.Client, httpx.AsyncClient)
_E = TypeVar("_E", bound=APIError)


@attrs.define(kw_only=True)
class Call:
    """Everything about one operation call that does not change between attempts (its
    `auth` and `span` are set once, before the first attempt)."""

    op: OperationSpec
    method: str
    url: httpx.URL
    query: Mapping[str, object]
    headers: tuple[dict[str, str], Headers, Headers]
    """The SDK's own headers, then `default_headers`, then `extra_headers`; auth goes in between."""
    timeout: httpx.Timeout
    body: _uploads.PreparedBody | None
    stream: bool
    auth: Mapping[str, str] = attrs.field(default=_NO_CREDENTIALS, repr=False)
    """Credential headers, fetched once per call just before the first attempt."""
    model: str | None = None
    """The call's `model` argument, for log lines."""
    span: OperationSpan | None = None
    """The operation's OpenTelemetry span, when the application uses OpenTelemetry."""


def log_fields(
    call: Call,
    request: httpx.Request,
    retries_taken: int,
    response: httpx.Response | None = None,
    started: float | None = None,
) -> dict[str, object]:
    """The fields of a request log line, given as ``extra=`` so that a structured (JSON)
    formatter gets them as record attributes."""
    sent = request.headers.get("content-length")
    fields: dict[str, object] = {
        "operation": call.op.operation_id,
        "model": call.model,
        "attempt": retries_taken + 1,
        "http_method": request.method,
        "url": redact_url(request.url),
        "bytes_sent": int(sent) if sent and sent.isdigit() else None,
    }
    if response is not None:
        fields["status_code"] = response.status_code
        fields["request_id"] = response.headers.get("x-request-id")
        fields["bytes_received"] = response.num_bytes_downloaded
    if started is not None:
        fields["duration_s"] = round(time.monotonic() - started, 6)
    return fields


def _merge_headers(*layers: Headers | None) -> tuple[dict[str, str], frozenset[str]]:
    """Later layers win, names compared without case; `Omit` removes a header."""
    merged: dict[str, tuple[str, str | Omit]] = {}
    for layer in layers:
        for name, value in (layer or {}).items():
            merged[name.lower()] = (name, value)
    headers = {name: value for name, value in merged.values() if isinstance(value, str)}
    omitted = frozenset(key for key, (_, value) in merged.items() if isinstance(value, Omit))
    return headers, omitted


def path_params(path: str) -> frozenset[str]:
    """The names of the ``{parameters}`` in an operation path."""
    found = _path_params.get(path)
    if found is None:
        found = _path_params[path] = frozenset(_PATH_PARAM.findall(path))
    return found


def _merge_query(*layers: Query | None) -> dict[str, object]:
    if not any(layers):
        return {}
    merged: dict[str, object] = {}
    for layer in layers:
        merged.update(layer or {})
    return {key: value for key, value in merged.items() if not isinstance(value, Omit)}


class BaseClient(Generic[HttpxClientT]):
    """Configuration and the I/O-free half of the transport, shared by both twins."""

    _http_client: HttpxClientT

    def __init__(
        self, *, config: ClientConfig, http_client: HttpxClientT, owns_http_client: bool
    ) -> None:
        setup_logging()
        self._config = check_config(config)
        self._http_client = http_client
        self._owns_http_client = owns_http_client
        self._reset_templates()

    def _reset_templates(self) -> None:
        """Forget what was built once from the config or the pool (after either changed)."""
        self._urls: dict[str, httpx.URL] = {}
        self._sdk_headers: dict[tuple[bool, str | None], dict[str, str]] = {}
        pool = self._http_client.headers
        self._pool_sends = frozenset(
            name for name, value in POOL_HEADERS.items() if pool.get(name) == value
        )
        """The SDK's own headers that the pool already sends with the same value."""

    @property
    def is_closed(self) -> bool:
        """Whether the connection pool has been closed."""
        return self._http_client.is_closed

    # -- hooks that the Azure clients override -------------------------------------------

    def _auth_headers(self) -> dict[str, str]:
        key = self._config.api_key
        return {"Authorization": f"Bearer {key.value}"} if key else {}

    async def _async_auth_headers(self) -> dict[str, str]:
        return self._auth_headers()

    def _operation_path(self, op: OperationSpec, params: Mapping[str, object]) -> str:
        if "{" not in op.path:
            return op.path

        def fill(match: re.Match[str]) -> str:
            value = params[match.group(1)]
            return urllib.parse.quote(str(value), safe="")

        return _PATH_PARAM.sub(fill, op.path)

    # -- request building (no I/O) -------------------------------------------------------

    @staticmethod
    def _given(op: OperationSpec, params: Mapping[str, object]) -> dict[str, object]:
        """The arguments the caller passed (`split_arguments` has dropped the NOT_GIVEN
        ones), checked to hold every path parameter."""
        names = path_params(op.path)
        if names and (missing := sorted(names - params.keys())):
            raise TypeError(f"{op.method_name}() is missing path parameters: {missing}")
        return dict(params)

    def _body(
        self, op: OperationSpec, given: Mapping[str, object], options: RequestOptions
    ) -> _uploads.PreparedBody | None:
        """The request body; reads file headers (and spools unseekable streams).

        Checks the caller's `extra_headers` first (an illegal value is a `ValidationError`).
        """
        if options.extra_headers:
            check_header_values(options.extra_headers, param="extra_headers")
        if not op.bodies:
            return None
        from . import _uploads  # with the first call that has a body

        mode = (
            self._config.validation
            if isinstance(options.validation, NotGiven)
            else options.validation
        )
        return _uploads.build_request_body(
            op, given, extra_body=options.extra_body, validation=mode
        )

    def _call(
        self,
        op: OperationSpec,
        params: dict[str, object],
        options: RequestOptions,
        body: _uploads.PreparedBody | None,
    ) -> Call:
        """Validate the call against the spec and the model's rules, then fix its request."""
        from . import _validation  # with the first call, not with the client

        stream = params.get("stream") is True
        mode = (
            self._config.validation
            if isinstance(options.validation, NotGiven)
            else options.validation
        )
        try:
            _validation.validate_request(
                op,
                params,
                mode=mode,
                inputs=body.inputs if body is not None else (),
                body=body.kind if body is not None else None,
                upload_violations=body.violations if body is not None else (),
            )
        except BaseException:
            if body is not None:
                body.close()
            raise

        base_headers = self._base_headers(stream, body.content_type if body else None)
        if body is not None and body.kind == "multipart" and body.content_length is not None:
            base_headers = {**base_headers, "Content-Length": str(body.content_length)}
        query_params = (
            {}
            if op.bodies
            else {key: value for key, value in params.items() if key not in path_params(op.path)}
        )
        timeout = options.timeout
        return Call(
            op=op,
            method=op.http_method.upper(),
            url=self._url(self._operation_path(op, params)),
            query=_merge_query(self._config.default_query, query_params, options.extra_query),
            headers=(base_headers, self._config.default_headers, options.extra_headers or {}),
            timeout=self._config.timeout if isinstance(timeout, NotGiven) else to_timeout(timeout),
            body=body,
            stream=stream,
            model=model if isinstance(model := params.get("model"), str) else None,
        )

    def _url(self, path: str) -> httpx.URL:
        """The URL of an operation path under the base URL (parsed once per path)."""
        url = self._urls.get(path)
        if url is None:
            base = self._config.base_url
            url = base.copy_with(path=base.path + path.lstrip("/"))
            if len(self._urls) < _CACHED_URLS:
                self._urls[path] = url
        return url

    def _base_headers(self, stream: bool, content_type: str | None) -> dict[str, str]:
        """The SDK's own headers of a request (built once per kind; never changed)."""
        key = (stream, content_type)
        headers = self._sdk_headers.get(key)
        if headers is None:
            headers = {
                "User-Agent": USER_AGENT,
                "Accept": "text/event-stream" if stream else "application/json",
            }
            for name in self._pool_sends:
                if headers[name] == POOL_HEADERS[name]:
                    del headers[name]
            if content_type is not None:
                headers["Content-Type"] = content_type
            if self._config.organization:
                headers["OpenAI-Organization"] = self._config.organization
            if self._config.project:
                headers["OpenAI-Project"] = self._config.project
            if content_type is None or not content_type.startswith("multipart/"):
                self._sdk_headers[key] = headers  # multipart boundaries differ per call
        return headers

    def _build_request(
        self,
        call: Call,
        content: bytes | Iterable[bytes] | AsyncIterable[bytes] | None,
        retries_taken: int,
    ) -> httpx.Request:
        """One attempt's request; identical on every attempt but for a fresh body iterator."""
        sdk_headers, default_headers, extra_headers = call.headers
        if default_headers or extra_headers:
            headers, omitted = _merge_headers(
                sdk_headers, call.auth, default_headers, extra_headers
            )
        else:  # the SDK's own names and the credential's never overlap
            headers, omitted = {**sdk_headers, **call.auth}, _NOTHING_OMITTED
        request = self._http_client.build_request(
            call.method,
            call.url,
            headers=headers,
            params=call.query or None,  # type: ignore[arg-type]
            content=content,
            timeout=call.timeout,
        )
        for name in omitted:  # also drops headers the httpx client itself would add
            request.headers.pop(name, None)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Sending %s %s (attempt %d) headers=%s",
                request.method,
                redact_url(request.url),
                retries_taken + 1,
                redact_headers(request.headers),
                extra=log_fields(call, request, retries_taken),
            )
        return request

    # -- answers and retries (no I/O) ----------------------------------------------------

    def _after_error(
        self, call: Call, request: httpx.Request, retries_taken: int, error: APIConnectionError
    ) -> float:
        """Seconds to wait before retrying a failed attempt; raises `error` to give up."""
        cause = error.__cause__
        reason = f"{type(cause).__name__}: {cause}" if cause else error.message
        delay = self._retry_delay(call, request, retries_taken, reason=reason, headers=None)
        if delay is None:
            raise self._scrubbed(error, call, retries_taken) from cause
        return delay

    def _after_response(
        self, call: Call, response: httpx.Response, started: float, retries_taken: int
    ) -> float | None:
        """None for a 2xx; else seconds to wait before retrying, or raises the status error."""
        request = response.request
        if logger.isEnabledFor(logging.INFO):
            fields = log_fields(call, request, retries_taken, response, started)
            logger.info(
                'HTTP %s %s "%d %s" in %.3f s, request id %s, retries %d',
                request.method,
                fields["url"],
                response.status_code,
                response.reason_phrase,
                fields["duration_s"],
                fields["request_id"],
                retries_taken,
                extra=fields,
            )
        if response.is_success:
            if call.span is not None:
                call.span.response(response, retries=retries_taken)
            return None
        delay = None
        if is_retryable_status(response.status_code, response.headers):
            reason = f"{response.status_code} {response.reason_phrase}"
            delay = self._retry_delay(
                call, request, retries_taken, reason=reason, headers=response.headers
            )
        if delay is None:
            if call.span is not None:
                call.span.response(response, retries=retries_taken)
            raise self._scrubbed(status_error_from_response(response), call, retries_taken)
        return delay

    def _retry_delay(
        self,
        call: Call,
        request: httpx.Request,
        retries_taken: int,
        *,
        reason: str,
        headers: httpx.Headers | None,
    ) -> float | None:
        if retries_taken >= self._config.max_retries:
            return None
        where = f"{request.method} {redact_url(request.url)}"
        if call.body is not None and not call.body.replayable:
            logger.warning(
                "Not retrying %s after %s: the request body is a one-shot stream "
                "that cannot be sent again",
                where,
                reason,
                extra={**log_fields(call, request, retries_taken), "reason": reason},
            )
            return None
        delay = retry_delay(retries_taken, headers)
        logger.info(
            "Retrying %s in %.2f s (retry %d of %d) after %s",
            where,
            delay,
            retries_taken + 1,
            self._config.max_retries,
            reason,
            extra={
                **log_fields(call, request, retries_taken),
                "reason": reason,
                "retry_delay_s": round(delay, 3),
            },
        )
        if call.span is not None:
            call.span.attempt_failed(attempt=retries_taken + 1, delay=delay, reason=reason)
        return delay

    def _scrubbed(self, error: _E, call: Call, retries_taken: int) -> _E:
        """`error` with its retry count, and the call's credentials removed from its message
        (servers may echo them): the client's own, and any credential header given in
        `default_headers` or `extra_headers`."""
        error.retries_taken = retries_taken
        given: list[tuple[str, object]] = [item for layer in call.headers for item in layer.items()]
        secrets = credential_values([*call.auth.items(), *given])
        message = scrub(error.message, secrets)
        if message != error.message:
            error.message = message
            error.args = (message,)
        return error

    def _parse(self, call: Call, response: httpx.Response, *, dispose: bool = True) -> object:
        """The typed result of a 2xx answer (the stream for a streamed call). `dispose`:
        nobody sees `response` again, so its body may be let go once it is decoded."""
        if call.stream:
            return self._stream(call, response)
        return structure_response(response, call.op.response_type, dispose=dispose)

    def _stream(self, call: Call, response: httpx.Response) -> object:
        """The `Stream` (`AsyncStream`) of a streamed call's events."""
        raise NotImplementedError
