"""``kg serve`` against requests meant to break it, each on a real server on loopback with its
address space capped: queries that crashed the engine, grew without bound or held every thread;
SERVICE past the guard; DNS rebinding and cross-site POSTs; bad Content-Length, clients that never
read and idle connections; and a storm of twenty of them at once, after which the server is alive,
back under its memory bound, and answers ``ASK {}`` within a second."""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from support.servers import kg_serving, listener, process_tree, resident_mb

pytestmark = pytest.mark.slow
ADDRESS_SPACE = 6 << 30  # per process of the server under test
IDLE_BOUND_MB = 900  # the whole server (main process, fork server, query processes) at rest
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SORTED_CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g LIMIT 1"
CONCAT = ("SELECT (STRLEN(?a26) AS ?n) WHERE { BIND(\"aaaaaaaaaa\" AS ?a0) "
          + " ".join(f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(26)) + " }")
DEEP = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
PLUSES = "SELECT (" + "+".join(["1"] * 10_000) + " AS ?x) WHERE {}"
OPTIONALS = "SELECT * WHERE { ?s ?p ?o " + " ".join(f"OPTIONAL {{ ?s ?p ?o{i} }}" for i in range(300)) + " } LIMIT 1"
PATH = "SELECT * WHERE { ?s " + "/".join(["<urn:kg:p0>"] * 900) + " ?o }"
VALUES = "SELECT * WHERE { ?s ?p ?o } VALUES ?s { " + " ".join(f"<urn:kg:s{i}>" for i in range(20_000)) + " }"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("hostile")
    with (folder / "g.nt").open("w", encoding="utf-8") as handle:
        for i in range(2000):
            handle.write(f'<urn:kg:s{i % 200}> <urn:kg:p{i % 5}> "value {i}" .\n')
    done = subprocess.run([sys.executable, "-m", "kg.cli", "import", str(folder / "g.nt"), "--store", str(folder / "store")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return str(folder / "store")


@contextmanager
def serving(store: str, *options: str):
    with kg_serving("--store", store, *options, address_space=ADDRESS_SPACE) as (base, process):
        yield base, process


def request(base: str, query: str | None = None, *, method: str = "GET", headers: dict | None = None,
            body: bytes | None = None, path: str = "/sparql", timeout: float = 60) -> tuple[int, str, float]:
    """Status, body text and seconds of one request (``query`` as ?query= for GET, as a form for POST)."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    target = path
    if query is not None and method == "GET":
        target += "?" + urllib.parse.urlencode({"query": query})
    elif query is not None:
        body = urllib.parse.urlencode({"query": query}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    started = time.monotonic()
    try:
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace"), time.monotonic() - started
    finally:
        connection.close()


def ask_within(base: str, seconds: float = 1.0) -> float:
    status, body, took = request(base, "ASK {}")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert took < seconds, f"ASK {{}} took {took:.2f} s"
    return took


def tree_mb(process) -> int:
    return resident_mb(process_tree(process.pid))


def settled_mb(process, bound: int, within: float = 10.0) -> int:
    """The server's memory once it is back under ``bound`` (killed processes take a moment to go)."""
    deadline = time.monotonic() + within
    while True:
        now = tree_mb(process)
        if now < bound or time.monotonic() > deadline:
            return now
        time.sleep(0.2)


def test_queries_that_crashed_the_engine_get_400_before_it(store):
    with serving(store) as (base, process):
        for query, message in ((DEEP, "nests brackets 5,000 deep"), (PLUSES, "chains 9,999 operators")):
            status, body, took = request(base, query, method="POST")
            assert status == 400 and message in body and took < 1, (status, body[:200])
        assert process.poll() is None
        ask_within(base)


def test_a_timeout_stops_the_query_and_its_memory(store):
    """The query is killed, not left running: its process is replaced, the memory comes back, and
    eight cartesian products at once hold nothing once their time is up."""
    # room enough that the time limit, not the memory limit, is what stops the sorted product
    with serving(store, "--timeout", "2", "--query-memory", "4096") as (base, process):
        before = set(process_tree(process.pid))
        status, body, took = request(base, SORTED_CARTESIAN)
        assert status == 503 and "time limit of 2 s" in body and took < 4, (status, body)
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: request(base, CARTESIAN), range(8)))
        assert [a[0] for a in answers] == [503] * 8 and max(a[2] for a in answers) < 7
        assert set(process_tree(process.pid)) != before  # the query processes that ran them are gone
        ask_within(base)
        print(f"\nfigures: 8 cartesian COUNT(*) at once under --timeout 2: all 503 within {max(a[2] for a in answers):.1f} s; "
              f"server {settled_mb(process, IDLE_BOUND_MB)} MB after")
        assert settled_mb(process, IDLE_BOUND_MB) < IDLE_BOUND_MB


def test_a_query_that_wants_more_memory_than_allowed_gets_503(store):
    with serving(store, "--query-memory", "256", "--timeout", "20") as (base, process):
        status, body, took = request(base, CONCAT)
        assert status == 503 and "needed more than the 256 MB a query may use" in body, (status, body)
        print(f"\nfigures: 26 chained CONCAT under --query-memory 256: 503 in {took:.2f} s")
        ask_within(base)
        assert settled_mb(process, IDLE_BOUND_MB) < IDLE_BOUND_MB


def test_service_sends_nothing_even_when_written_to_fool_a_scan(store):
    with serving(store) as (base, _), listener() as (port, seen):
        for query in (f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\#b ?o . SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                      f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:it\\'s ?o . SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ ?s ?p ?o LATERAL {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }}",
                      f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"):
            status, body, _ = request(base, query, method="POST")
            assert status == 400 and ("SERVICE" in body or "refused" in body), (status, body)
        time.sleep(0.3)
        assert seen == []


def test_only_its_own_host_names_are_served_and_cross_site_posts_are_refused(store):
    with serving(store, "--allow-host", "kg.example.org") as (base, _):
        port = urllib.parse.urlsplit(base).port
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"LOCALHOST:{port}", "kg.example.org"):
            assert request(base, "ASK {}", headers={"Host": host})[0] == 200, host
        for host in ("attacker.example", f"attacker.example:{port}", f"127.0.0.1:{port + 1}", "localhost"):
            status, body, _ = request(base, "ASK {}", headers={"Host": host})
            assert status == 421 and "does not answer for host" in body, host
        own = f"http://127.0.0.1:{port}"
        assert request(base, "ASK {}", method="POST", headers={"Origin": own})[0] == 200
        assert request(base, "ASK {}", method="POST")[0] == 200  # programs send no Origin
        for headers in ({"Origin": "http://attacker.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
                        {"Origin": f"http://localhost:{port}"}):
            status, body, _ = request(base, "ASK {}", method="POST", headers=headers)
            assert status == 403 and "cross-origin requests are refused" in body, headers


def test_bad_content_lengths_and_large_bodies_get_their_status(store):
    with serving(store) as (base, process):
        url = urllib.parse.urlsplit(base)
        for length in ("-1", "abc", "1e9", " "):
            with socket.create_connection((url.hostname, url.port), timeout=10) as raw:
                raw.sendall(f"POST /sparql HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/sparql-query\r\n"
                            f"Content-Length: {length}\r\n\r\nASK {{}}".encode())
                reply = raw.recv(4096).decode("latin-1")
            assert reply.startswith("HTTP/1.1 400"), (length, reply[:80])
        with socket.create_connection((url.hostname, url.port), timeout=10) as raw:  # 2 MB announced: refused unread
            raw.sendall(f"POST /sparql HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        f"Content-Length: {2 << 20}\r\n\r\nquery=".encode())
            assert raw.recv(4096).decode("latin-1").startswith("HTTP/1.1 413")
        assert process.poll() is None
        ask_within(base)


def test_clients_that_never_read_and_idle_connections_hold_no_memory_or_threads(store):
    with serving(store) as (base, process):
        url = urllib.parse.urlsplit(base)
        query = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
        readers = []
        for _ in range(100):  # each asks for the whole store (2,000 rows) and never reads the answer
            raw = socket.create_connection((url.hostname, url.port), timeout=10)
            raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            raw.sendall(f"GET /sparql?query={query} HTTP/1.1\r\nHost: {url.netloc}\r\n\r\n".encode())
            readers.append(raw)
        idle = [socket.create_connection((url.hostname, url.port), timeout=10) for _ in range(400)]
        try:
            ask_within(base, 30.0)  # behind the hundred queries, which are answered
            held = tree_mb(process)
            took = ask_within(base, 1.0)  # they hold no query process or thread now, though never read
            print(f"\nfigures: 100 clients that never read and 400 idle connections: server {held} MB, ASK {took:.2f} s")
            assert held < IDLE_BOUND_MB + 300
        finally:
            for raw in readers + idle:
                raw.close()
        ask_within(base)
        assert process.poll() is None


def test_a_storm_of_twenty_hostile_queries_leaves_the_server_answering(store):
    """Twenty hostile requests at once: crashing shapes, cartesian products, a memory bomb,
    compile-time blow-ups, SERVICE tricks, a large VALUES block, bad bodies. Afterwards the server
    is alive, back under its memory bound, and ``ASK {}`` answers within a second."""
    storm = [("GET", DEEP), ("POST", PLUSES), ("GET", CARTESIAN), ("GET", CARTESIAN), ("POST", CARTESIAN),
             ("GET", SORTED_CARTESIAN), ("GET", SORTED_CARTESIAN), ("POST", CONCAT), ("POST", CONCAT),
             ("POST", OPTIONALS), ("POST", PATH), ("POST", VALUES), ("GET", CARTESIAN), ("POST", CONCAT),
             ("POST", "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\\#b ?o . SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
             ("POST", "SELECT * WHERE { ?s ?p ?o LATERAL { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }"),
             ("POST", "SELECT * WHERE { BIND(1 AS ?x) " + "OPTIONAL { ?s ?p ?o } " * 200 + "}"),
             ("GET", SORTED_CARTESIAN), ("POST", CARTESIAN), ("GET", "SELECT * WHERE " + "{" * 100 + "}" * 100)]
    assert len(storm) == 20
    with serving(store, "--timeout", "3", "--query-memory", "512") as (base, process):
        rest = tree_mb(process)
        peak = [rest]
        stop = threading.Event()

        def watch():
            while not stop.is_set():
                peak.append(tree_mb(process))
                time.sleep(0.1)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        started = time.monotonic()
        with ThreadPoolExecutor(len(storm)) as pool:
            answers = list(pool.map(lambda item: request(base, item[1], method=item[0], timeout=120), storm))
        stop.set()
        watcher.join()
        storm_seconds = time.monotonic() - started
        statuses = [a[0] for a in answers]
        assert all(s in (400, 503) for s in statuses), statuses
        assert process.poll() is None
        after = settled_mb(process, IDLE_BOUND_MB)
        took = ask_within(base, 1.0)
        print(f"\nfigures: storm of 20: {statuses.count(400)} x 400, {statuses.count(503)} x 503 in {storm_seconds:.1f} s; "
              f"server {rest} MB before, {max(peak)} MB at peak, {after} MB after; then ASK {{}} in {took:.3f} s")
        assert after < IDLE_BOUND_MB
