"""The capability table: schema, shipped JSON, `extends` resolution, README table script."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import jsonschema
import pytest
import yaml

from openai_images_sdk._capabilities import (
    TableError,
    default_table,
    load_table,
    parse_size,
    resolve_entries,
    table_from_data,
)

ROOT = Path(__file__).resolve().parents[1]
SPEC_YAML = ROOT / "spec" / "model-capabilities.yaml"
SCHEMA = ROOT / "spec" / "model-capabilities.schema.json"
SHIPPED = ROOT / "openai_images_sdk" / "_generated" / "capabilities.json"
OPENAPI = ROOT / "spec" / "openapi.yaml"


def spec_data() -> dict[str, Any]:
    data: Any = yaml.safe_load(SPEC_YAML.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return cast("dict[str, Any]", data)


def _image_models() -> list[str]:
    """Every model the spec's ImageModel lists, in order."""
    schema = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))["components"]["schemas"]
    return [v for branch in schema["ImageModel"]["anyOf"] for v in branch.get("enum", [])]


def _lifecycles() -> dict[str, dict[str, Any]]:
    return {n: e["lifecycle"] for n, e in spec_data()["models"].items() if "lifecycle" in e}


# The models the spec names, split by whether the table gives them a lifecycle.
RETIRED = {name: life["shutdown_date"] for name, life in _lifecycles().items()}
KNOWN = [name for name in _image_models() if name not in RETIRED]


def schema_errors(data: Any) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors: list[Any] = list(validator.iter_errors(data))  # pyright: ignore[reportUnknownMemberType]
    return [f"{e.json_path}: {e.message}" for e in errors]


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_yaml_validates_against_the_schema() -> None:
    assert schema_errors(spec_data()) == []


def _typo(data: dict[str, Any]) -> None:
    data["models"]["gpt-image-2"]["operations"]["generate"] = {
        "parameters": {"quality": {"valuez": ["low"], "source": "s", "date": "2026-01-01"}}
    }


def _no_source(data: dict[str, Any]) -> None:
    del data["templates"]["gpt-image"]["operations"]["generate"]["parameters"]["n"]["source"]


def _bad_size(data: dict[str, Any]) -> None:
    data["models"]["dall-e-3"]["operations"]["generate"]["size"]["values"].append("1024 x 1024")


def _bad_date(data: dict[str, Any]) -> None:
    data["models"]["dall-e-2"]["lifecycle"]["shutdown_date"] = "12 May 2026"


def _bad_condition(data: dict[str, Any]) -> None:
    constraint = data["templates"]["gpt-image"]["operations"]["generate"]["constraints"][0]
    constraint["when"] = {"output_format": {"in": ["svg"], "present": True}}


def _bad_operation(data: dict[str, Any]) -> None:
    data["models"]["gpt-image-2"]["operations"] = {"inpaint": {}}


@pytest.mark.parametrize(
    "mutate", [_typo, _no_source, _bad_size, _bad_date, _bad_condition, _bad_operation]
)
def test_the_schema_rejects_broken_tables(mutate: Any) -> None:
    data = spec_data()
    mutate(data)
    assert schema_errors(data) != []


def test_the_shipped_json_is_the_yaml_converted() -> None:
    """codegen's conversion, byte for byte (codegen --check enforces the same)."""
    text = SPEC_YAML.read_text(encoding="utf-8")
    expected = (
        json.dumps(yaml.safe_load(text), indent=1, sort_keys=True, ensure_ascii=False, default=str)
        + "\n"
    )
    assert SHIPPED.read_text(encoding="utf-8") == expected


def test_yaml_and_json_load_to_the_same_table() -> None:
    from_yaml, from_json = load_table(SPEC_YAML), load_table(SHIPPED)
    assert from_yaml.models == from_json.models
    assert default_table().models == from_json.models


def test_every_model_of_the_facts_is_known() -> None:
    table = default_table()
    assert set(table.models) == {*KNOWN, *RETIRED}
    for name in KNOWN:
        assert table.models[name].lifecycle is None, name
    for name, date in RETIRED.items():
        life = table.models[name].lifecycle
        assert life is not None
        assert str(life.shutdown_date) == date
        assert life.replacement in KNOWN


def test_every_model_the_openapi_spec_lists_is_in_the_table() -> None:
    schemas = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))["components"]["schemas"]
    for name in ("ImageModel", "ImageEditModel", "ImageVariationModel"):
        listed = {v for branch in schemas[name]["anyOf"] for v in branch.get("enum", [])}
        assert listed <= set(default_table().models), name


def _rules(entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if "lifecycle" in entry:
        found.append(("lifecycle", entry["lifecycle"]))
    for key, op in entry.get("operations", {}).items():
        for param, rule in op.get("parameters", {}).items():
            found.append((f"{key}.{param}", rule))
        for part in ("size", "inputs"):
            if part in op:
                found.append((f"{key}.{part}", op[part]))
        found += [(f"{key}.constraint", c) for c in op.get("constraints", [])]
    return found


def test_every_resolved_rule_has_a_source_and_a_date() -> None:
    named = spec_data()["sources"].values()
    sources = {(s["source"], s["date"]) for s in named}
    for name, entry in resolve_entries(spec_data()).items():
        rules = _rules(entry)
        assert rules, name
        for where, rule in rules:
            assert (rule["source"], rule["date"]) in sources, (name, where)


def test_sources_and_dates_survive_into_the_shipped_table() -> None:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    for name, entry in resolve_entries(shipped).items():
        for where, rule in _rules(entry):
            assert rule["source"], (name, where)
            assert rule["date"], (name, where)
    compiled = default_table().models["gpt-image-2.5-sunburst"].operations["generate"]
    assert compiled.parameters["quality"].date == shipped["sources"]["corrections"]["date"]


def test_extends_deep_merges_and_snapshots_equal_their_model() -> None:
    entries: Any = resolve_entries(spec_data())
    assert entries["gpt-image-2-2026-04-21"] == entries["gpt-image-2"]
    assert entries["gpt-image-2.5-flare-2026-09-08"] == entries["gpt-image-2.5-sunburst"]
    mini = entries["gpt-image-1-mini"]["operations"]["edit"]["parameters"]
    assert mini["input_fidelity"]["values"] == ["low"]
    template = spec_data()["templates"]["gpt-image"]["operations"]["edit"]["parameters"]
    assert mini["quality"]["values"] == template["quality"]["values"]
    for derived in ("gpt-image-2.6-flare", "gpt-image-2.5-flare-2026-09-08"):
        params = entries[derived]["operations"]["edit"]["parameters"]
        assert (
            params["quality"]
            == entries["gpt-image-2.5-sunburst"]["operations"]["edit"]["parameters"]["quality"]
        )
    assert "extends" not in entries["gpt-image-1"]
    assert "gpt-image" not in entries  # templates are not models


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"models": {"a": {"extends": "b"}, "b": {"extends": "a"}}}, "extends cycle"),
        ({"models": {"a": {"extends": "nowhere"}}}, "unknown entry 'nowhere'"),
        ({"templates": {"a": {}}, "models": {"a": {}}}, "both as template and model"),
        (
            {"models": {"a": {"operations": {"generate": {"size": {"values": ["big"]}}}}}},
            "expected WIDTHxHEIGHT",
        ),
        (
            {"models": {"a": {"lifecycle": {"status": "gone"}}}},
            "expected retired or shut_down",
        ),
        ({"models": [1]}, "models: expected a mapping"),
    ],
)
def test_malformed_tables_are_refused(change: dict[str, Any], message: str) -> None:
    data: dict[str, Any] = {"version": 1, **change}
    with pytest.raises(TableError, match=message):
        table_from_data(data)


def test_constraints_are_read_in_order_with_triggers() -> None:
    rules = default_table().models["gpt-image-2"].operations["generate"]
    first = rules.constraints[0]
    assert (first.param, first.trigger) == ("n", "output_format")
    assert first.involved == {"n", "output_format"}
    assert rules.constraints[-1].param == "background"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1024x1024", (1024, 1024)),
        ("16x48", (16, 48)),
        ("0x0", (0, 0)),
        ("1024", None),
        ("1024x", None),
        ("x1024", None),
        ("01024x1024", None),
        ("1024X1024", None),
        ("1024x1024x1", None),
        (" 1024x1024", None),
        ("-16x16", None),
        ("\u0661\u0662x1024", None),  # Arabic-Indic digits
    ],
)
def test_parse_size(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_size(text) == expected


# -- the README rules table (codegen/_rules_table.py, written by `python -m codegen`) ------


def rules_table() -> ModuleType:
    from codegen import _rules_table

    return _rules_table


def _retired_cell(model: str) -> str:
    life = spec_data()["models"][model]["lifecycle"]
    return f"retired {life['shutdown_date']}; use `{life['replacement']}`"


def test_the_rules_table_shows_every_model_and_rule() -> None:
    script = rules_table()
    block = script.render(spec_data())
    assert block.startswith(script.START)
    assert block.rstrip().endswith(script.END)
    for name in (*KNOWN, *RETIRED):
        assert f"`{name}`" in block, name
    assert _retired_cell("dall-e-3") in block
    assert "at most 3840x2160 in either orientation" in block
    assert (
        "| `input_fidelity` | not supported | edit | `gpt-image-2`, `gpt-image-2-2026-04-21` |"
        in block
    )
    assert "'transparent' needs output_format 'png' or 'webp'" in block
    corrections = spec_data()["sources"]["corrections"]
    assert f"{corrections['source']} ({corrections['date']})" in block


def test_the_rules_table_follows_the_yaml() -> None:
    script = rules_table()
    data = spec_data()
    data["models"]["dall-e-3"]["operations"]["generate"]["parameters"]["prompt"]["max_length"] = 77
    assert "| generate | 77 |" in script.render(data)
    assert "| generate | 77 |" not in script.render(spec_data())


def _codegen_in(tmp_path: Path, readme_text: str) -> tuple[list[str], Path]:
    readme = tmp_path / "README.md"
    readme.write_text(readme_text, encoding="utf-8")
    out = tmp_path / "generated"
    shutil.copytree(SHIPPED.parent, out, ignore=shutil.ignore_patterns("__pycache__"))
    return ["--out", str(out), "--readme", str(readme)], readme


def test_codegen_writes_and_checks_the_readme_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from codegen import main

    script = rules_table()
    args, readme = _codegen_in(
        tmp_path, f"# Title\n\nBefore.\n\n{script.START}\nold\n{script.END}\n\nAfter.\n"
    )
    assert main([*args, "--check"]) == 1
    assert "the rules table is stale" in capsys.readouterr().out
    assert main(args) == 0
    text = readme.read_text()
    assert text.startswith("# Title\n\nBefore.\n\n" + script.START)
    assert text.endswith(script.END + "\n\nAfter.\n")
    assert "old" not in text
    assert script.render(spec_data()).rstrip("\n") in text
    assert main([*args, "--check"]) == 0
    assert main(args) == 0
    assert readme.read_text() == text  # idempotent


def test_a_readme_without_markers_is_left_alone(tmp_path: Path) -> None:
    from codegen import main

    args, readme = _codegen_in(tmp_path, "# Title\n")
    assert main([*args, "--check"]) == 0
    assert main(args) == 0
    assert readme.read_text() == "# Title\n"


def test_render_refuses_a_broken_table() -> None:
    data = copy.deepcopy(spec_data())
    data["models"]["gpt-image-2"]["extends"] = "missing"
    with pytest.raises(TableError):
        rules_table().render(data)


def test_constraint_defaults_agree_with_the_openapi_defaults() -> None:
    """A condition's `default` (the value assumed when not sent) is the documented one."""
    schemas = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))["components"]["schemas"]
    bodies = {"generate": ["CreateImageRequest"], "edit": ["CreateImageEditRequest"]}
    checked = 0
    entries: Any = resolve_entries(spec_data())
    for entry in entries.values():
        for key, op in entry.get("operations", {}).items():
            for constraint in op.get("constraints", []):
                for part in ("when", "require"):
                    for param, condition in constraint[part].items():
                        if "default" not in condition:
                            continue
                        for body in bodies.get(key, []):
                            documented = schemas[body]["properties"][param].get("default")
                            if documented is not None:
                                assert condition["default"] == documented, (key, param)
                                checked += 1
    assert checked
