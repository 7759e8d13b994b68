"""A store on a SPARQL 1.1 server: kg builds into a real ``oxigraph serve`` over the Query, Update and
Graph Store protocols, and the remote graph is the local one."""
import json

import pytest
from support.corpus import CORPUS
from support.data import MALI
from support.servers import oxigraph_server

from kg.api import KnowledgeGraph
from kg.errors import QueryError, StoreError
from kg.rdf.iris import actor_iri

pytestmark = pytest.mark.model


@pytest.fixture
def server(tmp_path):
    """A new, empty Oxigraph server for each test: no test sees what another wrote."""
    with oxigraph_server(tmp_path / "oxigraph") as base:
        yield base


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("remote-corpus") / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in CORPUS), encoding="utf-8")
    return path


def test_a_build_on_a_sparql_server_is_the_local_build(server, corpus, extractor, tmp_path):
    local = KnowledgeGraph(":memory:")
    local.build([corpus, MALI], extractor=extractor)
    remote = KnowledgeGraph(server)
    summary = remote.build([corpus, MALI], extractor=extractor)
    assert summary.articles == 5 and summary.merged >= 1
    assert set(remote.store.quads()) == set(local.store.quads())
    assert remote.build([corpus, MALI], extractor=extractor).skipped == 5

    changed = [dict(d, text="Rebels attacked an army base near Gao on 2 June 2025.") if d["id"] == "short" else d for d in CORPUS]
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in changed), encoding="utf-8")
    for graph in (local, remote):
        assert graph.build([corpus], extractor=extractor).articles == 1
    assert set(remote.store.quads()) == set(local.store.quads())
    assert remote.stats() == local.stats()
    for name, params in (("who-did-what", {}), ("actor-timeline", {"actor": "Moussa Mara"}), ("corroboration", {})):
        assert rows(remote.named(name, params)) == rows(local.named(name, params))
    assert remote.validate() == []


def rows(result):
    """A query's answer as a sorted list of rows (ties may come back in any order)."""
    names, found = result
    keep = [i for i, name in enumerate(names) if name != "cited"]  # GROUP_CONCAT joins in no set order
    return names, sorted(tuple(str(row[i]) for i in keep) for row in found)


def test_export_and_import_through_the_graph_store_protocol(server, extractor, tmp_path):
    remote = KnowledgeGraph(server)
    remote.build([MALI], extractor=extractor)
    out = remote.export("nq", tmp_path / "all.nq")
    assert out.stat().st_size > 1000
    extra = tmp_path / "extra.ttl"
    extra.write_text(f'<{actor_iri("Wagner Group")}> <http://www.w3.org/2000/01/rdf-schema#label> "Wagner Group" .\n',
                     encoding="utf-8")
    summary = remote.import_rdf(extra)
    assert summary.quads == 1
    rows = remote.store.select(f'SELECT ?l WHERE {{ <{actor_iri("Wagner Group")}> ?p ?l }}')
    assert [r["l"].value for r in rows] == ["Wagner Group"]


def test_errors_from_a_server_are_one_line(server, tmp_path):
    remote = KnowledgeGraph(server, read_only=True)
    with pytest.raises(QueryError, match="SPARQL syntax error at line 1"):
        remote.query("SELEC ?x WHERE { ?x ?p ?o }")
    with pytest.raises(StoreError, match="read-only"):
        remote.store.replace_article("x", [])
    with pytest.raises(StoreError, match="cannot reach SPARQL server"):
        KnowledgeGraph("http://127.0.0.1:9/")


def test_a_server_without_the_union_default_graph_is_refused(tmp_path):
    from support.servers import free_port, oxigraph_binary, running

    port = free_port()
    args = [oxigraph_binary(), "serve", "--location", str(tmp_path / "plain"), "--bind", f"127.0.0.1:{port}"]
    with running(args, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D"):
        with pytest.raises(StoreError, match="union-default-graph"):
            KnowledgeGraph(f"http://127.0.0.1:{port}")


@pytest.mark.slow
def test_the_command_line_and_kg_serve_work_on_a_sparql_server(server, tmp_path):
    import subprocess
    import sys
    import urllib.parse
    import urllib.request

    from support.servers import kg_server

    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300)

    built = kg("build", str(MALI), "--store", server)
    assert built.returncode == 0 and "unchanged article(s) skipped" in built.stdout, built.stderr
    answer = kg("query", "--name", "events-of-type", "--param", "type=Arrest", "--format", "csv", "--store", server)
    assert answer.returncode == 0 and "Malian soldiers" in answer.stdout
    assert "conforms" in kg("validate", "--store", server).stdout
    with kg_server("--store", server) as base:
        query = urllib.parse.urlencode({"query": f"ASK {{ ?e a <{KGO_EVENT}> }}"})
        with urllib.request.urlopen(f"{base}/sparql?{query}", timeout=30) as response:
            assert json.loads(response.read())["boolean"] is True


KGO_EVENT = "https://w3id.org/kg/ontology#Event"
