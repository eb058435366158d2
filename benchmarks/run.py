"""``python -m benchmarks``: speed, memory and OCR accuracy, printed as a table and saved to results.json.

Every number is measured in this run, side by side with its reference:
- throughput per input format (docs/s, pages/s, chars/s, peak RSS), each format in a fresh process;
- the PDF backend against a bare pdfplumber pass (extract_text + extract_tables on every page);
- the whole pipeline against the off-the-shelf baseline (dateparser.search_dates + underthesea.ner per sentence);
- the pipeline with and without underthesea;
- OCR against bare Tesseract on the same pages (benchmarks.ocr_cer);
- a 1,000-document batch (copies of the seeds): peak RSS and the speed-up from 1 to 2 jobs.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "data" / "seeds"
RESULTS = Path(__file__).resolve().parent / "results.json"
FORMATS = {"txt": "*.txt", "docx": "*.docx", "pdf": "*.pdf", "scan": "*.pdf"}


def _files(fmt: str) -> list[Path]:
    return sorted((SEEDS / fmt).glob(FORMATS[fmt]))


def _timed(fn, items, repeat: int) -> float:
    """Seconds to call ``fn`` on every item, ``repeat`` times over."""
    t0 = time.perf_counter()
    for _ in range(repeat):
        for x in items:
            fn(x)
    return time.perf_counter() - t0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _throughput(fmt: str, repeat: int, queue: mp.Queue) -> None:
    """Runs in a fresh process so that peak RSS belongs to this format alone."""
    from pipeline.extract import extract_document
    from pipeline.ingest import parse
    from pipeline.nlp import get_nlp

    get_nlp()
    files = _files(fmt)
    parse(files[0])  # warm caches (lexicons, fonts) before timing
    docs = pages = chars = 0
    t_parse = t_total = 0.0
    for _ in range(repeat):
        for f in files:
            t0 = time.perf_counter()
            parsed = parse(f)
            t1 = time.perf_counter()
            extract_document(parsed)
            t2 = time.perf_counter()
            t_parse += t1 - t0
            t_total += t2 - t0
            docs += 1
            pages += len(parsed.pages) or 1
            chars += len(parsed.text)
    queue.put({"format": fmt, "docs": docs, "seconds": round(t_total, 3), "parse_seconds": round(t_parse, 3),
               "docs_per_s": round(docs / t_total, 2), "pages_per_s": round(pages / t_total, 2),
               "chars_per_s": round(chars / t_total), "peak_rss_mb": round(_peak_rss_mb(), 1)})


def _in_process(target, *args) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    out = q.get()
    p.join()
    return out


def bench_throughput(repeat: int) -> list[dict]:
    rows = []
    for fmt in FORMATS:
        rep = 1 if fmt == "scan" else repeat
        rows.append(_in_process(_throughput, fmt, rep))
    return rows


def bench_pdf_floor(repeat: int) -> dict:
    """Our PDF backend against a bare pdfplumber pass over the same files."""
    import pdfplumber

    from pipeline.extract import extract_document
    from pipeline.ingest import parse
    from pipeline.nlp import get_nlp

    get_nlp()
    files = _files("pdf")
    parse(files[0])
    def bare_pass(f: Path) -> None:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()

    bare = _timed(bare_pass, files, repeat)
    ours_parse = _timed(parse, files, repeat)
    ours_total = _timed(lambda f: extract_document(parse(f)), files, repeat)
    return {"bare_pdfplumber_s": round(bare, 3), "vnplan_parse_s": round(ours_parse, 3),
            "vnplan_total_s": round(ours_total, 3), "parse_ratio": round(ours_parse / bare, 3),
            "total_ratio": round(ours_total / bare, 3), "target_parse_ratio": 1.25}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:!?])\s+|\n+", text) if s.strip()]


def bench_baseline(repeat: int) -> dict:
    """The pipeline against dateparser.search_dates + underthesea.ner on the same texts."""
    from pipeline.extract import extract_document
    from pipeline.ingest import parse
    from pipeline.nlp import get_nlp

    get_nlp()
    parsed = {fmt: [parse(f) for f in _files(fmt)] for fmt in ("txt", "docx")}
    out: dict = {}
    try:
        from dateparser.search import search_dates
        from underthesea import ner
    except ImportError as exc:  # the baseline is optional: say so rather than fail
        return {"error": f"baseline unavailable: {exc}"}
    texts = [p.text for p in parsed["txt"]]
    search_dates(texts[0][:200], languages=["vi"])
    ner("Ủy ban nhân dân tỉnh")
    t0 = time.perf_counter()
    for t in texts:
        search_dates(t, languages=["vi"])
        for s in _sentences(t):
            ner(s)
    baseline = time.perf_counter() - t0
    out["baseline_s_per_doc"] = round(baseline / len(texts), 4)
    for fmt, docs in parsed.items():
        t0 = time.perf_counter()
        for _ in range(repeat):
            for p in docs:
                extract_document(p)
        ours = (time.perf_counter() - t0) / (repeat * len(docs))
        out[f"vnplan_{fmt}_extract_s_per_doc"] = round(ours, 4)
        out[f"{fmt}_speedup_vs_baseline"] = round((baseline / len(texts)) / ours, 1)
    out["target_speedup"] = 40
    return out


def bench_underthesea(repeat: int) -> dict:
    """Extraction with and without underthesea word segmentation, on the TXT seeds."""
    from pipeline.extract import extract_document
    from pipeline.ingest import parse
    from pipeline.nlp import get_nlp

    docs = [parse(f) for f in _files("txt")]
    chars = sum(len(p.text) for p in docs)
    get_nlp()
    without = _timed(extract_document, docs, repeat)
    from underthesea import word_tokenize

    with_ = _timed(lambda p: (word_tokenize(p.text), extract_document(p)), docs, repeat)
    return {"without_chars_per_s": round(repeat * chars / without), "with_chars_per_s": round(repeat * chars / with_),
            "without_docs_per_s": round(repeat * len(docs) / without, 2),
            "with_docs_per_s": round(repeat * len(docs) / with_, 2), "signer_names": bench_signer_ner()}


def _gold_texts() -> list[tuple[str, str]]:
    """(text, gold signer) for every annotated document we ship: seeds, real-dev transcriptions, dev2."""
    data = ROOT / "tests" / "data"
    pairs = []
    for gold_dir, txt_dir in ((data / "gold", data / "seeds" / "txt"), (data / "real-dev" / "gold", data / "real-dev" / "txt"),
                              (data / "dev2" / "gold", data / "dev2" / "txt")):
        for g in sorted(gold_dir.glob("*.json")):
            signer = (json.loads(g.read_text(encoding="utf-8")).get("document") or {}).get("signer")
            t = txt_dir / f"{g.stem}.txt"
            if signer and t.exists():
                pairs.append((t.read_text(encoding="utf-8"), signer))
    return pairs


def bench_signer_ner() -> dict:
    """Where NER could help most: the signer's name. Our rule (family-name lexicon + name shape)
    against underthesea's CRF NER (a PER entity in the signature area), on every gold document."""
    from underthesea import ner

    from extractors.header import extract_header

    rule = crf = 0
    pairs = _gold_texts()
    t0 = time.perf_counter()
    for text, signer in pairs:
        head = extract_header(text)
        rule += bool(head.signer and head.signer.name == signer)
    t_rule = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text, signer in pairs:
        tail = text[-1500:]
        names = set()
        for line in tail.splitlines():
            if line.strip():
                cur = []
                for word, _, _, tag in ner(line):
                    if tag.endswith("PER"):
                        cur.append(word)
                    elif cur:
                        names.add(" ".join(cur))
                        cur = []
                if cur:
                    names.add(" ".join(cur))
        crf += signer in names
    t_crf = time.perf_counter() - t0
    return {"documents": len(pairs), "rule_correct": rule, "underthesea_ner_found": crf,
            "rule_ms_per_doc": round(1000 * t_rule / max(1, len(pairs)), 2),
            "underthesea_ms_per_doc": round(1000 * t_crf / max(1, len(pairs)), 2)}


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def _run_batch(src: Path, jobs: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix="vnplan-bench-out-"))
    vnplan = shutil.which("vnplan", path=str(Path(sys.executable).parent)) or "vnplan"
    t0 = time.perf_counter()
    proc = subprocess.Popen([vnplan, "extract", str(src), "--out", str(out), "--jobs", str(jobs), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    samples = []
    while proc.poll() is None:
        rss = _tree_rss(proc.pid)
        peak = max(peak, rss)
        samples.append(rss)
        time.sleep(0.2)
    seconds = time.perf_counter() - t0
    done = len([p for p in out.glob("*.json") if not p.name.startswith(".")])
    shutil.rmtree(out, ignore_errors=True)
    third = max(1, len(samples) // 3)
    return {"jobs": jobs, "seconds": round(seconds, 2), "records": done, "exit": proc.returncode,
            "peak_rss_mb": round(peak / 2**20, 1),
            "rss_first_third_mb": round(max(samples[:third] or [0]) / 2**20, 1),
            "rss_last_third_mb": round(max(samples[-third:] or [0]) / 2**20, 1)}


def bench_batch(n: int) -> dict:
    """n documents (copies of the seed DOCX and TXT files) with 1 and 2 jobs."""
    src = Path(tempfile.mkdtemp(prefix="vnplan-bench-in-"))
    seeds = _files("docx") + _files("txt")
    for i in range(n):
        f = seeds[i % len(seeds)]
        shutil.copy(f, src / f"{i:05d}_{f.name}")
    try:
        one = _run_batch(src, 1)
        two = _run_batch(src, 2)
    finally:
        shutil.rmtree(src, ignore_errors=True)
    return {"documents": n, "one_job": one, "two_jobs": two,
            "speedup_2_jobs": round(one["seconds"] / two["seconds"], 2), "target_speedup": 1.8,
            "target_peak_rss_mb": 500}


def bench_ocr() -> dict:
    try:
        from benchmarks import ocr_cer
    except ImportError as exc:
        return {"error": f"OCR benchmark unavailable: {exc}"}
    return ocr_cer.run()


def table(results: dict) -> str:
    lines = ["| format | docs/s | pages/s | chars/s | peak RSS MB |", "|---|---:|---:|---:|---:|"]
    for r in results.get("throughput", []):
        lines.append(f"| {r['format']} | {r['docs_per_s']} | {r['pages_per_s']} | {r['chars_per_s']:,} | {r['peak_rss_mb']} |")
    pdf = results.get("pdf_floor")
    if pdf:
        lines.append("")
        lines.append(f"PDF backend / bare pdfplumber: {pdf['parse_ratio']}x (target <= 1.25x); "
                     f"whole PDF pipeline / bare pdfplumber: {pdf['total_ratio']}x")
    base = results.get("baseline")
    if base and "error" not in base:
        lines.append(f"Speed-up vs dateparser+underthesea.ner baseline: TXT {base['txt_speedup_vs_baseline']}x, "
                     f"DOCX {base['docx_speedup_vs_baseline']}x (target >= 40x)")
    u = results.get("underthesea")
    if u:
        lines.append(f"Extraction without underthesea: {u['without_docs_per_s']} docs/s; "
                     f"with word segmentation added: {u['with_docs_per_s']} docs/s")
        n = u["signer_names"]
        lines.append(f"Signer names on {n['documents']} gold documents: rule {n['rule_correct']} correct "
                     f"({n['rule_ms_per_doc']} ms/doc), underthesea NER {n['underthesea_ner_found']} found "
                     f"({n['underthesea_ms_per_doc']} ms/doc)")
    b = results.get("batch")
    if b:
        lines.append(f"Batch of {b['documents']}: 1 job {b['one_job']['seconds']} s, 2 jobs {b['two_jobs']['seconds']} s "
                     f"(speed-up {b['speedup_2_jobs']}x, target 1.8x); peak RSS {b['one_job']['peak_rss_mb']} MB "
                     f"(1 job) / {b['two_jobs']['peak_rss_mb']} MB (2 jobs), target <= 500 MB; RSS first third "
                     f"{b['one_job']['rss_first_third_mb']} MB vs last third {b['one_job']['rss_last_third_mb']} MB")
    o = results.get("ocr")
    if o and "error" not in o:
        lines.append(f"OCR: {json.dumps(o.get('summary', o), ensure_ascii=False)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="passes over the seeds per measurement")
    ap.add_argument("--batch", type=int, default=1000, help="documents in the batch benchmark (0 = skip)")
    ap.add_argument("--skip-ocr", action="store_true")
    ap.add_argument("--out", type=Path, default=RESULTS)
    a = ap.parse_args(argv)
    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                 "platform": platform.platform()},
                     "command": "python -m benchmarks " + " ".join(argv or sys.argv[1:])}
    results["throughput"] = bench_throughput(a.repeat)
    results["pdf_floor"] = bench_pdf_floor(a.repeat)
    results["baseline"] = bench_baseline(a.repeat)
    results["underthesea"] = bench_underthesea(a.repeat)
    if not a.skip_ocr:
        results["ocr"] = bench_ocr()
    if a.batch:
        results["batch"] = bench_batch(a.batch)
    a.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))
    print(f"\nwritten: {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
