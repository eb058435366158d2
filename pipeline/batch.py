"""Batch extraction (minimal version; the full runner replaces this)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.extract import extract_file
from pipeline.ingest import SUPPORTED_SUFFIXES
from schemas.errors import describe


@dataclass(frozen=True)
class BatchOptions:
    jobs: int = 0
    force: bool = False
    ocr: bool = True
    engine: str = "local"
    scheduler: str | None = None
    progress: bool = True


@dataclass
class BatchSummary:
    done: int = 0
    failed: int = 0
    skipped: int = 0

    def exit_code(self, *, strict: bool) -> int:
        if self.failed and (strict or not self.done):
            return 1
        return 0


def iter_inputs(inputs: list[Path]) -> list[Path]:
    out = []
    for p in inputs:
        if p.is_dir():
            out += sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(p)
    return out


def run_batch(inputs: list[Path], out: Path, *, options: BatchOptions = BatchOptions()) -> BatchSummary:
    from pipeline.backends.base import IngestOptions

    out.mkdir(parents=True, exist_ok=True)
    s = BatchSummary()
    for path in iter_inputs(inputs):
        try:
            rec = extract_file(path, options=IngestOptions(ocr=options.ocr))
        except Exception as exc:  # every failure becomes an error line
            s.failed += 1
            print(json.dumps(describe(exc, path), ensure_ascii=False))
            continue
        (out / f"{path.stem}.json").write_text(rec.model_dump_json(indent=1), encoding="utf-8")
        s.done += 1
    print(f"done {s.done}, failed {s.failed}")
    return s
