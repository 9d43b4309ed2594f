"""PLACEHOLDER (codegen helper replaces this file): the one cattrs converter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

import cattrs

__all__ = ["converter", "structure", "structure_event", "unstructure"]

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=False)


def structure(data: object, cls: type[T]) -> T:
    return converter.structure(data, cls)


def structure_event(data: Mapping[str, object], union: object) -> object | None:
    return None


def unstructure(value: object) -> object:
    return converter.unstructure(value)
