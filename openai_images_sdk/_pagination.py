"""Cursor pages: list operations marked ``x-pagination: cursor`` in the spec.

Such an operation answers with ``{"data": [...], "has_more": bool, ...}`` and takes an
``after`` parameter: the id of the last item seen. Iterating a page yields its items and
then those of every later page, fetched as needed. The async list method returns an
`AsyncPaginator` without awaiting: ``async for`` over it pages through every item, and
``await`` gives the first page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol, Self, TypeVar, cast

import attrs

__all__ = ["CURSOR_PARAM", "AsyncCursorPage", "AsyncPaginator", "PageInfo", "SyncCursorPage"]

CURSOR_PARAM: Final = "after"
"""The parameter that asks for the items after a given id."""

T = TypeVar("T")


@attrs.frozen
class PageInfo:
    """What asks for the next page: the query parameters to add (``{"after": "batch_9"}``),
    as `next_page_info()` gives it on the official SDK's pages."""

    params: Mapping[str, object]


AsyncPageT = TypeVar("AsyncPageT", bound="AsyncCursorPage[Any]")


class _ListBody(Protocol):
    """The structured answer of a cursor-paged operation."""

    @property
    def data(self) -> list[Any]: ...
    @property
    def has_more(self) -> bool | None: ...


class _CursorPage(Generic[T]):
    """What both page kinds know without I/O."""

    def __init__(self, body: _ListBody, fetch: Callable[[str], Any]) -> None:
        self._body = body
        self._fetch = fetch

    @property
    def data(self) -> list[T]:
        """The items of this page."""
        return cast("list[T]", self._body.data)

    @property
    def has_more(self) -> bool | None:
        """Whether the API says more items follow."""
        return self._body.has_more

    def next_page_after(self) -> str | None:
        """The ``after`` cursor of the next page (the last item's id), or None at the end."""
        info = self.next_page_info()
        if self._body.has_more is False or info is None:
            return None
        return cast("str", info.params[CURSOR_PARAM])

    def next_page_info(self) -> PageInfo | None:
        """The query of the next page (``params={"after": <last id>}``), as in the official
        SDK: None when this page is empty or its last item has no id. Like there, it does
        not look at `has_more`; `has_next_page()` does."""
        if not self._body.data:
            return None
        cursor = getattr(self._body.data[-1], "id", None)
        if not isinstance(cursor, str) or not cursor:
            return None
        return PageInfo({CURSOR_PARAM: cursor})

    def has_next_page(self) -> bool:
        """Whether another page can be fetched."""
        return self.next_page_after() is not None

    def _next_cursor(self) -> str:
        cursor = self.next_page_after()
        if cursor is None:
            raise RuntimeError(
                "No next page: check `.has_next_page()` before calling `.get_next_page()`."
            )
        return cursor

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self.data)} items, has_more={self.has_more}>"

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # Other fields of the list body (first_id, last_id, object) read through, as
            # on the official SDK's pages.
            if name.startswith("_"):
                raise AttributeError(name)
            return getattr(self._body, name)


class SyncCursorPage(_CursorPage[T]):
    """One page of a cursor-paged list (sync); iterating it yields every item from here on."""

    def get_next_page(self) -> Self:
        """The next page (one request); raises `RuntimeError` when there is none."""
        return cast("Self", self._fetch(self._next_cursor()))

    def iter_pages(self) -> Iterator[Self]:
        """This page and each later one, fetched as the loop reaches it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncCursorPage(_CursorPage[T]):
    """One page of a cursor-paged list (async); ``async for`` yields every item from here on."""

    async def get_next_page(self) -> Self:
        """The next page (one request); raises `RuntimeError` when there is none."""
        return cast("Self", await self._fetch(self._next_cursor()))

    async def iter_pages(self) -> AsyncIterator[Self]:
        """This page and each later one, fetched as the loop reaches it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPaginator(Generic[T, AsyncPageT]):
    """What an async list method returns: ``await`` it for the first page, or ``async for``
    over it for every item of every page. Nothing is sent until one of the two."""

    def __init__(self, first_page: Callable[[], Awaitable[AsyncPageT]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, AsyncPageT]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self
        async for item in page:
            yield item
