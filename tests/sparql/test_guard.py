"""What reaches the engine: queries past a size, a nesting depth or a chain of operators are refused
before it (they overflowed Oxigraph's stack and killed the process); SERVICE is found in the parse
tree, and a query the check cannot read is refused, never scanned; a process that runs queries can
be cut off the network, so a SERVICE call that got past the check sends nothing."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest

from kg.errors import QueryError
from kg.sparql.guard import MAX_CHAIN, MAX_DEPTH, check_request, check_shape, deep_call, shape_of, uses_service
from kg.sparql.syntax import mask, where_brace

BRACES = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
PLUSES = "SELECT (" + "+".join(["1"] * 10_000) + " AS ?x) WHERE {}"
BINDS = "SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(3000)) + " }"
SERVICE = "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }"


@pytest.mark.parametrize("query, message", [
    (BRACES, "query nests brackets 5,000 deep; at most 64 levels are taken"),
    ("SELECT * WHERE { FILTER(" + "(" * 200 + "1" + ")" * 200 + ") }", "nests brackets 202 deep"),
    (PLUSES, "query chains 9,999 operators and clauses"),
    (BINDS, "query chains 3,001 operators and clauses"),
    ("SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 2000) + " }", "chains 2,000 operators"),
    ("SELECT * WHERE { ?s " + "/".join(["<urn:p>"] * 1500) + " ?o }", "chains 1,500 operators"),
    ("SELECT * WHERE { ?s ?p ?o } VALUES ?s { " + "<urn:x> " * 40_000 + "}", "query is 320,041 characters long; this endpoint takes at most 262,144"),
], ids=["braces", "parentheses", "pluses", "binds", "unions", "path", "size"])
def test_queries_past_the_limits_are_refused_with_one_line(query, message):
    with pytest.raises(QueryError) as refused:
        check_request(query)
    assert message in str(refused.value) and "\n" not in str(refused.value)


def test_real_queries_pass_the_shape_check():
    assert check_shape("SELECT * WHERE " + "{" * MAX_DEPTH + "}" * MAX_DEPTH).depth == MAX_DEPTH
    shape = shape_of('SELECT ?s WHERE { ?s <urn:p> "{{{{((((" . FILTER(?s != <urn:a>) } # }}}}}}\n'
                     'VALUES ?n { -1 -2 -3 +4 }')
    assert (shape.depth, shape.chain) == (2, 2)  # FILTER and != chain; braces in strings and comments, values in VALUES do not
    assert check_shape("SELECT (" + "+".join(["?a"] * (MAX_CHAIN + 1)) + " AS ?x) WHERE {}").chain == MAX_CHAIN
    assert check_shape("x" * 500_000, max_chars=None).chars == 500_000  # kg query takes any size


def test_an_escaped_hash_or_quote_in_a_name_hides_nothing():
    """``ex:a\\#b`` is one prefixed name: the ``#`` starts no comment that would blank the rest of
    the line, and ``ex:it\\'s`` no string."""
    for name in ("ex:a\\#b", "ex:it\\'s"):
        query = f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s {name} ?o . {SERVICE} }}"
        assert "SERVICE <" in mask(query).replace(" " * 25, "") or "SERVICE" in mask(query)
        assert shape_of(query).depth == 2
        with pytest.raises(QueryError, match="SERVICE"):
            check_request(query)
    assert where_brace("SELECT ?x\\# { ?s ?p ?o }") == 12


@pytest.mark.parametrize("query", [
    f"SELECT * WHERE {{ {SERVICE} }}",
    f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <http://127.0.0.1:9/> {{ ?s ?q ?r }} }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o LATERAL {{ {SERVICE} }} }}",
    f"SELECT * WHERE {{ <<( ?s ?p ?o )>> ?q ?r . {SERVICE} }}",
    f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\#b ?o . {SERVICE} }}",
    f"SELECT * WHERE {{ ?s ?p 'it''s' . {SERVICE} }}",
    "SELECT * WHERE " + "{" * 40 + SERVICE + "}" * 40,
], ids=["plain", "silent", "lateral", "triple-term", "escaped-hash", "quotes", "deep"])
def test_service_is_refused_however_it_is_written(query):
    with pytest.raises(QueryError, match="SERVICE") as refused:
        deep_call(check_request, query)
    assert "\n" not in str(refused.value)


def test_what_the_check_cannot_read_is_refused_and_a_string_is_no_call():
    with pytest.raises(QueryError, match="cannot read this query as SPARQL 1.1.*refused"):
        check_request("SELECT * WHERE { ?s ?p ?o LATERAL { SELECT ?x WHERE {} } }")
    check_request('SELECT ("SERVICE <http://127.0.0.1:9/> { }" AS ?a) WHERE {}')  # a string, not a call
    assert uses_service("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }", update=True)
    check_request("SELECT * WHERE { ?s ?p ?o LATERAL { SERVICE <http://x/> { } } }", allow_service=True)


def test_offline_a_syntax_error_is_reported_as_one():
    with pytest.raises(QueryError, match=r"SPARQL syntax error at line 1, column 26 \(at the end\)"):
        check_request("SELECT ?s WHERE { ?s ?p }", offline=True)
    with pytest.raises(QueryError, match="cannot read this query"):
        check_request("SELECT ?s WHERE { ?s ?p }")  # not offline: Oxigraph is not asked


def test_a_deep_but_allowed_query_parses_and_runs_on_the_deep_stack():
    import pyoxigraph as ox

    levels = MAX_DEPTH - 1  # and BIND's parenthesis
    query = "SELECT * WHERE " + "{" * levels + "BIND(1 AS ?x)" + "}" * levels
    deep_call(check_request, query)
    assert deep_call(lambda: [row["x"].value for row in ox.Store().query(query)]) == ["1"]


SANDBOXED = """
import sys, pyoxigraph as ox, socket
from kg.sparql.sandbox import forbid_network
assert forbid_network()
try:
    socket.socket(socket.AF_INET)
except PermissionError:
    print("no internet socket")
socket.socket(socket.AF_UNIX).close()
try:
    list(ox.Store().query("SELECT * WHERE { SERVICE <http://127.0.0.1:%s/sparql> { ?s ?p ?o } }"))
except OSError as exc:
    print("service failed:", exc)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the network filter is Linux's seccomp")
def test_a_sandboxed_process_sends_no_service_request():
    """The engine itself is kept off the network: a SERVICE call to a listener on loopback, run
    without the guard, fails in a sandboxed process and the listener sees no connection; the same
    call from an ordinary process connects."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    connections = []

    def accept():
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connections.append(1)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        done = subprocess.run([sys.executable, "-c", SANDBOXED % port], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == ["no internet socket", "service failed: Operation not permitted (os error 1)"]
        assert connections == []
        plain = subprocess.run([sys.executable, "-c", SANDBOXED.replace("assert forbid_network()", "") % port],
                               capture_output=True, text=True, timeout=60)
        assert plain.returncode == 0 and connections, plain.stderr  # the listener does see a plain process
    finally:
        listener.close()
