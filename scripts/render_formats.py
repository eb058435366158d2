#!/usr/bin/env python3
"""Render text documents into the files a real inbox holds, to measure what the format layer loses.

    python scripts/render_formats.py SRC_DIR OUT_DIR [--to docx,doc,pdf,scan] [--only STEM,...]
                                     [--scan-dpi 200] [--seed 0]

Each ``.md`` (web-portal copy) or ``.txt`` of ``SRC_DIR`` is read by the product's own text backends
(``pipeline.ingest.parse``: the portal's header and closing grids become the issuer / motto /
place-and-date and recipients / signature blocks), so the rendered files carry exactly the words the
product reads from the text, and the set's gold (not offset-based) still applies. The blocks are then
laid out as an office's file (Decree 30/2020 layout), with python-docx:

- A4, margins 20/20/30/15 mm, Times New Roman 13 pt (type 14 pt), page number centred at the top from
  page 2 on;
- the header as a borderless two-column table: issuer block (bold) over the number line (and the
  "V/v" summary, italic) on the left, the national motto (bold) over the place-and-date line (italic)
  on the right;
- upper-case lines (the type, the title, part heads) bold and centred; body paragraphs justified
  with a first-line indent; tables as bordered tables;
- "Nơi nhận" (left) and the signature block (right) side by side in a borderless table, the signer's
  name after the space for the signature.

``OUT_DIR/docx/<stem>.docx`` is written with python-docx; ``doc`` and ``pdf`` are converted from it by
LibreOffice (``soffice --headless --convert-to``, one process at a time, a private profile);
``scan`` renders the PDF with ``pdftoppm`` (gray, ``--scan-dpi``), turns each page by 0.3-1 degree,
blurs it lightly and adds noise (Pillow, seeded by the file name), and saves one image-only PDF per
document (``OUT_DIR/scan/<stem>.pdf``: the PDF backend OCRs it as a scanned file). Stems are kept, so
``vnplan extract OUT_DIR/<fmt>`` writes records that score against the set's gold as they are.

Fonts: the DOCX asks for Times New Roman; LibreOffice substitutes the nearest installed font. Install
the Debian package ``fonts-liberation2`` (Liberation Serif: Times metrics and every Vietnamese glyph) to
get the line breaks of a Word-made PDF; without it a bare Debian falls back to the wider DejaVu Serif
(``fonts-liberation`` 1.07 lacks Vietnamese glyphs: LibreOffice then mixes two fonts).
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Mm, Pt  # noqa: E402

from pipeline.backends.markdown import is_upper  # noqa: E402
from pipeline.ingest import parse  # noqa: E402

FORMATS = ("docx", "doc", "pdf", "scan")
SOURCE_SUFFIXES = (".md", ".txt")
FONT = "Times New Roman"
BODY_PT, TITLE_PT, SMALL_PT = 13, 14, 12
# the number line of the issuer cell ("Số: 12/KH-UBND", "Số 12/KH-UBND"); what follows it in that cell
# (the "V/v ..." summary of a letter) stays under it
_NUMBER_LINE = re.compile(r"^\s*S[ốo]\s*[:.]?\s*\S", re.I)
_ROMAN_HEAD = re.compile(r"^[IVXLC]+[.)]\s")
_ANNEX_NOTE = re.compile(r"^\(.*\)$", re.S)


# -- reading --------------------------------------------------------------------------------------
def read_blocks(path: Path) -> list[tuple[str, str | None, object]]:
    """(kind, role, content) per block, in reading order: content is the block's text, or for a
    table its rows of cell texts."""
    doc = parse(path)
    text = doc.text
    out: list[tuple[str, str | None, object]] = []
    for b in doc.blocks:
        if b.kind == "table":
            rows = [[text[c.start:c.end] for c in r.cells] for r in (b.rows or [])]
            out.append(("table", None, rows))
        else:
            out.append((b.kind, b.role, text[b.start:b.end]))
    return out


# -- writing the DOCX -----------------------------------------------------------------------------
def _set_font(run, size: float | None = None, *, bold: bool | None = None, italic: bool | None = None) -> None:
    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def _para(container, text: str, *, size: float = BODY_PT, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 6):
    """One paragraph; a newline inside ``text`` is a line break (the paragraph stays one block)."""
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Cm(1)
    for k, line in enumerate(text.split("\n")):
        run = p.add_run(line)
        _set_font(run, size, bold=bold, italic=italic)
        if k < len(text.split("\n")) - 1:
            run.add_break()
    return p


def _cell_para(cell, text: str, **kw):
    """A paragraph in a table cell: the cell's first (empty) paragraph is used first."""
    kw.setdefault("align", WD_ALIGN_PARAGRAPH.CENTER)
    kw.setdefault("after", 0)
    first = cell.paragraphs[0] if len(cell.paragraphs) == 1 and not cell.paragraphs[0].text else None
    p = _para(cell, text, **kw)
    if first is not None:
        first._element.getparent().remove(first._element)
    return p


def _no_borders(table) -> None:
    tblpr = table._element.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _widths(table, widths_cm: list[float]) -> None:
    table.autofit = False
    for col, w in zip(table.columns, widths_cm):  # the grid LibreOffice lays out by
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _page_number_header(section) -> None:
    """The page number, centred at the top, from page 2 on (Decree 30/2020)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _set_font(run, SMALL_PT)
    for tag, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
            run._element.append(el)
        elif text:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = "2"
            run._element.append(t)


def _header_table(doc, issuer: str, motto: str, place_date: str) -> None:
    lines = [x for x in issuer.split("\n") if x.strip()]
    cut = next((k for k, x in enumerate(lines) if _NUMBER_LINE.match(x)), len(lines))
    body, number = lines[:cut], lines[cut:]
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    # the issuing body bold; the body above it (its parent), when there is one, in regular type
    for k, line in enumerate(body):
        _cell_para(left, line, size=BODY_PT, bold=k == len(body) - 1 or len(body) == 1)
    if not body:
        _cell_para(left, "")
    motto_lines = [x for x in motto.split("\n") if x.strip()]
    for k, line in enumerate(motto_lines):
        _cell_para(right, line, size=BODY_PT if k else SMALL_PT, bold=True)
    nleft, nright = table.rows[1].cells
    for k, line in enumerate(number):
        _cell_para(nleft, line, size=BODY_PT if not k else SMALL_PT, italic=bool(k))
    if not number:
        _cell_para(nleft, "")
    _cell_para(nright, place_date or "", size=BODY_PT, italic=True)
    _widths(table, [6.0, 10.0])
    _para(doc, "", after=0)


def _closing_table(doc, recipients: str, signature: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    rlines = [x for x in recipients.split("\n") if x.strip()] or [""]
    for k, line in enumerate(rlines):
        _cell_para(left, line, size=SMALL_PT if not k else 11, bold=not k, italic=not k,
                   align=WD_ALIGN_PARAGRAPH.LEFT)
    slines = [x for x in signature.split("\n") if x.strip()] or [""]
    for k, line in enumerate(slines):
        last = k == len(slines) - 1 and len(slines) > 1
        p = _cell_para(right, line, size=BODY_PT + 1 if k == 0 else BODY_PT, bold=True)
        if last:  # the space where the signature and the seal go
            p.paragraph_format.space_before = Pt(60)
    _widths(table, [8.0, 8.0])


def _body_table(doc, rows: list[list[str]]) -> None:
    width = max((len(r) for r in rows), default=0)
    if not width:
        return
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for ri, row in enumerate(rows):
        for ci in range(width):
            text = row[ci] if ci < len(row) else ""
            _cell_para(table.rows[ri].cells[ci], text, size=SMALL_PT, bold=ri == 0,
                       align=WD_ALIGN_PARAGRAPH.CENTER if ri == 0 else WD_ALIGN_PARAGRAPH.LEFT)
    _para(doc, "", after=0)


def _body_paragraph(doc, text: str, kind: str) -> None:
    flat = " ".join(text.split())
    if kind == "heading" or (is_upper(flat) and len(flat) < 300 and not _ROMAN_HEAD.match(flat)):
        _para(doc, text, size=TITLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    elif _ROMAN_HEAD.match(flat) and is_upper(flat):
        _para(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, indent=True)
    elif _ANNEX_NOTE.match(flat) and len(flat) < 300:
        _para(doc, text, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    else:
        _para(doc, text, indent=True)


def render_docx(blocks: list[tuple[str, str | None, object]], out: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_number_header(section)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    normal.element.get_or_add_rPr()
    k = 0
    while k < len(blocks):
        kind, role, content = blocks[k]
        if kind == "header" and role == "issuer":
            motto = place = ""
            j = k + 1
            while j < len(blocks) and blocks[j][0] == "header" and blocks[j][1] in ("motto", "place_date"):
                if blocks[j][1] == "motto":
                    motto = blocks[j][2]
                else:
                    place = blocks[j][2]
                j += 1
            _header_table(doc, content, motto, place)
            k = j
            continue
        if kind == "header":  # a motto or place-date block without its issuer: as the right column
            _header_table(doc, "", content if role == "motto" else "", content if role != "motto" else "")
        elif kind == "recipients":
            signature = blocks[k + 1][2] if k + 1 < len(blocks) and blocks[k + 1][0] == "signature" else ""
            _closing_table(doc, content, signature)
            k += 2 if signature else 1
            continue
        elif kind == "signature":
            _closing_table(doc, "", content)
        elif kind == "table":
            _body_table(doc, content)
        else:
            _body_paragraph(doc, content, kind)
        k += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


# -- LibreOffice and the scanner ------------------------------------------------------------------
def soffice_convert(files: list[Path], fmt: str, outdir: Path, profile: Path) -> None:
    """One LibreOffice process for the whole list (a private profile: never another user's instance)."""
    outdir.mkdir(parents=True, exist_ok=True)
    target = {"doc": "doc:MS Word 97", "pdf": "pdf:writer_pdf_Export"}[fmt]
    for chunk in range(0, len(files), 20):
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", target, "--outdir", str(outdir), *map(str, files[chunk:chunk + 20])],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)


def scan_pdf(pdf: Path, out: Path, *, dpi: int = 200, seed: int = 0) -> Path:
    """An image-only PDF that looks like a scan of the printed ``pdf``: each page turned by 0.3-1
    degree, lightly blurred, with sensor noise and a few specks (deterministic per file name)."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = random.Random(int(hashlib.sha256(f"{seed}:{pdf.stem}".encode()).hexdigest()[:8], 16))
    pages: list[Image.Image] = []
    with tempfile.TemporaryDirectory(prefix="render-scan-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True,
                       timeout=600)
        for png in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            img = Image.open(png).convert("L")
            angle = rng.uniform(0.3, 1.0) * rng.choice((-1, 1))
            img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.4, 0.7)))
            arr = np.asarray(img, dtype=np.float32)
            nrng = np.random.default_rng(rng.randrange(2**32))
            arr = arr * rng.uniform(0.92, 0.97) + nrng.normal(0, 7, arr.shape)  # a gray paper, sensor noise
            specks = nrng.random(arr.shape) < 0.0004
            arr[specks] = nrng.uniform(0, 90, int(specks.sum()))
            pages.append(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L"))
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(str(out), "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))
    return out


# -- command line ---------------------------------------------------------------------------------
def sources(src: Path, only: set[str] | None) -> list[Path]:
    files = sorted(p for p in src.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
    return [p for p in files if not only or p.stem in only or any(p.stem.startswith(o) for o in only)]


def render(src: Path, out: Path, formats: list[str], *, only: set[str] | None = None, scan_dpi: int = 200,
           seed: int = 0) -> dict[str, list[Path]]:
    files = sources(src, only)
    made: dict[str, list[Path]] = {f: [] for f in formats}
    work = Path(tempfile.mkdtemp(prefix="render-formats-"))
    try:
        docx_dir = out / "docx" if "docx" in formats else work / "docx"
        docx_files = [render_docx(read_blocks(p), docx_dir / f"{p.stem}.docx") for p in files]
        if "docx" in formats:
            made["docx"] = docx_files
        profile = work / "lo-profile"
        if "doc" in formats:
            soffice_convert(docx_files, "doc", out / "doc", profile)
            made["doc"] = [out / "doc" / f"{p.stem}.doc" for p in docx_files]
        if "pdf" in formats or "scan" in formats:
            pdf_dir = out / "pdf" if "pdf" in formats else work / "pdf"
            soffice_convert(docx_files, "pdf", pdf_dir, profile)
            pdfs = [pdf_dir / f"{p.stem}.pdf" for p in docx_files]
            if "pdf" in formats:
                made["pdf"] = pdfs
            if "scan" in formats:
                made["scan"] = [scan_pdf(p, out / "scan" / p.name, dpi=scan_dpi, seed=seed) for p in pdfs]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path, help="folder of .md / .txt documents")
    ap.add_argument("out", type=Path, help="writes OUT/<format>/<stem>.<ext>")
    ap.add_argument("--to", default="docx,doc,pdf,scan", help="formats, comma-separated: " + ",".join(FORMATS))
    ap.add_argument("--only", default="", help="stems (or stem prefixes) to render, comma-separated")
    ap.add_argument("--scan-dpi", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    formats = [f.strip() for f in args.to.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        ap.error(f"unknown format {', '.join(bad)} (known: {', '.join(FORMATS)})")
    if not args.src.is_dir():
        ap.error(f"{args.src}: not a folder")
    only = {x.strip() for x in args.only.split(",") if x.strip()} or None
    made = render(args.src, args.out, formats, only=only, scan_dpi=args.scan_dpi, seed=args.seed)
    for fmt, files in made.items():
        missing = [p for p in files if not p.exists()]
        print(f"{fmt}: {len(files) - len(missing)} written to {args.out / fmt}"
              + (f"; missing {len(missing)}: {', '.join(p.name for p in missing)}" if missing else ""))
    return 0 if all(p.exists() for files in made.values() for p in files) else 1


if __name__ == "__main__":
    sys.exit(main())
