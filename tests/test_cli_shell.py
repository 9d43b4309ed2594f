"""The command line in the shell: completion scripts, one-line usage errors, JSON errors,
documented exit codes, the prompt from standard input, and what ``--help`` imports."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from openai_images_sdk.cli import build_parser, main
from openai_images_sdk.cli._completion import SHELLS, commands_of, script
from openai_images_sdk.testing import FakeImagesServer, StatusFault

PROMPT = "a red fox at dawn"


@pytest.fixture(scope="module")
def server() -> Iterator[FakeImagesServer]:
    with FakeImagesServer() as running:
        yield running


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "openai_images_sdk", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=clean_env(),
        check=False,
        timeout=120,
    )


def every_parser(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """The parser tree, walked independently of the completion module."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from every_parser(child, (*path, name))


# --- completion ---------------------------------------------------------------------------


@pytest.mark.parametrize("shell", sorted(SHELLS))
def test_completion_names_every_subcommand_and_option(shell: str) -> None:
    parser = build_parser()
    text = script(parser, shell)
    tree = list(every_parser(parser))
    assert {p for p, _ in tree} >= {("generate",), ("batch", "submit"), ("completion",)}
    for path, sub in tree:
        for name in path:
            assert name in text, path
        for action in sub._actions:
            for flag in action.option_strings:
                shown = flag.lstrip("-") if shell == "fish" else flag
                assert shown in text, (path, flag)


def test_completion_offers_choices_and_files() -> None:
    bash = script(build_parser(), "bash")
    assert '"generate/--quality") COMPREPLY=($(compgen -W "auto low' in bash
    assert '"edit/--image") COMPREPLY=($(compgen -f -- "$cur"))' in bash
    assert '"batch/submit") cmdpath=' in bash or '"batch/submit"' in bash
    fish = script(build_parser(), "fish")
    assert "__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit" in fish
    assert "-l image -r -F" in fish


def test_the_walker_sees_nested_steps() -> None:
    keys = {command.key for command in commands_of(build_parser())}
    assert {"", "generate", "batch", "batch/collect", "completion"} <= keys


def test_bash_script_parses(tmp_path: Path) -> None:
    path = tmp_path / "openai-images.bash"
    path.write_text(script(build_parser(), "bash"))
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_bash_completes_a_subcommand_option_value(tmp_path: Path) -> None:
    path = tmp_path / "openai-images.bash"
    path.write_text(script(build_parser(), "bash"))
    probe = (
        f"source {path}; COMP_WORDS=(openai-images generate x --output-format w); "
        "COMP_CWORD=4; _openai_images; echo ${COMPREPLY[@]}; "
        "COMP_WORDS=(openai-images bat); COMP_CWORD=1; _openai_images; echo ${COMPREPLY[@]}; "
        "COMP_WORDS=(openai-images batch collect --no); COMP_CWORD=3; _openai_images; "
        "echo ${COMPREPLY[@]}"
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["webp", "batch", "--no-wait"]


@pytest.mark.parametrize(("shell", "check"), [("zsh", ["zsh", "-n"]), ("fish", ["fish", "-n"])])
def test_zsh_and_fish_scripts_parse_where_installed(
    shell: str, check: list[str], tmp_path: Path
) -> None:
    if shutil.which(check[0]) is None:
        pytest.skip(f"{shell} is not installed")
    path = tmp_path / f"openai-images.{shell}"
    path.write_text(script(build_parser(), shell))
    done = subprocess.run([*check, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_completion_command_prints_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "bash"]) == 0
    out = capsys.readouterr().out
    assert out == script(build_parser(), "bash")
    assert "complete -o default -F _openai_images openai-images" in out


def test_help_documents_exit_codes_and_completion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for code in ("0", "1", "2", "3", "130"):
        assert f"\n  {code} " in text, code
    assert "batch collect: some batches are still running" in text
    assert 'eval "$(openai-images completion bash)"' in text
    assert "openai-images completion fish | source" in text


# --- usage errors and JSON errors ---------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "first", "pointer"),
    [
        (
            ["generate", PROMPT, "--quality", "ultra"],
            "openai-images generate: error: argument --quality: invalid choice: 'ultra'",
            "openai-images generate --help",
        ),
        (["generate"], "openai-images generate: error: the following arguments", "generate --help"),
        (["frobnicate"], "openai-images: error: argument COMMAND: invalid choice", "images --help"),
        (["batch", "collect"], "openai-images batch collect: error:", "batch collect --help"),
    ],
)
def test_a_usage_error_is_one_line_and_a_pointer(
    argv: list[str], first: str, pointer: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 2, captured.err
    assert lines[0].startswith(first), lines[0]
    assert pointer in lines[1]
    assert "usage:" not in captured.err
    assert captured.out == ""


def json_error(text: str) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(text)
    assert set(parsed) == {"type", "message", "param", "code", "request_id", "exit_code"}
    return parsed


def test_a_usage_error_under_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", PROMPT, "--json", "--n", "two"]) == 2
    error = json_error(capsys.readouterr().out)
    assert error["type"] == "usage_error"
    assert error["exit_code"] == 2
    assert error["message"].startswith("argument --n: invalid int value")


def test_a_validation_error_under_json(
    server: FakeImagesServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["generate", PROMPT, "--model", "dall-e-3", "--n", "3", "--json"]
    argv += ["--base-url", server.base_url, "--api-key", "k", "--out", str(tmp_path)]
    assert main(argv) == 2
    error = json_error(capsys.readouterr().out)
    assert (error["type"], error["exit_code"]) == ("validation_error", 2)
    assert error["param"] in ("n", "model")
    assert f"{error['param']}:" in error["message"]


def test_an_api_error_under_json(
    server: FakeImagesServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.enqueue(StatusFault(status=400, message="no such thing", code="bad_thing"))
    argv = ["generate", PROMPT, "--json", "--max-retries", "0"]
    argv += ["--base-url", server.base_url, "--api-key", "k", "--out", str(tmp_path)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    error = json_error(captured.out)
    assert error["exit_code"] == 1
    assert error["code"] == "bad_thing"
    assert error["type"] == "invalid_request_error"
    assert error["request_id"]
    assert "no such thing" in error["message"]
    assert "error: " in captured.err  # the terminal still gets its line


def test_a_missing_key_under_json(tmp_path: Path) -> None:
    done = cli("generate", PROMPT, "--json", "--out", str(tmp_path))
    assert done.returncode == 2
    error = json_error(done.stdout)
    assert error["type"] == "usage_error"
    assert "OPENAI_API_KEY" in error["message"]


# --- the prompt from standard input -------------------------------------------------------


def test_generate_reads_the_prompt_from_stdin(server: FakeImagesServer, tmp_path: Path) -> None:
    prompt = "a lighthouse\nat dusk, in watercolour"
    done = cli(
        "generate", "-", "--json", "--base-url", server.base_url, "--api-key", "k",
        "--out", str(tmp_path), stdin=prompt + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert server.requests[-1].fields["prompt"] == prompt
    assert Path(json.loads(done.stdout)["images"][0]["path"]).name.startswith("a-lighthouse")


def test_an_empty_stdin_prompt_is_a_usage_error(tmp_path: Path) -> None:
    done = cli("generate", "-", "--fake", "--out", str(tmp_path), stdin="  \n")
    assert done.returncode == 2
    assert "standard input was empty" in done.stderr


# --- --overwrite --------------------------------------------------------------------------


def test_overwrite_replaces_its_own_files(server: FakeImagesServer, tmp_path: Path) -> None:
    argv = ["--base-url", server.base_url, "--api-key", "k", "--out", str(tmp_path)]
    for _ in range(2):
        assert main(["generate", PROMPT, "--n", "2", "--overwrite", "-q", *argv]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["a-red-fox-at-dawn-1.png", "a-red-fox-at-dawn.png"]


# --- what --help loads ---------------------------------------------------------------------

HEAVY = (
    "openai_images_sdk._client",
    "openai_images_sdk._base_client",
    "openai_images_sdk._converter",
    "openai_images_sdk._generated.resources",
    "openai_images_sdk.bulk",
    "openai_images_sdk.testing",
    "openai_images_sdk.fake_server._server",
    "openai_images_sdk.fake_server._app",
    "openai_images_sdk.cli._run",
    "cattrs",
    "httpx",
    "anyio",
)


def loaded_modules(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        env=clean_env(),
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_help_loads_no_client_layer_beyond_the_package_itself() -> None:
    """``--help`` adds no client, converter, bulk or fake-server module to what the package
    and the generated operations table load (once `import openai_images_sdk` is lazy, the
    same test keeps httpx out of ``--help``)."""
    base = loaded_modules("import openai_images_sdk._generated.operations")
    helped = loaded_modules(
        "import contextlib, io\n"
        "from openai_images_sdk.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--help']) == 0\n"
        "    assert main(['generate', '--help']) == 0"
    )
    added = helped - base
    heavy = sorted(name for name in added if name.startswith(HEAVY))
    assert heavy == []
    # serve's options come from the fake server's option parsers (no server code)
    light = (
        "openai_images_sdk.cli",
        "openai_images_sdk.fake_server",
        "openai_images_sdk._exceptions",
    )
    assert all(name.startswith(light) or "." not in name
               or name.split(".")[0] in sys.stdlib_module_names for name in added), added  # fmt: skip
    # the package import is lazy and the operations table names its models: no HTTP stack
    stack = {"httpx", "httpcore", "h11", "anyio", "sniffio", "certifi", "idna", "cattrs"}
    assert {name.split(".")[0] for name in helped} & stack == set()
    assert not any(name.startswith(("asyncio", "openai_images_sdk._generated.models"))
                   for name in helped)  # fmt: skip
