"""One query process of ``kg serve``: it opens the store read-only, takes jobs from its pipe, one
at a time, and sends back each answer's bytes or its error.

Everything a hostile query can do to a process happens here, where it is bounded: the network is
taken away first (:func:`kg.sparql.sandbox.forbid_network`: a ``SERVICE`` call that got past the
guard sends nothing), the address space is capped at what the process holds when ready plus the
server's memory limit (a query that wants more fails, and the process is replaced), the guard's own
parse and the query run on a deep stack, and the server kills the process when its time is up.

A job and the header of a reply are small JSON objects; a reply's body follows as bytes (empty for
an error), except after ``memory`` and ``internal`` errors, the process's last words.
"""
from __future__ import annotations

import json
import os
import resource
from dataclasses import asdict, dataclass

import pyoxigraph as ox

from kg.errors import KgError, QueryError, StoreError
from kg.network.claims import claims
from kg.sparql.guard import check_request, deep_call
from kg.sparql.results import QueryTimeout, answer
from kg.sparql.sandbox import forbid_network
from kg.store import open_store
from kg.store.location import is_remote
from kg.views.actor_network import render_html, view_selection

MAX_ANSWER = 32 << 20  # bytes of one answer: a row cap does not bound a row's size


@dataclass(frozen=True)
class WorkerSettings:
    """What every query process is started with."""

    store: str | None
    memory_mb: int
    max_rows: int
    max_chars: int | None

    def to_json(self) -> str:
        return json.dumps(asdict(self))


def address_space() -> int:
    """Bytes of virtual memory this process has mapped now (``/proc/self/statm``)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def limit_memory(extra_mb: int) -> int:
    """Cap this process's address space at what it maps now plus ``extra_mb``; returns the cap."""
    cap = address_space() + (extra_mb << 20)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return cap


def serve_jobs(connection, settings: str) -> None:
    """The process's whole life: its entry point, given its end of the pipe and the settings as JSON."""
    config = WorkerSettings(**json.loads(settings))
    offline = not is_remote(config.store or "") and forbid_network()
    deep_call(_loop, connection, config, offline)


def _loop(connection, config: WorkerSettings, offline: bool) -> None:
    try:
        store = open_store(config.store, read_only=True)
    except KgError as exc:
        connection.send_bytes(json.dumps({"error": "store", "message": exc.one_line()}).encode())
        return
    generation = 0
    check_request("ASK {}", offline=offline)  # the grammar's first parse is slow: not on a caller's time
    bool(store.query("ASK {}"))
    limit_memory(config.memory_mb)
    connection.send_bytes(json.dumps({"ready": os.getpid(), "offline": offline}).encode())
    while True:
        try:
            job = json.loads(connection.recv_bytes())
        except (EOFError, OSError):
            return  # the server has gone: so does this process
        if job["generation"] != generation:  # the store was written: see it as it is now
            del store
            store = open_store(config.store, read_only=True)
            generation = job["generation"]
        try:
            header, body = run_job(store, job, config, offline)
        except MemoryError:
            connection.send_bytes(json.dumps({"error": "memory"}).encode())
            return  # a process that ran out is not trusted with the next query
        except Exception as exc:  # noqa: BLE001 - a bug: said in one line, and the process replaced
            connection.send_bytes(json.dumps({"error": "internal", "message": f"{type(exc).__name__}: {exc}"[:300]}).encode())
            return
        connection.send_bytes(json.dumps(header).encode())
        connection.send_bytes(body)


def run_job(store, job: dict, config: WorkerSettings, offline: bool) -> tuple[dict, bytes]:
    """Answer one job: ``{"kind": "query", "sparql", "params", "accept", "format", "deadline"}`` or
    ``{"kind": "view"}``; returns the reply's header and body."""
    try:
        if job["kind"] == "view":
            graph, unpaired, subtitle = view_selection(claims(store))
            body = render_html(graph, "kg actor network", unpaired=unpaired, subtitle=subtitle).encode("utf-8")
            media, truncated = "text/html; charset=utf-8", False
        else:
            check_request(job["sparql"], offline=offline, max_chars=config.max_chars)
            params = {name: ox.Literal(value) for name, value in (job.get("params") or {}).items()}
            found = answer(store.query(job["sparql"], params), accept=job.get("accept"), fmt=job.get("format"),
                           max_rows=config.max_rows, deadline=job.get("deadline"))
            body, media, truncated = found.body, found.media_type, found.truncated
    except QueryTimeout as exc:
        return {"error": "timeout", "message": str(exc)}, b""
    except StoreError as exc:
        return {"error": "store", "message": exc.one_line()}, b""
    except QueryError as exc:
        return {"error": "query", "message": exc.one_line()}, b""
    if len(body) > MAX_ANSWER:
        return {"error": "size", "message": f"the answer is {len(body):,} bytes, over the {MAX_ANSWER:,} "
                                            "one answer may take: ask for fewer or shorter rows"}, b""
    return {"media_type": media, "truncated": truncated}, body
