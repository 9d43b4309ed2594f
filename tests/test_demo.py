"""The main job (scripts/demo.py) runs offline and leaves real images of the requested size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image as PILImage

DEMO = Path(__file__).resolve().parent.parent / "scripts" / "demo.py"


def run_demo(*args: str) -> subprocess.CompletedProcess[str]:
    # No key: the demo must work without one.
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    return subprocess.run(
        [sys.executable, str(DEMO), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def test_demo_leaves_images_of_the_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "demo-output"
    done = run_demo("--out", str(out), "--size", "512x384")
    assert done.returncode == 0, done.stderr
    pngs = sorted(out.glob("*.png"))
    names = [p.name for p in pngs]
    # generated x2, mask, edited, 2 partials, streamed final
    assert len(pngs) == 7, names
    assert any("partial" in name for name in names)
    assert "demo-mask.png" in names
    for path in pngs:
        with PILImage.open(path) as image:
            image.load()
            assert image.format == "PNG"
            assert image.size == (512, 384), path
    for path in pngs:
        assert str(path) in done.stdout


def test_a_second_run_replaces_the_first_runs_files(tmp_path: Path) -> None:
    out = tmp_path / "demo-output"
    first = run_demo("--out", str(out), "--size", "256x256")
    assert first.returncode == 0, first.stderr
    names = sorted(p.name for p in out.iterdir())
    second = run_demo("--out", str(out), "--size", "256x256")
    assert second.returncode == 0, second.stderr
    assert sorted(p.name for p in out.iterdir()) == names
    assert len(names) == 7, names  # generated x2, mask, edited, 2 partials, streamed final


def test_demo_fails_loudly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run_demo("--out", str(blocker / "out"), "--size", "256x256")
    assert done.returncode != 0
    assert "demo failed" in done.stderr
