"""The pool of query processes behind ``kg serve``: a bounded number of them, each answering one
query at a time, killed and replaced when a query runs past its time, runs out of its memory or
crashes the engine.

A query thread cannot be stopped once the engine has it (the 503 went out but the query ran on,
growing to gigabytes, and eight such queries held every thread for good); a process can. Processes
are forked from a server process that has imported kg already, so a replacement is ready in tens of
milliseconds and, after any storm, a plain ``ASK {}`` is answered within a second.
"""
from __future__ import annotations

import json
import multiprocessing
import queue
import sys
import threading
import time
from dataclasses import dataclass

from kg.errors import QueryError, StoreError
from kg.serve.worker import MAX_ANSWER, WorkerSettings, serve_jobs
from kg.sparql.results import QueryTimeout

GRACE = 0.25  # seconds a process gets past the deadline to send what it has before it is killed
READY_WITHIN = 60.0


class QueryFailed(QueryError):
    """A query that took its process down: out of memory, or the engine crashed; not run again."""


@dataclass(eq=False)  # compared and hashed by identity: kept in a set
class Worker:
    """A query process and the server's end of its pipe."""

    process: multiprocessing.process.BaseProcess
    connection: object


class QueryPool:
    """``size`` query processes over the store ``settings`` names, replaced as they fail."""

    def __init__(self, settings: WorkerSettings, size: int):
        self.settings = settings
        self.size = size
        self.generation = 0  # raised after each update: processes then open the store again
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(_preload())
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.workers: set[Worker] = set()  # every live one, idle or busy
        self.start_lock = threading.Lock()
        self.state_lock = threading.Lock()
        self.closed = False
        self.broken: str | None = None  # why processes cannot start (the store cannot be opened)
        for _ in range(size):
            self._start_soon()

    def run(self, job: dict, deadline: float) -> tuple[dict, bytes]:
        """Send ``job`` to the next free process and wait for its reply until ``deadline`` (a
        ``time.monotonic()`` value); returns its header and body. Raises :class:`QueryTimeout`
        (past the deadline: the process is killed; its message says what the query waited for, if
        not the engine), :class:`QueryFailed` (the process died) and the errors the reply names."""
        worker = self._acquire(deadline)
        job = {**job, "generation": self.generation, "deadline": deadline}
        try:
            worker.connection.send_bytes(json.dumps(job).encode("utf-8"))
            if not worker.connection.poll(max(deadline - time.monotonic(), 0) + GRACE):
                self._replace(worker)
                raise QueryTimeout("")
            header = json.loads(worker.connection.recv_bytes(1 << 16))
            last_words = header.get("error") in ("memory", "internal")  # the process sends nothing more
            body = b"" if last_words else worker.connection.recv_bytes(MAX_ANSWER + 1)
        except (EOFError, OSError, ValueError):
            raise QueryFailed(self._obituary(worker)) from None
        error = header.get("error")
        if error in ("memory", "internal"):
            self._replace(worker)
            if error == "memory":
                raise QueryFailed(f"the query needed more than the {self.settings.memory_mb:,} MB a query may use")
            raise StoreError(f"the query failed: {header.get('message')}")
        self.idle.put(worker)
        if error == "timeout":
            raise QueryTimeout("")
        if error == "store":
            raise StoreError(header["message"])
        if error:
            raise QueryError(header["message"])
        return header, body

    def _acquire(self, deadline: float) -> Worker:
        while True:
            if self.broken:
                raise StoreError(self.broken)
            try:
                worker = self.idle.get(timeout=min(max(deadline - time.monotonic(), 0.001), 0.5))
            except queue.Empty:
                if time.monotonic() >= deadline:
                    raise QueryTimeout(f"waiting for one of the {self.size} query processes, all busy") from None
                continue
            if worker.process.is_alive():
                return worker
            self._replace(worker)

    def _obituary(self, worker: Worker) -> str:
        """Why ``worker`` died, replacing it."""
        worker.process.join(1.0)
        code = worker.process.exitcode
        self._replace(worker)
        if code in (-6, 134):  # Rust aborts when an allocation fails under the memory cap
            return f"the query needed more than the {self.settings.memory_mb:,} MB a query may use"
        if code in (-11, 139):
            return "the query crashed the SPARQL engine (its process was replaced)"
        return f"the query process stopped (exit code {code}) and was replaced"

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` (if it still runs) and start another in its place."""
        with self.state_lock:
            if worker not in self.workers:
                return
            self.workers.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        threading.Thread(target=worker.process.join, args=(5,), daemon=True).start()
        worker.connection.close()
        self._start_soon()

    def _start_soon(self) -> None:
        if not self.closed:
            threading.Thread(target=self._start, name="kg-query-start", daemon=True).start()

    def _start(self) -> None:
        ours, theirs = self.context.Pipe()
        with self.start_lock:
            if self.closed:
                return
            process = self.context.Process(target=serve_jobs, args=(theirs, self.settings.to_json()),
                                           name="kg-query", daemon=True)
            process.start()
        theirs.close()
        worker = Worker(process, ours)
        with self.state_lock:
            self.workers.add(worker)
        try:
            ready = ours.poll(READY_WITHIN) and json.loads(ours.recv_bytes(1 << 16))
        except (EOFError, OSError, ValueError):
            ready = None
        if not ready or "ready" not in ready:
            self.broken = (ready or {}).get("message") or "the query processes cannot start"
            self._drop(worker)
            return
        if self.closed:
            self._drop(worker)
            return
        self.idle.put(worker)

    def _drop(self, worker: Worker) -> None:
        with self.state_lock:
            self.workers.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.connection.close()

    def updated(self) -> None:
        """The store was written: each process opens it again before its next query."""
        self.generation += 1

    def pids(self) -> list[int]:
        """The process ids of the live query processes."""
        with self.state_lock:
            return [w.process.pid for w in self.workers if w.process.pid]

    def close(self) -> None:
        """Stop every process."""
        self.closed = True
        with self.state_lock:
            workers = list(self.workers)
            self.workers.clear()
        for worker in workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in workers:
            worker.process.join(5)
            worker.connection.close()


def _preload() -> list[str]:
    """Modules the fork server imports once, so that a process forked from it starts at once: the
    query process's own, the grammar the guard parses with (a second to import), and the module the
    server was started as (each child would import it)."""
    main = getattr(sys.modules.get("__main__"), "__spec__", None)
    return (["__main__", "kg.serve.worker", "rdflib.plugins.sparql.parser"]
            + ([main.name] if main is not None and main.name else []))
