"""to_dict / to_json on every model, and the pydantic-style names migrating code uses."""

from __future__ import annotations

import json
from typing import Any

import pytest

from openai_images_sdk import Batch, ImageRefParam, ImagesResponse
from openai_images_sdk._converter import structure

BODY = {
    "created": 1700000000,
    "data": [{"b64_json": "aGVsbG8=", "revised_prompt": "a fox"}],
    "usage": {
        "input_tokens": 10,
        "output_tokens": 20,
        "total_tokens": 30,
        "input_tokens_details": {"image_tokens": 0, "text_tokens": 10},
    },
}


@pytest.fixture
def result() -> ImagesResponse:
    return structure(BODY, ImagesResponse)


def test_to_dict_gives_back_what_the_server_sent(result: ImagesResponse) -> None:
    assert result.to_dict() == BODY
    assert json.loads(result.to_json()) == BODY
    assert result.to_json().startswith('{\n  "created"')
    assert "\n" not in result.to_json(indent=None)


def test_unset_fields_come_back_as_none_when_asked(result: ImagesResponse) -> None:
    full = result.to_dict(exclude_unset=False)
    assert full["background"] is None
    assert full["data"][0]["url"] is None
    assert full["data"][0]["b64_json"] == "aGVsbG8="
    assert set(BODY) < set(full)
    assert result.model_dump() == full
    assert json.loads(result.model_dump_json()) == full
    assert result.model_dump(exclude_unset=True) == BODY


def test_pydantic_names_take_the_same_options_with_pydantic_defaults(
    result: ImagesResponse,
) -> None:
    assert "\n" not in result.model_dump_json()
    assert result.model_dump_json(indent=2) == result.to_json(exclude_unset=False)
    assert json.loads(result.model_dump_json(exclude_unset=True)) == BODY
    assert result.model_dump(mode="json") == result.to_dict(exclude_unset=False)
    dump: Any = result.model_dump
    with pytest.raises(TypeError):
        dump(True)  # keyword-only, as before


def test_none_values_can_be_left_out(result: ImagesResponse) -> None:
    assert result.to_dict(exclude_unset=False, exclude_none=True) == BODY
    assert result.model_dump(exclude_none=True) == BODY


def test_every_model_has_the_methods() -> None:
    ref = ImageRefParam(file_id="file-abc")
    assert ref.to_dict() == {"file_id": "file-abc"}
    batch = structure(
        {"id": "batch_1", "object": "batch", "endpoint": "/v1/images/generations",
         "input_file_id": "file-1", "completion_window": "24h", "status": "completed",
         "created_at": 1},
        Batch,
    )  # fmt: skip
    assert batch.to_dict()["status"] == "completed"
    assert batch.model_dump()["errors"] is None
