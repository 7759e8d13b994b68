"""``kg serve``'s HTTP side: routes, request parsing and answers; everything else is :mod:`.service`'s.

Routes: ``/sparql`` (GET ``?query=``, POST form or ``application/sparql-query``; updates as POST
form ``update=`` or ``application/sparql-update``), ``/named/NAME?param=value`` (a named query with
its parameters bound by kg), ``/queries`` (the named queries as JSON), ``/`` (the query page),
``/view`` (the actor-network view) and ``/static/...`` (the page's script and style).

Safe by default: it listens on 127.0.0.1, is read-only, refuses ``SERVICE`` (no requests to other
hosts on a caller's behalf), answers each query within a time limit (503 when it runs past it) and
caps the rows it returns (the ``X-KG-Truncated: true`` header says rows were cut). Updates need the
server started with ``--allow-update`` *and* a token, sent as ``Authorization: Bearer TOKEN``. The
page takes nothing from a CDN; its policy allows only its own script and style and requests to this
server, and it writes results into the page as text, never as markup.
"""
from __future__ import annotations

import json
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KgError, QueryError, StoreError
from kg.serve.service import Forbidden, ServeConfig, SparqlService, named_queries
from kg.sparql.results import QueryTimeout

TEMPLATES = Path(__file__).resolve().parent / "templates"



STATIC = {"serve.js": "text/javascript; charset=utf-8", "serve.css": "text/css; charset=utf-8"}



PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")



MAX_BODY = 1 << 20



LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Handler(BaseHTTPRequestHandler):
    """HTTP in and out; everything else is :class:`SparqlService`'s."""

    server_version = "kg-sparql"
    service: SparqlService  # set on the subclass make_server builds

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: a busy endpoint should not flood the terminal

    # ---------------------------------------------------------------- routing

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        args = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            return self._send(HTTPStatus.OK, (TEMPLATES / "serve.html").read_bytes(), "text/html; charset=utf-8",
                              policy=PAGE_POLICY)
        if url.path.startswith("/static/") and url.path[8:] in STATIC:
            name = url.path[8:]
            return self._send(HTTPStatus.OK, (TEMPLATES / name).read_bytes(), STATIC[name])
        if url.path == "/queries":
            return self._send(HTTPStatus.OK, json.dumps(named_queries(), ensure_ascii=False).encode("utf-8"),
                              "application/json; charset=utf-8")
        if url.path == "/view":
            return self._run(lambda: self.service.view().encode("utf-8"), html=True)
        if url.path == "/sparql":
            if "update" in args:
                return self._error(HTTPStatus.BAD_REQUEST, "send updates with POST")
            if "query" not in args:
                return self._error(HTTPStatus.BAD_REQUEST, "give a SPARQL query: /sparql?query=...")
            return self._query(args["query"][0], _first(args, "format"))
        if url.path.startswith("/named/"):
            params = {k: v[0] for k, v in args.items() if k != "format"}
            return self._run(lambda: self.service.named(url.path[7:], params, accept=self.headers.get("Accept"),
                                                        fmt=_first(args, "format")))
        return self._error(HTTPStatus.NOT_FOUND, "no such page; the endpoint is /sparql")

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, "POST queries and updates to /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        args = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if kind == "application/sparql-query":
            return self._query(body, _first(args, "format"))
        if kind == "application/sparql-update":
            return self._update(body)
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self._update(form["update"][0])
            if "query" in form:
                return self._query(form["query"][0], _first(form, "format") or _first(args, "format"))
        return self._error(HTTPStatus.BAD_REQUEST, "POST a query (query=... or application/sparql-query) "
                                                   "or an update (update=... or application/sparql-update)")

    # ---------------------------------------------------------------- helpers

    def _query(self, sparql: str, fmt: str | None) -> None:
        self._run(lambda: self.service.query(sparql, accept=self.headers.get("Accept"), fmt=fmt))

    def _update(self, sparql: str) -> None:
        def run():
            self.service.update(sparql, self.headers.get("Authorization"))
            return b""

        self._run(run, update=True)

    def _run(self, work, *, html: bool = False, update: bool = False) -> None:
        try:
            result = work()
        except Forbidden as exc:
            return self._error(HTTPStatus.FORBIDDEN, str(exc))
        except QueryTimeout as exc:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except (QueryError, KgError) as exc:
            status = HTTPStatus.INTERNAL_SERVER_ERROR if isinstance(exc, StoreError) else HTTPStatus.BAD_REQUEST
            return self._error(status, str(exc))
        if update:
            return self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")
        if html:
            return self._send(HTTPStatus.OK, result, "text/html; charset=utf-8")
        headers = {"X-KG-Truncated": "true"} if result.truncated else {}
        self._send(HTTPStatus.OK, result.body, result.media_type, headers=headers)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, media_type: str, *, policy: str | None = None,
              headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        if policy:
            self.send_header("Content-Security-Policy", policy)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)



def _first(args: dict, key: str) -> str | None:
    values = args.get(key)
    return values[0] if values else None



def make_server(config: ServeConfig) -> ThreadingHTTPServer:
    """A server ready to ``serve_forever()`` (its ``service`` attribute holds the store)."""
    service = SparqlService(config)
    handler = type("KgHandler", (Handler,), {"service": service})
    server_class = ThreadingHTTPServer
    if ":" in config.host:
        import socket

        server_class = type("KgServer6", (ThreadingHTTPServer,), {"address_family": socket.AF_INET6})
    try:
        server = server_class((config.host, config.port), handler)
    except OSError as exc:
        service.close()
        raise KgError(f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}") from None
    server.daemon_threads = True
    server.service = service
    return server
