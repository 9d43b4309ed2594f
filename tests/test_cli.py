"""The `openai-images` command through its real entry point, against the fake server."""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import pty
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from PIL import Image as PILImage

from openai_images_sdk._generated import operations
from openai_images_sdk.cli import build_parser, main
from openai_images_sdk.cli._params import DEST_PREFIX
from openai_images_sdk.testing import ContentPolicy, FakeImagesServer, StatusFault

PROMPT = "A red fox, at dawn!"
SLUG = "a-red-fox-at-dawn"
GPT2 = ("--model", "gpt-image-2")  # free WIDTHxHEIGHT sizes


@pytest.fixture(scope="module")
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer() as running:
        yield running


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}


def cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "openai_images_sdk", *args],
        capture_output=True,
        text=True,
        env=env if env is not None else clean_env(),
        check=False,
        timeout=120,
        cwd=cwd,
    )


def api(
    server: FakeImagesServer,
    out: Path,
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a command against the module's fake server, writing into `out`."""
    return cli(
        *args,
        "--base-url",
        server.base_url,
        "--api-key",
        "sk-test",
        "--out",
        str(out),
        env=env,
        cwd=cwd,
    )


def summary_of(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.returncode == 0, done.stderr
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def opened_size(path: str | Path) -> tuple[int, int]:
    with PILImage.open(path) as image:
        image.load()
        return image.size


def plain_error(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, done.stderr
    assert errors[0].startswith("openai-images"), done.stderr
    return done.stderr


def png_file(path: Path, size: tuple[int, int], color: str = "red") -> Path:
    PILImage.new("RGB", size, color).save(path, format="PNG")
    return path


# --- success ----------------------------------------------------------------------------


def test_generate_json_summary_and_files(server: FakeImagesServer, tmp_path: Path) -> None:
    done = api(
        server, tmp_path, "generate", PROMPT, "--size", "512x384", "--n", "2", "--json", *GPT2
    )
    summary = summary_of(done)
    assert summary["command"] == "generate"
    assert summary["size"] == "512x384"
    assert summary["request_id"]
    assert summary["usage"]["total_tokens"] > 0
    paths = [image["path"] for image in summary["images"]]
    assert [Path(p).name for p in paths] == [f"{SLUG}.png", f"{SLUG}-1.png"]
    for path in paths:
        assert opened_size(path) == (512, 384)
    assert summary["images"][0]["width"] == 512
    assert done.stderr == ""  # stderr is not a terminal: no progress line


def test_generate_never_overwrites(server: FakeImagesServer, tmp_path: Path) -> None:
    (tmp_path / f"{SLUG}.png").write_bytes(b"precious")
    first = summary_of(api(server, tmp_path, "generate", PROMPT, "--json"))
    second = summary_of(api(server, tmp_path, "generate", PROMPT, "--json"))
    assert Path(first["images"][0]["path"]).name == f"{SLUG}-1.png"
    assert Path(second["images"][0]["path"]).name == f"{SLUG}-2.png"
    assert (tmp_path / f"{SLUG}.png").read_bytes() == b"precious"


def test_generate_human_output(server: FakeImagesServer, tmp_path: Path) -> None:
    done = api(server, tmp_path / "new" / "folder", "generate", PROMPT, "--output-format", "webp")
    assert done.returncode == 0, done.stderr
    saved = tmp_path / "new" / "folder" / f"{SLUG}.webp"
    assert f"image: {saved}" in done.stdout
    assert "request id" in done.stdout
    assert opened_size(saved) == (1024, 1024)


def test_edit_with_two_images_and_a_mask(server: FakeImagesServer, tmp_path: Path) -> None:
    from openai_images_sdk._masks import mask_from_rectangles

    first = png_file(tmp_path / "a.png", (256, 256))
    second = png_file(tmp_path / "b.png", (256, 256), "blue")
    mask = tmp_path / "mask.png"
    mask.write_bytes(mask_from_rectangles(256, 256, (0, 0, 128, 128)))
    done = api(
        server,
        tmp_path / "out",
        "edit",
        "put the blue in the corner",
        "--image",
        str(first),
        "--image",
        str(second),
        "--mask",
        str(mask),
        "--size",
        "1024x1536",
        "--json",
    )
    summary = summary_of(done)
    path = summary["images"][0]["path"]
    assert Path(path).name == "put-the-blue-in-the-corner.png"
    assert opened_size(path) == (1024, 1536)
    sent = server.requests[-1]
    assert [(f.field, f.filename) for f in sent.files] == [
        ("image[]", "a.png"),
        ("image[]", "b.png"),
        ("mask", "mask.png"),
    ]


def test_stream_saves_partial_images(server: FakeImagesServer, tmp_path: Path) -> None:
    done = api(
        server,
        tmp_path,
        "generate",
        PROMPT,
        "--stream",
        "--partial-images",
        "2",
        "--size",
        "256x256",
        "--json",
        *GPT2,
    )
    summary = summary_of(done)
    partials = summary["partial_images"]
    assert [p["index"] for p in partials] == [0, 1]
    assert [Path(p["path"]).name for p in partials] == [
        f"{SLUG}-partial-0.png",
        f"{SLUG}-partial-1.png",
    ]
    for item in [*partials, *summary["images"]]:
        assert opened_size(item["path"]) == (256, 256)
    assert summary["usage"]["total_tokens"] > 0


def test_stream_human_output_lists_partials_as_they_arrive(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    done = api(server, tmp_path, "generate", PROMPT, "--stream", "--partial-images", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("partial image 0: ")
    assert lines[1].startswith("image: ")


def test_variation(server: FakeImagesServer, tmp_path: Path) -> None:
    source = png_file(tmp_path / "My Photo.png", (256, 256))
    strict = api(server, tmp_path / "out", "variation", str(source), "--model", "dall-e-2")
    assert strict.returncode == 2  # dall-e-2 is retired: refused before sending
    assert "retired" in plain_error(strict)
    done = api(
        server,
        tmp_path / "out",
        "variation",
        str(source),
        "--model",
        "dall-e-2",
        "--size",
        "256x256",
        "--validation",
        "warn",
        "--json",
    )
    summary = summary_of(done)
    path = Path(summary["images"][0]["path"])
    assert path.name == "my-photo-variation.png"
    assert opened_size(path) == (256, 256)
    assert "openai-images: warning:" in done.stderr
    assert "Traceback" not in done.stderr


def test_fake_needs_no_key_and_no_server(tmp_path: Path) -> None:
    done = cli(
        "generate", PROMPT, "--fake", "--size", "320x240", "--out", str(tmp_path), "--json", *GPT2
    )
    summary = summary_of(done)
    assert opened_size(summary["images"][0]["path"]) == (320, 240)


def test_object_options_from_the_spec(server: FakeImagesServer, tmp_path: Path) -> None:
    done = api(
        server,
        tmp_path,
        "generate",
        "a compass rose",
        "--output-format",
        "svg",
        "--svg-model",
        "gpt-5",
        "--svg-reasoning-effort",
        "low",
        "--json",
    )
    summary = summary_of(done)
    path = Path(summary["images"][0]["path"])
    assert path.suffix == ".svg"
    assert b"<svg" in path.read_bytes()
    assert server.requests[-1].fields["svg"] == {"model": "gpt-5", "reasoning": {"effort": "low"}}


# --- failures and exit codes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--n", "11"], "n"),
        (["--size", "1000x1001"], "size"),
    ],
)
def test_validation_errors_exit_2(
    server: FakeImagesServer, tmp_path: Path, args: list[str], says: str
) -> None:
    done = api(server, tmp_path, "generate", PROMPT, "--model", "gpt-image-2", *args)
    assert done.returncode == 2
    message = plain_error(done)
    assert "nothing was sent" in message
    assert f"{says}:" in message
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "args",
    [
        ["generate"],  # no prompt
        ["generate", PROMPT, "--quality", "ultra"],
        ["generate", PROMPT, "--n", "two"],
        ["edit", PROMPT],  # no --image
        ["edit", PROMPT, "--image", "/no/such/file.png"],
        ["generate", PROMPT, "--svg", "not json"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2(server: FakeImagesServer, tmp_path: Path, args: list[str]) -> None:
    done = api(server, tmp_path, *args)
    assert done.returncode == 2
    plain_error(done)


def test_environment_variables(server: FakeImagesServer, tmp_path: Path) -> None:
    env = clean_env() | {"OPENAI_API_KEY": "sk-env", "OPENAI_BASE_URL": server.base_url}
    done = cli("generate", PROMPT, "--out", str(tmp_path), "--json", env=env)
    summary = summary_of(done)
    assert Path(summary["images"][0]["path"]).exists()
    assert server.requests[-1].headers["authorization"] == "Bearer sk-env"


def test_missing_key_exits_2(tmp_path: Path) -> None:
    done = cli("generate", PROMPT, "--out", str(tmp_path))
    assert done.returncode == 2
    assert "OPENAI_API_KEY" in plain_error(done)


def test_api_error_exits_1(server: FakeImagesServer, tmp_path: Path) -> None:
    server.enqueue(StatusFault(status=500, message="the fake server fell over"))
    done = api(server, tmp_path, "generate", PROMPT, "--max-retries", "0")
    assert done.returncode == 1
    message = plain_error(done)
    assert "500" in message
    assert "the fake server fell over" in message


def test_content_policy_refusal_exits_1(server: FakeImagesServer, tmp_path: Path) -> None:
    server.enqueue(ContentPolicy(categories=("violence", "gore")))
    done = api(server, tmp_path, "generate", PROMPT)
    assert done.returncode == 1
    message = plain_error(done)
    assert "refused by the content policy (categories: violence, gore)" in message
    assert "request id req_" in message
    assert not list(tmp_path.iterdir())


def read_terminal(leader: int, process: subprocess.Popen[bytes]) -> bytes:
    """Everything the process writes to the terminal `leader`, read as it comes."""
    shown = b""
    deadline = time.monotonic() + 120  # a safety bound, not a timing assertion
    while time.monotonic() < deadline:
        if select.select([leader], [], [], 0.1)[0]:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # Linux reports the closed far side as EIO
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    return shown


def test_progress_on_a_terminal(server: FakeImagesServer, tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "openai_images_sdk", "generate", PROMPT, "--stream"]
    argv += ["--partial-images", "2", "--base-url", server.base_url, "--api-key", "k"]
    argv += ["--out", str(tmp_path)]
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=follower, env=clean_env())
        os.close(follower)
        shown = read_terminal(leader, process)
        out, _ = process.communicate(timeout=120)
    finally:
        os.close(leader)
    assert process.returncode == 0
    text = shown.decode()
    assert "generate: waiting for the images... 0.0s" in text
    assert "2 partial images received" in text
    assert text.endswith("\r\x1b[K")  # the status line is wiped at the end
    assert "partial image 1:" in out.decode()


def test_validation_off_lets_the_server_refuse(server: FakeImagesServer, tmp_path: Path) -> None:
    done = api(server, tmp_path, "generate", PROMPT, "--n", "11", "--validation", "off")
    assert done.returncode == 1
    assert "400" in plain_error(done)
    warned = api(server, tmp_path, "generate", PROMPT, "--n", "11", "--validation", "warn")
    assert warned.returncode == 1  # sent anyway, refused by the server
    assert "openai-images: warning: 1 problem with the request" in warned.stderr


def test_in_process_main_returns_codes(
    server: FakeImagesServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--help"]) == 0
    assert main(["generate", PROMPT, "--quality", "ultra"]) == 2
    capsys.readouterr()
    code = main(
        [
            "generate",
            PROMPT,
            "--base-url",
            server.base_url,
            "--api-key",
            "k",
            "--out",
            str(tmp_path),
            "-q",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / f"{SLUG}.png").exists()


# --- options generated from the spec ----------------------------------------------------


def subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return cast("dict[str, argparse.ArgumentParser]", vars(action)["choices"])
    raise AssertionError("no subcommands")


@pytest.mark.parametrize(
    ("command", "op"),
    [
        ("generate", operations.CREATE_IMAGE),
        ("edit", operations.CREATE_IMAGE_EDIT),
        ("variation", operations.CREATE_IMAGE_VARIATION),
    ],
)
def test_every_spec_field_has_an_option(command: str, op: Any) -> None:
    sub = subparsers()[command]
    dests = {action.dest for action in sub._actions}
    for field in op.fields:
        assert DEST_PREFIX + field.python_name in dests, field.name
    text = " ".join(sub.format_help().split())
    for field in op.fields:
        if field.enum is not None:
            assert str(field.enum[0]) in text
    described: dict[str, str] = {}
    for field in op.fields:  # a parameter's help opens with its first variant's description
        described.setdefault(field.python_name, field.description)
    for name, description in described.items():
        assert " ".join(description.split()[:3]).rstrip(".") in text, name
    # every leaf of an object field (svg.model, svg.reasoning.effort) has its own option
    files = {field.python_name for field in op.fields if "file" in field.kinds}
    for field in op.fields:
        if field.python_name in files:  # image references: FILE|URL|ID, not leaves
            continue
        stack: list[tuple[tuple[str, ...], Any]] = [
            ((field.python_name,), nested) for nested in field.fields
        ]
        while stack:
            path, nested = stack.pop()
            if nested.fields:
                stack += [((*path, nested.name), inner) for inner in nested.fields]
            else:
                assert DEST_PREFIX + ".".join((*path, nested.name)) in dests, path


def test_serve_command(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "openai_images_sdk", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    try:
        url = f"http://127.0.0.1:{port}/v1"
        for _ in range(200):  # bounded: the server usually answers within a second
            try:
                httpx.get(url + "/models", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        done = cli(
            "generate",
            PROMPT,
            "--base-url",
            url,
            "--api-key",
            "k",
            "--out",
            str(tmp_path),
            "--json",
        )
        assert opened_size(summary_of(done)["images"][0]["path"]) == (1024, 1024)
    finally:
        process.terminate()
        process.communicate(timeout=30)


# --- edits by reference (URL, data: URL, Files API id) ---------------------------------


def png_data_url(size: tuple[int, int]) -> str:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "green").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_edit_by_reference_sends_json(server: FakeImagesServer, tmp_path: Path) -> None:
    data_url = png_data_url((64, 64))
    done = api(
        server,
        tmp_path,
        "edit",
        "add a hat",
        "--image",
        "HTTPS://example.com/fox.png",
        "--image",
        data_url,
        "--mask",
        "file-mask42",
        "--json",
    )
    summary = summary_of(done)
    assert opened_size(summary["images"][0]["path"]) == (1024, 1024)
    sent = server.requests[-1]
    assert (sent.path, sent.body_kind, sent.status) == ("/v1/images/edits", "json", 200)
    assert sent.files == ()
    assert sent.fields["images"] == [
        {"image_url": "https://example.com/fox.png"},  # the scheme lowered, the rest kept
        {"image_url": data_url},
    ]
    assert sent.fields["mask"] == {"file_id": "file-mask42"}
    assert sent.fields["prompt"] == "add a hat"


def test_a_local_file_named_like_an_id_is_uploaded(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    png_file(tmp_path / "file-abc123", (64, 64))
    done = api(server, tmp_path / "out", "edit", "hat", "--image", "file-abc123", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    sent = server.requests[-1]
    assert sent.body_kind == "multipart"
    assert [(f.field, f.filename) for f in sent.files] == [("image", "file-abc123")]
    by_id = api(server, tmp_path / "out", "edit", "hat", "--image", "file-xyz789", cwd=tmp_path)
    assert by_id.returncode == 0, by_id.stderr
    assert server.requests[-1].fields["images"] == [{"file_id": "file-xyz789"}]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--image", "{png}", "--mask", "file-m1"], "mask: --mask is a reference"),
        (["--image", "https://e.com/a.png", "--image", "{png}"], "image: --image #2 is a local"),
        (["--image", "https://e.com/a.png", "--markup", "{png}"], "markup: --markup is a local"),
    ],
)
def test_mixing_files_and_references_exits_2(
    server: FakeImagesServer, tmp_path: Path, args: list[str], says: str
) -> None:
    png = png_file(tmp_path / "a.png", (64, 64))
    before = len(server.requests)
    done = api(server, tmp_path, "edit", "hat", *[a.format(png=png) for a in args])
    assert done.returncode == 2
    message = plain_error(done)
    assert says in message
    assert "nothing was sent" in message
    assert "local files (uploaded) or every one as a reference" in message
    assert len(server.requests) == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--image", "missing.png"], "argument --image: no such file: missing.png"),
        (["--image", "http:/nohost"], "argument --image: not a valid http URL"),
        (["--image", "data:image/png"], "argument --image: a data: URL holds its content"),
        (["--image", "{png}", "--markup", "https://e.com/m.png"], "argument --markup: takes a"),
    ],
)
def test_bad_image_sources_exit_2(
    server: FakeImagesServer, tmp_path: Path, args: list[str], says: str
) -> None:
    png = png_file(tmp_path / "a.png", (64, 64))
    before = len(server.requests)
    done = api(server, tmp_path, "edit", "hat", *[a.format(png=png) for a in args])
    assert done.returncode == 2
    assert says in plain_error(done)
    assert len(server.requests) == before


def test_variation_takes_local_files_only() -> None:
    sub = subparsers()["variation"]
    assert "FILE|URL|ID" not in sub.format_usage()
    assert "FILE|URL|ID" in subparsers()["edit"].format_usage()


# --- --header and --extra-body ------------------------------------------------------------

SECRET = "sk-very-secret-token-0042"


def test_headers_and_extra_body_reach_the_server(server: FakeImagesServer, tmp_path: Path) -> None:
    done = api(
        server,
        tmp_path,
        "generate",
        PROMPT,
        "--quality",
        "low",
        "--header",
        "X-Trace-Id:  t-1 ",
        "--extra-header",
        f"Authorization: Bearer {SECRET}",
        "--extra-body",
        '{"user": "u-7", "quality": "high"}',
        "--extra-body",
        '{"moderation": "low", "user": "u-8"}',
        "--json",
    )
    summary = summary_of(done)
    assert summary["quality"] == "high"  # extra_body replaces --quality, as in Python
    sent = server.requests[-1]
    assert sent.headers["x-trace-id"] == "t-1"
    assert sent.headers["authorization"] == f"Bearer {SECRET}"  # replaces --api-key's
    assert sent.fields["user"] == "u-8"
    assert sent.fields["moderation"] == "low"
    assert sent.fields["quality"] == "high"


def test_extra_body_on_a_multipart_edit(server: FakeImagesServer, tmp_path: Path) -> None:
    png = png_file(tmp_path / "a.png", (64, 64))
    done = api(
        server,
        tmp_path / "out",
        "edit",
        "hat",
        "--image",
        str(png),
        "--extra-body",
        '{"user": "u-9"}',
        "--header",
        "X-Edit: 1",
    )
    assert done.returncode == 0, done.stderr
    sent = server.requests[-1]
    assert sent.body_kind == "multipart"
    assert sent.fields["user"] == "u-9"
    assert sent.headers["x-edit"] == "1"


def test_extra_body_keys_unknown_to_the_spec_are_sent(
    server: FakeImagesServer, tmp_path: Path
) -> None:
    done = api(server, tmp_path, "variation", str(png_file(tmp_path / "v.png", (64, 64))),
               "--extra-body", '{"x_custom": {"a": 1}}', "--max-retries", "0")  # fmt: skip
    assert done.returncode == 1  # the fake server knows every field and refuses it
    assert "x_custom" in plain_error(done)
    sent = server.requests[-1]
    assert (sent.path, sent.status) == ("/v1/images/variations", 400)


def test_credential_headers_never_show(server: FakeImagesServer, tmp_path: Path) -> None:
    server.enqueue(StatusFault(status=401, message=f"bad key Bearer {SECRET}"))
    env = clean_env() | {"OPENAI_IMAGES_LOG": "debug"}
    done = api(
        server,
        tmp_path,
        "generate",
        PROMPT,
        "--header",
        f"Authorization: Bearer {SECRET}",
        "--max-retries",
        "0",
        env=env,
    )
    assert done.returncode == 1
    assert "bad key REDACTED" in done.stderr  # the server echoed it; we did not
    assert "Sending POST" in done.stderr  # the debug log ran, with headers redacted
    assert SECRET not in done.stderr + done.stdout
    assert server.requests[-1].headers["authorization"] == f"Bearer {SECRET}"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--header", f"Authorization Bearer {SECRET}"], "argument --header/--extra-header: "),
        (["--header", f"Authorization: Bearer {SECRET}\nX-Evil: 1"], "must be printable ASCII"),
        (["--header", f"Authorization: Bearer {SECRET}é"], "must be printable ASCII"),
        (["--header", "Content-Length: 3"], "Content-Length is set from the request body"),
        (["--header", "A: 1", "--header", "a: 2"], "--header a is given twice"),
        (["--extra-body", "[1, 2]"], "argument --extra-body: expected a JSON object"),
        (["--extra-body", "{'user': 1}"], "argument --extra-body: not valid JSON"),
    ],
)
@pytest.mark.parametrize("command", ["generate", "edit", "variation"])
def test_bad_request_extras_exit_2(
    server: FakeImagesServer, tmp_path: Path, command: str, args: list[str], says: str
) -> None:
    png = str(png_file(tmp_path / "a.png", (64, 64)))
    first = {"generate": [PROMPT], "edit": [PROMPT, "--image", png], "variation": [png]}
    before = len(server.requests)
    done = api(server, tmp_path, command, *first[command], *args)
    assert done.returncode == 2
    assert says in plain_error(done)
    assert SECRET not in done.stderr
    assert len(server.requests) == before
