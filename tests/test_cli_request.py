"""``--header`` and ``--extra-body``: parsing, checks, and keeping credentials out of sight."""

from __future__ import annotations

import argparse

import pytest

from openai_images_sdk.cli._request import (
    HeaderArg,
    add_request_options,
    extra_body_arg,
    header_arg,
    request_options,
    secret_values,
)

SECRET = "sk-proj-abcdefgh12345678"


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(exit_on_error=False)
    add_request_options(made)
    return made


def test_header_syntax() -> None:
    assert header_arg("X-Trace-Id: 42") == HeaderArg(name="X-Trace-Id", value="42")
    assert header_arg("  x-a :b:c ") == HeaderArg(name="x-a", value="b:c")
    assert header_arg("X-Empty:") == HeaderArg(name="X-Empty", value="")
    assert header_arg("X-Tab: a\tb").value == "a\tb"
    assert SECRET not in repr(header_arg(f"Authorization: Bearer {SECRET}"))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (f"Authorization Bearer {SECRET}", "expected NAME:VALUE, such as 'X-Trace-Id: 42'"),
        (f": Bearer {SECRET}", "the name before ':' is empty"),
        (f"Authorization Bearer {SECRET}: x", "but this one has ' '"),
        ("X(a): 1", "but this one has '(' ')'"),
        ("content-type: text/plain", "content-type is set from the request body"),
        ("Transfer-Encoding: chunked", "Transfer-Encoding is set from the request body"),
        (f"Authorization: Bearer {SECRET}\r\nX-Evil: 1", "the value of Authorization must"),
        (f"Authorization: Bearer {SECRET}\x00", "must be printable ASCII"),
        (f"Authorization: Bearer {SECRET}\x7f", "must be printable ASCII"),
        ("X-Name: café", "must be printable ASCII"),
    ],
)
def test_bad_headers_never_show_the_value(text: str, says: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        header_arg(text)
    assert says in str(caught.value)
    assert SECRET not in str(caught.value)
    assert "café" not in str(caught.value)


def test_extra_body_is_a_json_object() -> None:
    assert extra_body_arg('{"user": "u", "nested": {"a": [1, 2.5, null]}}') == {
        "user": "u",
        "nested": {"a": [1, 2.5, None]},
    }
    assert extra_body_arg("{}") == {}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[1]", "got an array: [1]"),
        ('"x"', "got a string"),
        ("true", "got a boolean"),
        ("null", "got null"),
        ("1.5", "got a number"),
        ("{'a': 1}", "not valid JSON (Expecting property name enclosed in double quotes at"),
        ('{"a": NaN}', "not valid JSON (NaN is not a JSON number)"),
        ('{"a": -Infinity}', "not valid JSON (-Infinity is not a JSON number)"),
        ("", "not valid JSON (Expecting value at character 0)"),
    ],
)
def test_bad_extra_body(text: str, says: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=r"^(expected a JSON object|not valid)"):
        extra_body_arg(text)
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        extra_body_arg(text)
    assert says in str(caught.value)


def test_long_bodies_are_cut_short_in_messages() -> None:
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        extra_body_arg("[" + "1," * 5000 + "1]")
    assert len(str(caught.value)) < 250


def test_request_options_from_the_command_line() -> None:
    args = parser().parse_args(
        [
            "--header",
            "X-A: 1",
            "--extra-header",
            "X-B:2",
            "--extra-body",
            '{"user": "u1", "n": 2}',
            "--extra-body",
            '{"user": "u2"}',
        ]
    )
    assert request_options(args) == {
        "extra_headers": {"X-A": "1", "X-B": "2"},
        "extra_body": {"user": "u2", "n": 2},
    }
    assert request_options(parser().parse_args([])) == {}
    assert request_options(argparse.Namespace()) == {}  # a parser without the options


def test_a_header_given_twice_is_refused() -> None:
    args = parser().parse_args(["--header", "X-A: 1", "--header", "x-a: 2"])
    with pytest.raises(ValueError, match=r"^--header x-a is given twice; give each header once$"):
        request_options(args)


def test_headers_only() -> None:
    made = argparse.ArgumentParser(exit_on_error=False)
    add_request_options(made, body=False)
    assert request_options(made.parse_args(["--header", "X-A: 1"])) == {
        "extra_headers": {"X-A": "1"}
    }
    _, unknown = made.parse_known_args(["--extra-body", "{}"])
    assert unknown == ["--extra-body", "{}"]


def test_parse_errors_name_the_option() -> None:
    with pytest.raises(argparse.ArgumentError, match="argument --header/--extra-header"):
        parser().parse_args(["--header", "nope"])
    with pytest.raises(argparse.ArgumentError, match="argument --extra-body: expected a JSON"):
        parser().parse_args(["--extra-body", "[]"])


def test_secret_values() -> None:
    args = parser().parse_args(
        [
            "--header",
            f"Authorization: Bearer {SECRET}",
            "--header",
            "X-Api-Key: key-12345678",
            "--header",
            "Cookie: a",
            "--header",
            "X-Trace-Id: not-a-secret",
            "--header",
            "Proxy-Authorization:",
        ]
    )
    assert secret_values(args) == [f"Bearer {SECRET}", SECRET, "key-12345678", "a"]
    assert secret_values(argparse.Namespace()) == []
