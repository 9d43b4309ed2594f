"""The README's table of per-model rules, rendered from spec/model-capabilities.yaml.

`python -m codegen` writes it between ``<!-- rules-table:start -->`` and
``<!-- rules-table:end -->`` in README.md, and `python -m codegen --check` fails when the
README holds another one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import cast

import yaml

from ._spec import SpecError

__all__ = ["END", "START", "load", "render", "splice"]

START = "<!-- rules-table:start -->"
END = "<!-- rules-table:end -->"
OPERATIONS = ("generate", "edit", "variation")

Entry = Mapping[str, object]


def _map(value: object) -> Mapping[str, object]:
    return cast("Mapping[str, object]", value) if isinstance(value, Mapping) else {}


def _items(value: object) -> list[object]:
    return list(cast("list[object]", value)) if isinstance(value, list) else []


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _values(values: Iterable[object]) -> str:
    return ", ".join(f"`{_json(v)}`" for v in values)


def _json(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _source(rule: Mapping[str, object]) -> str:
    source, date = str(rule.get("source")), str(rule.get("date"))
    return source if date in source else f"{source} ({date})"


def _mib(count: object) -> str:
    return f"{int(cast('int', count)) / 2**20:g} MiB"


def _param_text(rule: Mapping[str, object]) -> str:
    if rule.get("supported") is False:
        return "not supported"
    parts: list[str] = []
    if "values" in rule:
        parts.append(_values(_items(rule["values"])))
    low, high = rule.get("min"), rule.get("max")
    if low is not None and low == high:
        parts.append(f"{low} only")
    elif low is not None or high is not None:
        parts.append(f"{'' if low is None else low}..{'' if high is None else high}")
    if "max_length" in rule:
        parts.append(f"at most {rule['max_length']} characters")
    return "; ".join(parts) or "supported"


def _size_text(size: Mapping[str, object]) -> str:
    text = _values(_items(size.get("values")))
    custom = _map(size.get("custom"))
    if custom:
        ratio = _map(custom.get("aspect_ratio"))
        text += (
            f"; any WIDTHxHEIGHT with sides multiples of {custom.get('multiple_of')},"
            f" aspect ratio {ratio.get('min')} to {ratio.get('max')},"
            f" at most {custom.get('max_size')} in either orientation"
        )
        if "experimental_above" in custom:
            text += f" (experimental above {custom['experimental_above']} pixels)"
    return text


def _inputs_text(inputs: Mapping[str, object]) -> str:
    parts: list[str] = []
    if "max_images" in inputs:
        parts.append(f"up to {inputs['max_images']}")
    if "formats" in inputs:
        parts.append("/".join(str(f) for f in _items(inputs["formats"])))
    if "bytes_below" in inputs:
        parts.append(f"each under {_mib(inputs['bytes_below'])}")
    if inputs.get("square") is True:
        parts.append("square")
    return ", ".join(parts)


def _group(entries: Mapping[str, Entry]) -> list[tuple[list[str], Entry]]:
    """Models with identical resolved entries, in table order."""
    groups: list[tuple[list[str], Entry]] = []
    for name, entry in entries.items():
        for names, seen in groups:
            if seen == entry:
                names.append(name)
                break
        else:
            groups.append(([name], entry))
    return groups


class _Namer:
    """Model lists in cells, with a whole family shortened to "all <family> models"."""

    def __init__(self, entries: Mapping[str, Entry]) -> None:
        self.families: dict[str, list[str]] = {}
        for name, entry in entries.items():
            self.families.setdefault(str(entry.get("family", name)), []).append(name)

    def __call__(self, names: Iterable[str]) -> str:
        rest = list(names)
        parts: list[str] = []
        for family, members in self.families.items():
            if len(members) > 1 and all(m in rest for m in members):
                parts.append(f"all {family} models")
                rest = [n for n in rest if n not in members]
        return ", ".join([*parts, *(f"`{n}`" for n in rest)])


def _models_table(groups: list[tuple[list[str], Entry]]) -> list[str]:
    lines = [
        "| Model | Status | Operations | Prompt | n | Sizes | Input images |",
        "|---|---|---|---|---|---|---|",
    ]
    for names, entry in groups:
        life = _map(entry.get("lifecycle"))
        status = "current"
        if life:
            verb = "retired" if life.get("status") == "retired" else "shut down"
            status = f"{verb} {life.get('shutdown_date')}; use `{life.get('replacement')}`"
        operations = _map(entry.get("operations"))
        rows: dict[tuple[str, str, str], tuple[list[str], list[str]]] = {}
        for key in OPERATIONS:
            if key not in operations:
                continue
            op = _map(operations[key])
            params = _map(op.get("parameters"))
            prompt = str(_map(params.get("prompt")).get("max_length", ""))
            n_rule = _map(params.get("n"))
            n = _param_text(n_rule) if n_rule else ""
            size = _size_text(_map(op.get("size"))) if "size" in op else ""
            ops, inputs = rows.setdefault((prompt, n, size), ([], []))
            ops.append(key)
            if "inputs" in op:
                inputs.append(f"{key}: {_inputs_text(_map(op['inputs']))}")
        for (prompt, n, size), (ops, inputs) in rows.items():
            row = (
                ", ".join(f"`{name}`" for name in names),
                status,
                ", ".join(ops),
                prompt,
                n,
                size,
                "; ".join(inputs),
            )
            lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return lines


def _rule_rows(
    groups: list[tuple[list[str], Entry]],
    rules_of: Callable[[Mapping[str, object]], list[tuple[str, str, str]]],
) -> dict[tuple[str, str, str, tuple[str, ...]], list[str]]:
    """(param, text, source, operations) -> models, from each operation's rules."""
    rows: dict[tuple[str, str, str, tuple[str, ...]], list[str]] = {}
    for names, entry in groups:
        operations = _map(entry.get("operations"))
        per_rule: dict[tuple[str, str, str], list[str]] = {}
        for key in OPERATIONS:
            for rule in rules_of(_map(operations.get(key))):
                per_rule.setdefault(rule, []).append(key)
        for (param, text, source), ops in per_rule.items():
            rows.setdefault((param, text, source, tuple(ops)), []).extend(names)
    return rows


def _param_rules(op: Mapping[str, object]) -> list[tuple[str, str, str]]:
    params = _map(op.get("parameters"))
    return [
        (name, _param_text(_map(rule)), _source(_map(rule)))
        for name, rule in params.items()
        if name not in ("prompt", "n")
    ]


def _constraint_rules(op: Mapping[str, object]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for raw in _items(op.get("constraints")):
        rule = _map(raw)
        out.append((str(rule.get("param")), str(rule.get("rule")), _source(rule)))
    return out


def _rules_table(
    rows: Mapping[tuple[str, str, str, tuple[str, ...]], list[str]], names: _Namer, *, sort: bool
) -> list[str]:
    lines = ["| Parameter | Rule | Operations | Models | Source |", "|---|---|---|---|---|"]
    keys = sorted(rows, key=lambda k: k[0]) if sort else list(rows)
    for param, text, source, ops in keys:
        row = (f"`{param}`", text, ", ".join(ops), names(rows[(param, text, source, ops)]), source)
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return lines


def _deprecations(data: Mapping[str, object]) -> list[str]:
    lines: list[str] = []
    for raw in _items(data.get("deprecations")):
        item = _map(raw)
        if "operation" in item:
            what = f"the `{item['operation']}` operation"
        elif "values" in item:
            what = f"`{item.get('param')}` = {_values(_items(item['values']))}"
        else:
            what = f"`{item.get('param')}`"
        lines.append(f"- {what}: {item.get('message')} ({_source(item)})")
    return lines


def render(data: Mapping[str, object]) -> str:
    """The Markdown block, markers included, for the table's plain data."""
    # Imported here so that codegen can still run when the package's generated files are
    # broken (importing the package imports them).
    from openai_images_sdk._capabilities import resolve_entries, table_from_data

    table_from_data(data)  # refuse to document a table the SDK cannot load
    entries = resolve_entries(data)
    groups = _group(entries)
    names = _Namer(entries)
    lines = [
        START,
        "<!-- generated by `python -m codegen` from spec/model-capabilities.yaml;"
        " do not edit by hand -->",
        "",
        "Models not listed here (for example on a self-hosted server) are checked only",
        "against the operation-wide limits of the OpenAPI spec.",
        "",
        *_models_table(groups),
        "",
        "Parameters a model does not list are not checked for it.",
        "",
        *_rules_table(_rule_rows(groups, _param_rules), names, sort=True),
        "",
        "Rules across parameters:",
        "",
        *_rules_table(_rule_rows(groups, _constraint_rules), names, sort=False),
        "",
        "Deprecated (a `DeprecationWarning`, the request is still checked and sent):",
        "",
        *_deprecations(data),
        END,
    ]
    return "\n".join(lines) + "\n"


def load(path: Path) -> Mapping[str, object]:
    """The table's plain data from a YAML file."""
    data: object = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise SpecError(f"{path}: not a mapping")
    return cast("Mapping[str, object]", data)


def splice(document: str, block: str) -> str | None:
    """`document` with the marked block replaced by `block`; None if the markers are missing."""
    start, end = document.find(START), document.find(END)
    if start < 0 or end < start:
        return None
    return document[:start] + block.rstrip("\n") + document[end + len(END) :]
