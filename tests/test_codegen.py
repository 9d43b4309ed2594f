"""codegen: golden output of a small fixture spec, spec edits, determinism, --check, drift."""

from __future__ import annotations

import copy
import difflib
import importlib
import inspect
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import anyio
import attrs
import httpx
import pytest
import yaml

from codegen import SpecError, generate_files, main
from codegen._diff import diff_documents
from codegen._diff_package import compare_package, run_probe
from codegen._diff_review import Review
from codegen._render import format_source
from openai_images_sdk._resource import OPTION_NAMES
from openai_images_sdk._response import APIResponse, AsyncAPIResponse
from openai_images_sdk._results import ImageMixin, ImagesResponseMixin
from openai_images_sdk._types import RequestOptions

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "codegen" / "mini"
GOLDEN = MINI / "expected"
GENERATED = REPO / "openai_images_sdk" / "_generated"
UPSTREAM = REPO.parent / "shared" / "upstream" / "openai-openapi.yaml"
PY_FILES = ("__init__.py", "docs.py", "models.py", "operations.py", "resources.py")


def _load_mini() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((MINI / "openapi.yaml").read_text(encoding="utf-8"))
    return spec


def _generate(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> dict[str, str]:
    spec = _load_mini()
    edit(spec)
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir(exist_ok=True)
    (spec_dir / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return generate_files(spec_dir)


def _changes(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    """Added (+) and removed (-) lines per file, leaving out the spec hash."""
    changes: dict[str, list[str]] = {}
    for name in sorted(set(before) | set(after)):
        if name == "SPEC_HASH":
            continue
        lines = [
            line
            for line in difflib.ndiff(
                before.get(name, "").splitlines(), after.get(name, "").splitlines()
            )
            if line[:1] in "+-" and "sha256" not in line and "SPEC_SHA256" not in line
        ]
        if lines:
            changes[name] = lines
    return changes


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


@pytest.fixture(scope="module")
def mini_files() -> dict[str, str]:
    return generate_files(MINI)


# ------------------------------------------------------------------ golden output


def test_mini_spec_matches_golden_files(mini_files: dict[str, str]) -> None:
    if os.environ.get("CODEGEN_UPDATE_GOLDEN") == "1":  # refresh: see docs/updating-spec.md
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir()
        for name, content in mini_files.items():
            (GOLDEN / f"{name}.txt").write_text(content, encoding="utf-8")
    expected = {
        path.name.removesuffix(".txt"): path.read_text(encoding="utf-8")
        for path in GOLDEN.glob("*.txt")
    }
    assert sorted(mini_files) == sorted(expected)
    for name, content in mini_files.items():
        assert content == expected[name], f"{name} differs from its golden copy"


def test_every_generated_file_has_the_header(mini_files: dict[str, str]) -> None:
    spec_hash = mini_files["SPEC_HASH"].strip()
    assert len(spec_hash) == 64
    for name in PY_FILES:
        first, second = mini_files[name].splitlines()[:2]
        assert first.startswith("# Generated from spec/openapi.yaml by `python -m codegen`")
        assert "do not edit" in first
        assert second == f"# spec sha256: {spec_hash}"
    assert mini_files["capabilities.json"] == "{}\n"


def test_adding_an_enum_value_changes_only_that_value(
    tmp_path: Path, mini_files: dict[str, str]
) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _schemas(spec)["Shade"]["enum"].append("dim")

    changes = _changes(mini_files, _generate(tmp_path, edit))
    assert changes == {
        "models.py": [
            '- Shade: TypeAlias = Literal["light", "dark"]',
            '+ Shade: TypeAlias = Literal["light", "dark", "dim"]',
        ],
        # the field, then the same enum where the object fields of two operations use it
        "operations.py": [
            '-             enum=("light", "dark"),',
            '+             enum=("light", "dark", "dim"),',
            '-                     enum=("light", "dark"),',
            '+                     enum=("light", "dark", "dim"),',
            '-                     enum=("light", "dark"),',
            '+                     enum=("light", "dark", "dim"),',
        ],
        "surface.json": ['-    "dark"', '+    "dark",', '+    "dim"'],
    }


def test_adding_a_known_value_to_an_open_set(tmp_path: Path, mini_files: dict[str, str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _schemas(spec)["Size"]["anyOf"][1]["enum"].append("huge")

    changes = _changes(mini_files, _generate(tmp_path, edit))
    assert changes == {
        "models.py": [
            '- Size: TypeAlias = Literal["small", "large"] | str',
            '+ Size: TypeAlias = Literal["small", "large", "huge"] | str',
        ],
        "operations.py": [
            '-             known_values=("small", "large"),',
            '+             known_values=("small", "large", "huge"),',
        ],
        "surface.json": ['-    "large"', '+    "large",', '+    "huge"'],
    }


def test_adding_fields_exposes_them_everywhere(tmp_path: Path, mini_files: dict[str, str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        glow = {"type": "boolean", "description": "Make it glow."}
        _schemas(spec)["DrawRequest"]["properties"]["glow"] = glow
        _schemas(spec)["DrawResponse"]["properties"]["glow"] = glow

    after = _generate(tmp_path, edit)
    changes = _changes(mini_files, after)
    assert sorted(changes) == [
        "docs.py",
        "models.py",
        "operations.py",
        "resources.py",
        "surface.json",
    ]
    assert changes["models.py"] == [
        "+     glow: bool | None = None",
        '+     """Make it glow."""',
    ]
    assert [line for line in changes["operations.py"] if "glow" in line] == [
        '+             name="glow",',
        '+             python_name="glow",',
        '+             description="Make it glow.",',
    ]
    # 4 signatures (3 overloads + implementation) x 2 classes (sync, async), nothing else:
    # the raw and streaming variants wrap the methods, the arguments are collected generically.
    assert changes["resources.py"] == ["+         glow: bool | NotGiven = NOT_GIVEN,"] * 8
    assert changes["docs.py"] == ['+     "glow": "Make it glow.",']


def _with_extra_parameter(spec: dict[str, Any]) -> None:
    request = spec["components"]["schemas"]["CreateImageRequest"]
    request["properties"]["sparkle"] = {
        "anyOf": [{"type": "integer", "minimum": 0, "maximum": 3}, {"type": "null"}],
        "description": "How much the image sparkles, 0 to 3.",
    }


def test_one_new_parameter_changes_at_most_8_lines_of_resources(tmp_path: Path) -> None:
    """The repository's spec plus one parameter on the streaming generate operation."""
    before = generate_files(REPO / "spec")
    spec_dir = tmp_path / "spec"
    shutil.copytree(REPO / "spec", spec_dir)
    spec = yaml.safe_load((spec_dir / "openapi.yaml").read_text(encoding="utf-8"))
    _with_extra_parameter(spec)
    (spec_dir / "openapi.yaml").write_text(
        yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    changes = _changes(before, generate_files(spec_dir))
    resources = changes["resources.py"]
    assert len(resources) <= 8, resources
    assert resources == ["+         sparkle: int | None | NotGiven = NOT_GIVEN,"] * 8
    assert changes["docs.py"] == ['+     "sparkle": "How much the image sparkles, 0 to 3.",']
    assert len(before["resources.py"].splitlines()) <= 1500


def test_generation_is_deterministic_and_formatter_stable() -> None:
    first = generate_files(REPO / "spec")
    second = generate_files(REPO / "spec")
    assert first == second
    for name in PY_FILES:
        assert format_source(first[name], name) == first[name]


# --------------------------------------------------------- the generated code runs


class _Recorder:
    """Stands in for SyncAPIClient/AsyncAPIClient: records what the methods pass."""

    def __init__(self, *, is_async: bool) -> None:
        self.is_async = is_async
        self.calls: list[tuple[object, dict[str, object], RequestOptions, str]] = []

    def _request(self, op: object, params: Any, options: RequestOptions, *, mode: str) -> object:
        self.calls.append((op, dict(params), options, mode))
        if not self.is_async:
            if mode == "raw":  # what the sync transport gives in raw mode
                request = httpx.Request("POST", "http://127.0.0.1/")
                response = httpx.Response(200, request=request)
                return APIResponse(raw=response, parser=lambda _: "raw answer", stream=True)
            return f"{mode} answer"

        async def answer() -> object:
            if mode == "raw":  # what the async transport gives in raw mode
                request = httpx.Request("POST", "http://127.0.0.1/")
                response = httpx.Response(200, request=request)
                return AsyncAPIResponse(raw=response, parser=lambda _: "raw answer", stream=True)
            return f"{mode} answer"

        return answer()


@pytest.fixture
def mini_package(tmp_path: Path, mini_files: dict[str, str]) -> Iterator[str]:
    package = tmp_path / "mini_generated"
    package.mkdir()
    for name, content in mini_files.items():
        (package / name).write_text(content, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield package.name
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m.split(".")[0] == package.name]:
            del sys.modules[module]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_generated_methods_pass_every_argument(mini_package: str, is_async: bool) -> None:
    resources = importlib.import_module(f"{mini_package}.resources")
    operations = importlib.import_module(f"{mini_package}.operations")
    client = _Recorder(is_async=is_async)
    things = (resources.AsyncThings if is_async else resources.Things)(client)

    def call(method: Callable[..., Any], **kwargs: Any) -> object:
        result = method(**kwargs)
        if is_async and not isinstance(result, str):

            async def wait() -> object:
                return await result

            return anyio.run(wait)
        return result

    assert call(things.draw, prompt="a cat", shade=None) == "parsed answer"
    raw: Any = call(things.with_raw_response.draw, prompt="a", stream=True, timeout=3)
    assert raw.parse() == "raw answer"
    answer = call(things.with_streaming_response.upload, file=[{"file_id": "f"}], prompt="p")
    assert answer == "streaming answer"

    (op, params, options, mode), raw_call, streaming_call = client.calls
    assert op is operations.DRAW_THING
    assert mode == "parsed"
    assert params == {"prompt": "a cat", "shade": None}  # what was not given is left out
    assert options == RequestOptions()
    assert raw_call[1]["stream"] is True
    assert raw_call[2] == RequestOptions(timeout=3)
    assert raw_call[3] == "raw"
    assert streaming_call[0] is operations.UPLOAD_THING
    assert streaming_call[1] == {"file": [{"file_id": "f"}], "prompt": "p"}
    assert streaming_call[3] == "streaming"
    assert things.with_raw_response is things.with_raw_response  # built once

    every = {
        name: f"value of {name}"
        for name in inspect.signature(things.draw).parameters
        if name not in OPTION_NAMES
    }
    call(things.draw, **every)
    assert client.calls[-1][1] == every  # every parameter given arrives, in field order
    assert list(client.calls[-1][1]) == [spec.python_name for spec in op.fields]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_variants_wrap_the_main_methods(mini_package: str, is_async: bool) -> None:
    resources = importlib.import_module(f"{mini_package}.resources")
    things = (resources.AsyncThings if is_async else resources.Things)(_Recorder(is_async=is_async))
    for variant in (things.with_raw_response, things.with_streaming_response):
        for name in ("draw", "upload"):
            method, wrapped = getattr(things, name), getattr(variant, name)
            assert wrapped.__name__ == name
            assert wrapped.__doc__ == method.__doc__
            assert inspect.signature(wrapped) == inspect.signature(method)
    doc = inspect.getdoc(things.draw) or ""
    assert doc.startswith(
        "Draw a thing.\n\nAnswers with JSON, or with events when `stream` is true."
    )
    assert "Args:\n    prompt: What to draw.\n    shade: The shade.\n" in doc
    assert "    user: Deprecated. See the API reference." in doc
    assert "Deprecated." in (inspect.getdoc(things.upload) or "")


class _OpenResponse:
    """What an async client's streaming mode gives: an open response to close."""

    closed = False

    async def close(self) -> None:
        self.closed = True


def test_async_streaming_variant_sends_on_entry(mini_package: str) -> None:
    resources = importlib.import_module(f"{mini_package}.resources")
    opened = _OpenResponse()
    calls: list[str] = []

    class Client:
        async def _request(self, op: object, params: Any, options: Any, *, mode: str) -> object:
            calls.append(mode)
            return opened

    manager = resources.AsyncThings(Client()).with_streaming_response.draw(prompt="a")
    assert calls == []

    async def enter() -> None:
        async with manager as response:
            assert response is opened
            assert calls == ["streaming"]
            assert not opened.closed
        assert opened.closed

    anyio.run(enter)


def test_generated_operation_specs(mini_package: str) -> None:
    operations = importlib.import_module(f"{mini_package}.operations")
    models = importlib.import_module(f"{mini_package}.models")
    draw, upload = operations.OPERATIONS
    assert draw.response_type is models.DrawResponse
    assert draw.stream_event_type == models.DrawPartialEvent | models.DrawDoneEvent
    assert draw.field("shade").enum == ("light", "dark")
    assert draw.field("shade").kinds == ("string", "null")
    assert draw.field("size").known_values == ("small", "large")
    assert draw.field("size").enum is None
    assert (draw.field("count").minimum, draw.field("count").maximum) == (1, 4)
    assert draw.field("prompt").max_length == 50
    assert draw.field("user").deprecated
    assert upload.deprecated
    assert upload.bodies == ("multipart", "json")
    files = [f for f in upload.fields if f.python_name == "file"]
    assert [(f.name, f.bodies, f.kinds) for f in files] == [
        ("file", ("multipart",), ("file", "array")),
        ("files", ("json",), ("array",)),
    ]
    assert files[0].multipart_array_name == "file[]"
    assert files[0].max_items == 3
    assert upload.field("options").bodies == ("multipart", "json")
    assert upload.field("options").multipart_style == "brackets"


def test_generated_models_are_frozen_attrs_with_bases(mini_package: str) -> None:
    models = importlib.import_module(f"{mini_package}.models")
    response: Any = models.DrawResponse(created=1)
    assert issubclass(models.DrawResponse, ImagesResponseMixin)
    assert issubclass(models.Item, ImageMixin)
    assert response.items is None
    assert response.size is None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        response.created = 2
    with pytest.raises(TypeError):
        cast(Any, models.DrawResponse)(1)  # keyword-only
    assert not hasattr(response, "__dict__")  # slots
    assert models.OptionsDict.__required_keys__ == frozenset({"name"})
    assert models.RefDict.__optional_keys__ == frozenset({"url", "file_id"})


# -------------------------------------------------------------------- spec rules


def _closed_response_enum(spec: dict[str, Any]) -> None:
    _schemas(spec)["DrawResponse"]["properties"]["shade"] = {"$ref": "#/components/schemas/Shade"}


def _inline_object(spec: dict[str, Any]) -> None:
    meta = {"type": "object", "properties": {"a": {"type": "string"}}}
    _schemas(spec)["Item"]["properties"]["meta"] = meta


def _bad_python_name(spec: dict[str, Any]) -> None:
    _schemas(spec)["DrawRequest"]["properties"]["count"]["x-python-name"] = "not a name"


def _reserved_name(spec: dict[str, Any]) -> None:
    _schemas(spec)["DrawRequest"]["properties"]["timeout"] = {"type": "integer"}


def _no_method(spec: dict[str, Any]) -> None:
    del spec["paths"]["/things/draw"]["post"]["x-python-method"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_closed_response_enum, "DrawResponse.shade: closed value set in a response"),
        (_inline_object, "Item.meta: inline object"),
        (_bad_python_name, "'not a name' is not a Python name"),
        (_reserved_name, "clashes with a per-call option"),
        (_no_method, "missing x-python-method"),
    ],
    ids=["closed-response-enum", "inline-object", "bad-python-name", "reserved-name", "no-method"],
)
def test_spec_rule_violations_are_reported(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(SpecError, match=re.escape(message)):
        _generate(tmp_path, edit)


def test_capabilities_yaml_becomes_json_and_changes_the_hash(
    tmp_path: Path, mini_files: dict[str, str]
) -> None:
    files = _generate(tmp_path, lambda _: None)
    assert _changes(mini_files, files) == {}
    (tmp_path / "spec" / "model-capabilities.yaml").write_text(
        "models:\n  gpt-image-2:\n    retired: 2026-05-12\n    label: Bild ü\n", encoding="utf-8"
    )
    with_table = generate_files(tmp_path / "spec")
    data = {"models": {"gpt-image-2": {"label": "Bild ü", "retired": "2026-05-12"}}}
    assert with_table["capabilities.json"] == (
        json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    )
    assert with_table["SPEC_HASH"] != mini_files["SPEC_HASH"]
    assert "spec/model-capabilities.yaml" in with_table["models.py"].splitlines()[0]


# ---------------------------------------------------------------------- --check


def _copy_generated(tmp_path: Path) -> Path:
    out = tmp_path / "_generated"
    shutil.copytree(GENERATED, out, ignore=shutil.ignore_patterns("__pycache__"))
    return out


def test_check_passes_on_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_check_fails_after_a_hand_edit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _copy_generated(tmp_path)
    assert main(["--check", "--out", str(out)]) == 0
    models = out / "models.py"
    text = models.read_text(encoding="utf-8")
    edited = text.replace("    created: int\n", "    created: float\n", 1)
    assert edited != text
    models.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["--check", "--out", str(out)]) == 1
    report = capsys.readouterr()
    assert "-    created: float\n" in report.out
    assert "+    created: int\n" in report.out
    assert "is stale" in report.err


@pytest.mark.parametrize("change", ["extra", "missing"])
def test_check_fails_on_extra_or_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    out = _copy_generated(tmp_path)
    if change == "extra":
        (out / "notes.py").write_text("", encoding="utf-8")
    else:
        (out / "SPEC_HASH").unlink()
    assert main(["--check", "--out", str(out)]) == 1
    expected = (
        "_generated/notes.py: not generated by codegen"
        if change == "extra"
        else "+++ _generated/SPEC_HASH"
    )
    assert expected in capsys.readouterr().out


def test_writing_restores_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "_generated"
    assert main(["--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(generate_files(REPO / "spec"))
    (out / "models.py").write_text("# edited\n", encoding="utf-8")
    (out / "stray.txt").write_text("x", encoding="utf-8")
    assert main(["--out", str(out)]) == 0
    assert "models.py, stray.txt" in capsys.readouterr().err
    assert main(["--check", "--out", str(out)]) == 0


def test_cli_reports_spec_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--spec-dir", str(tmp_path), "--check"]) == 2
    assert "no openapi.yaml" in capsys.readouterr().err


# ---------------------------------------------------------------- diff-upstream


def _diff_lines(upstream: dict[str, Any], spec: dict[str, Any]) -> list[str]:
    return [line for _, lines in diff_documents(upstream, spec, prefix="/things") for line in lines]


def test_diff_of_identical_documents_is_empty() -> None:
    assert _diff_lines(_load_mini(), _load_mini()) == []


def test_diff_finds_each_kind_of_difference() -> None:
    spec = _load_mini()
    upstream = copy.deepcopy(spec)
    request = _schemas(upstream)["DrawRequest"]
    del request["properties"]["options"]
    request["properties"]["extra"] = {"type": "string"}
    request["properties"]["count"]["maximum"] = 8
    request["properties"]["prompt"]["type"] = "integer"
    request["required"].append("count")
    request["properties"]["user"].pop("deprecated")
    _schemas(upstream)["Shade"]["enum"] = ["light", "grey"]
    _schemas(upstream)["DrawResponse"]["properties"]["size"] = {"type": "string", "enum": ["small"]}
    del upstream["paths"]["/things/upload"]
    upstream["paths"]["/things/erase"] = {"post": {"operationId": "eraseThing"}}
    lines = _diff_lines(upstream, spec)
    for expected in [
        "only in spec/: operation POST /things/upload",
        "only in upstream: operation POST /things/erase",
        "only in spec/: DrawRequest.options",
        "only in upstream: DrawRequest.extra",
        "DrawRequest.count: maximum spec/ 4, upstream 8",
        "DrawRequest.count: required in upstream only",
        "DrawRequest.prompt: type spec/ string, upstream integer",
        "DrawRequest.user: deprecated in spec/ only",
        "DrawRequest.shade: values only in spec/: dark",
        "DrawRequest.shade: values only in upstream: grey",
        "DrawResponse.size: values only in spec/: large",
        "DrawResponse.size: value set open in spec/, closed upstream",
    ]:
        assert expected in lines


def test_diff_treats_nullable_keyword_like_a_null_type() -> None:
    spec = _load_mini()
    upstream = copy.deepcopy(spec)
    _schemas(upstream)["DrawRequest"]["properties"]["shade"] = {
        "$ref": "#/components/schemas/Shade",
        "nullable": True,
    }
    assert _diff_lines(upstream, spec) == []


@pytest.mark.skipif(not UPSTREAM.is_file(), reason="no upstream document next to the repository")
def test_diff_upstream_against_the_upstream_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff-upstream", str(UPSTREAM)]) == 0, capsys.readouterr().out
    report = capsys.readouterr().out
    for expected in [
        "POST /images/generations (createImage)",
        "  = only in spec/: CreateImageRequest.complexity",
        "  = CreateImageRequest.quality: values only in spec/: xhigh, max",
        "  = only in spec/: CreateImageEditRequest.markup",
        "  = ImagesResponse.size: value set open in spec/, closed upstream",
        "POST /images/variations (createImageVariation)",
        "  = operation deprecated in spec/ only",
        # the files and batches paths are compared too
        "POST /files (createFile)",
        "GET /files/{file_id}/content (downloadFile)",
        "  = only in upstream: response 200 application/json",
        "  = Batch.status: value set open in spec/, closed upstream",
    ]:
        assert expected in report.splitlines()
    assert report.splitlines()[-1].endswith(" 0 not reviewed, 0 stale review entries.")
    assert main(["diff-upstream", str(UPSTREAM), "--fail-on-diff"]) == 1


def _spec_copy(tmp_path: Path) -> Path:
    spec_dir = tmp_path / "spec"
    shutil.copytree(REPO / "spec", spec_dir)
    return spec_dir


def test_diff_compares_every_path_and_fails_on_an_unreviewed_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_dir = _spec_copy(tmp_path)
    spec = _load_mini()
    upstream = copy.deepcopy(spec)
    _schemas(upstream)["DrawRequest"]["properties"]["count"]["default"] = 2
    _schemas(upstream)["DrawRequest"]["properties"]["stream"] = {"type": "boolean"}
    (spec_dir / "openapi.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    (spec_dir / "upstream-differences.yaml").write_text(
        yaml.safe_dump(
            {
                "document": [
                    {
                        "section": "POST /things/draw (drawThing)",
                        "difference": "DrawRequest.count: default spec/ 1, upstream 2",
                        "reason": "a planted, reviewed difference",
                    },
                    {"section": "Gone", "difference": "no longer there", "reason": "stale"},
                ]
            }
        ),
        encoding="utf-8",
    )
    up_file = tmp_path / "upstream.yaml"
    up_file.write_text(yaml.safe_dump(upstream), encoding="utf-8")
    assert main(["--spec-dir", str(spec_dir), "diff-upstream", str(up_file)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "  = DrawRequest.count: default spec/ 1, upstream 2" in lines
    assert "  ! DrawRequest.stream: type spec/ boolean|null, upstream boolean" in lines
    assert "stale review entry (no longer a difference): Gone: no longer there" in lines
    assert lines[-1] == "2 differences, 1 not reviewed, 1 stale review entry."


def test_a_review_entry_needs_a_reason(tmp_path: Path) -> None:
    spec_dir = _spec_copy(tmp_path)
    (spec_dir / "upstream-differences.yaml").write_text(
        "document:\n  - {section: S, difference: D, reason: ''}\n", encoding="utf-8"
    )
    with pytest.raises(SpecError, match="needs a reason"):
        Review.load(spec_dir, "document")


FAKE_PACKAGE = {
    "__init__.py": '__version__ = "9.9.9"\n',
    "params.py": """
from __future__ import annotations

from typing import Literal, Optional, Union

from typing_extensions import Required, TypedDict


class DrawParams(TypedDict, total=False):
    prompt: Required[str]
    shade: Optional[Literal["light", "dark", "grey"]]
    size: Literal["small", "large"]
    count: int
    stream: Optional[bool]
    user: str
    colour: str
""",
    "events.py": """
from __future__ import annotations

from typing import Annotated, Literal, Union

from typing_extensions import Required, TypedDict


class DrawPartial(TypedDict, total=False):
    type: Required[Literal["draw.partial"]]
    index: Required[int]


class DrawDone(TypedDict, total=False):
    type: Required[Literal["draw.done"]]
    data: Required[str]
    shade: str


class DrawFailed(TypedDict, total=False):
    type: Required[Literal["draw.failed"]]


DrawStreamEvent = Annotated[Union[DrawPartial, DrawDone, DrawFailed], "discriminated by type"]
""",
}


def test_package_drift_reports_a_planted_difference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site" / "fakepkg"
    package.mkdir(parents=True)
    for name, text in FAKE_PACKAGE.items():
        (package / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "site"))
    roots = {
        "DrawRequest": "fakepkg.params:DrawParams",
        "DrawStreamEvent": "fakepkg.events:DrawStreamEvent",
    }
    probed = run_probe(Path(sys.executable), roots)
    assert probed["info"] == {"title": "fakepkg", "version": "9.9.9"}
    sections = compare_package(probed, _load_mini(), roots, "fakepkg")
    lines = [line for _, found in sections for line in found]
    assert "DrawRequest.shade: values only in fakepkg: grey" in lines
    assert "only in fakepkg: DrawRequest.colour" in lines
    assert "only in spec/: DrawRequest.options" in lines
    assert "only in fakepkg: DrawStreamEvent variant fakepkg.events.DrawFailed" in lines
    assert "DrawDoneEvent.shade: known values spec/ [light, dark], fakepkg [none]" in lines
    # limits and deprecation are not types: not compared
    assert not [line for line in lines if "maxLength" in line or "deprecated" in line]


def test_package_drift_of_the_pinned_official_package_is_all_reviewed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    python = REPO / ".tools" / "openai-venv" / "bin" / "python"
    if not python.is_file():
        pytest.skip("no .tools/openai-venv (make check-drift installs it)")
    assert main(["diff-upstream", "--package", "openai", "--python", str(python)]) == 0
    report = capsys.readouterr().out
    assert "openai 3.57.0" in report
    assert report.splitlines()[-1].endswith(" 0 not reviewed, 0 stale review entries.")


# ------------------------------------------- URL parameters, binary answers, maps


def _add_boxes(spec: dict[str, Any]) -> None:
    """A second resource: path and query parameters, a bytes answer, a map, no capability key."""
    spec["tags"].append(
        {"name": "Boxes", "description": "Store boxes.", "x-python-resource": "boxes"}
    )
    box_id = {"in": "path", "name": "box_id", "required": True, "schema": {"type": "string"}}
    box_ref = {"$ref": "#/components/schemas/Box"}
    spec["paths"]["/boxes/{box_id}"] = {
        "get": {
            "operationId": "getBox",
            "x-python-method": "retrieve",
            "x-python-resource": "boxes",
            "parameters": [
                box_id,
                {
                    "in": "query",
                    "name": "depth",
                    "description": "How deep.",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 3},
                },
            ],
            "responses": {
                "200": {
                    "description": "A box.",
                    "content": {"application/json": {"schema": box_ref}},
                }
            },
        }
    }
    spec["paths"]["/boxes/{box_id}/content"] = {
        "get": {
            "operationId": "getBoxContent",
            "x-python-method": "content",
            "x-python-resource": "boxes",
            "parameters": [box_id],
            "responses": {
                "200": {
                    "description": "Bytes.",
                    "content": {
                        "application/octet-stream": {
                            "schema": {"type": "string", "format": "binary"}
                        }
                    },
                }
            },
        }
    }
    schemas = _schemas(spec)
    schemas["Labels"] = {
        "type": "object",
        "description": "Free labels.",
        "additionalProperties": {"type": "string"},
    }
    schemas["Box"] = {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "labels": {"anyOf": [{"$ref": "#/components/schemas/Labels"}, {"type": "null"}]},
        },
    }


def test_url_parameters_binary_answers_and_maps(tmp_path: Path, mini_files: dict[str, str]) -> None:
    files = _generate(tmp_path, _add_boxes)
    changes = _changes(mini_files, files)
    removed = [line for lines in changes.values() for line in lines if line.startswith("-")]
    # Only import lists and the clients' list of resource names grew.
    assert all("import" in line or "RESOURCE_NAMES" in line for line in removed), removed
    assert "+     def boxes(self) -> Boxes:" in changes["resources.py"]
    assert "+ Labels: TypeAlias = dict[str, str]" in changes["models.py"]
    assert "+     labels: Labels | None = None" in changes["models.py"]
    package = tmp_path / "boxes_generated"
    package.mkdir()
    for name, content in files.items():
        (package / name).write_text(content, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        operations = importlib.import_module("boxes_generated.operations")
        resources = importlib.import_module("boxes_generated.resources")
        retrieve, content = operations.GET_BOX, operations.GET_BOX_CONTENT
        assert (retrieve.bodies, retrieve.capability_key, retrieve.path) == (
            (),
            "",
            "/boxes/{box_id}",
        )
        assert [(f.name, f.bodies, f.required, f.kinds) for f in retrieve.fields] == [
            ("box_id", (), True, ("string",)),
            ("depth", (), False, ("integer",)),
        ]
        assert (retrieve.field("depth").minimum, retrieve.field("depth").maximum) == (1, 3)
        assert content.response_type is bytes
        client = _Recorder(is_async=False)
        boxes = resources.Boxes(client)
        assert boxes.retrieve(box_id="b1", depth=2) == "parsed answer"
        assert boxes.with_raw_response.content(box_id="b2").parse() == "raw answer"
        assert client.calls[0][1] == {"box_id": "b1", "depth": 2}
        assert client.calls[1][1] == {"box_id": "b2"}
        assert "depth: How deep." in (resources.Boxes.retrieve.__doc__ or "")
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m.split(".")[0] == "boxes_generated"]:
            del sys.modules[module]


def _param_in_header(spec: dict[str, Any]) -> None:
    _add_boxes(spec)
    spec["paths"]["/boxes/{box_id}"]["get"]["parameters"][1]["in"] = "header"


def _path_param_not_in_path(spec: dict[str, Any]) -> None:
    _add_boxes(spec)
    spec["paths"]["/boxes/{box_id}"]["get"]["parameters"][0]["name"] = "other"


def _params_with_a_body(spec: dict[str, Any]) -> None:
    _add_boxes(spec)
    draw = spec["paths"]["/things/draw"]["post"]
    draw["parameters"] = [{"in": "query", "name": "fast", "schema": {"type": "boolean"}}]


def _text_answer(spec: dict[str, Any]) -> None:
    _add_boxes(spec)
    content = spec["paths"]["/boxes/{box_id}/content"]["get"]["responses"]["200"]["content"]
    content["application/octet-stream"]["schema"] = {"type": "string"}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_param_in_header, "only path and query"),
        (_path_param_not_in_path, "must be required and in the path"),
        (_params_with_a_body, "path or query parameters with a request body"),
        (_text_answer, "binary string schema"),
    ],
    ids=["header", "not-in-path", "with-body", "text-answer"],
)
def test_url_parameter_rules(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(SpecError, match=re.escape(message)):
        _generate(tmp_path, edit)


# ------------------------------------------------------------------ cursor pages


def _add_pages(spec: dict[str, Any]) -> None:
    """A list of things marked ``x-pagination: cursor``."""
    spec["paths"]["/things"] = {
        "get": {
            "operationId": "listThings",
            "summary": "List things.",
            "x-python-method": "list",
            "x-python-resource": "things",
            "x-pagination": "cursor",
            "parameters": [
                {"in": "query", "name": "after", "schema": {"type": "string"}},
                {"in": "query", "name": "limit", "schema": {"type": "integer"}},
            ],
            "responses": {
                "200": {
                    "description": "A page.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ThingList"}}
                    },
                }
            },
        }
    }
    schemas = _schemas(spec)
    schemas["Thing"] = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}},
    }
    schemas["ThingList"] = {
        "type": "object",
        "required": ["data", "has_more"],
        "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
            "has_more": {"type": "boolean"},
        },
    }


class _Pages(_Recorder):
    """A sync client that answers each request with the next of `pages`."""

    def __init__(self, pages: list[object]) -> None:
        super().__init__(is_async=False)
        self.pages = pages

    def _request(self, op: object, params: Any, options: RequestOptions, *, mode: str) -> object:
        self.calls.append((op, dict(params), options, mode))
        return self.pages.pop(0)


def test_cursor_paged_list(tmp_path: Path, mini_files: dict[str, str]) -> None:
    files = _generate(tmp_path, _add_pages)
    added = [line for line in _changes(mini_files, files)["resources.py"] if line[0] == "+"]
    assert "+     ) -> SyncCursorPage[Thing]:" in added
    assert (
        '+         return cast("SyncCursorPage[Thing]", self._call_pages(LIST_THINGS, locals()))'
        in added
    )
    assert "+     ) -> AsyncPaginator[Thing, AsyncCursorPage[Thing]]:" in added
    assert "+     async def list(" not in added, "the async list gives a paginator, unawaited"
    package = tmp_path / "paged_generated"
    package.mkdir()
    for name, content in files.items():
        (package / name).write_text(content, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        models = importlib.import_module("paged_generated.models")
        resources = importlib.import_module("paged_generated.resources")
        pages = [
            models.ThingList(data=[models.Thing(id="t1"), models.Thing(id="t2")], has_more=True),
            models.ThingList(data=[models.Thing(id="t3")], has_more=False),
        ]
        client = _Pages(pages)
        listed = resources.Things(client).list(limit=2)
        assert [thing.id for thing in listed] == ["t1", "t2", "t3"]
        assert [call[1] for call in client.calls] == [
            {"limit": 2},
            {"after": "t2", "limit": 2},
        ]
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m.split(".")[0] == "paged_generated"]:
            del sys.modules[module]


def _offset_pages(spec: dict[str, Any]) -> None:
    _add_pages(spec)
    spec["paths"]["/things"]["get"]["x-pagination"] = "offset"


def _pages_without_after(spec: dict[str, Any]) -> None:
    _add_pages(spec)
    spec["paths"]["/things"]["get"]["parameters"].pop(0)


def _pages_of_items_without_id(spec: dict[str, Any]) -> None:
    _add_pages(spec)
    _schemas(spec)["Thing"]["properties"] = {"name": {"type": "string"}}
    _schemas(spec)["Thing"]["required"] = ["name"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_offset_pages, "x-pagination 'offset' is not 'cursor'"),
        (_pages_without_after, "needs a query parameter `after`"),
        (_pages_of_items_without_id, "items that have an `id`"),
    ],
    ids=["offset", "no-after", "no-id"],
)
def test_cursor_page_rules(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(SpecError, match=re.escape(message)):
        _generate(tmp_path, edit)


# ------------------------------------------------------- public-surface summary


def test_codegen_prints_the_public_surface_changes_for_the_changelog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_dir = tmp_path / "spec"
    out = tmp_path / "generated"
    shutil.copytree(MINI, spec_dir, ignore=shutil.ignore_patterns("expected"))
    args = ["--spec-dir", str(spec_dir), "--out", str(out), "--readme", str(tmp_path / "none")]
    assert main(args) == 0
    assert capsys.readouterr().out == ""  # a first run has nothing to compare with
    spec = _load_mini()
    _schemas(spec)["Shade"]["enum"] = ["light", "dim"]
    _schemas(spec)["DrawRequest"]["properties"]["glow"] = {"type": "boolean"}
    _schemas(spec)["DrawRequest"]["properties"]["count"] = {"type": "string"}
    (spec_dir / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), "utf-8")
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Public-surface changes (for CHANGELOG.md):"
    assert "### Added" in lines
    assert "- `things.draw` now takes the parameter `glow`: `bool`." in lines
    assert "- `DrawRequestDict` now takes the field `glow`: `boolean`." not in lines
    assert "- `Shade` now takes `dim`." in lines
    assert "### Changed" in lines
    assert "- `things.draw` parameter `count` is now `str` (was `int`)." in lines
    assert "### Removed" in lines
    assert "- `dark` from `Shade`." in lines
    assert main(args) == 0
    assert capsys.readouterr().out == "No public-surface changes.\n"
