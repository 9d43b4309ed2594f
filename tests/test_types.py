"""`_types`: the falsy markers `NOT_GIVEN` and `Omit`."""

from __future__ import annotations

import copy
import pickle

from openai_images_sdk import NOT_GIVEN, NotGiven, Omit


def test_markers_are_falsy_and_slotted() -> None:
    for marker in (NOT_GIVEN, Omit()):
        assert not marker
        assert bool(marker) is False
        assert not hasattr(marker, "__dict__")


def test_reprs_name_the_marker() -> None:
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert repr(Omit()) == "Omit()"


def test_not_given_stays_the_one_object_through_copy_and_pickle() -> None:
    assert copy.copy(NOT_GIVEN) is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN
    assert isinstance(NOT_GIVEN, NotGiven)
    assert not isinstance(Omit(), NotGiven)
