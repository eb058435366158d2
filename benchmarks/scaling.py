"""``python -m benchmarks.scaling``: time against input size, to show where work is linear.

- extraction of a one-line text (the seed plans joined with spaces, no line breaks) of 10k to 1M characters,
  and the same text with every stop removed (no sentence ends at all); one core, spaCy and lexicons loaded
  before timing;
- archive search against the number of query words (50 to 3,000 distinct words; past the cap the query is
  refused) over the seeds' archive.

Prints a table and writes ``benchmarks/scaling.json``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "data" / "seeds" / "txt"
RESULTS = Path(__file__).resolve().parent / "scaling.json"
LENGTHS = (10_000, 30_000, 100_000, 300_000, 1_000_000)
WORDS = (50, 100, 400, 500, 800, 3_000)


def _one_line(n: int, stops: bool) -> str:
    text = " ".join(" ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).split())
    if not stops:
        text = re.sub(r"[.;:!?]", "", text)
    return (text * (n // len(text) + 1))[:n]


def bench_long_lines(lengths=LENGTHS) -> list[dict]:
    from pipeline.extract import extract_file

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(_one_line(5_000, True), encoding="utf-8")
        extract_file(warm)  # lexicons, compiled patterns
        for stops in (True, False):
            for n in lengths:
                path = Path(tmp) / f"line{n}.txt"
                path.write_text(_one_line(n, stops), encoding="utf-8")
                t0 = time.perf_counter()
                extract_file(path)
                seconds = time.perf_counter() - t0
                rows.append({"chars": n, "stops": stops, "seconds": round(seconds, 2),
                             "chars_per_s": round(n / seconds)})
    return rows


def bench_search(words=WORDS) -> list[dict]:
    from pipeline.archive import build_index, query_words, search
    from schemas.errors import QueryTooLongError

    vocabulary = query_words(" ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    vocabulary += [f"tu{i}" for i in range(max(words))]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.sqlite"
        build_index(SEEDS, db)
        for n in words:
            t0 = time.perf_counter()
            try:
                answer = f"{len(search(db, ' '.join(vocabulary[:n])))} hits"
            except QueryTooLongError:
                answer = "refused (query_too_long)"
            rows.append({"words": n, "seconds": round(time.perf_counter() - t0, 3), "answer": answer})
    return rows


def table(results: dict) -> str:
    out = ["| one-line text, chars | with stops: s (chars/s) | without stops: s (chars/s) |", "|---:|---:|---:|"]
    by = {(r["chars"], r["stops"]): r for r in results["long_lines"]}
    for n in sorted({r["chars"] for r in results["long_lines"]}):
        cells = [f"{by[n, s]['seconds']} ({by[n, s]['chars_per_s']:,})" for s in (True, False)]
        out.append(f"| {n:,} | {cells[0]} | {cells[1]} |")
    out += ["", "| query words | seconds | answer |", "|---:|---:|---|"]
    out += [f"| {r['words']:,} | {r['seconds']} | {r['answer']} |" for r in results["search"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=RESULTS)
    a = ap.parse_args(argv)
    results = {"long_lines": bench_long_lines(), "search": bench_search()}
    a.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
