"""The endpoint's logic, apart from HTTP: run a query or an update under the server's rules.

Safe by default: read-only; ``SERVICE`` refused (no requests to other hosts on a caller's behalf);
queries past a size, a nesting depth or a chain of operators refused before any engine sees them;
each query run in a process of the pool (:mod:`.pool`), within a time limit and a memory limit
and capped in rows. Updates need the server started with ``--allow-update`` *and* a token.
"""
from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass, field

from kg.errors import KgError
from kg.serve.pool import QueryPool
from kg.serve.worker import WorkerSettings
from kg.sparql.guard import MAX_QUERY_CHARS, check_request, check_shape, deep_call
from kg.sparql.named import list_queries, load_query
from kg.sparql.results import Answer, QueryTimeout
from kg.store import open_store
from kg.store.location import MEMORY, default_store_path


class Forbidden(KgError):
    """A request the endpoint refuses to run for this caller (an update without the token)."""


@dataclass
class ServeConfig:
    """How ``kg serve`` runs; see ``kg serve --help``."""

    store: str | None = None
    host: str = "127.0.0.1"
    port: int = 7878
    allow_update: bool = False
    update_token: str | None = None
    timeout: float = 30.0
    max_rows: int = 10000
    workers: int = 4
    memory_mb: int = 1024
    max_query_chars: int = MAX_QUERY_CHARS
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)


class SparqlService:
    """The endpoint's logic, apart from HTTP: run a query or an update under the server's rules."""

    def __init__(self, config: ServeConfig):
        if config.allow_update and not config.update_token:
            raise KgError("--allow-update needs a token: give --update-token or set $KG_UPDATE_TOKEN")
        where = config.store or default_store_path()
        if where == MEMORY:
            raise KgError("kg serve needs a store on disk or a SPARQL server, not ':memory:'")
        self.config = config
        self.store = open_store(where, read_only=not config.allow_update)
        self.pool = QueryPool(WorkerSettings(store=where, memory_mb=config.memory_mb, max_rows=config.max_rows,
                                             max_chars=config.max_query_chars), config.workers)
        self.update_lock = threading.Lock()

    def query(self, sparql: str, *, accept: str | None = None, fmt: str | None = None,
              params: dict[str, str] | None = None) -> Answer:
        """Run a query; returns a :class:`kg.sparql.results.Answer`. Raises QueryError (bad or refused
        query), :class:`kg.sparql.results.QueryTimeout` or :class:`kg.serve.pool.QueryFailed`."""
        check_shape(sparql, max_chars=self.config.max_query_chars)  # cheap, and before any process
        job = {"kind": "query", "sparql": sparql, "params": params or {}, "accept": accept, "format": fmt}
        header, body = self._run(job)
        return Answer(body, header["media_type"], header["truncated"])

    def update(self, sparql: str, authorization: str | None) -> None:
        """Run a SPARQL Update, only with ``--allow-update`` and the right bearer token."""
        if not self.config.allow_update:
            raise Forbidden("this endpoint is read-only (start kg serve with --allow-update and a token)")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), self.config.update_token.encode()):
            raise Forbidden("updates need the server's token: Authorization: Bearer TOKEN")
        deep_call(check_request, sparql, update=True, max_chars=self.config.max_query_chars)
        with self.update_lock:
            self.store.update(sparql)
            self.pool.updated()

    def named(self, name: str, params: dict[str, str], *, accept: str | None = None, fmt: str | None = None) -> Answer:
        """Run a named query with its parameters bound (as literals) by kg."""
        query = load_query(name)
        query.check(params)
        return self.query(query.text, accept=accept, fmt=fmt, params=params)

    def view(self) -> str:
        """The actor-network page of the whole store, made in a query process like any query."""
        return self._run({"kind": "view"})[1].decode("utf-8")

    def _run(self, job: dict) -> tuple[dict, bytes]:
        try:
            return self.pool.run(job, time.monotonic() + self.config.timeout)
        except QueryTimeout as exc:
            waited = f" {exc}" if str(exc) else ""
            raise QueryTimeout(f"query ran past the time limit of {self.config.timeout:g} s{waited}") from None

    def close(self) -> None:
        """Stop the query processes."""
        self.pool.close()


def named_queries() -> list[dict]:
    """The named queries for the page: name, what it answers, parameters and text."""
    return [{"name": q.name, "description": q.description, "text": q.text,
             "parameters": [{"name": p.name, "description": p.description, "required": p.required} for p in q.parameters]}
            for q in list_queries()]
