"""Engines that run one function over many documents: in-process, a local process pool, or Dask.

Every engine has the same contract: ``run(fn, jobs)`` yields ``(index, result)`` as documents
finish, in any order, where ``result`` is what ``fn(job)`` returned or the exception that ended it
(a :class:`schemas.errors.TimeLimitError` for a document past its hard deadline, a
:class:`schemas.errors.WorkerCrashError` when the process reading it died). ``fn`` itself is
expected to turn ordinary failures into results, so an engine only deals with what ``fn`` cannot:
stuck documents and dead workers. Writing the outputs is the caller's job, so workers never need
the output folder (a Dask worker on another machine does not share our file system).
"""
from __future__ import annotations

import logging
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from schemas.errors import EngineError, TimeLimitError, WorkerCrashError

ENGINES = ("local", "dask")
#: default memory ceiling of a worker (address space): one document that needs more fails alone
DEFAULT_MEMORY_LIMIT = 2 * 1024**3


@dataclass(frozen=True)
class Job:
    """One document to extract; small and picklable (``data`` is filled only to ship the file)."""

    path: str                 # where the caller reads the file, as the user named it
    rel: str                  # the path stored in the record, relative to the input folder
    out_stem: str             # the record's file name in OUT without ``.json`` (its doc_id comes from its content)
    ocr: bool = True
    time_limit: float = 300.0
    max_ocr_pages: int = 300
    data: bytes | None = None


def hard_deadline(time_limit: float, grace: float | None = None) -> float:
    """Workers stop themselves at ``time_limit``; the parent steps in only after a grace period."""
    return time_limit + (max(5.0, 0.1 * time_limit) if grace is None else grace)


_STARTS = None  # in a pool worker: the queue that tells the parent when each document starts
_CURRENT: int | None = None  # in a pool worker: the document it is reading


def _report(event: str) -> None:
    """In a pool worker: what the current document is doing (pipeline.backends.base.report_progress)."""
    if _STARTS is not None and _CURRENT is not None:
        _STARTS.put((_CURRENT, event))


def set_memory_limit(limit: int) -> int:
    """Cap this process's address space at ``limit`` bytes (0 = no cap); returns the soft limit it
    had, so that it can be put back. Past it, allocations fail with MemoryError (``resource_limit``)
    instead of the machine swapping or the OOM killer choosing a victim. Linux/macOS only."""
    try:
        import resource
    except ImportError:
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if limit and limit > 0:
        new = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    else:
        new = hard
    resource.setrlimit(resource.RLIMIT_AS, (new, hard))
    return soft


def die_with_parent(parent: int | None = None) -> None:
    """Make this worker exit when the process that started it dies, even by kill -9: the kernel's
    parent-death signal (Linux), and a watch thread for the batch process itself (a forkserver
    worker's parent is the fork server, which outlives a killed batch only briefly)."""
    from pipeline.backends.base import set_parent_death_signal

    set_parent_death_signal(signal.SIGKILL)
    if parent is None:
        return
    import threading

    def watch() -> None:
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            time.sleep(1.0)

    threading.Thread(target=watch, name="vnplan-parent-watch", daemon=True).start()


def init_worker(starts=None, memory_limit: int = 0, parent: int | None = None) -> None:
    """Load the spaCy pipeline (and its lexicons) once per worker process, not once per document;
    tie the worker to its parent and put it under the memory ceiling."""
    global _STARTS
    _STARTS = starts
    from pipeline.backends import base

    base.PROGRESS = _report
    try:  # the parent handles Ctrl-C; workers must not each print a KeyboardInterrupt traceback
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread (a Dask worker thread): nothing to do
        pass
    if parent is not None:
        die_with_parent(parent)
        from pipeline.backends.base import remove_stale_temp

        remove_stale_temp()  # left by workers killed in an earlier run
    from pipeline.nlp import get_nlp

    get_nlp()
    if memory_limit:
        set_memory_limit(memory_limit)


def _started(fn: Callable[[Job], Any], i: int, job: Job) -> Any:
    """Run ``fn(job)`` in a pool worker, first telling the parent that document ``i`` starts now
    (so start-up of the worker does not count against the document's time)."""
    global _CURRENT
    _CURRENT = i
    if _STARTS is not None:
        _STARTS.put((i, time.monotonic()))
    return fn(job)


Results = Iterator[tuple[int, Any]]


def _restore_memory_limit(soft: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (soft, resource.getrlimit(resource.RLIMIT_AS)[1]))


def _process_groups_below(pid: int) -> set[int]:
    """Process groups of ``pid``'s descendants (from /proc): LibreOffice runs in a group of its own,
    which must die with the worker that started it. Empty where /proc is missing."""
    children: dict[int, list[int]] = {}
    groups: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        child = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(child)
        groups[child] = int(fields[2])
    found: set[int] = set()
    todo = list(children.get(pid, []))
    while todo:
        p = todo.pop()
        found.add(groups.get(p, 0))
        todo.extend(children.get(p, []))
    return {g for g in found if g > 1 and g != os.getpgrp()}


class InProcessEngine:
    """``--jobs 1``: documents one after the other in this process (the time limit is enforced
    inside ``fn`` with SIGALRM)."""

    name = "inprocess"

    def __init__(self, *, memory_limit: int = 0) -> None:
        self.memory_limit = memory_limit

    def run(self, fn: Callable[[Job], Any], jobs: list[Job],
            on_event: Callable[[int, str], None] | None = None) -> Results:
        """``on_event(index, event)``: a document starts ("start") or reports what it does ("OCR page 2/5")."""
        from pipeline.backends import base
        from pipeline.nlp import get_nlp

        get_nlp()  # loaded before the first document, so its time is not the document's
        try:
            for i, job in enumerate(jobs):
                if on_event is not None:
                    on_event(i, "start")
                    base.PROGRESS = lambda event, i=i: on_event(i, event)
                # the ceiling holds while a document is read, not while the caller writes its record
                before = set_memory_limit(self.memory_limit) if self.memory_limit else None
                try:
                    result = fn(job)
                except Exception as exc:  # fn should not raise; if it does, the batch still goes on
                    result = exc
                finally:
                    if before is not None:
                        _restore_memory_limit(before)
                yield i, result
        finally:
            base.PROGRESS = None


class LocalEngine:
    """A pool of worker processes on this machine.

    Two documents per worker are in flight, so that a worker never waits while this process writes
    the previous record; workers report when each document really starts, so a stuck one can be found. A stuck document (past :func:`hard_deadline`) or a dead
    worker breaks the pool: the pool is replaced and the other documents in flight are resubmitted.
    A document that was in flight when a worker died is retried alone; if it kills a worker again,
    it gets a ``WorkerCrashError`` line.
    """

    name = "local"

    def __init__(self, workers: int, *, time_limit: float = 300.0, grace: float | None = None,
                 memory_limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self.workers = max(1, workers)
        self.deadline = hard_deadline(time_limit, grace) if time_limit and time_limit > 0 else None
        self.memory_limit = memory_limit

    def _pool(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: workers fork from a clean server with the code preloaded, never from this
        # process (which runs the progress bar thread), so start-up is fast and safe.
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.batch", "pipeline.extract", "pipeline.nlp"])
        starts = ctx.Queue()  # a new one with each pool: a killed worker may leave one broken
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=init_worker,
                                   initargs=(starts, self.memory_limit, os.getpid()))
        return pool, starts

    @staticmethod
    def _kill(pool) -> None:
        """Kill every worker, the process groups they started (LibreOffice), and their temp folders."""
        from pipeline.backends.base import remove_stale_temp

        procs = list(getattr(pool, "_processes", {}).values())
        groups = set().union(*(_process_groups_below(p.pid) for p in procs if p.pid)) if procs else set()
        for proc in procs:
            try:
                proc.kill()
            except Exception:  # already gone
                pass
        for group in groups:
            try:
                os.killpg(group, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        pool.shutdown(wait=True, cancel_futures=True)
        remove_stale_temp({p.pid for p in procs if p.pid})

    def run(self, fn: Callable[[Job], Any], jobs: list[Job],
            on_event: Callable[[int, str], None] | None = None) -> Results:
        """``on_event(index, event)``: a document starts ("start") or reports what it does ("OCR page 2/5")."""
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pending = deque(range(len(jobs)))
        suspects: deque[int] = deque()  # in flight when a worker died: retried one at a time
        crashes: dict[int, int] = {}
        inflight: dict[Any, int] = {}
        started: dict[int, float] = {}
        pool, starts = self._pool()

        def submit(i: int) -> None:
            started.pop(i, None)
            inflight[pool.submit(_started, fn, i, jobs[i])] = i

        try:
            while pending or suspects or inflight:
                if suspects:
                    if not inflight:
                        submit(suspects.popleft())
                else:
                    while pending and len(inflight) < 2 * self.workers:
                        submit(pending.popleft())
                done, _ = wait(list(inflight), timeout=0.25, return_when=FIRST_COMPLETED)
                broken: list[int] = []
                for fut in done:
                    i = inflight.pop(fut)
                    try:
                        yield i, fut.result()
                    except BrokenProcessPool:
                        broken.append(i)
                    except Exception as exc:  # e.g. a result that cannot be pickled
                        yield i, exc
                while True:
                    try:
                        i, t0 = starts.get_nowait()
                    except (queue.Empty, OSError, ValueError, EOFError):
                        break
                    if isinstance(t0, str):  # what a running document is doing
                        if on_event is not None and i in inflight.values():
                            on_event(i, t0)
                        continue
                    started[i] = t0
                    if on_event is not None:
                        on_event(i, "start")
                now = time.monotonic()
                stuck = [i for i in inflight.values()
                         if self.deadline is not None and i in started and now - started[i] > self.deadline]
                if stuck or broken:
                    others = [i for i in inflight.values() if i not in stuck]
                    inflight.clear()
                    self._kill(pool)
                    for i in stuck:
                        yield i, TimeLimitError(jobs[i].path, seconds=f"{jobs[i].time_limit:g}")
                    for i in broken:
                        crashes[i] = crashes.get(i, 0) + 1
                        if crashes[i] >= 2:
                            yield i, WorkerCrashError(jobs[i].path, reason="killed or crashed twice")
                        else:
                            suspects.append(i)
                    if broken:  # we cannot tell which one of those in flight killed the worker
                        suspects.extend(others)
                    else:
                        pending.extendleft(reversed(others))
                    pool, starts = self._pool()
        finally:
            if inflight:  # interrupted (Ctrl-C, the caller stopped iterating): stop the workers now
                self._kill(pool)
            else:
                pool.shutdown(wait=True)


class DaskEngine:
    """Documents as tasks on a dask.distributed cluster: a LocalCluster of ``workers`` processes,
    or the existing cluster at ``scheduler`` (``tcp://host:port``).

    Each task carries the file's bytes, so workers need the vnplan package installed but no shared
    file system. The hard time limit is enforced from here: a task past it gets a
    ``TimeLimitError`` line and is cancelled (a running worker thread finishes on its own).
    """

    name = "dask"

    def __init__(self, workers: int, *, time_limit: float = 300.0, scheduler: str | None = None,
                 connect_timeout: float = 15.0) -> None:
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self.deadline = hard_deadline(time_limit) if time_limit and time_limit > 0 else None

    def _connect(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError(self.scheduler or "local", engine="dask",
                              reason=f"{exc}; install it with: pip install 'vnplan[dask]'") from None
        if self.scheduler:
            try:
                return Client(self.scheduler, timeout=f"{self.connect_timeout:g}s"), None
            except (OSError, TimeoutError) as exc:
                raise EngineError(self.scheduler, engine="dask", reason=f"cannot reach the scheduler: {exc}") from None
        cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster

    def run(self, fn: Callable[[Job], Any], jobs: list[Job],
            on_event: Callable[[int, str], None] | None = None) -> Results:  # no events from remote workers
        from distributed import wait

        client, cluster = self._connect()
        inflight: dict[Any, tuple[int, float]] = {}
        try:
            client.run(init_worker)
            slots = max(1, sum(client.nthreads().values()))
            pending = deque(range(len(jobs)))
            while pending or inflight:
                while pending and len(inflight) < slots:
                    i = pending.popleft()
                    try:
                        job = replace(jobs[i], data=Path(jobs[i].path).read_bytes())
                    except OSError as exc:  # gone or unreadable since it was found
                        yield i, exc
                        continue
                    fut = client.submit(fn, job, pure=False, key=f"vnplan-{i}-{os.urandom(4).hex()}")
                    inflight[fut] = (i, time.monotonic())
                try:
                    wait(list(inflight), timeout=0.25, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    pass
                now = time.monotonic()
                for fut, (i, t0) in list(inflight.items()):
                    if fut.status == "finished":
                        del inflight[fut]
                        yield i, fut.result()
                    elif fut.status in ("error", "cancelled"):
                        del inflight[fut]
                        exc = fut.exception() if fut.status == "error" else None
                        if exc is None or type(exc).__name__ == "KilledWorker":
                            exc = WorkerCrashError(jobs[i].path, reason="the dask worker died")
                        yield i, exc
                    elif self.deadline is not None and now - t0 > self.deadline:
                        del inflight[fut]
                        fut.cancel()
                        yield i, TimeLimitError(jobs[i].path, seconds=f"{jobs[i].time_limit:g}")
        finally:
            for fut in inflight:
                fut.cancel()
            client.close()
            if cluster is not None:
                cluster.close()


def make_engine(engine: str, *, jobs: int, n_docs: int, time_limit: float, scheduler: str | None = None,
                memory_limit: int = DEFAULT_MEMORY_LIMIT):
    """The engine for ``--engine`` and ``--jobs`` (``jobs`` 0 = number of cores); ``memory_limit``
    is each worker's address-space ceiling in bytes (0 = none; not applied to Dask workers, which
    have their own memory management)."""
    workers = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    if engine == "dask":
        return DaskEngine(workers, time_limit=time_limit, scheduler=scheduler)
    if engine != "local":
        raise EngineError(engine, engine=engine, reason=f"unknown engine; expected one of {', '.join(ENGINES)}")
    workers = min(workers, max(1, n_docs))
    if workers == 1:
        return InProcessEngine(memory_limit=memory_limit)
    return LocalEngine(workers, time_limit=time_limit, memory_limit=memory_limit)
