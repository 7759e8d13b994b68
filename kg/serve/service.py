"""The endpoint's logic, apart from HTTP: run a query or an update under the server's rules.

Safe by default: read-only; ``SERVICE`` refused (no requests to other hosts on a caller's behalf);
each query answered within a time limit and capped in rows. Updates need the server started with
``--allow-update`` *and* a token.
"""
from __future__ import annotations

import hmac
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError
from kg.network.claims import claims
from kg.sparql.guard import check_request
from kg.sparql.named import list_queries, load_query
from kg.sparql.results import QueryTimeout, answer
from kg.store import open_store
from kg.views.actor_network import render_html, view_selection


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
    workers: int = 8



class SparqlService:
    """The endpoint's logic, apart from HTTP: run a query or an update under the server's rules."""

    def __init__(self, config: ServeConfig):
        if config.allow_update and not config.update_token:
            raise KgError("--allow-update needs a token: give --update-token or set $KG_UPDATE_TOKEN")
        self.config = config
        self.store = open_store(config.store, read_only=not config.allow_update)
        self.pool = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="kg-query")
        self.update_lock = threading.Lock()

    def query(self, sparql: str, *, accept: str | None = None, fmt: str | None = None, params: dict | None = None):
        """Run a query; returns a :class:`kg.sparql.results.Answer`. Raises QueryError (bad or refused
        query) or :class:`kg.sparql.results.QueryTimeout`."""
        check_request(sparql)
        deadline = time.monotonic() + self.config.timeout
        cancelled = threading.Event()

        def run():
            result = self.store.query(sparql, params)
            return answer(result, accept=accept, fmt=fmt, max_rows=self.config.max_rows, deadline=deadline,
                          cancelled=cancelled)

        future = self.pool.submit(run)
        try:
            return future.result(timeout=max(deadline - time.monotonic(), 0.001))
        except FutureTimeout:
            cancelled.set()
            future.cancel()
            raise QueryTimeout(f"query ran past the time limit of {self.config.timeout:g} s") from None

    def update(self, sparql: str, authorization: str | None) -> None:
        """Run a SPARQL Update, only with ``--allow-update`` and the right bearer token."""
        if not self.config.allow_update:
            raise Forbidden("this endpoint is read-only (start kg serve with --allow-update and a token)")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), self.config.update_token.encode()):
            raise Forbidden("updates need the server's token: Authorization: Bearer TOKEN")
        check_request(sparql, update=True)
        with self.update_lock:
            self.store.update(sparql)

    def named(self, name: str, params: dict, *, accept: str | None = None, fmt: str | None = None):
        query = load_query(name)
        query.check(params)
        return self.query(query.text, accept=accept, fmt=fmt, params={k: ox.Literal(v) for k, v in params.items()})

    def view(self) -> str:
        graph, unpaired, subtitle = view_selection(claims(self.store))
        return render_html(graph, "kg actor network", unpaired=unpaired, subtitle=subtitle)

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)



def named_queries() -> list[dict]:
    """The named queries for the page: name, what it answers, parameters and text."""
    return [{"name": q.name, "description": q.description, "text": q.text,
             "parameters": [{"name": p.name, "description": p.description, "required": p.required} for p in q.parameters]}
            for q in list_queries()]
