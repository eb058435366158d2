"""DOC (Word 97-2003): converted to DOCX by LibreOffice headless, then read by the DOCX backend.

Each call gets its own LibreOffice user profile (concurrent conversions otherwise block on one
profile lock) and its own process group, killed as a whole when ``options.convert_timeout`` passes.

LibreOffice sometimes flattens a table of a .doc into one run of text (cells glued together), which
loses appendix task tables. antiword reads the same file's tables reliably, so when antiword is
installed and finds more tables than LibreOffice kept, its DocBook output is rebuilt as a DOCX and
read instead. antiword alone is also the fallback when LibreOffice is missing.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import xml.etree.ElementTree as ET

from pipeline.backends.base import Backend, private_tempdir, set_parent_death_signal
from pipeline.backends.docx import DocxBackend
from schemas.document import ParsedDocument
from schemas.errors import ConversionError, ConverterUnavailableError, EmptyFileError, TimeLimitError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_TEXT = b"mimetype" + b"application/vnd.oasis.opendocument.text"
_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<\?xml[^>]*>\s*<html|mime-version:)", re.I)


def sniff_word(head: bytes) -> str:
    """What a word-processor file really is, from its first bytes (portals serve HTML and RTF as .doc):
    doc | docx | odt | rtf | html; "doc" when nothing else is recognised."""
    body = head.lstrip(b"\xef\xbb\xbf")
    if body.startswith(_OLE_MAGIC):
        return "doc"
    if body.startswith(b"PK"):
        return "odt" if _ODF_TEXT in body[:120] else "docx"
    if body.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if _HTML.match(body[:2048]):
        return "html"
    return "doc"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class DocBackend(Backend):
    """.doc, .odt and .rtf: whatever the content really is (sniffed), LibreOffice converts it to DOCX."""

    suffixes = (".doc", ".odt", ".rtf")
    fmt = "doc"

    def convert(self, path: Path) -> ParsedDocument:
        with path.open("rb") as fh:
            first = fh.read(4096)
        head = first[:8]
        if not first.strip(b"\x00 \t\r\n"):
            raise EmptyFileError(path)
        kind = sniff_word(first)
        fmt = {"odt": "odt", "rtf": "rtf"}.get(path.suffix.lower().lstrip("."), self.fmt)
        soffice = find_soffice()
        docbook = antiword_docbook(path, timeout=self.options.convert_timeout) if head == _OLE_MAGIC else None
        if soffice is None:
            if docbook is None:
                raise ConverterUnavailableError(path, kind="DOC")
            return self._from_docbook(path, docbook)
        with private_tempdir("doc") as tmp:
            tmpdir = Path(tmp)
            # a plain file name, with the suffix of what the file really is: LibreOffice mishandles some
            # characters in paths, and reads HTML saved as .doc only when told it is HTML
            src = tmpdir / f"input.{kind}"
            with open(path, "rb") as fin, open(os.open(src, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as fout:
                shutil.copyfileobj(fin, fout)  # the user's document: private to us
            outdir = tmpdir / "out"
            # HTML opens in Writer/Web, whose plain "docx" has no export filter: name Word's filter
            target = "docx:MS Word 2007 XML" if kind == "html" else "docx"
            cmd = [soffice, f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", str(outdir), str(src)]
            timeout = self.options.convert_timeout
            if self.options.deadline is not None:
                timeout = max(1.0, min(timeout, self.options.deadline - time.monotonic()))
            guard = shutil.which("timeout")
            if guard:
                # coreutils timeout leads LibreOffice's process group: when we die (even by kill -9)
                # the kernel sends it SIGTERM, which it passes to the whole group, then SIGKILL
                cmd = [guard, "--kill-after=5", f"{timeout + 5:g}", *cmd]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                                    env={**os.environ, "HOME": tmp},
                                    preexec_fn=lambda: set_parent_death_signal(signal.SIGTERM))
            try:
                _, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                raise TimeLimitError(path, seconds=f"{timeout:g}") from None
            finally:
                # whatever stops us (our timeout, the batch's alarm, Ctrl-C): soffice forks and keeps
                # running on its own, so its whole process group goes, before the folder is removed
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                if proc.returncode is None:
                    proc.kill()
                    proc.wait()
            out = outdir / "input.docx"
            if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
                reason = " ".join(err.decode("utf-8", "replace").split())[:200] or f"exit code {proc.returncode}"
                raise ConversionError(path, kind=path.suffix.lstrip(".").upper() or "DOC", reason=reason)
            if docbook is not None and docbook.count("<informaltable") > _docx_table_count(out):
                parsed = self._from_docbook(path, docbook)
                parsed.warnings.append("LibreOffice flattened tables of this .doc; read with antiword instead")
                return parsed
            parsed = DocxBackend(self.options).convert(out, fmt=fmt, source_path=path)
            if kind != path.suffix.lower().lstrip(".") and not (kind == "doc" and fmt != "doc"):
                parsed.warnings.append(f"this {path.suffix.lower()} file is really {kind.upper()}; read as such")
            return parsed

    def _from_docbook(self, path: Path, docbook: str) -> ParsedDocument:
        with private_tempdir("doc") as tmp:
            out = Path(tmp) / "antiword.docx"
            try:
                docbook_to_docx(docbook, out)
            except ET.ParseError as exc:
                raise ConversionError(path, kind="DOC", reason=f"antiword output unreadable: {exc}") from None
            return DocxBackend(self.options).convert(out, fmt=self.fmt, source_path=path)


def _docx_table_count(docx: Path) -> int:
    import zipfile

    with zipfile.ZipFile(docx) as z:
        return len(re.findall(rb"<w:tbl>", z.read("word/document.xml")))


def antiword_docbook(path: Path, *, timeout: float) -> str | None:
    """antiword's DocBook rendering of a .doc, or None when antiword is missing or fails."""
    exe = shutil.which("antiword")
    if exe is None:
        return None
    try:
        res = subprocess.run([exe, "-x", "db", str(path)], capture_output=True, timeout=timeout)
    except (subprocess.TimeoutExpired, OSError):
        return None
    if res.returncode != 0 or not res.stdout:
        return None
    return res.stdout.decode("utf-8", errors="replace")


def _lines(el: ET.Element) -> list[str]:
    return [x.strip() for x in "".join(el.itertext()).split("\n") if x.strip()]


def docbook_to_docx(docbook: str, out: Path) -> None:
    """Rebuild antiword's DocBook (paragraphs and tables, in order) as a DOCX for the DOCX backend."""
    import docx

    # the DOCTYPE names an external DTD: drop it so that nothing is ever fetched
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", docbook, count=1))
    document = docx.Document()
    for el in root.iter():
        if el.tag == "para" and el.find(".//informaltable") is None:
            text = " ".join(_lines(el))
            if text:
                document.add_paragraph(text)
        elif el.tag == "informaltable":
            rows = el.findall(".//row")
            width = max((len(r.findall("entry")) for r in rows), default=0)
            if not rows or not width:
                continue
            table = document.add_table(rows=len(rows), cols=width)
            for ri, row in enumerate(rows):
                for ci, entry in enumerate(row.findall("entry")):
                    cell = table.cell(ri, ci)
                    lines = _lines(entry)
                    cell.text = lines[0] if lines else ""
                    for line in lines[1:]:
                        cell.add_paragraph(line)
    document.save(str(out))
