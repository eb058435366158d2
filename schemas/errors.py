"""Every error vnplan raises, with its one-line message.

Errors and their messages live here and nowhere else, so that a batch can turn any of them
into a clean error line (type + message) instead of a traceback.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

# C0/C1 controls (ESC starts terminal escape sequences), DEL, and lone surrogates (undecodable bytes)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(path: str | Path | bytes) -> str:
    """A file name as it can be printed and stored in JSON: bytes that are not UTF-8 (names from
    zips made on Windows) and control characters become ``\\xNN`` escapes, so that no name can
    break a record, a terminal or a log line. Valid UTF-8 names are unchanged."""
    if isinstance(path, bytes):
        text = path.decode("utf-8", "surrogateescape")
    else:
        text = os.fspath(path)

    def escape(m: re.Match) -> str:
        ch = m.group()
        if "\udc80" <= ch <= "\udcff":  # an undecodable byte kept by surrogateescape
            return f"\\x{ord(ch) - 0xdc00:02x}"
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"

    return _UNPRINTABLE.sub(escape, text)


# The one-line message of every error, by its code (the code is written to errors.jsonl): each class below
# names its code, and takes its message from here.
MESSAGES: dict[str, str] = {
    "error": "{path}: processing failed",
    "unsupported_format": "{path}: unsupported file type {suffix!r}; expected one of {known}",
    "empty_file": "{path}: the file is empty",
    "corrupt_file": "{path}: cannot read this {kind} file ({reason})",
    "encrypted_file": "{path}: the PDF is encrypted and needs a password",
    "file_too_large": "{path}: {what} is {size} bytes, over the limit of {limit} bytes",
    "not_text": "{path}: this does not look like text ({reason})",
    "ocr_unavailable": ("{path}: page {page} has no text layer and OCR is unavailable ({reason}); "
                        "install it with: apt-get install tesseract-ocr tesseract-ocr-vie"),
    "conversion_failed": "{path}: converting {kind} failed ({reason})",
    "converter_unavailable": ("{path}: reading {kind} files needs LibreOffice, which was not found; "
                              "install it with: apt-get install libreoffice-writer-nogui"),
    "time_limit": "{path}: processing took longer than the limit of {seconds} s",
    "no_documents": "{path}: no supported documents found",
    "gold_format": "{path}: not a gold annotation file ({reason})",
    "resource_limit": "{path}: reading it needs more memory than the ceiling of {limit} (--memory-limit)",
    "blank_document": "{path}: no text found: {reason}",
    "unreadable": "{path}: cannot open the file now ({reason}); it is retried on the next run",
    "internal_error": "{path}: internal error {kind} while reading this file (a bug in vnplan, not your file): {reason}",
    "not_found": "{path}: no such file or folder",
    "output_locked": ("{path}: another vnplan batch is writing to this output folder; "
                      "wait for it to finish or choose another --out"),
    "output_write": "{path}: cannot write the output ({reason}); the files written before are kept and valid",
    "worker_crash": "{path}: the worker process died while reading this file ({reason})",
    "record_format": "{path}: not a vnplan record ({reason})",
    "engine": "{path}: the {engine} engine is unavailable ({reason})",
    "archive_not_found": "{path}: no archive database here; build one with: vnplan index DIR --db {path}",
    "archive": "{path}: cannot read the archive ({reason})",
    "lexicon_missing": "{path}: a language data file is missing; reinstall vnplan or restore extractors/data",
    "content_mismatch": "{path}: the content is not a {suffix} file ({reason})",
    "record_not_found": "{path}: no record with this id",
    "text_too_long": "{path}: {what} has {size} characters, over the limit of {limit} characters",
    "unknown_value": "{path}: unknown value {value!r}; allowed: {allowed}",
    "invalid_date": "{path}: {value!r} is not a date; expected YYYY-MM-DD",
    "corrections_format": "{path}: not a corrections file ({reason})",
    "job_not_found": "{path}: no such job (jobs are kept in memory until the server stops)",
    "ocr_off": ("{path}: page {page} has no text layer and OCR was switched off (--no-ocr); "
                "run without --no-ocr to read it"),
    "query_too_long": "{path}: the query has {words} words, over the limit of {limit}; shorten it",
    "not_an_archive": "{path}: not a vnplan archive (not an SQLite database: {reason}); pass the file vnplan index wrote",
    "body_timeout": "{path}: the request body stopped arriving for {seconds} s",
    "queue_full": "{path}: {capacity} documents are already being extracted or waiting; retry later",
}


class VnplanError(Exception):
    """Base of all expected failures on bad input or a missing system dependency."""

    #: short stable identifier written to errors.jsonl; it picks the message from MESSAGES
    code = "error"
    template = MESSAGES["error"]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.template = MESSAGES[cls.code]  # a class without its message fails at import, not when raised

    def __init__(self, path: str | Path | None = None, **details: object) -> None:
        self.path = printable(path) if path is not None else "<input>"
        self.details = details
        try:
            message = self.template.format(path=self.path, **details)
        except (KeyError, IndexError):  # a template/detail mismatch must never hide the real error
            message = f"{self.path}: {self.code}"
        # always one line: the message is printed and logged as is
        self.message = " ".join(message.split())
        super().__init__(self.message)


class UnsupportedFormatError(VnplanError):
    code = "unsupported_format"


class EmptyFileError(VnplanError):
    code = "empty_file"


class CorruptFileError(VnplanError):
    code = "corrupt_file"


class EncryptedFileError(VnplanError):
    code = "encrypted_file"


class FileTooLargeError(VnplanError):
    code = "file_too_large"


class NotTextError(VnplanError):
    code = "not_text"


class OcrUnavailableError(VnplanError):
    code = "ocr_unavailable"


class ConversionError(VnplanError):
    code = "conversion_failed"


class ConverterUnavailableError(VnplanError):
    code = "converter_unavailable"


class TimeLimitError(VnplanError):
    code = "time_limit"


class NoDocumentsError(VnplanError):
    code = "no_documents"


class GoldFormatError(VnplanError):
    code = "gold_format"


class ResourceLimitError(VnplanError):
    code = "resource_limit"


class BlankDocumentError(VnplanError):
    code = "blank_document"


class InputUnreadableError(VnplanError):
    """The input vanished or cannot be opened now: transient, retried on the next run."""

    code = "unreadable"


class InternalError(VnplanError):
    """A bug in vnplan (or a broken installation), never the user's file."""

    code = "internal_error"


def _memory_ceiling() -> str:
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    except (ImportError, OSError, ValueError):
        soft = -1
    return f"{soft / 2**20:.0f} MB" if soft > 0 else "this machine's memory"


def describe(exc: BaseException, path: str | Path | None = None) -> dict[str, str]:
    """The error line for any exception: known ones keep their message, others get one line too."""
    where = printable(path) if path is not None else None
    if isinstance(exc, MemoryError):
        exc = ResourceLimitError(path, limit=_memory_ceiling())
    if isinstance(exc, VnplanError):
        return {"file": where or exc.path, "error": type(exc).__name__, "code": exc.code,
                "message": exc.message}
    text = printable(" ".join(str(exc).split())) or type(exc).__name__
    return {"file": where or "<input>", "error": type(exc).__name__, "code": "internal_error",
            "message": f"{where or '<input>'}: unexpected {type(exc).__name__}: {text}"[:500]}


# -- batch runs and exports ----------------------------------------------------------------------

class InputNotFoundError(VnplanError):
    code = "not_found"


class OutputLockedError(VnplanError):
    code = "output_locked"


class OutputWriteError(VnplanError):
    code = "output_write"


class WorkerCrashError(VnplanError):
    code = "worker_crash"


class RecordFormatError(VnplanError):
    code = "record_format"


class EngineError(VnplanError):
    code = "engine"


# -- archive, API and review page ----------------------------------------------------------------

class ArchiveNotFoundError(VnplanError):
    code = "archive_not_found"


class ArchiveError(VnplanError):
    code = "archive"


class LexiconMissingError(VnplanError):
    code = "lexicon_missing"


class ContentMismatchError(VnplanError):
    code = "content_mismatch"


class RecordNotFoundError(VnplanError):
    code = "record_not_found"


class TextTooLongError(FileTooLargeError):
    code = "text_too_long"


class UnknownValueError(VnplanError):
    code = "unknown_value"


class InvalidDateError(VnplanError):
    code = "invalid_date"


class CorrectionsFormatError(VnplanError):
    code = "corrections_format"


class JobNotFoundError(VnplanError):
    code = "job_not_found"


class OcrSwitchedOffError(OcrUnavailableError):  # unavailable by choice: nothing to install
    code = "ocr_off"


class QueryTooLongError(VnplanError):
    code = "query_too_long"


class NotAnArchiveError(ArchiveError):
    code = "not_an_archive"


class BodyTimeoutError(VnplanError):
    code = "body_timeout"


class QueueFullError(VnplanError):
    code = "queue_full"
