#!/usr/bin/env python3
"""Write the hostile-input corpus (tests/data/bad/ by default) from the real seed files.

Every file here must give either a correct record or one clean error line, never a crash:
empty, truncated and random PDFs, encrypted PDFs (with and without an empty user password), an
image-only PDF (for runs without OCR), a renamed text file as .docx, a DOCX zip bomb, a 50 MB text
file, binary junk named .txt, the same plan in NFD, TCVN3 and VNI, an English document, and one
content under two names. Deterministic: the same bytes on every run.

Memory and time bombs (``bombs/``, kept apart so that a plain batch over the folder stays quick):
a blank page of 14,400 pt square, a page scaled up by UserUnit, 5,000 pt pages with a little ink,
2,000 blank pages, and a DOCX of many tiny paragraphs that inflates ~300 times.
"""
from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT / "tests" / "data" / "seeds"
SEED = "003_be6c1cea0ccb87ad"  # a short plan: keeps the legacy-encoding copies small

ENGLISH = """ANNUAL REPORT OF THE GARDENING CLUB

The club met every month to discuss the planting of tomatoes and roses.
Members agreed that the greenhouse needs a new roof and that the spring fair
will again sell seedlings to raise money for the library.

Secretary of the club
"""


def legacy_safe(text: str, encoding: str) -> str:
    """The text as the legacy encoding can hold it: TCVN3 (ABC) has no accented capitals (they came
    from a separate upper-case font), so those letters are written in lower case, as such files are."""
    from extractors.legacy import encode

    plain = {"“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "–": "-", "—": "-"}
    out = []
    for ch in text:
        for candidate in (ch, ch.lower(), plain.get(ch, "?")):
            try:
                encode(candidate, encoding)
            except ValueError:
                continue
            out.append(candidate)
            break
    return "".join(out)


def _legacy_bytes(text: str, encoding: str) -> bytes:
    from extractors.legacy import encode

    mojibake = encode(legacy_safe(text, encoding), encoding)
    try:
        return mojibake.encode("cp1252")
    except UnicodeEncodeError:
        return mojibake.encode("latin-1", errors="strict")


def _encrypted(src: Path, dst: Path, user_password: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(src))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    with dst.open("wb") as fh:
        writer.write(fh)


def _zip_bomb(dst: Path, inflated: int) -> None:
    """A .docx whose document.xml inflates to ``inflated`` bytes from a few hundred kilobytes."""
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(inflated >> 20):
                fh.write(chunk)


def _pdf(pages: list[tuple[float, float, bytes, dict[str, str]]]) -> bytes:
    """A minimal PDF: pages of (width, height, content stream, extra page entries), no fonts."""
    objs: list[bytes] = []
    kids = []
    for i, (w, h, content, extra) in enumerate(pages):
        page_no, content_no = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_no} 0 R")
        more = "".join(f" /{k} {v}" for k, v in extra.items())
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:g} {h:g}] /Contents {content_no} 0 R"
                    f"{more} >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()]
    out = bytearray(b"%PDF-1.6\n")
    offsets = []
    for n, body in enumerate(head + objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    return bytes(out)


# a few filled rectangles: ink that is not blank, so the page must be rendered for OCR
_INK = b"0 g 100 100 400 30 re f 100 200 300 30 re f 100 300 350 30 re f"


def _tiny_paragraph_docx(dst: Path, paragraphs: int) -> None:
    """A DOCX whose document.xml is ``paragraphs`` tiny paragraphs (declared sizes honest, under the
    package guard): small on disk, a memory bomb once parsed into a tree."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
                   f'org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}" '
                   'Target="word/document.xml"/></Relationships>')
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document {ns}><w:body>'.encode())
            chunk = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 10_000
            for _ in range(paragraphs // 10_000):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")


def make_bombs(out: Path) -> list[Path]:
    """The memory and time bombs of issue 8 (small files; each one alone would exhaust a machine)."""
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "huge_mediabox.pdf": _pdf([(14_400, 14_400, b"", {})]),
        "user_unit.pdf": _pdf([(2_000, 2_000, _INK, {"UserUnit": "75"})]),
        "big_pages.pdf": _pdf([(5_000, 5_000, _INK, {}) for _ in range(3)]),
        "blank_pages.pdf": _pdf([(595, 842, b"", {}) for _ in range(2_000)]),
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
    _tiny_paragraph_docx(out / "tiny_paragraphs.docx", 8_100_000)
    return [out / n for n in (*files, "tiny_paragraphs.docx")]


def make(out: Path, *, big_mb: int = 50) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    pdf = (SEEDS / "pdf" / f"{SEED}.pdf").read_bytes()
    text = (SEEDS / "txt" / f"{SEED}.txt").read_text(encoding="utf-8")
    rnd = random.Random(20240101)
    files = {
        "empty.txt": b"",
        "empty.pdf": b"",
        "truncated.pdf": pdf[: len(pdf) // 3],
        "random.pdf": b"%PDF-1.7\n" + bytes(rnd.getrandbits(8) for _ in range(20_000)),
        "renamed_text.docx": "Đây là một tệp văn bản, không phải DOCX.\n".encode("utf-8"),
        "junk.txt": bytes(rnd.getrandbits(8) for _ in range(30_000)),
        "plan_nfd.txt": unicodedata.normalize("NFD", text).encode("utf-8"),
        "plan_tcvn3.txt": _legacy_bytes(text, "tcvn3"),
        "plan_vni.txt": _legacy_bytes(text, "vni"),
        "plan_unicode.txt": text.encode("utf-8"),
        "plan_tcvn3_as_unicode.txt": legacy_safe(text, "tcvn3").encode("utf-8"),
        "plan_vni_as_unicode.txt": legacy_safe(text, "vni").encode("utf-8"),
        "english.txt": ENGLISH.encode("utf-8"),
        "same_content_a.txt": text.encode("utf-8"),
        "same_content_b.txt": text.encode("utf-8"),
        "junk_prefix.pdf": b"\r\n<html>garbage before the header</html>\r\n" + pdf,
    }
    written = []
    for name, data in files.items():
        (out / name).write_bytes(data)
        written.append(out / name)
    _encrypted(SEEDS / "pdf" / f"{SEED}.pdf", out / "encrypted_password.pdf", "secret")
    _encrypted(SEEDS / "pdf" / f"{SEED}.pdf", out / "encrypted_empty_password.pdf", "")
    shutil.copy(SEEDS / "scan" / f"{SEED}.pdf", out / "image_only.pdf")
    _zip_bomb(out / "zip_bomb.docx", inflated=400 << 20)
    written += [out / n for n in ("encrypted_password.pdf", "encrypted_empty_password.pdf", "image_only.pdf",
                                  "zip_bomb.docx")]
    if big_mb:
        line = ("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh về công tác "
                "thi đua, khen thưởng năm 2024; Sở Nội vụ chủ trì, phối hợp với các sở, ngành.\n")
        big = out / "big.txt"
        with big.open("w", encoding="utf-8") as fh:
            size = 0
            while size < big_mb << 20:
                fh.write(line)
                size += len(line.encode("utf-8"))
        written.append(big)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path, default=ROOT / "tests" / "data" / "bad")
    ap.add_argument("--big-mb", type=int, default=50, help="size of the large text file (0 = none)")
    ap.add_argument("--bombs", action="store_true", help="also write the memory and time bombs to OUT/bombs")
    a = ap.parse_args()
    written = make(a.out, big_mb=a.big_mb) + (make_bombs(a.out / "bombs") if a.bombs else [])
    for p in written:
        print(f"{p.stat().st_size:>12,}  {p.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
