#!/usr/bin/env python3
"""Extract and score every evaluation set in one go; the numbers of the README's quality table.

    python scripts/score_sets.py OUT [--sets seeds-txt,real-dev-files,...] [--jobs 2] [--force]

For each set it runs ``vnplan extract`` into ``OUT/<set>/`` and scores the records with the shared
scorer (``../shared/eval/score.py``), then prints one table (overall and field scores) and writes
``OUT/scores.json``. ``OUT/digests.json`` holds the SHA-256 of every record file, so two runs (before
and after a refactor) can be compared byte for byte: ``--compare OTHER_OUT``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
TESTDATA = ROOT / "tests" / "data"

# set name -> (input folder, gold folder)
SETS: dict[str, tuple[Path, Path]] = {
    **{f"seeds-{fmt}": (SHARED / "corpus" / "seeds" / fmt, SHARED / "eval" / "gold")
       for fmt in ("txt", "docx", "doc", "pdf", "scan")},
    "real-dev-files": (SHARED / "corpus" / "real-dev" / "files", SHARED / "corpus" / "real-dev" / "gold"),
    "real-dev-txt": (SHARED / "corpus" / "real-dev" / "txt", SHARED / "corpus" / "real-dev" / "gold"),
    **{name: (TESTDATA / name / "txt", TESTDATA / name / "gold") for name in ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26")},
}
FIELDS = ("document", "citations", "dates", "units", "conferences", "awards", "movements", "tasks")


def vnplan_cmd() -> list[str]:
    return [sys.executable, "-m", "pipeline.cli"]


def run_set(name: str, out: Path, jobs: int, force: bool) -> dict | None:
    src, gold = SETS[name]
    if not src.is_dir() or not gold.is_dir() or not any(gold.glob("*.json")):
        return None
    dest = out / name
    cmd = [*vnplan_cmd(), "extract", str(src), "--out", str(dest), "--jobs", str(jobs), "-q"]
    if force:
        cmd.append("--force")
    subprocess.run(cmd, cwd=ROOT, check=False)
    res = subprocess.run([sys.executable, str(SCORER), "--pred", str(dest), "--gold", str(gold), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def digests(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.glob("*/*.json")) if not p.name.startswith(".")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--compare", type=Path, help="another OUT: list record files whose bytes differ")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    scores_file = a.out / "scores.json"
    scores = json.loads(scores_file.read_text(encoding="utf-8")) if scores_file.exists() else {}
    print(f"{'set':16} {'overall':>7} " + " ".join(f"{f[:6]:>6}" for f in FIELDS) + "  evid.cov grounded")
    for name in a.sets.split(","):
        s = run_set(name, a.out, a.jobs, a.force)
        if s is None:
            continue
        scores[name] = s
        f = s["fields"]
        cells = " ".join(f"{f[k]:6.3f}" if k in f else "     -" for k in FIELDS)
        d = s["detail"]
        print(f"{name:16} {s['overall']:7.3f} {cells}  {d['evidence_coverage']:.3f}   {d['grounding_acc']:.3f}",
              flush=True)
    scores_file.write_text(json.dumps(scores, indent=1, ensure_ascii=False), encoding="utf-8")
    dig = digests(a.out)
    (a.out / "digests.json").write_text(json.dumps(dig, indent=1), encoding="utf-8")
    if a.compare:
        other = json.loads((a.compare / "digests.json").read_text(encoding="utf-8"))
        # only the record files both runs made are compared: a run of fewer sets is not a difference
        diff = sorted(k for k in set(dig) & set(other) if dig[k] != other[k])
        print(f"{len(diff)} of {len(set(dig) & set(other))} record files differ from {a.compare}"
              + "".join(f"\n  {k}" for k in diff[:50]))
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
