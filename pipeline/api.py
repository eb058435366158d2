"""The REST API for other systems: ``create_app(settings) -> FastAPI`` (run by ``vnplan serve``).

- ``POST /v1/extract``: multipart upload ``file`` -> the record JSON (kept under ``records_dir``);
- ``GET /v1/records/{id}``: a record extracted through the API;
- ``GET /v1/search?q=...``: the archive built by ``vnplan index`` (when ``db`` is set);
- ``GET /healthz``; OpenAPI docs at ``/docs``.

Safety: the request body is counted while it streams in (413 past the limit, before it is all read);
only known suffixes whose content also looks right are read (415 otherwise); the upload is written to a
temporary file whose name carries only the validated suffix, never the client's file name; each document
is extracted in its own worker process, killed past the time limit (504). Errors carry
``{error, code, message}`` from ``schemas.errors.describe``.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import multiprocessing
import os
import re
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, File, Query, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.identity import content_id
from schemas.errors import (ArchiveNotFoundError, BodyTimeoutError, ContentMismatchError, EmptyFileError,
                            FileTooLargeError, JobNotFoundError, QueueFullError, QueryTooLongError,
                            RecordNotFoundError, TimeLimitError, UnknownValueError, UnsupportedFormatError, VnplanError,
                            WorkerCrashError, describe)
from schemas.record import Record

API_VERSION = "v1"
#: multipart framing around the file (boundaries, part headers) allowed on top of the file size limit
FRAMING_BYTES = 64 * 1024
CHUNK = 1024 * 1024
#: jobs kept in memory for GET /v1/jobs/{id}; past this the oldest finished ones are forgotten
MAX_JOBS = 1000


@dataclass(frozen=True)
class ApiSettings:
    db: Path | None = None              # archive for /v1/search
    records_dir: Path | None = None     # where records extracted through the API are kept (None: not kept)
    max_upload_bytes: int = 20 * 1024 * 1024
    timeout: float = 60.0               # seconds per document
    workers: int = 1                    # documents extracted at the same time
    queue: int = 8                      # extractions that may wait for a worker; past it: 503 + Retry-After
    header_timeout: float = 10.0        # seconds a connection may take to send its request headers
    body_timeout: float = 30.0          # seconds the request body may pause between two chunks (408 past it)
    ocr: bool = True
    allowed_suffixes: tuple[str, ...] | None = None  # None: every suffix the pipeline reads


class ErrorBody(BaseModel):
    """Every error answer: the error class, its stable code and its one-line message."""
    error: str
    code: str
    message: str


# -- content sniffing ----------------------------------------------------------------------------

def _is_text(head: bytes) -> bool:
    return b"\x00" not in head


def _word_kind(head: bytes) -> str:
    from pipeline.backends.doc import sniff_word

    return sniff_word(head)


#: suffix -> (test on the first bytes, what it expects): the suffix alone is the client's word
SNIFFERS = {
    ".pdf": (lambda h: b"%PDF-" in h[:1024], "no %PDF- header"),
    ".docx": (lambda h: h.startswith(b"PK\x03\x04"), "not a zip package"),
    ".odt": (lambda h: h.startswith(b"PK\x03\x04"), "not a zip package"),
    # portals serve HTML, RTF and DOCX as .doc: the DOC backend reads what the content really is
    ".doc": (lambda h: h.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") or _word_kind(h) != "doc",
             "not a Word document (OLE2, DOCX, RTF or HTML)"),
    ".rtf": (lambda h: h.startswith(b"{\\rtf"), "no {\\rtf header"),
    ".txt": (_is_text, "binary bytes in a text file"),
    ".md": (_is_text, "binary bytes in a text file"),
    ".html": (_is_text, "binary bytes in a text file"),
    ".htm": (_is_text, "binary bytes in a text file"),
    ".png": (lambda h: h.startswith(b"\x89PNG\r\n\x1a\n"), "no PNG signature"),
    ".jpg": (lambda h: h.startswith(b"\xff\xd8\xff"), "no JPEG signature"),
    ".jpeg": (lambda h: h.startswith(b"\xff\xd8\xff"), "no JPEG signature"),
    ".tif": (lambda h: h[:4] in (b"II*\x00", b"MM\x00*"), "no TIFF signature"),
    ".tiff": (lambda h: h[:4] in (b"II*\x00", b"MM\x00*"), "no TIFF signature"),
}


def allowed_suffixes(settings: ApiSettings) -> tuple[str, ...]:
    from pipeline.ingest import SUPPORTED_SUFFIXES

    known = tuple(s for s in SUPPORTED_SUFFIXES if s in SNIFFERS)  # never read what we cannot sniff
    if settings.allowed_suffixes is not None:
        known = tuple(s for s in known if s in settings.allowed_suffixes)
    return known


def check_content(suffix: str, head: bytes, name: str) -> None:
    test, expected = SNIFFERS[suffix]
    if not test(head):
        raise ContentMismatchError(name, suffix=suffix, reason=expected)


def safe_stem(filename: str | None) -> str:
    """A record id from the client's file name: word characters, dots and dashes only; never a path."""
    stem = Path((filename or "").replace("\\", "/")).stem
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._")[:120]
    return stem or "upload"


_ID = re.compile(r"^[\w-][\w.-]{0,119}$")


# -- extraction in a worker process ----------------------------------------------------------------

def _extract_worker(path: str, name: str, ocr: bool, conn) -> None:
    """Runs in the worker process: send back ("ok", record json) or ("error", describe dict)."""
    try:
        from pipeline.backends.base import IngestOptions
        from pipeline.extract import extract_file

        # the record names the client's file, not the temporary copy; no path here means anything to the client
        record = extract_file(path, options=IngestOptions(ocr=ocr), source_path=name,
                              source_name=name)
        conn.send(("ok", record.model_dump_json()))
    except BaseException as exc:  # noqa: BLE001 - the parent turns it into an error body
        info = describe(exc, name)
        info["message"] = info["message"].replace(path, name)
        conn.send(("error", info))
    finally:
        conn.close()


_CTX_LOCK = threading.Lock()
_CTX = None


def _context():
    """A forkserver whose server has imported the pipeline once: each document forks a warm process."""
    global _CTX
    with _CTX_LOCK:
        if _CTX is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["pipeline.extract", "pipeline.api"])
            _CTX = ctx
        return _CTX


def extract_isolated(path: Path, name: str, *, timeout: float, ocr: bool = True) -> str:
    """Extract ``path`` in a fresh worker process; kill it past ``timeout`` seconds. Returns the record JSON,
    written as if the file had been read under ``name`` (its ``source.name`` and ``source.path``); its
    ``doc_id`` comes from the content.

    Raises the VnplanError the worker reported (as ``_WorkerError``), TimeLimitError or WorkerCrashError.
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_extract_worker, args=(str(path), name, ocr, sender), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise TimeLimitError(name, seconds=f"{timeout:g}")
        try:
            status, payload = receiver.recv()
        except EOFError:
            proc.join(5)
            raise WorkerCrashError(name, reason=f"exit code {proc.exitcode}") from None
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if status == "error":
        raise _WorkerError(payload)
    return payload


class _WorkerError(Exception):
    def __init__(self, info: dict[str, str]) -> None:
        super().__init__(info["message"])
        self.info = info


# -- the request body limit, counted while streaming -------------------------------------------------

class _BodyTooLarge(StarletteHTTPException):
    """An HTTPException, so that FastAPI's body parsing lets it through as it is."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(status_code=413)
        self.error = FileTooLargeError("upload", what="the request body", size=size, limit=limit)


class BodyLimitMiddleware:
    """Refuse a request body past ``limit`` bytes: at once when Content-Length says so, otherwise as soon as
    the streamed bytes pass it (nothing past the limit is read)."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        length = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await _error_response(_BodyTooLarge(int(length), self.limit).error, 413)(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge(seen, self.limit)
            return message

        await self.app(scope, counted, send)


class _BodyTimeout(StarletteHTTPException):
    def __init__(self, seconds: float) -> None:
        super().__init__(status_code=408)
        self.error = BodyTimeoutError("upload", seconds=f"{seconds:g}")


class BodyTimeoutMiddleware:
    """408 when the client stops sending its request body for ``seconds``: a slow or half-open upload must
    not hold a connection (and a multipart parser) for ever."""

    def __init__(self, app, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def timed():
            try:
                return await asyncio.wait_for(receive(), self.seconds)
            except asyncio.TimeoutError:
                raise _BodyTimeout(self.seconds) from None

        await self.app(scope, timed, send)


class ExtractLoad:
    """The extractions in the server: requests to POST /v1/extract or /v1/jobs being answered, and accepted
    jobs until they finish (a job outlives its request)."""

    def __init__(self) -> None:
        self.active = 0


#: the requests that start an extraction
EXTRACT_PATHS = ("/v1/extract", "/v1/jobs")


class ExtractQueueMiddleware:
    """At most ``workers + queue`` extractions in the server at once (running or waiting for a worker, jobs
    included); the next one gets 503 with Retry-After before its body is read, so a burst cannot pile up
    uploads."""

    def __init__(self, app, capacity: int, retry_after: int, load: ExtractLoad | None = None) -> None:
        self.app = app
        self.capacity = capacity
        self.retry_after = retry_after
        self.load = load or ExtractLoad()

    @property
    def active(self) -> int:
        return self.load.active

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path") not in EXTRACT_PATHS or scope.get("method") != "POST":
            return await self.app(scope, receive, send)
        if self.load.active >= self.capacity:
            response = _error_response(QueueFullError(scope["path"], capacity=self.capacity), 503)
            response.headers["Retry-After"] = str(self.retry_after)
            return await response(scope, receive, send)
        self.load.active += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.load.active -= 1


def _error_response(exc: BaseException | dict, status: int) -> JSONResponse:
    info = exc if isinstance(exc, dict) else describe(exc)
    return JSONResponse({k: info[k] for k in ("error", "code", "message")}, status_code=status)


# -- the app --------------------------------------------------------------------------------------

def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or ApiSettings()
    # /docs and /redoc with Swagger UI and ReDoc from the installed package: these systems run offline
    app = FastAPIOffline(title="vnplan", version=API_VERSION,
                         description="Vietnamese government plans -> normalised, evidence-grounded JSON records.")
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_upload_bytes + FRAMING_BYTES)
    app.add_middleware(BodyTimeoutMiddleware, seconds=settings.body_timeout)
    load = ExtractLoad()  # shared by the queue bound and the jobs still running
    app.add_middleware(ExtractQueueMiddleware, capacity=max(1, settings.workers) + max(0, settings.queue),
                       retry_after=max(1, int(settings.timeout)), load=load)
    slots = asyncio.Semaphore(max(1, settings.workers))
    if settings.records_dir is not None:
        Path(settings.records_dir).mkdir(parents=True, exist_ok=True)

    @app.exception_handler(_BodyTooLarge)
    async def _too_large(request, exc: _BodyTooLarge):
        return _error_response(exc.error, 413)

    @app.exception_handler(_BodyTimeout)
    async def _body_timeout(request, exc: _BodyTimeout):
        response = _error_response(exc.error, 408)
        response.headers["Connection"] = "close"
        return response

    # every other error keeps the same body shape, so clients parse one thing
    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request, exc: StarletteHTTPException):
        return JSONResponse({"error": "HTTPError", "code": f"http_{exc.status_code}",
                             "message": f"{request.url.path}: {exc.detail}"}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in exc.errors())
        return JSONResponse({"error": "RequestValidationError", "code": "invalid_request",
                             "message": f"{request.url.path}: {problems}"[:500]}, status_code=422)

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok", "version": API_VERSION, "formats": list(allowed_suffixes(settings)),
                "archive": bool(settings.db and Path(settings.db).is_file()),
                "records": settings.records_dir is not None}

    async def receive(file: UploadFile) -> tuple[Path, str, str, str] | JSONResponse:
        """The upload in a temporary file (validated suffix, content and size): (path, stem, suffix, doc_id of
        its content), or the error response to send."""
        name = safe_stem(file.filename)
        suffix = Path((file.filename or "").replace("\\", "/")).suffix.lower()
        known = allowed_suffixes(settings)
        if suffix not in known:
            return _error_response(UnsupportedFormatError(name + suffix, suffix=suffix or "(none)",
                                                          known=", ".join(known)), 415)
        display = name + suffix
        head = await file.read(8192)
        if not head:
            return _error_response(EmptyFileError(display), 422)
        try:
            check_content(suffix, head, display)
        except ContentMismatchError as exc:
            return _error_response(exc, 415)
        # only the validated suffix reaches the file system; the name is the OS's
        with tempfile.NamedTemporaryFile(suffix=suffix, prefix="vnplan-upload-", delete=False) as tmp:
            tmp_path = Path(tmp.name)
            size = len(head)
            tmp.write(head)
            digest = hashlib.sha256(head)  # the record's doc_id, as the worker will find it
            while chunk := await file.read(CHUNK):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    break
                tmp.write(chunk)
                digest.update(chunk)
        if size > settings.max_upload_bytes:
            tmp_path.unlink(missing_ok=True)
            return _error_response(FileTooLargeError(display, what="the upload", size=size,
                                                     limit=settings.max_upload_bytes), 413)
        return tmp_path, name, suffix, content_id(digest.hexdigest())

    async def run(tmp_path: Path, name: str, suffix: str, doc_id: str) -> tuple[str | None, dict | None, int]:
        """Extract a received upload in a worker: (record JSON, None, 200) or (None, error info, status)."""
        display = name + suffix
        try:
            async with slots:
                try:
                    payload = await asyncio.get_running_loop().run_in_executor(
                        None, lambda: extract_isolated(tmp_path, display, timeout=settings.timeout,
                                                       ocr=settings.ocr))
                except TimeLimitError as exc:
                    return None, describe(exc), 504
                except WorkerCrashError as exc:
                    return None, describe(exc), 500
                except _WorkerError as exc:
                    return None, exc.info, 500 if exc.info["code"] == "internal_error" else 422
        finally:
            tmp_path.unlink(missing_ok=True)
        if settings.records_dir is not None:
            _keep(Path(settings.records_dir), doc_id, payload)  # by content: no upload replaces another's
        return payload, None, 200

    @app.post("/v1/extract", responses={
        200: {"model": Record, "description": "the record (the same JSON as `vnplan extract` writes)"},
        **{code: {"model": ErrorBody} for code in (408, 413, 415, 422, 503, 504)}})
    async def extract(file: UploadFile = File(..., description="the document (a supported type)")) -> Response:
        """Extract one uploaded document and return its record (the same JSON as `vnplan extract`)."""
        received = await receive(file)
        if isinstance(received, JSONResponse):
            return received
        record, error, status = await run(*received)
        if error is not None:
            return _error_response(error, status)
        return Response(record, media_type="application/json")

    jobs: dict[str, dict] = {}
    tasks: set[asyncio.Task] = set()  # strong references: a task nobody holds may be collected mid-run

    @app.post("/v1/jobs", status_code=202, responses={
        202: {"description": "the job's id, status and url"},
        **{code: {"model": ErrorBody} for code in (408, 413, 415, 422, 503)}})
    async def submit(file: UploadFile = File(..., description="the document (a supported type)")) -> Response:
        """Queue one uploaded document for extraction and answer at once: 202 with the job's id and where to
        ask for it (GET /v1/jobs/{id}). For long documents (scans) that would outlast a client's timeout.
        Jobs count against the same `--workers` + `--queue` bound as POST /v1/extract until they finish."""
        received = await receive(file)
        if isinstance(received, JSONResponse):
            return received
        job_id = uuid.uuid4().hex
        jobs[job_id] = {"id": job_id, "status": "queued", "name": received[1] + received[2], "doc_id": received[3]}
        while len(jobs) > MAX_JOBS:  # the oldest finished jobs go first
            done = next((k for k, v in jobs.items() if v["status"] in ("done", "failed")), None)
            if done is None:
                break
            jobs.pop(done)
        load.active += 1  # held until the job ends, after this request has been answered

        async def work() -> None:
            try:
                jobs[job_id]["status"] = "running"
                record, error, status = await run(*received)
                if error is not None:
                    jobs[job_id].update(status="failed", error={k: error[k] for k in ("error", "code", "message")},
                                        http_status=status)
                else:
                    jobs[job_id].update(status="done", record=record)
            finally:
                load.active -= 1

        task = asyncio.create_task(work())
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return JSONResponse({"id": job_id, "status": "queued", "url": f"/v1/jobs/{job_id}"}, status_code=202,
                            headers={"Location": f"/v1/jobs/{job_id}"})

    @app.get("/v1/jobs/{job_id}", responses={404: {"model": ErrorBody}})
    def job_status(job_id: str) -> Response:
        """A job's status: queued | running | done (with the record) | failed (with the error body)."""
        job = jobs.get(job_id)
        if job is None:
            return _error_response(JobNotFoundError(job_id), 404)
        body = {k: job[k] for k in ("id", "status", "name", "doc_id")}
        if job["status"] == "failed":
            body["error"] = job["error"]
        if job["status"] == "done":
            return Response('{"id": "%s", "status": "done", "name": %s, "doc_id": "%s", "record": %s}'
                            % (job_id, json.dumps(job["name"], ensure_ascii=False), job["doc_id"], job["record"]),
                            media_type="application/json")
        return JSONResponse(body)

    @app.get("/v1/records/{record_id}", responses={
        200: {"model": Record, "description": "the record"}, 404: {"model": ErrorBody}})
    def get_record(record_id: str) -> Response:
        """A record extracted earlier through this API, by its ``doc_id`` (from the upload's content)."""
        path = _record_path(settings, record_id)
        if path is None or not path.is_file():
            return _error_response(RecordNotFoundError(record_id), 404)
        return Response(path.read_bytes(), media_type="application/json")

    @app.get("/v1/search", responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}})
    def search(q: str = Query("", description="words, with or without diacritics"),
               unit: str | None = None, award: str | None = None, year: int | None = None,
               kind: str | None = None, province: str | None = None,
               limit: int = Query(20, ge=1, le=200)) -> Response:
        """Ranked documents of the archive (see `vnplan search`)."""
        from pipeline.archive import search as search_archive

        if settings.db is None or not Path(settings.db).is_file():
            return _error_response(ArchiveNotFoundError(settings.db or "archive.sqlite"), 503)
        try:
            hits = search_archive(settings.db, q, unit=unit, award=award, year=year, kind=kind,
                                  province=province, limit=limit)
        except (UnknownValueError, QueryTooLongError) as exc:  # the client's mistake, not the server's
            return _error_response(exc, 422)
        except VnplanError as exc:
            return _error_response(exc, 503)
        return JSONResponse({"query": q, "hits": [h.to_dict() for h in hits]})

    return app


def header_timeout_protocol(seconds: float):
    """uvicorn's h11 protocol, closing a connection that has not sent its request headers within ``seconds``
    (of connecting, or of its last response): uvicorn itself waits for ever, so half-open connections pile up."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderTimeoutProtocol(H11Protocol):
        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm_header_deadline()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm_header_deadline()

        def _arm_header_deadline(self) -> None:
            handle = getattr(self, "_header_deadline", None)
            if handle is not None:
                handle.cancel()
            self._header_deadline = self.loop.call_later(seconds, self._header_deadline_passed)

        def _header_deadline_passed(self) -> None:
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()  # no request started: nothing to answer

        def connection_lost(self, exc) -> None:
            handle = getattr(self, "_header_deadline", None)
            if handle is not None:
                handle.cancel()
            super().connection_lost(exc)

    return HeaderTimeoutProtocol


def _record_path(settings: ApiSettings, record_id: str) -> Path | None:
    if settings.records_dir is None or not _ID.match(record_id):
        return None
    root = Path(settings.records_dir).resolve()
    path = (root / f"{record_id}.json").resolve()
    return path if path.parent == root else None


def _keep(root: Path, doc_id: str, record: str) -> None:
    """Write atomically (a temporary file in the same folder, then a link), and never over a record that is
    there: the same id means the same bytes were uploaded before, and the first upload's record stays."""
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(record)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; records are ordinary files
        try:
            os.link(tmp, root / f"{doc_id}.json")  # fails if the name exists: no upload replaces another's
        except FileExistsError:
            pass
    finally:
        Path(tmp).unlink(missing_ok=True)


__all__ = ["ApiSettings", "create_app", "header_timeout_protocol", "extract_isolated", "safe_stem", "SNIFFERS"]
