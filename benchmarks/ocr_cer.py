"""OCR fidelity: character error rate of our OCR path against bare Tesseract on the same renders.

``python -m benchmarks.ocr_cer`` (or ``run()`` from ``python -m benchmarks``) reads

- real scans: ``../shared/corpus/real-dev/files/*.pdf`` (falling back to ``tests/data/real-dev``)
  scored by CER against the proofread ``txt/``;
- seed scans: ``../shared/corpus/seeds/scan/*.pdf`` scored by difflib ratio against ``txt/``
  (the seed ``txt`` lacks the header lines, so similarity rather than CER is the target there).

CER = Levenshtein distance / reference length, both with whitespace collapsed. The proofread
transcriptions lay the two-column header and signature rows out side by side with spaces; our
reading order is left column, then right column, so besides the raw CER we report ``cer_layout``,
the CER against the reference re-linearised column by column (see :func:`column_order`). Both
sides (bare and ours) are scored against both references.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def levenshtein(a: str, b: str) -> int:
    """Edit distance by the Myers/Hyyrö bit-parallel algorithm (Python big ints as bit vectors)."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq: dict[str, int] = {}
    for i, c in enumerate(b):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    hibit = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for c in a:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & hibit:
            score += 1
        elif mh & hibit:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def collapse(s: str) -> str:
    return " ".join(s.split())


def cer(hyp: str, ref: str) -> float:
    h, r = collapse(hyp), collapse(ref)
    return levenshtein(h, r) / max(1, len(r))


def similarity(hyp: str, ref: str) -> float:
    return difflib.SequenceMatcher(None, collapse(hyp), collapse(ref), autojunk=False).ratio()


_GAP = re.compile(r"\S(\s{3,})\S")


def column_order(ref: str) -> str:
    """The reference with its side-by-side rows (``left   right``) read left column first.

    A run starts at a row with a wide gap or a deeply indented line; rows without a gap inside the
    run (sandwiched between gapped rows, blank lines allowed) belong to the left column.
    """
    lines = ref.split("\n")

    def kind(s: str) -> str:
        if not s.strip():
            return "B"
        if _GAP.search(s.strip()) or len(s) - len(s.lstrip(" ")) >= 10:
            return "C"
        return "N"

    kinds = [kind(s) for s in lines]
    out: list[str] = []
    i = 0
    while i < len(lines):
        if kinds[i] != "C":
            out.append(lines[i])
            i += 1
            continue
        j = i
        last_c = i
        while j < len(lines) and kinds[j] in "CBN":
            if kinds[j] == "C":
                last_c = j
            elif kinds[j] == "N":
                # an N row stays in the run only if a C row follows before the next N paragraph ends
                k = j
                while k < len(lines) and kinds[k] in "NB" and k - j < 4:
                    k += 1
                if k >= len(lines) or kinds[k] != "C":
                    break
            j += 1
        run = lines[i:last_c + 1]
        left, right = [], []
        for s in run:
            st = s.strip()
            if not st:
                continue
            m = _GAP.search(st)
            if m:
                left.append(st[:m.start(1)])
                right.append(st[m.end(1):])
            elif len(s) - len(s.lstrip(" ")) >= 10:
                right.append(st)
            else:
                left.append(st)
        out.extend(left + right)
        i = last_c + 1
    return "\n".join(out)


def _render(pdf, i: int, dpi: int):
    from pipeline.backends.ocr import render_page

    return render_page(Path(pdf.__class__.__name__), i, dpi, pdf=pdf)


def bare_tesseract(rgb, lang: str = "vie", dpi: int = 300) -> str:
    """``tesseract page.png - -l vie`` on the same render: the baseline."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        Image.fromarray(rgb).save(png)
        out = subprocess.run(["tesseract", str(png), "-", "-l", lang, "--dpi", str(dpi)],
                             capture_output=True, text=True, check=False)
    return out.stdout


def ocr_pdf(path: Path, dpi: int = 300, *, with_bare: bool = True) -> dict:
    """Both OCRs of every page of ``path``: texts and seconds per page (render excluded)."""
    import pypdfium2 as pdfium

    from pipeline.backends.ocr import blocks_text, ocr_image

    pdf = pdfium.PdfDocument(str(path))
    ours, bare = [], []
    t_ours = t_bare = 0.0
    try:
        for i in range(len(pdf)):
            rgb = _render(pdf, i, dpi)
            if with_bare:
                t0 = time.perf_counter()
                bare.append(bare_tesseract(rgb, dpi=dpi))
                t_bare += time.perf_counter() - t0
            t0 = time.perf_counter()
            ours.append(blocks_text(ocr_image(rgb, dpi=dpi, path=path, page=i + 1)))
            t_ours += time.perf_counter() - t0
        n = len(pdf)
    finally:
        pdf.close()
    return {"pages": n, "ours": "\n\n".join(ours), "bare": "\n\n".join(bare),
            "ours_s_per_page": t_ours / n, "bare_s_per_page": (t_bare / n) if with_bare else None}


def _dirs(kind: str) -> tuple[Path, Path]:
    if kind == "real":
        for base in (CORPUS / "real-dev", ROOT / "tests" / "data" / "real-dev"):
            if (base / "files").is_dir():
                return base / "files", base / "txt"
    else:
        for base in (CORPUS / "seeds", ROOT / "tests" / "data" / "seeds"):
            if (base / "scan").is_dir():
                return base / "scan", base / "txt"
    raise FileNotFoundError(f"no {kind} scans found")


def run(*, seeds: bool = True, seeds_bare: bool = False, limit: int | None = None,
        dump: Path | None = None) -> dict:
    """Per-file CER (real scans) and similarity (seed scans), bare Tesseract vs ours, with timings."""
    out: dict = {"real": [], "seeds": []}
    files, txt = _dirs("real")
    for f in sorted(files.glob("*.pdf"))[:limit]:
        ref = (txt / f"{f.stem}.txt").read_text(encoding="utf-8")
        r = ocr_pdf(f)
        if dump:
            dump.mkdir(parents=True, exist_ok=True)
            (dump / f"{f.stem}.ours.txt").write_text(r["ours"], encoding="utf-8")
            (dump / f"{f.stem}.bare.txt").write_text(r["bare"], encoding="utf-8")
        lin = column_order(ref)
        out["real"].append({
            "file": f.name, "pages": r["pages"], "ref_chars": len(collapse(ref)),
            "bare_cer": round(cer(r["bare"], ref), 4), "bare_cer_layout": round(cer(r["bare"], lin), 4),
            "ours_cer": round(cer(r["ours"], ref), 4), "ours_cer_layout": round(cer(r["ours"], lin), 4),
            "bare_s_per_page": round(r["bare_s_per_page"], 2), "ours_s_per_page": round(r["ours_s_per_page"], 2)})
    if seeds:
        files, txt = _dirs("seeds")
        for f in sorted(files.glob("*.pdf"))[:limit]:
            ref = (txt / f"{f.stem}.txt").read_text(encoding="utf-8")
            r = ocr_pdf(f, with_bare=seeds_bare)
            if dump:
                (dump / f"{f.stem}.ours.txt").write_text(r["ours"], encoding="utf-8")
            row = {"file": f.name, "pages": r["pages"], "ours_similarity": round(similarity(r["ours"], ref), 4),
                   "ours_cer": round(cer(r["ours"], ref), 4), "ours_s_per_page": round(r["ours_s_per_page"], 2)}
            if seeds_bare:
                row.update(bare_similarity=round(similarity(r["bare"], ref), 4),
                           bare_cer=round(cer(r["bare"], ref), 4),
                           bare_s_per_page=round(r["bare_s_per_page"], 2))
            out["seeds"].append(row)
    out["summary"] = summarise(out)
    return out


def summarise(out: dict) -> dict:
    s: dict = {}
    real = out["real"]
    if real:
        chars = sum(r["ref_chars"] for r in real)
        pages = sum(r["pages"] for r in real)
        for k in ("bare_cer", "bare_cer_layout", "ours_cer", "ours_cer_layout"):
            s[f"real_{k}"] = round(sum(r[k] * r["ref_chars"] for r in real) / chars, 4)
        s["real_bare_s_per_page"] = round(sum(r["bare_s_per_page"] * r["pages"] for r in real) / pages, 2)
        s["real_ours_s_per_page"] = round(sum(r["ours_s_per_page"] * r["pages"] for r in real) / pages, 2)
        s["target_cer"] = 0.04
    if out["seeds"]:
        s["seeds_min_similarity"] = min(r["ours_similarity"] for r in out["seeds"])
        s["target_similarity"] = 0.90
    return s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ocr_cer", description=__doc__.splitlines()[0])
    ap.add_argument("--no-seeds", action="store_true", help="only the real scans")
    ap.add_argument("--seeds-bare", action="store_true", help="also run bare Tesseract on the seed scans")
    ap.add_argument("--limit", type=int, default=None, help="files per set")
    ap.add_argument("--dump", type=Path, default=None, help="write the OCR texts here")
    a = ap.parse_args(argv)
    res = run(seeds=not a.no_seeds, seeds_bare=a.seeds_bare, limit=a.limit, dump=a.dump)
    for r in res["real"]:
        print(f"{r['file'][:40]:40} CER bare {r['bare_cer']:.2%} (layout {r['bare_cer_layout']:.2%})  "
              f"ours {r['ours_cer']:.2%} (layout {r['ours_cer_layout']:.2%})  "
              f"s/page bare {r['bare_s_per_page']} ours {r['ours_s_per_page']}")
    for r in res["seeds"]:
        extra = f" bare {r['bare_similarity']:.3f}" if "bare_similarity" in r else ""
        print(f"{r['file'][:40]:40} similarity ours {r['ours_similarity']:.3f}{extra}  s/page {r['ours_s_per_page']}")
    print(json.dumps(res["summary"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
