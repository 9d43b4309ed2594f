"""Cursor pages: `batches.list()` pages through every batch, like the official SDK's pages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import attrs
import pytest
from conftest import Driver

from openai_images_sdk._pagination import (
    AsyncCursorPage,
    AsyncPaginator,
    PageInfo,
    SyncCursorPage,
)
from openai_images_sdk.bulk import PlannedRequest, batch_line
from openai_images_sdk.testing import FakeImagesServer

pytestmark = pytest.mark.anyio

GENERATIONS = "/v1/images/generations"


@pytest.fixture
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer(draw_text=False) as running:
        yield running
        assert running.errors == ()


@pytest.fixture
async def made(driver: Driver, server: FakeImagesServer) -> AsyncIterator[tuple[Any, list[str]]]:
    """A client and the ids of five batches, newest first (the order the list gives)."""
    client = driver.client(base_url=server.base_url, max_retries=0)
    line = batch_line(PlannedRequest(key="a", operation="generate", params={"prompt": "x"}))
    file_id = server.batches._store("in.jsonl", "batch", line).id
    ids = []
    for _ in range(5):
        create = client.batches.create(
            input_file_id=file_id, endpoint=GENERATIONS, completion_window="24h"
        )
        ids.append((await driver.run(create)).id)
    try:
        yield client, ids[::-1]
    finally:
        await driver.close(client)


def list_queries(server: FakeImagesServer) -> list[dict[str, str]]:
    return [dict(r.query) for r in listing(server)]


def listing(server: FakeImagesServer) -> list[Any]:
    """The list requests the server received."""
    return [r for r in server.requests if (r.method, r.path) == ("GET", "/v1/batches")]


async def items(driver: Driver, iterable: Any) -> list[Any]:
    return await driver.collect(iterable)


async def test_iterating_a_list_pages_through_every_item(
    driver: Driver, server: FakeImagesServer, made: tuple[Any, list[str]]
) -> None:
    client, ids = made
    listed = client.batches.list(limit=2, extra_headers={"X-Trace": "t1"})
    if driver.is_async:
        assert isinstance(listed, AsyncPaginator)
        assert list_queries(server) == [], "nothing is sent before `async for` or `await`"
    else:
        assert isinstance(listed, SyncCursorPage)
    assert [batch.id for batch in await items(driver, listed)] == ids
    assert list_queries(server) == [
        {"limit": "2"},
        {"limit": "2", "after": ids[1]},
        {"limit": "2", "after": ids[3]},
    ]
    traced = [r.headers.get("x-trace") for r in listing(server)]
    assert traced == ["t1"] * 3, "later pages keep the call's options"


async def test_page_access(
    driver: Driver, server: FakeImagesServer, made: tuple[Any, list[str]]
) -> None:
    client, ids = made
    page = await driver.run(client.batches.list(limit=2))
    assert isinstance(page, AsyncCursorPage if driver.is_async else SyncCursorPage)
    assert [b.id for b in page.data] == ids[:2]
    assert page.has_more is True
    assert page.has_next_page()
    assert page.next_page_after() == ids[1]
    untyped: Any = page  # the type checkers see only the page's own names, as on the official SDK
    assert untyped.last_id == ids[1], "other fields of the list body read through"
    second = await driver.run(page.get_next_page())
    assert type(second) is type(page)
    assert [b.id for b in second.data] == ids[2:4]
    pages = await driver.collect(page.iter_pages())
    assert [[b.id for b in p.data] for p in pages] == [ids[:2], ids[2:4], ids[4:]]
    last = pages[-1]
    assert (last.has_more, last.has_next_page()) == (False, False)
    with pytest.raises(RuntimeError, match="has_next_page"):
        await driver.run(last.get_next_page())
    assert [b.id for b in await items(driver, second)] == ids[2:], "from this page on"
    assert repr(page) == f"<{type(page).__name__} of 2 items, has_more=True>"


async def test_raw_and_streaming_responses_parse_to_pages(
    driver: Driver, server: FakeImagesServer, made: tuple[Any, list[str]]
) -> None:
    client, ids = made
    raw = await driver.run(client.batches.with_raw_response.list(limit=3))
    assert raw.status_code == 200
    page = raw.parse()
    assert isinstance(page, AsyncCursorPage if driver.is_async else SyncCursorPage)
    assert [b.id for b in await items(driver, page)] == ids
    async with driver.enter(client.batches.with_streaming_response.list(limit=4)) as response:
        streamed = await driver.run(response.parse())
        assert [b.id for b in streamed.data] == ids[:4]
        following = await driver.run(streamed.get_next_page())
    assert [b.id for b in following.data] == ids[4:]
    assert list_queries(server)[-1] == {"limit": "4", "after": ids[3]}


@attrs.frozen
class Item:
    id: str | None


@attrs.frozen
class Body:
    data: list[Item]
    has_more: bool | None


def unreachable(after: str) -> Any:
    raise AssertionError(f"fetched after {after}")


@pytest.mark.parametrize(
    ("body", "after"),
    [
        (Body([Item("a"), Item("b")], None), "b"),
        (Body([Item("a")], True), "a"),
        (Body([Item("a")], False), None),
        (Body([], True), None),
        (Body([Item(None)], True), None),
    ],
    ids=["has-more-missing", "has-more", "no-more", "empty", "no-id"],
)
def test_when_there_is_a_next_page(body: Body, after: str | None) -> None:
    for cls in (SyncCursorPage, AsyncCursorPage):
        page: Any = cls(body, unreachable)
        assert page.next_page_after() == after
        assert page.has_next_page() is (after is not None)


@pytest.mark.parametrize(
    ("body", "info"),
    [
        (Body([Item("a"), Item("b")], None), PageInfo({"after": "b"})),
        (Body([Item("a")], True), PageInfo({"after": "a"})),
        (Body([Item("a")], False), PageInfo({"after": "a"})),
        (Body([], True), None),
        (Body([Item(None)], True), None),
    ],
    ids=["has-more-missing", "has-more", "no-more", "empty", "no-id"],
)
def test_next_page_info_is_the_official_query(body: Body, info: PageInfo | None) -> None:
    """As on the official SDK's cursor page: the last id, whatever `has_more` says."""
    for cls in (SyncCursorPage, AsyncCursorPage):
        page: Any = cls(body, unreachable)
        assert page.next_page_info() == info


def test_private_names_do_not_read_through() -> None:
    page: Any = SyncCursorPage(Body([], False), unreachable)
    with pytest.raises(AttributeError):
        _ = page._missing
    assert list(page) == []
