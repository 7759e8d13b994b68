"""``kg serve``'s HTTP side: routes, request checks and answers; everything else is :mod:`.service`'s.

Routes: ``/sparql`` (GET ``?query=``, POST form or ``application/sparql-query``; updates as POST
form ``update=`` or ``application/sparql-update``), ``/named/NAME?param=value`` (a named query with
its parameters bound by kg), ``/queries`` (the named queries as JSON), ``/`` (the query page),
``/view`` (the actor-network view) and ``/static/...`` (the page's script and style).

The server is waitress, a maintained WSGI server: a bounded pool of threads, connections waited on
by one event loop (an idle connection holds no thread), an idle timeout on every connection, a
listen backlog of 1,024, request bodies capped and ``Content-Length`` checked (a negative or
malformed one is a 400) before kg sees a request, and answers buffered on disk past a megabyte, so a
client that never reads costs no memory. The standard library's server it replaces read a body of
any size behind ``Content-Length: -1``, had no socket timeout and one thread per connection.

Safe by default: it listens on 127.0.0.1, is read-only, refuses ``SERVICE`` (no requests to other
hosts on a caller's behalf), answers each query within a time limit (503 when it runs past it) and
caps the rows it returns (the ``X-KG-Truncated: true`` header says rows were cut). It answers only
requests whose ``Host`` is a name it is reached by (``127.0.0.1:PORT``, ``localhost:PORT``,
``[::1]:PORT``, the address it listens on, ``--allow-host``; otherwise 421), so a page whose name
was rebound to 127.0.0.1 reads nothing, and refuses POSTs from pages of other origins (403), so
no page can send it queries or updates. Updates need the server started with ``--allow-update``
*and* a token, sent as ``Authorization: Bearer TOKEN``. The page takes nothing from a CDN; its
policy allows only its own script and style and requests to this server, and it writes results
into the page as text, never as markup.
"""
from __future__ import annotations

import json
import logging
import urllib.parse
from http import HTTPStatus
from pathlib import Path
from typing import Callable, Iterable

from kg.errors import KgError, QueryError, StoreError
from kg.serve.pool import QueryFailed
from kg.serve.service import Forbidden, ServeConfig, SparqlService, named_queries
from kg.sparql.results import QueryTimeout

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = {"serve.js": "text/javascript; charset=utf-8", "serve.css": "text/css; charset=utf-8"}
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
MAX_BODY = 1 << 20
LOOPBACK = ("127.0.0.1", "localhost", "::1")
IDLE_TIMEOUT = 15  # seconds a connection may sit with nothing sent or read before it is closed
MAX_CONNECTIONS = 1000  # open at once; past it new ones wait in the backlog
BACKLOG = 1024

Response = tuple[HTTPStatus, bytes, str, dict]


def accepted_hosts(host: str, port: int, allowed: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` header values a server listening on ``host``:``port`` answers (lower case).

    >>> sorted(accepted_hosts("127.0.0.1", 7878, ["kg.example.org"]))
    ['127.0.0.1:7878', '[::1]:7878', 'kg.example.org', 'kg.example.org:7878', 'localhost:7878']
    """
    names = {"127.0.0.1", "localhost", "[::1]"}
    if host not in ("0.0.0.0", "::", ""):
        names.add(f"[{host}]" if ":" in host else host)
    hosts = {f"{name}:{port}".lower() for name in names}
    if port == 80:
        hosts |= {name.lower() for name in names}
    for value in allowed:
        value = value.strip().lower()
        if value.rsplit(":", 1)[-1].isdigit() and not value.endswith("]"):
            hosts.add(value)  # a name with its port
        elif value:
            hosts |= {value, f"{value}:{port}"}
    return frozenset(hosts)


class App:
    """The WSGI application: request checks and routes over a :class:`SparqlService`."""

    def __init__(self, service: SparqlService, hosts: frozenset[str]):
        self.service = service
        self.hosts = hosts

    def __call__(self, environ: dict, start_response: Callable) -> list[bytes]:
        status, body, media, headers = self.respond(environ)
        start_response(f"{status.value} {status.phrase}", [
            ("Content-Type", media), ("Content-Length", str(len(body))), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-store"), *headers.items()])
        return [body]

    def respond(self, environ: dict) -> Response:
        """Check the request's host and origin, then route it."""
        host = (environ.get("HTTP_HOST") or "").strip().lower()
        if host not in self.hosts:
            return _error(HTTPStatus.MISDIRECTED_REQUEST, f"this server does not answer for host {host[:100]!r}; "
                                                          "start kg serve with --allow-host NAME to add one")
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD") and _cross_site(environ, host):
            return _error(HTTPStatus.FORBIDDEN, "cross-origin requests are refused: send the query from this "
                                                "server's own page or from a program, not from another site")
        path = environ.get("PATH_INFO", "/")
        args = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method in ("GET", "HEAD"):
            return self.get(path, args, environ)
        if method == "POST":
            return self.post(path, args, environ)
        return _error(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST")

    def get(self, path: str, args: dict, environ: dict) -> Response:
        accept = environ.get("HTTP_ACCEPT")
        if path == "/":
            return (HTTPStatus.OK, (TEMPLATES / "serve.html").read_bytes(), "text/html; charset=utf-8",
                    {"Content-Security-Policy": PAGE_POLICY})
        if path.startswith("/static/") and path[8:] in STATIC:
            return HTTPStatus.OK, (TEMPLATES / path[8:]).read_bytes(), STATIC[path[8:]], {}
        if path == "/queries":
            return (HTTPStatus.OK, json.dumps(named_queries(), ensure_ascii=False).encode("utf-8"),
                    "application/json; charset=utf-8", {})
        if path == "/view":
            return self._run(lambda: (self.service.view().encode("utf-8"), "text/html; charset=utf-8", False))
        if path == "/sparql":
            if "update" in args:
                return _error(HTTPStatus.BAD_REQUEST, "send updates with POST")
            if "query" not in args:
                return _error(HTTPStatus.BAD_REQUEST, "give a SPARQL query: /sparql?query=...")
            return self._query(args["query"][0], accept, _first(args, "format"))
        if path.startswith("/named/"):
            params = {k: v[0] for k, v in args.items() if k != "format"}
            return self._run(lambda: _parts(self.service.named(path[7:], params, accept=accept, fmt=_first(args, "format"))))
        return _error(HTTPStatus.NOT_FOUND, "no such page; the endpoint is /sparql")

    def post(self, path: str, args: dict, environ: dict) -> Response:
        if path != "/sparql":
            return _error(HTTPStatus.NOT_FOUND, "POST queries and updates to /sparql")
        length = int(environ.get("CONTENT_LENGTH") or 0)  # waitress has checked it: digits, at most MAX_BODY
        body = environ["wsgi.input"].read(length).decode("utf-8", "replace")
        kind = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        accept = environ.get("HTTP_ACCEPT")
        if kind == "application/sparql-query":
            return self._query(body, accept, _first(args, "format"))
        if kind == "application/sparql-update":
            return self._update(body, environ)
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self._update(form["update"][0], environ)
            if "query" in form:
                return self._query(form["query"][0], accept, _first(form, "format") or _first(args, "format"))
        return _error(HTTPStatus.BAD_REQUEST, "POST a query (query=... or application/sparql-query) "
                                              "or an update (update=... or application/sparql-update)")

    def _query(self, sparql: str, accept: str | None, fmt: str | None) -> Response:
        return self._run(lambda: _parts(self.service.query(sparql, accept=accept, fmt=fmt)))

    def _update(self, sparql: str, environ: dict) -> Response:
        def run():
            self.service.update(sparql, environ.get("HTTP_AUTHORIZATION"))
            return None

        return self._run(run)

    def _run(self, work: Callable) -> Response:
        try:
            result = work()
        except Forbidden as exc:
            return _error(HTTPStatus.FORBIDDEN, str(exc))
        except (QueryTimeout, QueryFailed) as exc:
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except (QueryError, KgError) as exc:
            status = HTTPStatus.INTERNAL_SERVER_ERROR if isinstance(exc, StoreError) else HTTPStatus.BAD_REQUEST
            return _error(status, exc.one_line())
        if result is None:
            return HTTPStatus.NO_CONTENT, b"", "text/plain", {}
        body, media, truncated = result
        return HTTPStatus.OK, body, media, {"X-KG-Truncated": "true"} if truncated else {}


def _parts(found) -> tuple[bytes, str, bool]:
    return found.body, found.media_type, found.truncated


def _cross_site(environ: dict, host: str) -> bool:
    """Whether a browser sent this request from a page of another origin (``Origin`` and
    ``Sec-Fetch-Site`` say so; programs send neither)."""
    origin = environ.get("HTTP_ORIGIN")
    if origin is not None and origin.strip().lower() != f"http://{host}":
        return True  # "null" too: a sandboxed frame, a file: page
    return environ.get("HTTP_SEC_FETCH_SITE", "").lower() in ("cross-site", "same-site")


def _error(status: HTTPStatus, message: str) -> Response:
    return status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", {}


def _first(args: dict, key: str) -> str | None:
    values = args.get(key)
    return values[0] if values else None


class Server:
    """``kg serve`` listening: ``serve_forever()`` until interrupted, then ``server_close()``."""

    def __init__(self, waitress_server, service: SparqlService):
        self.waitress = waitress_server
        self.service = service

    @property
    def server_address(self) -> tuple[str, int]:
        return self.waitress.effective_host, int(self.waitress.effective_port)

    def serve_forever(self) -> None:
        self.waitress.run()

    def server_close(self) -> None:
        self.waitress.close()


def _open_files_for(count: int) -> None:
    """Let this process hold ``count`` open files (a connection is one), within the hard limit."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = count if hard == resource.RLIM_INFINITY else min(count, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def make_server(config: ServeConfig) -> Server:
    """A server ready to ``serve_forever()`` (its ``service`` attribute holds the store)."""
    import socket

    from waitress.server import create_server

    service = SparqlService(config)
    _open_files_for(MAX_CONNECTIONS + 64)
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((config.host, config.port))
    except OSError as exc:
        listener.close()
        service.close()
        raise KgError(f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}") from None
    port = listener.getsockname()[1]
    app = App(service, accepted_hosts(config.host, port, config.allow_hosts))
    logging.getLogger("waitress").setLevel(logging.ERROR)  # no line per busy moment on the terminal
    threads = config.workers + 4  # a query holds a thread while its process works; the page's files need some too
    server = create_server(app, sockets=[listener], threads=threads, backlog=BACKLOG, connection_limit=MAX_CONNECTIONS,
                           channel_timeout=IDLE_TIMEOUT, cleanup_interval=2, max_request_body_size=MAX_BODY,
                           outbuf_high_watermark=64 << 20, asyncore_use_poll=True, ident="kg-sparql",
                           clear_untrusted_proxy_headers=False)
    return Server(server, service)
