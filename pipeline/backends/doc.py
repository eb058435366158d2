"""DOC (Word 97-2003): converted to DOCX by LibreOffice headless, then read by the DOCX backend.

Each call gets its own LibreOffice user profile (concurrent conversions otherwise block on one
profile lock) and its own process group, killed as a whole when ``options.convert_timeout`` passes.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.backends.base import Backend
from pipeline.backends.docx import DocxBackend
from schemas.document import ParsedDocument
from schemas.errors import ConversionError, ConverterUnavailableError, EmptyFileError, TimeLimitError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class DocBackend(Backend):
    suffixes = (".doc",)
    fmt = "doc"

    def convert(self, path: Path) -> ParsedDocument:
        soffice = find_soffice()
        if soffice is None:
            raise ConverterUnavailableError(path, kind="DOC")
        with path.open("rb") as fh:
            head = fh.read(8)
        if not head.strip(b"\x00 \t\r\n"):
            raise EmptyFileError(path)
        with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
            tmpdir = Path(tmp)
            # a plain file name: LibreOffice mishandles some characters in paths it is given
            src = tmpdir / ("input.docx" if head.startswith(b"PK") else "input.doc")
            shutil.copyfile(path, src)
            outdir = tmpdir / "out"
            cmd = [soffice, f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--convert-to", "docx", "--outdir", str(outdir), str(src)]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    start_new_session=True, env={**os.environ, "HOME": tmp})
            try:
                _, err = proc.communicate(timeout=self.options.convert_timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # soffice forks: kill the whole group
                proc.communicate()
                raise TimeLimitError(path, seconds=self.options.convert_timeout) from None
            out = outdir / "input.docx"
            if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
                reason = " ".join(err.decode("utf-8", "replace").split())[:200] or f"exit code {proc.returncode}"
                raise ConversionError(path, kind="DOC", reason=reason)
            return DocxBackend(self.options).convert(out, fmt=self.fmt, source_path=path)
