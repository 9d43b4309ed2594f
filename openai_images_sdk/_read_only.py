"""`ReadOnly`: a documented read-only attribute computed from its instance, like a
`property`, for classes that expose many values of one inner object (a response's
httpx response, a client's config) as a table of one-line entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Never, NoReturn, Self, TypeVar, overload

__all__ = ["ReadOnly"]

_O = TypeVar("_O")
_T = TypeVar("_T")


class ReadOnly(Generic[_O, _T]):
    """``get(instance)`` read as an attribute; assigning to it is an error (also to type
    checkers), and `help()` shows `doc` as it shows a property's docstring."""

    def __init__(self, get: Callable[[_O], _T], doc: str) -> None:
        self._get = get
        self._name = ""
        self.__doc__ = doc

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> Self: ...
    @overload
    def __get__(self, instance: _O, owner: type[Any] | None = None) -> _T: ...
    def __get__(self, instance: _O | None, owner: type[Any] | None = None) -> _T | Self:
        if instance is None:
            return self
        return self._get(instance)

    def __set__(self, instance: _O, value: Never) -> NoReturn:
        raise AttributeError(
            f"property {self._name!r} of {type(instance).__name__!r} object has no setter"
        )
