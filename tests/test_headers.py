"""Header hygiene: API keys cleaned or refused, illegal header values refused by name."""

from __future__ import annotations

import pytest

from openai_images_sdk._exceptions import ValidationError
from openai_images_sdk._headers import InvalidAPIKeyError, check_header_values, clean_api_key

KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"


@pytest.mark.parametrize("raw", [KEY + "\n", KEY + "\r\n", "  " + KEY + "\t", KEY])
def test_surrounding_white_space_is_stripped(raw: str) -> None:
    assert clean_api_key(raw, source="OPENAI_API_KEY") == KEY


@pytest.mark.parametrize(
    ("raw", "what", "position"),
    [
        (KEY[:10] + "\n" + KEY[10:], "a control character", 11),
        (KEY[:5] + "\x00" + KEY[5:], "a control character", 6),
        (KEY + "é", "a non-ASCII character", len(KEY) + 1),
        (KEY[:3] + "\u2013" + KEY[3:], "a non-ASCII character", 4),
    ],
)
def test_a_key_no_header_can_carry_is_refused_without_showing_it(
    raw: str, what: str, position: int
) -> None:
    with pytest.raises(InvalidAPIKeyError) as caught:
        clean_api_key(raw, source="the file keys/prod.txt")
    message = str(caught.value)
    assert f"the API key from the file keys/prod.txt holds {what} at position {position}" in message
    assert KEY[:8] not in message
    assert KEY[-8:] not in message
    assert KEY[-8:] not in repr(caught.value)


@pytest.mark.parametrize("raw", ["", " \n"])
def test_an_empty_key_is_refused(raw: str) -> None:
    with pytest.raises(InvalidAPIKeyError, match="from OPENAI_API_KEY is empty"):
        clean_api_key(raw, source="OPENAI_API_KEY")


@pytest.mark.parametrize(
    ("headers", "param", "rule"),
    [
        ({"X-Trace": "a\r\nInjected: 1"}, "extra_headers['X-Trace']", "a control character"),
        ({"X-Trace": "a\nb"}, "extra_headers['X-Trace']", "a control character"),
        ({"X-Trace": "caf\u00e9"}, "extra_headers['X-Trace']", "a non-ASCII character"),
        ({"X Trace": "ok"}, "extra_headers['X Trace']", "a header name is"),
        ({"X-Trace:": "ok"}, "extra_headers['X-Trace:']", "a header name is"),
    ],
)
def test_illegal_headers_are_refused_by_name(
    headers: dict[str, str], param: str, rule: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_header_values(headers, param="extra_headers")
    (violation,) = caught.value.violations
    assert violation.param == param
    assert rule in violation.rule


def test_a_credential_header_value_is_never_kept_in_the_error() -> None:
    with pytest.raises(ValidationError) as caught:
        check_header_values({"X-Auth-Token": "secret-value\n"}, param="default_headers")
    (violation,) = caught.value.violations
    assert violation.value == "REDACTED"
    assert "secret-value" not in str(caught.value)


def test_legal_headers_pass() -> None:
    check_header_values(
        {"X-Trace-Id": "run-7", "User-Agent": "tool/1.0 (linux)", "X-Tab": "a\tb"},
        param="extra_headers",
    )
    check_header_values({"X-Number": 3}, param="extra_headers")
