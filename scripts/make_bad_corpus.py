#!/usr/bin/env python3
"""Write the hostile-input corpus (tests/data/bad/ by default) from the real seed files.

Every file here must give either a correct record or one clean error line, never a crash:
empty, truncated and random PDFs, encrypted PDFs (with and without an empty user password), an
image-only PDF (for runs without OCR), a renamed text file as .docx, a DOCX zip bomb, a 50 MB text
file, binary junk named .txt, the same plan in NFD, TCVN3 and VNI, an English document, and one
content under two names. Deterministic: the same bytes on every run.
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
    a = ap.parse_args()
    for p in make(a.out, big_mb=a.big_mb):
        print(f"{p.stat().st_size:>12,}  {p.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
