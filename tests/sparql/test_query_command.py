"""``kg query`` as a user runs it, in real processes on a real store: ASK prints its boolean,
CONSTRUCT and DESCRIBE their triples in the format asked for; SERVICE sends nothing unless
``--allow-service``; a query nested 5,000 deep is one line and exit 5, not a crash."""
from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
from support.servers import listener

pytestmark = pytest.mark.slow
TRIPLES = '<urn:kg:a> <urn:kg:p> "x" .\n<urn:kg:b> <urn:kg:p> <urn:kg:a> .\n'


def kg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("query")
    (folder / "g.nt").write_text(TRIPLES, encoding="utf-8")
    path = str(folder / "store")
    assert kg("import", str(folder / "g.nt"), "--store", path).returncode == 0
    return path


def test_ask_construct_and_describe_print_their_results(store):
    assert kg("query", "ASK {}", "--store", store).stdout == "true\n"
    assert kg("query", "ASK { <urn:kg:nothing> ?p ?o }", "--store", store, "-f", "json").stdout.strip() == '{"head": {}, "boolean": false}'
    turtle = kg("query", "CONSTRUCT { ?s <urn:kg:p> ?o } WHERE { ?s <urn:kg:p> ?o }", "--store", store)
    assert turtle.returncode == 0 and turtle.stderr == ""
    assert {(t.subject.value, t.object.value) for t in ox.parse(turtle.stdout.encode(), format=ox.RdfFormat.TURTLE)} == {
        ("urn:kg:a", "x"), ("urn:kg:b", "urn:kg:a")}
    described = kg("query", "DESCRIBE <urn:kg:a>", "--store", store, "--format", "nt")
    assert described.stdout == '<urn:kg:a> <urn:kg:p> "x" .\n'
    wrong = kg("query", "DESCRIBE <urn:kg:a>", "--store", store, "--format", "csv")
    assert wrong.returncode == 5 and wrong.stderr == (
        "kg: CONSTRUCT and DESCRIBE give triples: use --format table, ttl, nt, rdfxml, jsonld, not 'csv'\n")


def test_service_sends_nothing_unless_allowed(store):
    with listener() as (port, seen):
        call = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        refused = [kg("query", query, "--store", store) for query in (
            call,
            f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\#b ?o . SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?s ?p ?o LATERAL {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }}",
        )]
        assert [r.returncode for r in refused] == [5, 5, 5]
        assert refused[0].stderr == "kg: federated queries (SERVICE) are disabled here\n"
        assert all("refused" in r.stderr and "Traceback" not in r.stderr for r in refused[1:])
        assert seen == []
        allowed = kg("query", call, "--store", store, "--allow-service")
        assert allowed.returncode == 5 and allowed.stderr.startswith("kg: query failed: ")  # the listener speaks no HTTP
        assert seen, "with --allow-service the request is sent"


def test_deep_queries_are_one_line_not_a_crash(store):
    deep = kg("query", "SELECT * WHERE " + "{" * 5000 + "}" * 5000, "--store", store)
    assert deep.returncode == 5 and deep.stderr == "kg: query nests brackets 5,000 deep; at most 64 levels are taken\n"
    chained = kg("query", "SELECT (" + "+".join(["1"] * 10_000) + " AS ?x) WHERE {}", "--store", store)
    assert chained.returncode == 5 and "chains 9,999 operators" in chained.stderr
    allowed = kg("query", "SELECT ?x WHERE " + "{" * 60 + "BIND(2 AS ?x)" + "}" * 60, "--store", store, "-f", "csv")
    assert allowed.returncode == 0 and allowed.stdout.split() == ["x", "2"]
    syntax = kg("query", "SELECT ?s WHERE { ?s ?p }", "--store", store)
    assert syntax.returncode == 5 and syntax.stderr.startswith("kg: SPARQL syntax error at line 1, column 26 (at the end)")
