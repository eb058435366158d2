"""Batch extraction: folders in, one record per document out, safe to interrupt and resume.

Output folder ``OUT``:

- ``OUT/<name>.json``: one record per document (naming rule in :func:`assign_names`);
- ``OUT/records.jsonl``: every record in ``OUT``, one per line, sorted by file name;
- ``OUT/errors.jsonl``: one line ``{file, error, code, message}`` per input that failed in this run;
- ``OUT/.vnplan-manifest.json``: output name -> source path and content sha256, for incremental runs,
  with each document's status, time and warnings; every input that failed with its error and time,
  of which those that failed for good (their content cannot be read: empty, corrupt, encrypted...)
  are not retried while unchanged (``--force`` retries them); the files of unsupported types
  that were ignored. Transient failures (a file that vanished or cannot be opened, a time or memory
  limit) are retried on the next run.
- ``OUT/<stem>.corrections.json`` (beside ``OUT/<stem>.json``): a reviewer's corrections, applied over the fresh record (a change
  to them makes the record again); never read as a record.
- ``OUT/.vnplan-lock``: held while a batch writes to ``OUT``; a second batch on the same ``OUT``
  refuses to start (``output_locked``) instead of interleaving its files with the first one's.

``records.jsonl`` and the manifest are rebuilt from the record files on disk, so they always agree
with them, and a rerun repairs any disagreement left by an older version. Names that are not UTF-8
or hold control characters are processed, and shown and stored in a printable form
(:func:`schemas.errors.printable`). Links that lead out of the input folders are not followed
unless ``follow_links``.

Every file is written atomically (temporary file in ``OUT``, fsync, rename), and ``records.jsonl``
and ``errors.jsonl`` are rebuilt from scratch at the end of each run, so a run killed at any
moment leaves no partial file and no duplicate line, and rerunning it gives the same bytes as an
uninterrupted run. Records hold nothing that depends on the run: ``source.path`` is relative to
the input folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.corrections import corrections_path, is_corrections_file
from pipeline.engines import DEFAULT_MEMORY_LIMIT, Job, make_engine
from pipeline.ingest import SUPPORTED_SUFFIXES
from schemas.errors import (InputNotFoundError, InputUnreadableError, NoDocumentsError, OutputLockedError,
                            OutputWriteError, TimeLimitError, describe, printable)

MANIFEST = ".vnplan-manifest.json"
RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
LOCK = ".vnplan-lock"
_TMP_SUFFIX = ".vnplan-tmp"
#: error codes that the same bytes will give again: an unchanged file is not retried
PERMANENT_ERRORS = frozenset({"empty_file", "corrupt_file", "encrypted_file", "file_too_large", "not_text",
                              "unsupported_format"})


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


@dataclass(frozen=True)
class BatchOptions:
    jobs: int = 0                 # worker processes; 0 = number of cores; 1 = in this process
    force: bool = False           # re-extract unchanged files too
    ocr: bool = True
    engine: str = "local"         # local | dask
    scheduler: str | None = None  # dask scheduler address; None = a LocalCluster
    progress: bool = True         # a progress bar when stdout is a terminal
    time_limit: float = 300.0     # seconds per document; 0 = no limit
    memory_limit: int = DEFAULT_MEMORY_LIMIT  # bytes of address space per worker; 0 = no limit
    max_ocr_pages: int = 300      # pages OCR'd per document; the others are named in its warnings
    follow_links: bool = False    # follow symbolic links that lead out of the input folders


@dataclass
class BatchSummary:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    not_retried: int = 0      # failed, counted in ``failed``: unchanged since it failed for good
    seconds: float = 0.0
    slowest: tuple[str, float] | None = None      # (input path, seconds)
    errors: list[dict] = field(default_factory=list)
    out: Path | None = None
    ignored: list[str] = field(default_factory=list)  # printable paths of unsupported files skipped

    def exit_code(self, *, strict: bool) -> int:
        """Non-zero with ``strict`` and any failure, or when every file failed."""
        if self.failed and (strict or not (self.done or self.skipped)):
            return 1
        return 0

    def format(self) -> str:
        line = f"done {self.done}, skipped {self.skipped}, failed {self.failed}"
        if self.not_retried:
            line += f" ({self.not_retried} unchanged since they failed, not retried; --force retries them)"
        if self.ignored:
            line += f", ignored {len(self.ignored)}: {ignored_counts(self.ignored)}"
        line += f" in {self.seconds:.1f} s"
        if self.slowest:
            line += f"; slowest: {self.slowest[0]} ({self.slowest[1]:.2f} s)"
        if self.failed and self.out is not None:
            line += f"; errors in {self.out / ERRORS}"
        return line


@dataclass(frozen=True)
class InputFile:
    path: Path   # as found (relative to the working folder when the user gave a relative one)
    rel: str     # POSIX path relative to the folder it was found in (its name for a file argument)
    name: str = ""  # output file name in OUT

    @property
    def out_stem(self) -> str:
        return self.name[: -len(".json")]


def ignored_counts(paths: list[str]) -> str:
    """".xlsx ×2, .zip ×1": the ignored files by type, most frequent first."""
    from collections import Counter

    counts = Counter((Path(p).suffix.lower() or "(no suffix)") for p in paths)
    return ", ".join(f"{suffix} ×{n}" for suffix, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))


# -- atomic files ----------------------------------------------------------------------------------

def atomic_write(path: Path, data: bytes | str | Iterable[bytes | str]) -> None:
    """Write ``path`` so that readers (and a crash) see the old file or the new one, never a part.

    ``data`` may be an iterable of chunks, streamed to disk: records.jsonl of a large batch never
    has to sit in memory whole."""
    chunks = [data] if isinstance(data, (bytes, str)) else data
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:  # make the rename itself durable; not possible on every platform
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_temp(folder: Path) -> None:
    """Remove temporary files left by a run that was killed."""
    for tmp in folder.glob(f".*{_TMP_SUFFIX}"):
        try:
            tmp.unlink()
        except OSError:
            pass


# -- finding inputs --------------------------------------------------------------------------------

def _skipped_name(part: str) -> bool:
    return part.startswith(".") or part.startswith("~$")  # hidden files, Office lock files


def _inside(path: Path, roots: list[Path]) -> bool:
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a link loop
        return False
    return any(real.is_relative_to(r) for r in roots)


def discover(inputs: Iterable[str | Path], out: Path | None = None, *, follow_links: bool = False,
             ignored: list[str] | None = None) -> tuple[list[InputFile], list[dict]]:
    """The documents under ``inputs`` (folders searched recursively), named, and the error lines of
    inputs that do not exist. Hidden files and folders and the output folder are skipped; a file
    named explicitly is taken whatever its type (an unsupported one gets an error line later).
    Files of unsupported types found in folders are appended to ``ignored`` (printable paths).
    A link (or a file under a linked folder) that leads out of every input root is skipped unless
    ``follow_links``: a folder of uploads must not pull in ``/etc/passwd``."""
    out_res = Path(out).resolve() if out is not None else None
    found: list[InputFile] = []
    errors: list[dict] = []
    seen: set[Path] = set()
    inputs = [Path(x) for x in inputs]
    roots = [r.resolve() for r in inputs if r.is_dir()]
    for root in inputs:
        if root.is_dir():
            candidates = []
            for p in root.rglob("*"):
                rel = p.relative_to(root)
                if any(_skipped_name(x) for x in rel.parts):
                    continue
                if not follow_links and not _inside(p, roots):
                    continue
                if out_res is not None and p.resolve().is_relative_to(out_res):
                    continue
                if not p.is_file():
                    continue
                if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                    if ignored is not None:
                        ignored.append(printable(p))
                    continue
                candidates.append((rel.parts, p, printable(rel.as_posix())))
            items = [(p, rel) for _parts, p, rel in sorted(candidates, key=lambda x: x[0])]
        elif root.is_file():
            items = [(root, printable(root.name))]
        else:
            errors.append(describe(InputNotFoundError(root), root))
            continue
        for p, rel in items:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                found.append(InputFile(path=p, rel=rel))
    return assign_names(found), errors


def assign_names(files: list[InputFile]) -> list[InputFile]:
    """Output names: ``<stem>.json`` for the first file (in input order) with a given stem, which
    is every file when stems are unique; ``<stem>.<ext>.json`` for the next ones with that stem
    (``x.pdf`` next to ``x.docx`` gives ``x.pdf.json``), and ``<stem>.<ext>.<n>.json`` (n = 2, 3,
    ...) if that is taken too. The record's ``doc_id`` is not the name but its content's id
    (:mod:`pipeline.identity`), so two files with one name never share a record."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for i, f in enumerate(files):
        name = f"{printable(f.path.stem)}.json"
        if name not in taken:
            names[i] = name
            taken.add(name)
    for i, f in enumerate(files):
        if i in names:
            continue
        ext = printable(f.path.suffix.lstrip(".").lower()) or "noext"
        base, n = f"{printable(f.path.stem)}.{ext}", 1
        name = f"{base}.json"
        while name in taken:
            n += 1
            name = f"{base}.{n}.json"
        names[i] = name
        taken.add(name)
    return [InputFile(path=f.path, rel=f.rel, name=names[i]) for i, f in enumerate(files)]


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# -- one document (runs in a worker) ---------------------------------------------------------------

class _Deadline(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` in a backend eats it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_Deadline` after ``seconds`` (main thread only; elsewhere the engine's hard
    deadline applies). A timer that was already running (e.g. pytest-timeout's) is restored."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum, frame):
        raise _Deadline()

    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:
            left = max(old_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, old_interval)


def process_document(job: Job) -> dict:
    """Extract one document; never raises. Returns ``{"ok", "text" | "error", "seconds"}`` where
    ``text`` is the record file's content, ready to write."""
    from pipeline.backends.base import IngestOptions, private_tempdir
    from pipeline.extract import extract_file

    started = time.perf_counter()
    read_as: str | None = None
    try:
        with time_limit(job.time_limit):
            deadline = time.monotonic() + job.time_limit if job.time_limit and job.time_limit > 0 else None
            options = IngestOptions(ocr=job.ocr, max_ocr_pages=job.max_ocr_pages, deadline=deadline)
            if job.data is not None:  # shipped to a remote worker: read a private copy
                with private_tempdir("job") as tmp:
                    copy = Path(tmp) / Path(job.path).name
                    copy.write_bytes(job.data)
                    read_as = str(copy)
                    record = extract_file(copy, options=options, source_path=job.rel)
            else:
                record = extract_file(os.fsdecode(job.path), options=options, source_path=job.rel)
            if read_as:
                record.warnings = [w.replace(read_as, job.path) for w in record.warnings]
            text = record.model_dump_json(indent=1) + "\n"
        return {"ok": True, "text": text, "seconds": time.perf_counter() - started, "warnings": record.warnings,
                "ocr_pages": record.source.ocr_pages}
    except _Deadline:
        error = describe(TimeLimitError(job.path, seconds=f"{job.time_limit:g}"), job.path)
    except Exception as exc:  # every failure becomes an error line; the batch goes on
        error = describe(exc, job.path)
        if read_as:
            error["message"] = error["message"].replace(read_as, job.path)
    return {"ok": False, "error": error, "seconds": time.perf_counter() - started}


# -- the manifest ----------------------------------------------------------------------------------

class Manifest:
    """Output name -> {source, sha256, status, seconds, warnings} of every record in OUT (a cache: the
    records are the truth), and output name -> {source, sha256, error, status, seconds} of inputs that
    failed (only those that failed for good are not retried)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / MANIFEST
        self.entries: dict[str, dict[str, str]] = {}
        self.failures: dict[str, dict] = {}
        self.ignored: list[str] = []
        self._saved_at = time.monotonic()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.entries = {k: v for k, v in data.get("records", {}).items()
                            if isinstance(v, dict) and "sha256" in v and "source" in v}
            self.failures = {k: v for k, v in data.get("failures", {}).items()
                             if isinstance(v, dict) and "sha256" in v and "source" in v and "error" in v}
        except (OSError, ValueError, AttributeError):
            pass

    def known_failure(self, f: InputFile, sha: str) -> dict | None:
        """The error line of an unchanged input that failed for good in an earlier run (a failure that may
        pass another time, such as a time limit, is tried again)."""
        entry = self.failures.get(f.name)
        if (entry and entry["sha256"] == sha and entry["source"] == f.rel
                and entry["error"].get("code") in PERMANENT_ERRORS):
            return entry["error"]
        return None

    def fail(self, f: InputFile, sha: str, error: dict, *, seconds: float | None = None) -> None:
        """Every failure is kept with its status and time (the manifest reports each document)."""
        self.failures[f.name] = {"source": f.rel, "sha256": sha, "error": error, "status": "failed",
                                 **({"seconds": round(seconds, 3)} if seconds is not None else {})}

    def is_current(self, f: InputFile, sha: str) -> bool:
        """True when OUT holds a record of exactly this content for this input."""
        record = self.out / f.name
        if not record.is_file():
            return False
        entry = self.entries.get(f.name)
        if entry is not None:
            return entry["sha256"] == sha and entry["source"] == f.rel
        try:  # written by a run killed before it saved the manifest
            data = json.loads(record.read_text(encoding="utf-8"))
            source = data["source"]
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if source.get("sha256") == sha and source.get("path") == f.rel:
            self.set(f, sha, {"warnings": data.get("warnings") or [], "ocr_pages": source.get("ocr_pages")})
            self.entries[f.name].pop("seconds")  # that run's time was not kept
            return True
        return False

    def set(self, f: InputFile, sha: str, result: dict | None = None) -> None:
        """A record made (or found current): with this run's status, time and warnings when it made it."""
        entry: dict = {"source": f.rel, "sha256": sha}
        if result is not None:
            entry.update(status="done", seconds=round(result.get("seconds", 0.0), 3),
                         warnings=list(result.get("warnings", [])))
            if result.get("ocr_pages"):
                entry["ocr_pages"] = result["ocr_pages"]
        self.entries[f.name] = entry
        self.failures.pop(f.name, None)

    def drop(self, name: str) -> None:
        self.entries.pop(name, None)
        try:
            (self.out / name).unlink()
        except FileNotFoundError:
            pass

    def prune(self, files: list[InputFile]) -> None:
        """Forget records whose file is gone, and old names of inputs that now have another name."""
        current = {f.name for f in files}
        rels = {f.rel for f in files}
        self.failures = {k: v for k, v in self.failures.items() if k in current}
        for name, entry in list(self.entries.items()):
            if not (self.out / name).is_file():
                self.entries.pop(name)
            elif name not in current and entry["source"] in rels:
                self.drop(name)

    def save(self, *, every: float = 0.0) -> None:
        if every and time.monotonic() - self._saved_at < every:
            return
        data = {"version": 1, "records": dict(sorted(self.entries.items())),
                "failures": dict(sorted(self.failures.items())), "ignored": sorted(self.ignored)}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        self._saved_at = time.monotonic()


def adopt_records(out: Path, manifest: Manifest) -> None:
    """Make the manifest list exactly the record files in ``out``: a record written by a run that
    was killed (or, before the lock existed, by a second batch on the same folder) is added from
    its own ``source``, an entry whose file is gone is dropped."""
    for name in list(manifest.entries):
        if not (out / name).is_file():
            manifest.entries.pop(name)
    for path in out.glob("*.json"):
        if path.name in manifest.entries or path.name.startswith(".") or is_corrections_file(path):
            continue  # a reviewer's corrections file is never a record
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            source = data["source"]
            entry = {"source": str(source["path"]), "sha256": str(source["sha256"]),
                     # its status and warnings from the record itself; the time of the run that made it is lost
                     "status": "done", "warnings": list(data.get("warnings") or [])}
            if source.get("ocr_pages"):
                entry["ocr_pages"] = source["ocr_pages"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # not a record of ours
        manifest.entries[path.name] = entry
        manifest.failures.pop(path.name, None)


def rebuild_records(out: Path, manifest: Manifest) -> int:
    """Write ``records.jsonl`` from the record files, one compact line each, sorted by name (streamed)."""
    count = 0
    adopt_records(out, manifest)

    def lines() -> Iterator[str]:
        nonlocal count
        for name in sorted(manifest.entries):
            try:
                obj = json.loads((out / name).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                manifest.entries.pop(name)
                continue
            count += 1
            yield json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"

    atomic_write(out / RECORDS, lines())
    return count


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold ``OUT/.vnplan-lock`` for the whole batch (released by the kernel if we are killed); a
    second batch on the same folder gets :class:`OutputLockedError` at once."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        yield
        return
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputLockedError(out) from None
        yield  # the file stays empty: the output of a run is the same bytes whoever ran it
    finally:
        os.close(fd)


# -- the batch -------------------------------------------------------------------------------------

def _progress(enabled: bool, total: int):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    console = Console(stderr=True)
    show = enabled and sys.stdout.isatty() and console.is_terminal
    progress = Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TextColumn("eta"),
                        TimeRemainingColumn(), TimeElapsedColumn(), TextColumn("{task.fields[now]}"),
                        TextColumn("[dim]{task.fields[last]}"), console=console, disable=not show, transient=False)
    return progress, progress.add_task("extract", total=total, last="", now="")


def _report(progress, task, log: bool, done: int, total: int, f: InputFile, result: dict) -> None:
    """A finished file: named on the bar (with its time and OCR'd pages), or one line of its own in a log."""
    seconds = result.get("seconds", 0.0)
    if result["ok"]:
        ocr = result.get("ocr_pages") or []
        notes = [f"OCR {len(ocr)} page{'s' if len(ocr) != 1 else ''}"] if ocr else []
        notes += [f"{len(result.get('warnings', []))} warnings"] if result.get("warnings") else []
        state = "ok" + (f" ({', '.join(notes)})" if notes else "")
    else:
        state = f"failed ({result['error'].get('code', 'error')})"
    if log:
        print(f"[{done}/{total}] {f.rel}  {seconds:.2f} s  {state}", file=sys.stderr, flush=True)
    else:
        progress.update(task, last=f"last: {f.rel} {seconds:.1f} s {state}")


def _with_corrections(result: dict, record_path: Path) -> dict:
    """The fresh record with the reviewer's saved corrections applied over it (pipeline/corrections.py)."""
    from pipeline.corrections import apply_saved_corrections
    from schemas.record import Record

    try:
        record = apply_saved_corrections(Record.model_validate_json(result["text"]), record_path)
    except Exception as exc:  # noqa: BLE001 - a bad corrections file is this document's error line
        return {"ok": False, "error": describe(exc, str(corrections_path(record_path))), "seconds": result["seconds"]}
    return {**result, "text": record.model_dump_json(indent=1) + "\n"}


def run_batch(inputs: list[Path], out: Path, *, options: BatchOptions = BatchOptions(),
              on_error: Callable[[dict], None] | None = None) -> BatchSummary:
    """Extract every document under ``inputs`` into ``out``; see the module docstring.

    ``on_error`` is called with each error line as it happens (the CLI prints it). Raises
    ``NoDocumentsError`` when the inputs hold no document at all, ``EngineError`` for an unknown
    engine or an unreachable Dask scheduler, ``OutputLockedError`` when another batch writes to
    ``out``, ``OutputWriteError`` when ``out`` cannot be written (a full disk: the files written
    before stay valid); everything else is an error line.
    """
    started = time.perf_counter()
    out = Path(out)
    ignored: list[str] = []
    files, errors = discover(inputs, out, follow_links=options.follow_links, ignored=ignored)
    if not files and not errors:
        raise NoDocumentsError(", ".join(map(str, inputs)) or ".")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with output_lock(out):
            return _run_locked(files, errors, ignored, out, options, on_error, started)
    except OSError as exc:  # ENOSPC, EROFS, EACCES on the output folder
        raise OutputWriteError(out, reason=exc.strerror or type(exc).__name__) from None


def _run_locked(files: list[InputFile], errors: list[dict], ignored: list[str], out: Path,
                options: BatchOptions, on_error: Callable[[dict], None] | None, started: float) -> BatchSummary:
    clean_temp(out)
    summary = BatchSummary(out=out, failed=len(errors), ignored=ignored)
    failures: dict[int, dict] = {}
    for err in errors:
        on_error and on_error(err)

    manifest = Manifest(out)
    manifest.ignored = ignored
    todo: list[tuple[int, InputFile, str]] = []
    for i, f in enumerate(files):
        try:
            sha = file_sha256(f.path)
            corrections = corrections_path(out / f.name)
            if corrections.is_file():  # new or changed corrections: the record is made again with them
                sha = f"{sha}+corrections:{file_sha256(corrections)[:16]}"
        except OSError as exc:  # gone or unreadable since it was found: retried next run
            failures[i] = describe(InputUnreadableError(f.path, reason=exc.strerror or type(exc).__name__))
            on_error and on_error(failures[i])
            continue
        known = None if options.force else manifest.known_failure(f, sha)
        if known is not None:
            failures[i] = known  # still failed; listed again in errors.jsonl, not retried
            summary.not_retried += 1
        elif not options.force and manifest.is_current(f, sha):
            summary.skipped += 1  # its manifest entry keeps the status, time and warnings of the run that made it
        else:
            todo.append((i, f, sha))

    jobs = [Job(path=os.fsdecode(f.path), rel=f.rel, out_stem=f.out_stem, ocr=options.ocr,
                time_limit=options.time_limit, max_ocr_pages=options.max_ocr_pages)
            for _i, f, _sha in todo]
    progress, task = _progress(options.progress, len(files))
    # not a terminal (a log, CI): one line per finished file instead of a bar
    log = options.progress and progress.disable
    finished = summary.skipped + len(failures)
    try:
        with progress:
            progress.update(task, completed=finished)
            if jobs:
                engine = make_engine(options.engine, jobs=options.jobs, n_docs=len(jobs),
                                     time_limit=options.time_limit, scheduler=options.scheduler,
                                     memory_limit=options.memory_limit)
                running: dict[int, str] = {}

                def on_event(k: int, event: str) -> None:
                    """The bar names the files being read now, and the page an OCR is on."""
                    if log:
                        return
                    running[k] = todo[k][1].rel + ("" if event == "start" else f" ({event})")
                    progress.update(task, now="reading: " + ", ".join(running[x] for x in sorted(running)[:3]))

                for k, result in engine.run(process_document, jobs, on_event=on_event):
                    running.pop(k, None)
                    i, f, sha = todo[k]
                    if isinstance(result, BaseException):
                        result = {"ok": False, "error": describe(result, f.path), "seconds": 0.0}
                    if result["ok"] and corrections_path(out / f.name).is_file():
                        result = _with_corrections(result, out / f.name)
                    finished += 1
                    _report(progress, task, log, finished, len(files), f, result)
                    if result["ok"]:
                        atomic_write(out / f.name, result["text"])
                        manifest.set(f, sha, result)
                        summary.done += 1
                        if summary.slowest is None or result["seconds"] > summary.slowest[1]:
                            summary.slowest = (printable(f.path), result["seconds"])
                    else:
                        if f.name in manifest.entries or (out / f.name).exists():
                            manifest.drop(f.name)  # the old record is of other content: not this file's
                        failures[i] = result["error"]
                        manifest.fail(f, sha, result["error"], seconds=result.get("seconds"))
                        if on_error:  # while the bar is live, rich shows what is printed above it
                            on_error(result["error"])
                    manifest.save(every=2.0)
                    progress.advance(task)
    finally:  # also when the disk fills up: the index files describe the records that were written
        errors += [failures[i] for i in sorted(failures)]
        manifest.prune(files)
        try:
            rebuild_records(out, manifest)
            manifest.save()
            atomic_write(out / ERRORS, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
        except OSError:
            pass  # the disk is full: the old index files are intact; the next run rebuilds them
    summary.failed = len(errors)
    summary.errors = errors
    summary.seconds = time.perf_counter() - started
    return summary


def iter_inputs(inputs: list[Path]) -> list[Path]:
    """The input files ``run_batch`` would read (kept for callers of the first version)."""
    return [f.path for f in discover(inputs)[0]]
