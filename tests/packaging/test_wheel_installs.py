"""The built wheel works without the source tree: every language data file is in it, and the
installed copy (not this checkout) extracts a scanned page and knows its version."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCAN = ROOT / "tests" / "data" / "seeds" / "scan" / "003_be6c1cea0ccb87ad.pdf"

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the sources (the build leaves nothing in the checkout)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for package in ("schemas", "extractors", "pipeline"):
        shutil.copytree(ROOT / package, src / package, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    res = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)], src)
    assert res.returncode == 0, res.stderr[-2000:]
    (built,) = out.glob("vnplan-*.whl")
    return built


def test_wheel_holds_every_language_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "extractors" / "data").rglob("*") if p.is_file())
    assert data and [d for d in data if d not in names] == []
    assert "pipeline/backends/ocr.py" in names and "schemas/errors.py" in names


def test_wheel_installed_in_a_fresh_venv_extracts_a_scanned_page(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path).returncode == 0
    python = venv / "bin" / "python"
    # the dependencies come from this environment's site-packages (no network); vnplan itself
    # only from the wheel: a path line in a .pth does not run the editable install's hook
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     tmp_path).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    res = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                "-q", str(wheel)], tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = _run([str(python), "-c", "import pipeline, extractors; print(pipeline.__file__, extractors.__file__)"],
                 tmp_path, env)
    assert where.returncode == 0 and str(ROOT) not in where.stdout and str(venv) in where.stdout, where

    version = _run([str(venv / "bin" / "vnplan"), "--version"], tmp_path, env)
    assert version.returncode == 0 and version.stdout.startswith("vnplan 0."), version

    from pypdf import PdfReader, PdfWriter

    page = PdfWriter()
    page.add_page(PdfReader(SCAN).pages[0])
    with (tmp_path / "scan_page.pdf").open("wb") as fh:
        page.write(fh)
    res = _run([str(venv / "bin" / "vnplan"), "extract", "scan_page.pdf", "--out", "out", "-j", "1", "-q",
                "--strict"], tmp_path, env)
    assert res.returncode == 0, res.stderr[-2000:]
    import json

    record = json.loads((tmp_path / "out" / "scan_page.json").read_text(encoding="utf-8"))
    assert record["source"]["ocr_pages"] == [1]
    assert "KẾ HOẠCH" in record["text"].upper() or "Kế hoạch" in record["text"]
