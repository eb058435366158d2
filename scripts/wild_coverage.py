#!/usr/bin/env python3
"""Coverage and consistency of the header on the unannotated `wild` corpus (issue 10): no answer key needed.

    python scripts/wild_coverage.py OUT [--src ../shared/corpus/wild/md] [--jobs 2] [--reuse]
                                        [--compare OTHER_OUT/wild_coverage.json]

Runs ``python -m pipeline.cli extract SRC --out OUT/records --jobs N`` (``--reuse`` keeps records already
there), then measures over every input file:

- failures: input files without a record (and the CLI's own failure count);
- coverage: the share of documents where each header field (type, number, code, issuer, place, issued,
  title, signer) is found;
- place-and-date line: detected in the source text independently of the product (one to three consecutive
  lines, italics/bold markers and table pipes removed, matching ``<place>, ngày <d> tháng <m> năm <yyyy>``);
  among those documents, the share where ``issued`` and ``place`` are found, and where they agree with the
  line (same date; same place after dropping "tỉnh"/"thành phố" and case);
- consistency: the issued year against the year of the text's own "Số: N/YYYY/..." line; the type against
  the heading word (a line that is exactly a document type of ``extractors/data/doc_types.csv``);
- portal metadata: many `wild` files carry the portal's own table ("Số hiệu", "Loại văn bản",
  "Nơi ban hành", "Người ký", "Ngày ban hành"); where it is there, the header is checked against it.

``scripts/wild_coverage_before.json`` holds the totals measured on main before the issue-10 rule changes:
pass it to ``--compare`` to see before and after side by side.

Prints one table and writes ``OUT/wild_coverage.json`` (totals and, per document, what was found and
missed, for reading records against their texts).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "corpus" / "wild" / "md"
FIELDS = ("type", "number", "code", "issuer", "place", "issued", "title", "signer")

_MARKERS = re.compile(r"[*_|#]+")
# Web copies split glyphs ("ng ày", "n ă m", "202 5", "1 1") and sometimes drop the comma.
_PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^\W\d][^,;:()\d]{1,45}?)\s*(?P<comma>,?)\s*n\s?g\s?à\s?y\s+(?P<d>\d(?:\s?\d)?)\s*"
    r"t\s?h\s?á\s?n\s?g\s*(?P<m>\d(?:\s?\d)?)\s*n\s?ă\s?m\s*(?P<y>\d(?:\s?\d){3})(?!\d)",
    re.IGNORECASE)
_NUMBER_LINE = re.compile(r"\bSố\s*:\s*(?P<n>\d+[a-zA-Z]?)\s*/\s*(?:(?P<y>(?:19|20)\d\d)\s*/\s*)?(?P<code>[^\s,;]+)?")
_PLACE_PREFIX = re.compile(r"^(tỉnh|thành phố|tp\.?|thị xã|huyện|quận|xã|phường)\s+")
_META_KEYS = {"Số hiệu": "code", "Loại văn bản": "type", "Nơi ban hành": "issuer", "Người ký": "signer",
              "Ngày ban hành": "issued"}


def fold(s: str) -> str:
    """Casefolded NFC text with one space kind and the old/new tone placement unified (uỷ/ủy, hoà/hòa)."""
    s = unicodedata.normalize("NFC", s).casefold()
    for old, new in (("uỷ", "ủy"), ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
                     ("uý", "úy"), ("uỳ", "ùy"), ("uỵ", "ụy")):
        s = s.replace(old, new)
    return " ".join(s.split())


def clean_lines(text: str) -> list[str]:
    return [" ".join(_MARKERS.sub(" ", line).split()) for line in text.splitlines()]


def find_place_date(lines: list[str]) -> dict | None:
    """The first place-and-date line, possibly wrapped over up to three lines."""
    for i in range(len(lines)):
        for lo, hi in ((i, i + 1), (i, i + 2), (i, i + 3)):
            window = " ".join(x for x in lines[lo:hi] if x)
            m = _PLACE_DATE.match(window)
            if m:
                # a title line ("V/v ...") just above is not part of the place, a wrapped place is:
                # the earliest start whose place looks like a place name
                for start in range(lo, hi):
                    c = _PLACE_DATE.match(" ".join(x for x in lines[start:hi] if x))
                    if c and c["place"][0].isupper() and "/" not in c["place"] and len(c["place"].split()) <= 6:
                        m = c
                        break
                # without its comma only a short capitalised name is taken for a place ("Hà Nội ngày 01")
                words = m["place"].split()
                if not m["comma"] and (len(words) > 4 or not all(w[0].isupper() for w in words)):
                    continue
                try:
                    day = dt.date(*(int(re.sub(r"\s", "", m[k])) for k in ("y", "m", "d"))).isoformat()
                except ValueError:
                    day = None
                return {"place": m["place"].strip(), "date": day, "line": i}
        # a header flattened into one line: the place follows the motto
        motto = re.search(r"hạnh\s*phúc\s*-*\s*", lines[i], re.IGNORECASE)
        if motto and _PLACE_DATE.match(lines[i][motto.end():]):
            return find_place_date([lines[i][motto.end():]]) | {"line": i}
    return None


def find_number_year(lines: list[str]) -> int | None:
    flat = " ".join(lines[:200])
    m = _NUMBER_LINE.search(flat)
    return int(m["y"]) if m and m["y"] else None


def doc_type_names() -> list[str]:
    with (ROOT / "extractors" / "data" / "doc_types.csv").open(encoding="utf-8", newline="") as fh:
        return sorted({r["name"] for r in csv.DictReader(fh)}, key=len, reverse=True)


def find_heading(lines: list[str], types: list[str]) -> str | None:
    """The heading word: the first line after the national motto that is exactly a document type."""
    upper = {fold(t): t for t in types}
    start = next((i for i, x in enumerate(lines) if "hạnh phúc" in x.casefold()), None)
    if start is None:
        return None
    for x in lines[start + 1:start + 60]:
        if x and x.isupper() and fold(x) in upper:
            return upper[fold(x)]
    return None


def portal_metadata(lines: list[str]) -> dict[str, str]:
    """The portal's table: "**Key:**" followed, after a pipe line, by its value."""
    meta: dict[str, str] = {}
    for i, x in enumerate(lines[:120]):
        key = x.rstrip(":").strip()
        if key in _META_KEYS and _META_KEYS[key] not in meta:
            value = next((y for y in lines[i + 1:i + 4] if y), "")
            meta[_META_KEYS[key]] = value
    return meta


def found(doc: dict, field: str) -> bool:
    value = (doc or {}).get(field)
    if field == "issued":
        return bool(value and value.get("value"))
    if field == "signer":
        return bool(value and value.get("name"))
    return bool(value and str(value).strip())


def same_place(pred: str | None, line_place: str) -> bool:
    if not pred:
        return False
    strip = lambda s: _PLACE_PREFIX.sub("", fold(s).replace(".", ". ").replace(" .", "."))  # noqa: E731
    return " ".join(strip(pred).split()) == " ".join(strip(line_place).split())


def portal_checks(doc: dict, meta: dict[str, str]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if meta.get("type"):
        out["type"] = fold(doc.get("type") or "") == fold(meta["type"])
    if meta.get("code"):
        pred = f"{doc.get('number') or ''}/{doc.get('code') or ''}"
        out["number/code"] = fold(pred).replace(" ", "") == fold(meta["code"]).replace(" ", "")
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", meta.get("issued", "")):
        d, m, y = (int(x) for x in meta["issued"].split("/"))
        issued = (doc.get("issued") or {}).get("value")
        out["issued"] = issued == dt.date(y, m, d).isoformat()
    if meta.get("signer") and not meta["signer"].startswith("*"):
        out["signer"] = fold(((doc.get("signer") or {}).get("name")) or "") == fold(meta["signer"])
    if meta.get("issuer"):
        # the portal gives the body or only its place ("Tỉnh Hà Tĩnh"): the issuer must end with it and
        # begin like a public body (extractors/data/public_bodies.csv), not with text from the page around
        issuer = fold(doc.get("issuer") or "")
        out["issuer"] = issuer.endswith(fold(meta["issuer"])) and issuer.split()[0] in body_first_words()
    return out


def body_first_words() -> set[str]:
    with (ROOT / "extractors" / "data" / "public_bodies.csv").open(encoding="utf-8", newline="") as fh:
        return {fold(r["name"]).split()[0] for r in csv.DictReader(fh)}


def measure(src: Path, records: Path) -> dict:
    types = doc_type_names()
    per_doc: dict[str, dict] = {}
    for path in sorted(src.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        lines = clean_lines(path.read_text(encoding="utf-8", errors="replace"))
        rec_path = records / f"{path.stem}.json"
        row: dict = {"record": rec_path.is_file()}
        doc = (json.loads(rec_path.read_text(encoding="utf-8")).get("document") or {}) if row["record"] else {}
        row["found"] = {f: found(doc, f) for f in FIELDS}
        pd = find_place_date(lines)
        if pd:
            issued = (doc.get("issued") or {}).get("value")
            row["place_date"] = {**pd, "issued": issued, "place_pred": doc.get("place"),
                                 "issued_ok": bool(pd["date"]) and issued == pd["date"],
                                 "place_ok": same_place(doc.get("place"), pd["place"])}
        year = find_number_year(lines)
        if year:
            issued = (doc.get("issued") or {}).get("value")
            row["code_year"] = {"year": year, "issued": issued,
                                "ok": bool(issued) and issued[:4] == str(year)}
        heading = find_heading(lines, types)
        if heading:
            row["heading"] = {"word": heading, "type": doc.get("type"),
                              "ok": fold(doc.get("type") or "") == fold(heading)}
        meta = portal_metadata(lines)
        if meta:
            row["portal"] = {"meta": meta, "checks": portal_checks(doc, meta),
                             "pred": {"type": doc.get("type"), "number": doc.get("number"),
                                      "code": doc.get("code"), "issuer": doc.get("issuer"),
                                      "signer": (doc.get("signer") or {}).get("name")}}
        per_doc[path.stem] = row
    return {"documents": len(per_doc), "totals": totals(per_doc), "per_document": per_doc}


def _share(num: int, den: int) -> dict:
    return {"n": num, "of": den, "share": round(num / den, 3) if den else None}


def totals(per_doc: dict[str, dict]) -> dict:
    rows = list(per_doc.values())
    out: dict = {"failures": sum(1 for r in rows if not r["record"])}
    out["coverage"] = {f: _share(sum(r["found"][f] for r in rows), len(rows)) for f in FIELDS}
    pd = [r["place_date"] for r in rows if "place_date" in r]
    out["place_date_line"] = {
        "documents": _share(len(pd), len(rows)),
        "issued_found": _share(sum(bool(p["issued"]) for p in pd), len(pd)),
        "place_found": _share(sum(bool(p["place_pred"]) for p in pd), len(pd)),
        "issued_agrees": _share(sum(p["issued_ok"] for p in pd), len(pd)),
        "place_agrees": _share(sum(p["place_ok"] for p in pd), len(pd)),
    }
    cy = [r["code_year"] for r in rows if "code_year" in r]
    out["issued_year_vs_code_year"] = _share(sum(c["ok"] for c in cy), len(cy))
    out["issued_year_vs_code_year_where_issued"] = _share(sum(c["ok"] for c in cy), sum(bool(c["issued"]) for c in cy))
    hd = [r["heading"] for r in rows if "heading" in r]
    out["type_vs_heading"] = _share(sum(h["ok"] for h in hd), len(hd))
    portal = [r["portal"]["checks"] for r in rows if "portal" in r]
    keys = sorted({k for c in portal for k in c})
    out["portal_metadata"] = {"documents": len(portal),
                              **{k: _share(sum(c[k] for c in portal if k in c), sum(k in c for c in portal))
                                 for k in keys}}
    return out


def fmt(s: dict) -> str:
    return f"{s['share']:.3f} ({s['n']}/{s['of']})" if s["share"] is not None else "-"


def table(t: dict, before: dict | None) -> str:
    def line(label: str, now: dict, old: dict | None) -> str:
        return f"| {label} | {fmt(old) if old else ''} | {fmt(now)} |"
    b = before or {}
    out = ["| measure | before | now |", "|---|---:|---:|",
           f"| failures | {b.get('failures', '')} | {t['failures']} |"]
    for f in FIELDS:
        out.append(line(f"coverage: {f}", t["coverage"][f], b.get("coverage", {}).get(f)))
    for k, v in t["place_date_line"].items():
        out.append(line(f"place-and-date line: {k}", v, b.get("place_date_line", {}).get(k)))
    out.append(line("issued year = year in 'Số: N/YYYY/…'", t["issued_year_vs_code_year"],
                    b.get("issued_year_vs_code_year")))
    out.append(line("  … among those with issued found", t["issued_year_vs_code_year_where_issued"],
                    b.get("issued_year_vs_code_year_where_issued")))
    out.append(line("type = heading word", t["type_vs_heading"], b.get("type_vs_heading")))
    for k, v in t["portal_metadata"].items():
        if k != "documents":
            out.append(line(f"agrees with portal metadata: {k}", v, b.get("portal_metadata", {}).get(k)))
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reuse", action="store_true", help="keep records already in OUT/records")
    ap.add_argument("--compare", type=Path, help="an earlier wild_coverage.json, shown as 'before'")
    args = ap.parse_args()
    records = args.out / "records"
    if not (args.reuse and records.is_dir()):
        res = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(args.src), "--out",
                              str(records), "--jobs", str(args.jobs)], cwd=ROOT, capture_output=True, text=True)
        sys.stderr.write(res.stderr[-2000:])
        print((res.stdout.strip().splitlines() or [""])[-1])
    result = measure(args.src, records)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "wild_coverage.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    before = json.loads(args.compare.read_text(encoding="utf-8"))["totals"] if args.compare else None
    print(f"{result['documents']} documents from {args.src}")
    print(table(result["totals"], before))
    return 1 if result["totals"]["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
