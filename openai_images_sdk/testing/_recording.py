"""Assertions on what a client sent to the fake server (over a socket or in-process).

sent = SentRequests(server)
sent.assert_sent("/v1/images/edits", fields={"prompt": "add a hat"},
                 files=[("image[]", "cat.png", 1234)])
sent.last.masked_headers()["authorization"]     # 'REDACTED'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from openai_images_sdk._logging import redact_headers
from openai_images_sdk.fake_server._http import RecordedRequest
from openai_images_sdk.fake_server._server import FakeImagesServer

__all__ = ["SentRequests", "masked_headers"]


def masked_headers(request: RecordedRequest) -> dict[str, str]:
    """The request's headers with credentials (``authorization``, ``api-key``, ...) masked."""
    return redact_headers(request.headers)


def _describe(request: RecordedRequest) -> str:
    files = ", ".join(f"{f.field}={f.filename!r} ({f.size} B)" for f in request.files)
    return (
        f"{request.method} {request.path} -> {request.status}; fields {dict(request.fields)!r}"
        + (f"; files {files}" if files else "")
    )


class SentRequests(Sequence[RecordedRequest]):
    """The requests a `FakeImagesServer` received, oldest first, with assertions.

    A live view: it reads ``server.requests`` each time it is used.
    """

    def __init__(self, server: FakeImagesServer) -> None:
        self.server = server

    def _all(self) -> tuple[RecordedRequest, ...]:
        return self.server.requests

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index: int) -> RecordedRequest:  # type: ignore[override]
        return self._all()[index]

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(self._all())

    @property
    def last(self) -> RecordedRequest:
        """The latest request; `AssertionError` when nothing was sent."""
        found = self._all()
        if not found:
            raise AssertionError("the fake server received no request")
        return found[-1]

    def to(self, path: str, *, method: str | None = None) -> list[RecordedRequest]:
        """The requests to `path` (and `method`, when given), oldest first."""
        return [
            r
            for r in self._all()
            if r.path == path and (method is None or r.method == method.upper())
        ]

    def headers(self, index: int = -1) -> dict[str, str]:
        """The headers of one request (the latest by default), credentials masked."""
        return masked_headers(self._all()[index])

    def assert_sent(
        self,
        path: str,
        *,
        method: str = "POST",
        fields: Mapping[str, object] | None = None,
        files: Sequence[tuple[str, str | None, int | None]] | None = None,
        headers: Mapping[str, str] | None = None,
        count: int | None = None,
    ) -> RecordedRequest:
        """Check the latest request to `path` and return it; `AssertionError` says what differs.

        :param fields: must be a subset of the request's fields (JSON body, or the text
            parts of a multipart body, repeated parts as lists).
        :param files: ``(field, filename, size)`` of every file part, in order; None in a
            slot accepts any value.
        :param headers: must be a subset of the headers (names lower-case) after
            credentials are masked (so ``{"authorization": "REDACTED"}`` checks presence).
        :param count: how many requests to `path` there must have been.
        """
        matching = self.to(path, method=method)
        if not matching:
            seen = "; ".join(_describe(r) for r in self._all()) or "nothing"
            raise AssertionError(f"no {method} {path} was sent; the server received: {seen}")
        if count is not None and len(matching) != count:
            raise AssertionError(f"{len(matching)} requests to {path} were sent, not {count}")
        request = matching[-1]
        problems: list[str] = []
        for name, want in (fields or {}).items():
            if name not in request.fields:
                problems.append(f"field {name!r} was not sent")
            elif request.fields[name] != want:
                problems.append(f"field {name!r} was {request.fields[name]!r}, not {want!r}")
        if files is not None:
            got = [(f.field, f.filename, f.size) for f in request.files]
            same = len(got) == len(files) and all(
                all(w is None or w == g for w, g in zip(want, seen, strict=True))
                for want, seen in zip(files, got, strict=True)
            )
            if not same:
                problems.append(f"files were {got!r}, not {list(files)!r}")
        masked = masked_headers(request)
        for name, want in (headers or {}).items():
            value = masked.get(name.lower())
            if value != want:
                problems.append(f"header {name.lower()!r} was {value!r}, not {want!r}")
        if problems:
            raise AssertionError(f"{_describe(request)}: " + "; ".join(problems))
        return request
