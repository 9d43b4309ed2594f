"""bulk records: readers (JSONL, CSV, lines, stdin), templates, and record -> request."""

from __future__ import annotations

import io
import sys
import threading
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO, Any, cast

import anyio
import pytest

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk.bulk import (
    BadRecord,
    PlanFailure,
    PlannedRequest,
    PromptTemplate,
    RequestPlanner,
    TemplateFieldError,
    count_records,
    read_records,
)
from openai_images_sdk.bulk._plan import file_stem
from openai_images_sdk.bulk._records import aiter_records, detect_format
from openai_images_sdk.bulk._template import default_prompt

# ---------------------------------------------------------------------------- readers


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"title": "mug"}\n\n[1, 2]\n{"title": \n{"title": "cup", "n": 2}\n')
    records = list(read_records(path))
    assert records[0] == {"title": "mug"}
    assert records[1] == BadRecord(line=3, error="not a JSON object (a list)", text="[1, 2]")
    bad = records[2]
    assert isinstance(bad, BadRecord)
    assert bad.line == 4
    assert bad.error.startswith("not valid JSON")
    assert records[3] == {"title": "cup", "n": 2}
    assert len(records) == 4


def test_csv_records(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('title,size,note\nmug,256x256,"a, b"\n,,\ncup,,x,extra\nbowl,,\n')
    records = list(read_records(path))
    assert records[0] == {"title": "mug", "size": "256x256", "note": "a, b"}
    assert isinstance(records[1], BadRecord)
    assert records[1].line == 3  # the blank row (2) is skipped, the row with 4 cells is bad
    assert records[2] == {"title": "bowl", "size": "", "note": ""}
    assert len(records) == 3


def test_plain_lines_become_prompts(tmp_path: Path) -> None:
    path = tmp_path / "prompts.txt"
    path.write_text("a red fox\n\n  a blue whale  \n")
    assert list(read_records(path)) == [{"prompt": "a red fox"}, {"prompt": "a blue whale"}]


def test_format_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "in.data"
    path.write_text('{"title": "x"}\n')
    assert detect_format(path) == "lines"
    assert list(read_records(path)) == [{"prompt": '{"title": "x"}'}]
    assert list(read_records(path, format="jsonl")) == [{"title": "x"}]
    with pytest.raises(ValidationError, match="format: must be one of jsonl, csv, lines"):
        list(read_records(path, format="xml"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}\n{"a": 2}\n', [{"a": 1}, {"a": 2}]),
        ("first prompt\nsecond\n", [{"prompt": "first prompt"}, {"prompt": "second"}]),
    ],
    ids=["jsonl", "lines"],
)
def test_stdin_format_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: list[dict[str, Any]]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert list(read_records("-")) == expected
    assert list(read_records(io.StringIO(text))) == expected


def test_readers_stream_without_reading_ahead() -> None:
    """A reader yields a record as soon as its line has arrived."""

    class Lines:
        given = 0

        def __iter__(self) -> Iterator[str]:
            for line in ('{"a": 1}\n', '{"a": 2}\n', '{"a": 3}\n'):
                self.given += 1
                yield line

    stream = Lines()
    records = read_records(cast("IO[str]", stream), format="jsonl")
    assert next(records) == {"a": 1}
    assert stream.given == 1
    assert list(records) == [{"a": 2}, {"a": 3}]


def test_count_records(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"a": 1}\n\n{"a": 2}\n')
    (tmp_path / "b.csv").write_text("x\n1\n2\n3\n")
    assert count_records(tmp_path / "a.jsonl") == 2
    assert count_records(tmp_path / "b.csv") == 3
    assert count_records("-") is None
    assert count_records(tmp_path / "missing.txt") is None


@pytest.mark.anyio
async def test_aiter_records_takes_every_kind_of_source() -> None:
    async def agen() -> AsyncIterator[dict[str, object]]:
        for i in range(3):
            yield {"i": i}

    def gen() -> Iterator[dict[str, object]]:
        for i in range(3):
            yield {"i": i}

    for source in ([{"i": 0}, {"i": 1}, {"i": 2}], gen(), agen()):
        assert [r async for r in aiter_records(source)] == [{"i": i} for i in range(3)]


@pytest.mark.anyio
async def test_a_slow_sync_source_does_not_block_the_event_loop() -> None:
    release = threading.Event()

    def slow() -> Iterator[dict[str, object]]:
        release.wait(10)
        yield {"i": 0}

    ticks = 0
    got: list[object] = []

    async def read() -> None:
        async for record in aiter_records(slow()):
            got.append(record)

    async with anyio.create_task_group() as group:
        group.start_soon(read)
        for _ in range(5):
            await anyio.sleep(0.01)
            ticks += 1  # the loop keeps running while the source blocks
        release.set()
    assert ticks == 5
    assert got == [{"i": 0}]


# -------------------------------------------------------------------------- templates


def test_template_fills_fields_with_format_specs() -> None:
    template = PromptTemplate.parse("{title} at {price:.2f} on {bg}")
    assert template.fields == ("title", "price", "bg")
    assert template.render({"title": "mug", "price": 3.5, "bg": "white", "x": 1}) == (
        "mug at 3.50 on white"
    )


def test_template_names_the_missing_field() -> None:
    template = PromptTemplate.parse("{title} on {background}")
    with pytest.raises(TemplateFieldError) as caught:
        template.render({"title": "mug", "colour": "red"})
    assert caught.value.field == "background"
    message = str(caught.value)
    assert "'background'" in message
    assert "colour, title" in message


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("{title", "malformed"),
        ("{} on white", "must be named"),
        ("{0}", "must be named"),
        ("{a.__class__}", "not attributes"),
        ("{a[0]}", "not attributes"),
        ("plain text", "names no record field"),
        ("{a:{b}}", "nested fields"),
    ],
)
def test_bad_templates_are_refused_up_front(text: str, rule: str) -> None:
    with pytest.raises(ValidationError, match=rule):
        PromptTemplate.parse(text)


def test_default_prompt_is_the_prompt_field_or_the_whole_record() -> None:
    assert default_prompt({"prompt": "a fox", "x": 1}) == "a fox"
    assert default_prompt({"title": "mug", "n": 2}) == '{"title":"mug","n":2}'


# ---------------------------------------------------------------------------- planner


def planned(result: PlannedRequest | PlanFailure) -> PlannedRequest:
    assert isinstance(result, PlannedRequest), result
    return result


def test_template_and_run_wide_params() -> None:
    planner = RequestPlanner(prompt="{title} on white", params={"model": "gpt-image-2"})
    request = planned(planner.plan({"title": "mug", "colour": "red"}))
    assert request.operation == "generate"
    assert request.params == {"prompt": "mug on white", "model": "gpt-image-2"}
    assert request.images == 1


def test_fields_named_like_parameters_override_and_csv_strings_are_typed() -> None:
    planner = RequestPlanner(prompt="{title}", params={"size": "1024x1024", "n": 1})
    request = planned(
        planner.plan({"title": "mug", "size": "256x256", "n": "3", "quality": "", "svg": None})
    )
    assert request.params == {"prompt": "mug", "size": "256x256", "n": 3}
    assert request.images == 3


def test_a_params_object_overrides_everything() -> None:
    planner = RequestPlanner(prompt="{title}", params={"quality": "low"})
    request = planned(
        planner.plan(
            {"title": "mug", "quality": "medium", "params": {"quality": "high", "prompt": "own"}}
        )
    )
    assert request.params == {"prompt": "own", "quality": "high"}


def test_the_prompt_field_is_data_when_a_template_is_given() -> None:
    planner = RequestPlanner(prompt="{prompt}, watercolour")
    assert planned(planner.plan({"prompt": "a fox"})).params == {"prompt": "a fox, watercolour"}
    no_template = RequestPlanner()
    assert planned(no_template.plan({"prompt": "a fox"})).params == {"prompt": "a fox"}


@pytest.mark.parametrize(
    ("record", "param", "rule"),
    [
        ({"title": "x", "n": "two"}, "n", "cannot read 'two'"),
        ({"title": "x", "params": {"colour": "red"}}, "colour", "not a parameter of images"),
        ({"title": "x", "params": {"stream": True}}, "stream", "no streaming"),
        ({"title": "x", "params": "size=1"}, "params", "must be an object"),
        ({"size": "1"}, "prompt", "needs the field 'title'"),
    ],
)
def test_bad_records_fail_alone(record: dict[str, object], param: str, rule: str) -> None:
    result = RequestPlanner(prompt="{title}").plan(record)
    assert isinstance(result, PlanFailure)
    assert result.error.violations[0].param == param
    assert rule in str(result.error)
    assert result.key.startswith("record-")


def test_bad_run_wide_params_are_refused_up_front() -> None:
    with pytest.raises(ValidationError) as caught:
        RequestPlanner(params={"colour": "red", "stream": True, "prompt": "x"})
    assert caught.value.params == ("colour", "stream", "prompt")


def test_records_with_images_are_edits_with_paths_resolved(tmp_path: Path) -> None:
    planner = RequestPlanner(prompt="{title}", base_dir=tmp_path)
    request = planned(
        planner.plan(
            {
                "title": "sofa",
                "images": ["a.png", "/abs/b.png", "https://example.com/c.png"],
                "mask": "m.png",
            }
        )
    )
    assert request.operation == "edit"
    assert request.params["image"] == [
        tmp_path / "a.png",
        Path("/abs/b.png"),
        "https://example.com/c.png",
    ]
    assert request.params["mask"] == tmp_path / "m.png"
    run_wide = RequestPlanner(prompt="{title}", params={"image": "base.png"})
    assert planned(run_wide.plan({"title": "x"})).operation == "edit"
    csv_list = planned(planner.plan({"title": "x", "image": '["a.png", "b.png"]'}))
    assert csv_list.params["image"] == [tmp_path / "a.png", tmp_path / "b.png"]


def test_keys_are_the_id_or_a_hash_of_the_request() -> None:
    planner = RequestPlanner(prompt="{title}")
    assert planned(planner.plan({"id": "sku-1", "title": "mug"})).key == "sku-1"
    first = planned(planner.plan({"title": "mug", "unused": 1})).key
    assert first == planned(planner.plan({"title": "mug", "unused": 2})).key  # same request
    assert first != planned(planner.plan({"title": "cup"})).key
    other_template = RequestPlanner(prompt="{title}!")
    assert first != planned(other_template.plan({"title": "mug"})).key
    assert planner.plan(BadRecord(line=7, error="bad")).key == "line-7"


def test_file_stems_are_safe() -> None:
    assert file_stem("sku-1.a_b") == "sku-1.a_b"
    for key in ("../etc/passwd", "a b/c", "..", "", "é" * 10):
        stem = file_stem(key)
        assert "/" not in stem
        assert stem not in (".", "..", "")
        assert not stem.startswith(".")
    assert file_stem("a b") != file_stem("a-b")


def test_reading_a_large_file_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as handle:
        for i in range(50_000):
            handle.write(f'{{"i": {i}, "title": "a product title of some length"}}\n')
    size = path.stat().st_size
    tracemalloc.start()
    try:
        records = read_records(path)
        assert next(records) == {"i": 0, "title": "a product title of some length"}
        _, peak = tracemalloc.get_traced_memory()
        del records
    finally:
        tracemalloc.stop()
    assert peak < size / 20, (peak, size)
