"""Prompt templates: ``"{title} on a white background"`` filled from a record's fields."""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from typing import Final

import attrs

from openai_images_sdk._exceptions import ValidationError, Violation

__all__ = ["PromptTemplate", "TemplateFieldError", "default_prompt"]

_FORMATTER: Final = string.Formatter()


class TemplateFieldError(ValidationError):
    """A record lacks a field the prompt template names."""

    def __init__(self, field: str, template: str, available: list[str]) -> None:
        shown = ", ".join(available[:20]) or "none"
        super().__init__(
            [
                Violation(
                    param="prompt",
                    rule=f"the template {template!r} needs the field {field!r}, which this "
                    f"record does not have (its fields: {shown})",
                    value=field,
                )
            ]
        )
        self.field = field


@attrs.frozen(kw_only=True)
class PromptTemplate:
    """A `str.format` template over record fields; only plain field names are allowed.

    Format specs work (``{price:.2f}``); attribute and index access (``{a.b}``,
    ``{a[0]}``) and positional fields (``{}``, ``{0}``) are refused when the template is
    made, so a bad template fails before any request is sent.
    """

    text: str
    fields: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> PromptTemplate:
        """Check `text` and list its fields; raises `ValidationError` when it is malformed."""

        def bad(rule: str) -> ValidationError:
            return ValidationError([Violation(param="prompt", rule=rule, value=text)])

        try:
            parts = list(_FORMATTER.parse(text))
        except ValueError as error:
            raise bad(f"the template is malformed: {error}") from None
        fields: list[str] = []
        for _literal, field, spec, _conversion in parts:
            if field is None:
                continue
            if not field or field.isdigit():
                raise bad("the template's fields must be named, like {title}")
            if "." in field or "[" in field:
                raise bad(f"{{{field}}}: only plain field names are allowed, not attributes")
            if spec and "{" in spec:
                raise bad(f"{{{field}:{spec}}}: nested fields in a format spec are not allowed")
            if field not in fields:
                fields.append(field)
        if not fields:
            raise bad("the template names no record field, so every prompt would be the same")
        return cls(text=text, fields=tuple(fields))

    def render(self, record: Mapping[str, object]) -> str:
        """The prompt for `record`; raises `TemplateFieldError` naming a missing field."""
        for field in self.fields:
            if field not in record or record[field] is None:
                raise TemplateFieldError(field, self.text, sorted(record))
        values = {field: record[field] for field in self.fields}
        try:
            return self.text.format_map(values)
        except (ValueError, TypeError) as error:
            raise ValidationError(
                [
                    Violation(
                        param="prompt",
                        rule=f"the template {self.text!r} cannot format this record: {error}",
                        value={k: values[k] for k in self.fields},
                    )
                ]
            ) from None


def default_prompt(record: Mapping[str, object]) -> str:
    """The prompt of a record when there is no template: its ``prompt`` field, else all of it.

    "All of it" is the record as compact JSON, the way a stream processor turns a whole
    message into a prompt.
    """
    prompt = record.get("prompt")
    if isinstance(prompt, str) and prompt.strip():
        return prompt
    return json.dumps(dict(record), ensure_ascii=False, separators=(",", ":"), default=str)
