"""The base of the generated resource classes: from a method's arguments to `_request`.

A generated method states its parameters once, in its signature, and hands its
`locals()` to `_call`, which picks the operation's fields (by `FieldSpec.python_name`)
and the per-call options out of them. The resource's `mode` says how `_request`
answers; the `with_raw_response` / `with_streaming_response` variants are resources
in another mode, wrapped by `_wrappers` so that their types say so.
"""

from __future__ import annotations

import inspect
import operator
import textwrap
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, Self, TypeVar, cast

import attrs

from ._operation import OperationSpec
from ._types import NOT_GIVEN, RequestOptions, ResponseMode

if TYPE_CHECKING:
    from ._async.transport import AsyncAPIClient
    from ._pagination import AsyncCursorPage, SyncCursorPage
    from ._response import APIResponse, AsyncAPIResponse
    from ._sync.transport import SyncAPIClient

__all__ = ["OPTION_NAMES", "AsyncAPIResource", "SyncAPIResource", "documented", "split_arguments"]

ClientT = TypeVar("ClientT", "SyncAPIClient", "AsyncAPIClient")
F = TypeVar("F", bound=Callable[..., Any])

OPTION_NAMES: Final = tuple(attrs.fields_dict(RequestOptions))
"""The per-call options every generated method takes after the API's own parameters."""
_option_values: Final = cast(
    "Callable[[Mapping[str, object]], tuple[object, ...]]", operator.itemgetter(*OPTION_NAMES)
)
_DEFAULT_OPTION_VALUES: Final = _option_values(attrs.asdict(RequestOptions(), recurse=False))

_DOC_WIDTH: Final = 92


_DEFAULT_OPTIONS: Final = RequestOptions()
_field_names: dict[int, tuple[OperationSpec, tuple[str, ...]]] = {}


def _names(op: OperationSpec) -> tuple[str, ...]:
    """The python names of `op`'s fields, once each, in field order (worked out once)."""
    known = _field_names.get(id(op))
    if known is not None and known[0] is op:  # holding `op` keeps its id from being reused
        return known[1]
    names = tuple(dict.fromkeys(spec.python_name for spec in op.fields))
    _field_names[id(op)] = (op, names)
    return names


def split_arguments(
    op: OperationSpec, arguments: Mapping[str, object]
) -> tuple[dict[str, object], RequestOptions]:
    """A generated method's arguments as `_request` takes them.

    `arguments` is the method's `locals()`: the operation's fields keyed by python name
    (NOT_GIVEN ones are left out of the answer, which keeps the order of `op.fields`), and
    the `RequestOptions`.
    """
    params = {name: value for name in _names(op) if (value := arguments[name]) is not NOT_GIVEN}
    options = _option_values(arguments)
    if options == _DEFAULT_OPTION_VALUES:  # the defaults are None or NOT_GIVEN: same objects
        return params, _DEFAULT_OPTIONS
    return params, RequestOptions(
        **dict(zip(OPTION_NAMES, cast("tuple[Any, ...]", options), strict=True))
    )


def documented(args: Mapping[str, str]) -> Callable[[F], F]:
    """Append an ``Args:`` section (parameter name -> description) to a method's docstring.

    The generated sync and async twins share one table of descriptions, so a parameter
    is described once; `help()` shows the whole text.
    """

    def apply(func: F) -> F:
        lines = [inspect.cleandoc(func.__doc__ or ""), "", "Args:"]
        for name, text in args.items():
            lines += textwrap.wrap(
                f"{name}: {text}",
                _DOC_WIDTH,
                initial_indent="    ",
                subsequent_indent="        ",
                break_on_hyphens=False,
            )
        func.__doc__ = "\n".join(lines)
        return func

    return apply


class _APIResource(Generic[ClientT]):
    """What sync and async resources share: the client and the answering mode."""

    def __init__(self, client: ClientT, mode: ResponseMode = "parsed") -> None:
        self._client: ClientT = client
        self._mode: ResponseMode = mode

    def _in_mode(self, mode: ResponseMode) -> Self:
        """The same resource answering in `mode` (for the raw and streaming variants)."""
        return type(self)(self._client, mode)


class SyncAPIResource(_APIResource["SyncAPIClient"]):
    """The base of the generated sync resources (`Images`, `Files`, `Batches`)."""

    def _call(self, op: OperationSpec, arguments: Mapping[str, object]) -> Any:
        params, options = split_arguments(op, arguments)
        return self._client._request(op, params, options, mode=self._mode)

    def _call_pages(self, op: OperationSpec, arguments: Mapping[str, object]) -> Any:
        """`_call` for a cursor-paged operation: the answer (or what it parses to) is a
        `SyncCursorPage` that fetches the later pages with the same arguments."""
        from ._pagination import CURSOR_PARAM, SyncCursorPage
        from ._response import ResponseContextManager

        parsed = self._in_mode("parsed")

        def page(body: Any) -> SyncCursorPage[Any]:
            return SyncCursorPage(
                body, lambda after: parsed._call_pages(op, {**arguments, CURSOR_PARAM: after})
            )

        result = self._call(op, arguments)
        if self._mode == "parsed":
            return page(result)
        if self._mode == "raw":
            return cast("APIResponse[Any]", result)._parse_into(page)
        manager = cast("ResponseContextManager[APIResponse[Any]]", result)
        return ResponseContextManager(lambda: manager.__enter__()._parse_into(page))


class AsyncAPIResource(_APIResource["AsyncAPIClient"]):
    """The base of the generated async resources (`AsyncImages`, ...)."""

    def _call(self, op: OperationSpec, arguments: Mapping[str, object]) -> Awaitable[Any]:
        """What the generated method awaits: the transport's answer in this mode."""
        params, options = split_arguments(op, arguments)
        return cast("Awaitable[Any]", self._client._request(op, params, options, mode=self._mode))

    def _call_pages(self, op: OperationSpec, arguments: Mapping[str, object]) -> Any:
        """`_call` for a cursor-paged operation: an `AsyncPaginator` (sent when awaited or
        iterated) whose first page fetches the later ones with the same arguments."""
        from ._pagination import CURSOR_PARAM, AsyncCursorPage, AsyncPaginator

        parsed = self._in_mode("parsed")

        def page(body: Any) -> AsyncCursorPage[Any]:
            return AsyncCursorPage(
                body, lambda after: parsed._call_pages(op, {**arguments, CURSOR_PARAM: after})
            )

        async def first() -> Any:
            result = await self._call(op, arguments)
            if self._mode == "parsed":
                return page(result)
            return cast("AsyncAPIResponse[Any]", result)._parse_into(page)

        return AsyncPaginator[Any, Any](first)
