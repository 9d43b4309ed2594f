"""The Files and Batch API routes of the fake server, completing batches quickly.

``POST /v1/files`` stores uploads in memory (``DELETE /v1/files/{id}`` forgets them);
``POST /v1/batches`` checks the input file and starts a batch in ``validating``. Polling it
(``GET /v1/batches/{id}``) moves it to ``in_progress``, and once `batch_seconds` have passed
since creation, each poll runs the requests of the input file through the server's own
image routes (all of them, or `requests_per_poll`) until the batch completes with an
output file (successes) and an error file (failures), in the API's line format::

    {"id": "batch_req_...", "custom_id": "...", "response":
        {"status_code": 200, "request_id": "req_...", "body": {...}}, "error": null}

Request fields, their limits and the answers' fields come from the generated operation
specs and models (`CREATE_FILE`, `CREATE_BATCH`, `OpenAIFile`, `Batch`): ``expires_after``
sets an upload's ``expires_at``, ``output_expires_after`` that of the batch's output and
error files, and an ended batch carries the ``usage`` of the responses it made, summed.

``POST /v1/batches/{id}/cancel`` moves a batch that has not ended to ``cancelling``; no
request runs after that, and the next poll ends it ``cancelled`` with the results of the
requests that had run (none, if it was still validating) in its output and error files.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Final, Protocol, cast

import attrs

from ._checks import check_request
from ._faults import Fault, StatusFault
from ._http import ApiError, Incoming, Reply, Route, ServerContext, json_reply
from ._shapes import answer, total

__all__ = ["BatchAPI", "BatchHost"]

MAX_REQUESTS: Final = 50_000
MAX_BYTES: Final = 200 * 1024 * 1024
_DAY: Final = 24 * 3600
# "Without it, batch input files expire after 30 days" (CREATE_FILE's expires_after).
_BATCH_INPUT_SECONDS: Final = 30 * _DAY
_ENDED: Final = frozenset({"completed", "failed", "expired", "cancelled"})


def _generated() -> tuple[ModuleType, ModuleType]:
    """The generated operations and models (imported when the first request arrives)."""
    from openai_images_sdk._generated import models, operations

    return operations, models


def _seconds(policy: object) -> int | None:
    """The ``seconds`` of an expiry policy (``{anchor: created_at, seconds}``), if usable."""
    if not isinstance(policy, Mapping):
        return None
    seconds = cast("Mapping[str, object]", policy).get("seconds")
    return seconds if isinstance(seconds, int) and not isinstance(seconds, bool) else None


class BatchHost(ServerContext, Protocol):
    """What the batch routes use of the server: the route table and the route context."""

    def find_route(self, method: str, path: str) -> tuple[Route, bool] | None: ...


@attrs.define(kw_only=True)
class _File:
    id: str
    filename: str
    purpose: str
    data: bytes
    created_at: int
    expires_at: int | None = None

    def to_json(self) -> dict[str, object]:
        return answer(
            _generated()[1].OpenAIFile,
            {
                "id": self.id,
                "object": "file",
                "bytes": len(self.data),
                "created_at": self.created_at,
                "expires_at": self.expires_at,
                "filename": self.filename,
                "purpose": self.purpose,
                "status": "processed",
            },
        )


@attrs.define(kw_only=True)
class _Batch:
    id: str
    endpoint: str
    input_file_id: str
    metadata: Mapping[str, str] | None
    created_at: int
    started: float
    base_url: str
    output_seconds: int | None = None
    """``output_expires_after.seconds``: the output and error files' lifetime."""
    status: str = "validating"
    times: dict[str, int] = attrs.Factory(dict[str, int])
    counts: dict[str, int] = attrs.Factory(lambda: {"total": 0, "completed": 0, "failed": 0})
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[dict[str, object]] | None = None
    running: bool = False
    lines: list[bytes] | None = None
    """The requests of the input file, once it was checked."""
    next_line: int = 0
    outputs: list[bytes] = attrs.Factory(list[bytes])
    failures: list[bytes] = attrs.Factory(list[bytes])
    usages: list[Mapping[str, object]] = attrs.Factory(list[Mapping[str, object]])
    """The ``usage`` of each response the batch made."""

    def to_json(self) -> dict[str, object]:
        models = _generated()[1]
        payload: dict[str, object] = {
            "id": self.id,
            "object": "batch",
            "endpoint": self.endpoint,
            "errors": {"object": "list", "data": self.errors} if self.errors else None,
            "input_file_id": self.input_file_id,
            "completion_window": "24h",
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "created_at": self.created_at,
            "expires_at": self.created_at + _DAY,
            "request_counts": dict(self.counts),
            "metadata": dict(self.metadata) if self.metadata is not None else None,
        }
        for name in ("in_progress", "finalizing", "completed", "failed", "cancelling", "cancelled"):
            payload[f"{name}_at"] = self.times.get(name)
        if self.status in _ENDED:
            payload["usage"] = total(models.BatchUsage, self.usages)
        return answer(models.Batch, payload)


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


def _error_line(number: int, message: str, code: str = "invalid_request") -> dict[str, object]:
    return {"code": code, "message": message, "param": None, "line": number}


class BatchAPI:
    """The state behind the Files and Batch API routes of one fake server.

    :param batch_seconds: how long after creation a batch starts running (on a poll).
    :param requests_per_poll: how many requests one poll runs (None: all of them, so the
        batch completes on that poll); set it to see batches in progress, or cancelled
        with some results.
    :param max_requests: lines allowed in one input file (the API's 50,000).
    :param max_bytes: bytes allowed in one input file (the API's 200 MB).
    """

    def __init__(
        self,
        host: BatchHost,
        *,
        batch_seconds: float = 0.0,
        requests_per_poll: int | None = None,
        max_requests: int = MAX_REQUESTS,
        max_bytes: int = MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.host = host
        self.batch_seconds = batch_seconds
        self.requests_per_poll = requests_per_poll
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self._clock = clock
        self._lock = threading.Lock()
        self._files: dict[str, _File] = {}
        self._batches: dict[str, _Batch] = {}
        self._line_faults: dict[str, Fault] = {}

    # Test helpers

    def fail_request(self, custom_id: str, fault: StatusFault) -> None:
        """Answer the batch request with this `custom_id` with `fault` instead of running it."""
        with self._lock:
            self._line_faults[custom_id] = fault

    def file_bytes(self, file_id: str) -> bytes:
        """The stored bytes of an uploaded or generated file."""
        with self._lock:
            return self._files[file_id].data

    @property
    def batch_ids(self) -> tuple[str, ...]:
        """Every batch created so far, oldest first."""
        with self._lock:
            return tuple(self._batches)

    def clear(self) -> None:
        """Forget every file, batch and request fault."""
        with self._lock:
            self._files.clear()
            self._batches.clear()
            self._line_faults.clear()

    def routes(self) -> dict[tuple[str, str], tuple[Route, bool]]:
        """The routes to register (all API routes: they need a key and take faults)."""
        table: dict[tuple[str, str], Route] = {
            ("POST", "/v1/files"): self._create_file,
            ("GET", "/v1/files/*"): self._retrieve_file,
            ("DELETE", "/v1/files/*"): self._delete_file,
            ("GET", "/v1/files/*/content"): self._file_content,
            ("POST", "/v1/batches"): self._create_batch,
            ("GET", "/v1/batches"): self._list_batches,
            ("GET", "/v1/batches/*"): self._retrieve_batch,
            ("POST", "/v1/batches/*/cancel"): self._cancel_batch,
        }
        return {key: (route, True) for key, route in table.items()}

    # Files

    @staticmethod
    def _new_file(filename: str, purpose: str, data: bytes, seconds: int | None = None) -> _File:
        created = int(time.time())
        return _File(
            id=_new_id("file"),
            filename=filename,
            purpose=purpose,
            data=data,
            created_at=created,
            expires_at=None if seconds is None else created + seconds,
        )

    def _store(self, filename: str, purpose: str, data: bytes, seconds: int | None = None) -> _File:
        stored = self._new_file(filename, purpose, data, seconds)
        with self._lock:
            self._files[stored.id] = stored
        return stored

    def _file(self, file_id: str) -> _File:
        with self._lock:
            found = self._files.get(file_id)
        if found is None:
            raise ApiError(404, f"No such File object: {file_id}", param="id", code="not_found")
        return found

    def _create_file(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        op = _generated()[0].CREATE_FILE
        params = check_request(op, incoming, validation=ctx.options.validation).params
        upload, purpose = params["file"], str(params["purpose"])
        if not isinstance(upload, tuple):
            raise ApiError(400, "Send one 'file' part as multipart/form-data.", param="file")
        name, data, _content_type = cast("tuple[str | None, bytes, str | None]", upload)
        filename = name or "upload"
        if purpose == "batch" and not filename.endswith(".jsonl"):
            raise ApiError(400, "A batch input file must be a .jsonl file.", param="file")
        if purpose == "batch" and len(data) > self.max_bytes:
            raise ApiError(400, f"A batch input file is at most {self.max_bytes} bytes.")
        seconds = _seconds(params.get("expires_after"))
        if seconds is None and purpose == "batch":
            seconds = _BATCH_INPUT_SECONDS
        return json_reply(self._store(filename, purpose, data, seconds).to_json())

    def _retrieve_file(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        return json_reply(self._file(incoming.path.rsplit("/", 1)[-1]).to_json())

    def _delete_file(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        file_id = self._file(incoming.path.rsplit("/", 1)[-1]).id
        with self._lock:
            self._files.pop(file_id, None)
        return json_reply({"id": file_id, "object": "file", "deleted": True})

    def _file_content(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        stored = self._file(incoming.path.split("/")[-2])
        return Reply(headers={"content-type": "application/octet-stream"}, body=stored.data)

    # Batches

    def _create_batch(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        op = _generated()[0].CREATE_BATCH
        fields = check_request(op, incoming, validation=ctx.options.validation).params
        # The spec lists the images endpoints; the Batch API serves others the fake does not.
        endpoints = op.field("endpoint").known_values
        if fields["endpoint"] not in endpoints:
            raise ApiError(
                400, f"The fake server batches only {', '.join(endpoints)}.", param="endpoint"
            )
        source = self._file(str(fields["input_file_id"]))
        if source.purpose != "batch":
            raise ApiError(400, "The input file must be uploaded with purpose 'batch'.")
        metadata = fields.get("metadata")
        batch = _Batch(
            id=_new_id("batch"),
            endpoint=str(fields["endpoint"]),
            input_file_id=source.id,
            metadata=cast("Mapping[str, str]", metadata) if isinstance(metadata, Mapping) else None,
            created_at=int(time.time()),
            started=self._clock(),
            base_url=incoming.base_url,
            output_seconds=_seconds(fields.get("output_expires_after")),
        )
        with self._lock:
            self._batches[batch.id] = batch
        return json_reply(batch.to_json())

    def _batch(self, batch_id: str) -> _Batch:
        with self._lock:
            found = self._batches.get(batch_id)
        if found is None:
            raise ApiError(404, f"No batch found with id '{batch_id}'.", code="not_found")
        return found

    def _list_batches(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        try:
            limit = int(incoming.query.get("limit", "20"))
        except ValueError:
            raise ApiError(400, "limit must be an integer.", param="limit") from None
        with self._lock:
            newest = list(reversed(self._batches.values()))
        after = incoming.query.get("after")
        if after is not None:
            ids = [b.id for b in newest]
            newest = newest[ids.index(after) + 1 :] if after in ids else []
        page = newest[: max(1, min(limit, 100))]
        return json_reply(
            {
                "object": "list",
                "data": [b.to_json() for b in page],
                "first_id": page[0].id if page else None,
                "last_id": page[-1].id if page else None,
                "has_more": len(newest) > len(page),
            }
        )

    def _retrieve_batch(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        batch = self._batch(incoming.path.rsplit("/", 1)[-1])
        self._advance(batch)
        with self._lock:
            return json_reply(batch.to_json())

    def _cancel_batch(self, incoming: Incoming, ctx: ServerContext) -> Reply:
        batch = self._batch(incoming.path.split("/")[-2])
        with self._lock:
            if batch.status in _ENDED:
                # The API documents only the 200 answer; what it says for an ended batch is
                # not documented. The fake answers 409 conflict (our choice).
                raise ApiError(
                    409, f"Cannot cancel a batch with status {batch.status}.", code="conflict"
                )
            if batch.status != "cancelling":  # cancelling again: the same answer (our choice)
                batch.status = "cancelling"
                batch.times["cancelling"] = int(time.time())
            return json_reply(batch.to_json())

    def _advance(self, batch: _Batch) -> None:
        """Move a polled batch along: validating -> in_progress -> completed (or failed)."""
        with self._lock:
            if batch.running or batch.status in _ENDED:
                return
            if batch.status == "cancelling":  # a cancel took effect: end it with what ran
                self._end(batch, "cancelled")
                return
            if batch.status == "validating":
                batch.status = "in_progress"
                batch.times["in_progress"] = int(time.time())
            if self._clock() - batch.started < self.batch_seconds:
                return
            batch.running = True
            source = self._files.get(batch.input_file_id) if batch.lines is None else None
        try:
            if batch.lines is None and not self._check(batch, source.data if source else b""):
                return
            self._run(batch)
        finally:
            with self._lock:
                batch.running = False

    def _check(self, batch: _Batch, data: bytes) -> bool:
        """Check the input file once; a bad one fails the batch."""
        lines = [(n, line) for n, line in enumerate(data.splitlines(), start=1) if line.strip()]
        problems = self._check_input(batch, lines, len(data))
        with self._lock:
            if problems:
                batch.status, batch.errors = "failed", problems
                batch.times["failed"] = int(time.time())
                return False
            batch.lines = [line for _number, line in lines]
            batch.counts["total"] = len(lines)
        return True

    def _run(self, batch: _Batch) -> None:
        """Run the next requests (stopping when the batch is being cancelled)."""
        assert batch.lines is not None
        for _ in range(self.requests_per_poll or len(batch.lines)):
            with self._lock:
                if batch.status == "cancelling" or batch.next_line >= len(batch.lines):
                    break
                raw = batch.lines[batch.next_line]
                batch.next_line += 1
            request = cast("Mapping[str, Any]", json.loads(raw))
            status, payload = self._answer(batch, request)
            line = {
                "id": _new_id("batch_req"),
                "custom_id": request["custom_id"],
                "response": {
                    "status_code": status,
                    "request_id": f"req_{secrets.token_hex(16)}",
                    "body": payload,
                },
                "error": None,
            }
            encoded = json.dumps(line, separators=(",", ":")).encode() + b"\n"
            used = (
                cast("Mapping[str, object]", payload).get("usage")
                if isinstance(payload, Mapping)
                else None
            )
            with self._lock:
                (batch.outputs if status == 200 else batch.failures).append(encoded)
                batch.counts["completed" if status == 200 else "failed"] += 1
                if status == 200 and isinstance(used, Mapping):
                    batch.usages.append(cast("Mapping[str, object]", used))
        with self._lock:
            if batch.status == "in_progress" and batch.next_line >= len(batch.lines):
                batch.times["finalizing"] = int(time.time())
                self._end(batch, "completed")

    def _result_file(self, batch: _Batch, kind: str, lines: list[bytes]) -> str | None:
        """Store ``{batch id}_{kind}.jsonl`` holding `lines` (lock held); None when empty."""
        if not lines:
            return None
        stored = self._new_file(
            f"{batch.id}_{kind}.jsonl", "batch_output", b"".join(lines), batch.output_seconds
        )
        self._files[stored.id] = stored
        return stored.id

    def _end(self, batch: _Batch, status: str) -> None:
        """End a batch (lock held); its output and error files hold the requests that ran.

        Requests a cancelled batch never ran appear in neither file (the API documents
        only that partial results are in the output file).
        """
        batch.output_file_id = self._result_file(batch, "output", batch.outputs)
        batch.error_file_id = self._result_file(batch, "error", batch.failures)
        batch.outputs, batch.failures = [], []
        batch.times[status] = int(time.time())
        batch.status = status

    def _check_input(
        self, batch: _Batch, lines: list[tuple[int, bytes]], size: int
    ) -> list[dict[str, object]]:
        if not lines:
            return [_error_line(0, "The input file has no requests.", "empty_file")]
        if len(lines) > self.max_requests:
            message = f"The input file has {len(lines)} requests; at most {self.max_requests}."
            return [_error_line(0, message, "too_many_requests")]
        if size > self.max_bytes:
            message = f"The input file has {size} bytes; at most {self.max_bytes}."
            return [_error_line(0, message, "file_too_large")]
        problems: list[dict[str, object]] = []
        seen: set[str] = set()
        for number, raw in lines:
            try:
                request: object = json.loads(raw)
            except ValueError:
                problems.append(_error_line(number, "This line is not valid JSON.", "invalid_json"))
                continue
            if not isinstance(request, Mapping):
                problems.append(_error_line(number, "This line is not a JSON object."))
                continue
            fields = cast("Mapping[str, Any]", request)
            custom_id = fields.get("custom_id")
            if not isinstance(custom_id, str) or not custom_id:
                problems.append(_error_line(number, "Each line needs a custom_id string."))
            elif custom_id in seen:
                problems.append(_error_line(number, f"Duplicate custom_id {custom_id!r}."))
            else:
                seen.add(custom_id)
            if fields.get("method") != "POST":
                problems.append(_error_line(number, "The method must be POST."))
            if fields.get("url") != batch.endpoint:
                problems.append(
                    _error_line(number, f"The url must be the batch's endpoint {batch.endpoint}.")
                )
            if not isinstance(fields.get("body"), Mapping):
                problems.append(_error_line(number, "The body must be a JSON object."))
        return problems[:100]

    def _answer(self, batch: _Batch, request: Mapping[str, Any]) -> tuple[int, object]:
        """One request of a batch through the server's image route: status and JSON body."""
        with self._lock:
            fault = self._line_faults.get(str(request["custom_id"]))
        if isinstance(fault, StatusFault):
            return fault.status, fault.body()
        body = cast("Mapping[str, object]", request["body"])
        if body.get("stream") is True:
            return 400, ApiError(400, "Streaming is not supported in batches.").body()
        found = self.host.find_route("POST", batch.endpoint)
        if found is None:
            return 404, ApiError(404, f"Invalid URL (POST {batch.endpoint}).").body()
        raw = json.dumps(body).encode()
        incoming = Incoming(
            method="POST",
            path=batch.endpoint,
            query={},
            headers={"content-type": "application/json", "content-length": str(len(raw))},
            body_kind="json",
            json=dict(body),
            raw=raw,
            base_url=batch.base_url,
        )
        try:
            reply = found[0](incoming, self.host)
        except ApiError as error:
            return error.status, error.body()
        if reply.events is not None:
            return 400, ApiError(400, "Streaming is not supported in batches.").body()
        return reply.status, json.loads(reply.body)
