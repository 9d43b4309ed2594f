"""`diff-upstream --package openai`: spec/ against the official package's published types.

`_diff_probe.py` runs under the interpreter that has the package (its own venv in CI, so
the package is never a dependency of ours) and describes the request params, response
models and stream event unions as schemas; they are compared here with spec/'s schemas of
the same role. Types cannot state limits, defaults or deprecation, so those are left out.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._diff import SPEC, Comparer, Doc, render_report
from ._diff_review import Review
from ._spec import SPEC_FILE, SpecError, as_map, load_yaml

__all__ = ["PACKAGE_ROOTS", "compare_package", "diff_package", "run_probe"]

PROBE = Path(__file__).with_name("_diff_probe.py")

# spec/ schema -> the package type that plays its role.
PACKAGE_ROOTS: Mapping[str, Mapping[str, str]] = {
    "openai": {
        "CreateImageRequest": "openai.types.image_generate_params:ImageGenerateParamsNonStreaming",
        "CreateImageEditRequest": "openai.types.image_edit_params:ImageEditParamsNonStreaming",
        "CreateImageVariationRequest": (
            "openai.types.image_create_variation_params:ImageCreateVariationParams"
        ),
        "ImagesResponse": "openai.types.images_response:ImagesResponse",
        "ImageGenStreamEvent": "openai.types.image_gen_stream_event:ImageGenStreamEvent",
        "ImageEditStreamEvent": "openai.types.image_edit_stream_event:ImageEditStreamEvent",
        "CreateFileRequest": "openai.types.file_create_params:FileCreateParams",
        "OpenAIFile": "openai.types.file_object:FileObject",
        "DeleteFileResponse": "openai.types.file_deleted:FileDeleted",
        "CreateBatchRequest": "openai.types.batch_create_params:BatchCreateParams",
        "Batch": "openai.types.batch:Batch",
    }
}


def run_probe(python: Path, roots: Mapping[str, str]) -> dict[str, Any]:
    """The package's types as a document, from `_diff_probe.py` run by `python`."""
    try:
        done = subprocess.run(
            [str(python), str(PROBE), *roots.values()],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise SpecError(f"cannot run {python}: {error}") from None
    if done.returncode != 0:
        raise SpecError(f"the probe failed under {python}:\n{done.stderr.strip()}")
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def compare_package(
    probed: Mapping[str, Any], spec: Mapping[str, Any], roots: Mapping[str, str], label: str
) -> list[tuple[str, list[str]]]:
    """Differences per spec/ schema, the package's side labelled `label`."""
    up_doc, spec_doc = Doc(probed), Doc(spec)
    probed_roots = as_map(probed.get("roots"))
    done: set[tuple[str, str]] = set()
    seen: set[str] = set()
    sections: list[tuple[str, list[str]]] = []
    for ours, theirs in roots.items():
        comparer = Comparer(
            up_doc, spec_doc, done, limits=False, deprecated=False, upstream_label=label
        )
        if ours not in spec_doc.schemas:
            comparer.add(f"only in {label}: {theirs} (spec/ has no {ours})")
        else:
            ref = {"$ref": f"#/components/schemas/{ours}"}
            comparer.compare(ours, as_map(probed_roots.get(theirs)), ref)
        lines = [line for line in dict.fromkeys(comparer.lines) if line not in seen]
        seen.update(lines)
        sections.append((f"{ours} ({theirs})", lines))
    return sections


def diff_package(package: str, spec_dir: Path, python: Path) -> tuple[str, bool, bool]:
    """The report, whether any difference exists, and whether an unreviewed one does."""
    roots = PACKAGE_ROOTS.get(package)
    if roots is None:
        raise SpecError(f"no type mapping for package {package!r} (known: {sorted(PACKAGE_ROOTS)})")
    probed = run_probe(python, roots)
    info = as_map(probed.get("info"))
    label = f"{package} {info.get('version', '?')}"
    spec = as_map(load_yaml(spec_dir / SPEC_FILE))
    sections = compare_package(probed, spec, roots, package)
    report, fails = render_report(
        f"Spec drift: spec/ against the published types of {label}",
        [(SPEC, str(spec_dir / SPEC_FILE)), (package, f"{label} under {python}")],
        sections,
        Review.load(spec_dir, "package"),
    )
    return report, any(found for _, found in sections), fails
