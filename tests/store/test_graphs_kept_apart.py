"""No input can wipe a graph it does not own: an article whose id is a shared graph's name, a store
made with an earlier layout, a re-import killed half-way, an import aimed at kg's own graphs."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.api import KnowledgeGraph
from kg.errors import InputError
from kg.rdf.iris import ARTICLE_GRAPHS, ENTITY_GRAPH, GRAPHS, ONTOLOGY_GRAPH, PENDING_GRAPHS, graph_iri
from kg.rdf.vocab import KGO
from kg.store.local import LocalStore
from support.data import MALI
from support.servers import oxigraph_server

RESERVED_IDS = ["entities", "ontology", "article", "pending", "import", "entities/x", "../entities"]


def reserved_corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for i, name in enumerate(RESERVED_IDS):
        path = folder / f"doc-{i}.md"
        path.write_text(f"---\nid: {name}\npublished: 2025-08-04\n---\nRebels attacked an army post near Gao on 2 August 2025.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def graph_size(store, graph) -> int:
    name = graph.value if isinstance(graph, ox.NamedNode) else str(graph)
    return store.count(f"GRAPH <{name}> {{ ?s ?p ?o }}")


def shared_graphs_intact(graph: KnowledgeGraph) -> None:
    store = graph.store
    assert graph_size(store, ONTOLOGY_GRAPH) > 500
    names, rows = graph.named("who-did-what")
    assert any(row[names.index("actor")].value == "Malian military junta" for row in rows if row[names.index("actor")])
    assert store.count(f"GRAPH <{ENTITY_GRAPH}> {{ ?e a <{KGO.Event}> }}") > 10


@pytest.mark.model
@pytest.mark.parametrize("where", ["local", "remote"])
def test_articles_named_like_the_shared_graphs_keep_to_their_own(where, extractor, tmp_path):
    paths = reserved_corpus(tmp_path / "docs")
    if where == "local":
        graph = KnowledgeGraph(str(tmp_path / "store"))
        run(graph, paths, extractor)
    else:
        with oxigraph_server(tmp_path / "oxigraph") as base:
            run(KnowledgeGraph(base), paths, extractor)


def run(graph: KnowledgeGraph, paths: list[Path], extractor) -> None:
    graph.build([MALI, *paths], extractor=extractor)
    shared_graphs_intact(graph)
    for name in RESERVED_IDS:  # each article in a graph of its own, below graph/article/
        assert str(graph_iri(name)).startswith(ARTICLE_GRAPHS) and graph_size(graph.store, graph_iri(name)) > 5
    summary = graph.build([MALI, *paths], extractor=extractor, force=True)  # every article's graph replaced
    assert summary.articles == 1 + len(RESERVED_IDS)
    shared_graphs_intact(graph)


@pytest.mark.model
def test_a_store_made_with_the_earlier_layout_is_moved_when_opened_for_writing(mali_store, tmp_path):
    old = tmp_path / "old"
    store = ox.Store(str(old))
    earlier = ox.NamedNode(f"{GRAPHS}mali-coup-plot")
    moved_from = ox.NamedNode(str(graph_iri("mali-coup-plot")))
    store.extend(ox.Quad(q.subject, q.predicate, q.object, earlier if q.graph_name == moved_from else q.graph_name)
                 for q in mali_store.store.store)
    quads = len(store)
    del store
    reader = KnowledgeGraph(str(old), read_only=True)  # a reader takes the store as it is
    assert graph_size(reader.store, earlier) > 100
    del reader
    writer = KnowledgeGraph(str(old))
    assert graph_size(writer.store, earlier) == 0 and graph_size(writer.store, moved_from) > 100
    assert len(writer.store.store) == quads
    assert writer.store.article_hashes(["mali-coup-plot"])  # the moved article is found as stored
    assert writer.build([MALI]).skipped == 1


def write_triples(path: Path, count: int, tag: str) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(f'<https://example.org/{tag}/{i}> <https://example.org/p/{i % 7}> "{tag} {i}" .\n')
    return path


def test_a_reimport_replaces_the_graph_whole(tmp_path):
    store = LocalStore.open(str(tmp_path / "store"))
    target = ox.NamedNode("https://example.org/graph")
    from kg.store.importer import import_rdf

    import_rdf(store, write_triples(tmp_path / "old.nt", 50, "old"), target.value)
    import_rdf(store, write_triples(tmp_path / "new.nt", 80, "new"), target.value)
    assert graph_size(store, target) == 80 and store.count('GRAPH ?g { ?s ?p "old 1" }') == 0
    bad = tmp_path / "bad.nt"
    bad.write_text(write_triples(tmp_path / "part.nt", 30, "bad").read_text() + "<broken\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.nt:31"):
        import_rdf(store, bad, target.value)
    assert graph_size(store, target) == 80  # a syntax error leaves the graph as it was, nothing staged
    assert not [g for g in store.store.named_graphs() if g.value.startswith(PENDING_GRAPHS)]
    empty = tmp_path / "empty.nt"
    empty.write_text("", encoding="utf-8")
    import_rdf(store, empty, target.value)
    assert graph_size(store, target) == 0  # the file holds no triples: neither does its graph now


@pytest.mark.parametrize("graph", [str(ENTITY_GRAPH), str(ONTOLOGY_GRAPH), str(graph_iri("mali-coup-plot")),
                                   f"{PENDING_GRAPHS}x/0"])
def test_an_import_cannot_replace_a_graph_kg_keeps(graph, tmp_path):
    from kg.store.importer import import_rdf

    store = LocalStore.open(":memory:")
    with pytest.raises(InputError, match="a graph kg keeps itself"):
        import_rdf(store, write_triples(tmp_path / "x.nt", 3, "x"), graph)


def test_an_import_into_a_graph_that_is_no_iri_is_refused(tmp_path):
    from kg.store.importer import import_rdf

    with pytest.raises(InputError, match="--graph 'my graph' is not an IRI"):
        import_rdf(LocalStore.open(":memory:"), write_triples(tmp_path / "x.nt", 3, "x"), "my graph")


def peak_mib(command: list[str]) -> int:
    """Peak memory of a command, measured by a small launcher (a child forked from this test process
    would count this process's pages as its own until it runs the command)."""
    launcher = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    return int(subprocess.run([sys.executable, "-c", launcher, *command], capture_output=True, text=True, check=True,
                              timeout=300).stdout)


def import_process(store: Path, source: Path, graph: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "import", str(source), "--graph", graph, "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_a_reimport_killed_at_any_moment_leaves_the_old_graph_or_the_new_one_in_bounded_memory(tmp_path):
    graph = "https://example.org/graph"
    old = write_triples(tmp_path / "old.nt", 1_000, "old")
    new = write_triples(tmp_path / "new.nt", 150_000, "new")
    store = tmp_path / "store"
    assert subprocess.run([sys.executable, "-m", "kg.cli", "import", str(old), "--graph", graph, "--store", str(store)],
                          capture_output=True, timeout=120).returncode == 0
    whole = peak_mib([sys.executable, "-m", "kg.cli", "import", str(new), "--graph", graph, "--store", str(store)])
    assert whole < 400, f"re-import of 150,000 triples peaked at {whole} MiB"
    seen = set()
    for delay in (0.5, 2.0, 4.0, 6.0, 8.0):
        subprocess.run([sys.executable, "-m", "kg.cli", "import", str(old), "--graph", graph, "--store", str(store)],
                       capture_output=True, timeout=120, check=True)
        process = import_process(store, new, graph)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        reopened = LocalStore.open(str(store))  # a writer: finishes a committed load, drops an unfinished one
        size = graph_size(reopened, graph)
        assert size in (1_000, 150_000), f"killed after {delay} s: the graph holds {size} triples"
        assert not [g for g in reopened.store.named_graphs() if g.value.startswith(PENDING_GRAPHS)]
        seen.add(size)
        del reopened
    print(f"\nre-import of 150,000 triples: peak {whole} MiB; killed at 0.5-8 s the graph held {sorted(seen)}")
