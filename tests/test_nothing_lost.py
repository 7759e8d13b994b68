"""Nothing lost: a real ``kg build`` of 200 articles is killed with SIGKILL half-way; readers and a
second writer come by while it runs; an export is killed in the middle of writing its file.

The store must open afterwards, hold only whole articles (each article's quads exactly what a clean
build gives it, nothing of a half-stored one), conform to the SHACL shapes, and a second run must
store the rest. Readers must see whole articles only; a second writer must be told the store is in
use. A killed export must leave the target file as it was.
"""
from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from support.corpus import write_corpus

from kg.errors import StoreError
from kg.extraction.extractor import Extractor
from kg.ingest.reader import read_articles
from kg.rdf.iris import ONTOLOGY_GRAPH, graph_iri
from kg.rdf.quads import article_graph
from kg.rdf.terms import to_ox
from kg.store.local import LocalStore

pytestmark = [pytest.mark.model, pytest.mark.slow]
COUNT = 200
KILL_AT = 100  # articles stored before the kill, at least
KGO = "https://w3id.org/kg/ontology#"
FIGURES: dict = {}


def kg(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300, **kwargs)


def visit(store: str, *args: str) -> subprocess.Popen:
    """A kg command on ``store`` run alongside the build."""
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args, "--store", store],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def data_quads(store: ox.Store) -> set[str]:
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
    return {str(q) for q in store if q.graph_name != ontology}


def graph_quads(store: ox.Store, graph: str) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


@pytest.fixture(scope="module", autouse=True)
def figures():
    """Print what the fault tests measured (pytest -s shows it; the README quotes it)."""
    yield FIGURES
    print(f"\nfigures: {FIGURES}")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, COUNT)
    return folder


@pytest.fixture(scope="module")
def expected(corpus, rules, extractor) -> dict[str, dict]:
    """What a clean build stores for each article: its own graph's quads and its shared quads, from
    a fresh extractor reading the articles in the build's order."""
    fresh = Extractor(rules=rules, nlp=extractor.nlp)
    result = {}
    for article, events in fresh.stream(read_articles([corpus])):
        as_stored = ox.Store()  # Oxigraph keeps literals in canonical form ("0.90" -> "0.9")
        as_stored.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in article_graph(article, events))
        quads = {str(q) for q in as_stored}
        own = f"<{graph_iri(article.id)}>"
        result[str(graph_iri(article.id))] = {
            "own": {q for q in quads if q.endswith(own)},
            "shared": {q for q in quads if not q.endswith(own)},
            "assertions": sum(1 for e in events),
        }
    assert len(result) == COUNT
    return result


def whole_articles(store: ox.Store, expected: dict) -> list[str]:
    """The article graphs in ``store``, after checking that each holds exactly what a clean build
    gives it and that its shared quads are all there."""
    present = [g.value for g in store.named_graphs() if g.value in expected]
    everything = {str(q) for q in store}
    for graph in present:
        assert graph_quads(store, graph) == expected[graph]["own"], f"{graph} is not whole"
        assert expected[graph]["shared"] <= everything, f"{graph}: shared quads missing"
    return present


@pytest.fixture(scope="module")
def interrupted(corpus, request, tmp_path_factory):
    """A build killed with SIGKILL half-way; readers and a second writer come by while it runs.
    Returns what was seen."""
    store = str(tmp_path_factory.mktemp("killed") / "store")
    one = corpus / "article-000.md"
    rdf = Path(store).parent / "other.ttl"
    rdf.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    seen = {"polls": 0, "counts": []}
    expected = request.getfixturevalue("expected")  # first: the build is done before it otherwise would be
    started = time.perf_counter()
    build = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", store],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    visitors = None
    try:
        while True:
            if build.poll() is not None:
                pytest.fail(f"the build ended (exit {build.returncode}) before it could be killed; make COUNT larger")
            if Path(store, "CURRENT").exists():
                reader = LocalStore.open(store, read_only=True).store
                stored = whole_articles(reader, expected)  # a reader sees whole articles only
                del reader
                seen["polls"] += 1
                seen["counts"].append(len(stored))
                if visitors is None:  # the writers come while the build holds the store, before its first article
                    visitors = {name: visit(store, *args) for name, args in (("second_writer", ("build", str(one))),
                                                                             ("import", ("import", str(rdf))))}
                if stored and "cli_reader" not in visitors:
                    visitors["cli_reader"] = visit(store, "query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                                                   "GROUP BY ?g", "--format", "json")
                if len(visitors) == 3 and len(stored) >= KILL_AT:
                    build.send_signal(signal.SIGSTOP)  # held mid-build, the store still its, while the visitors finish
                    for visitor in visitors.values():
                        visitor.wait(timeout=120)
                    build.send_signal(signal.SIGKILL)
                    break
            time.sleep(0.05)
    finally:
        if build.poll() is None:
            build.kill()
        build.wait()
    for name, visitor in (visitors or {}).items():
        stdout, stderr = visitor.communicate()
        seen[name] = subprocess.CompletedProcess(visitor.args, visitor.returncode, stdout, stderr)
    seen["returncode"] = build.returncode
    seen["seconds"] = time.perf_counter() - started
    seen["store"] = store
    return seen


def test_a_second_writer_is_told_the_store_is_in_use(interrupted):
    for name in ("second_writer", "import"):
        result = interrupted[name]
        assert result.returncode == 4, (name, result.stderr)
        assert result.stderr.startswith("kg: store ") and "is in use by another kg process" in result.stderr
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_readers_see_whole_articles_while_the_build_writes(interrupted, expected):
    assert interrupted["polls"] >= 3 and interrupted["counts"] == sorted(interrupted["counts"])
    result = interrupted["cli_reader"]
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["results"]["bindings"]
    counts = {row["g"]["value"]: int(row["n"]["value"]) for row in rows if row["g"]["value"] in expected}
    assert counts and all(n == len(expected[g]["own"]) for g, n in counts.items())
    FIGURES["reader_polls"] = interrupted["polls"]


def test_sigkill_mid_build_leaves_whole_articles_that_conform_and_a_rerun_finishes(interrupted, expected, corpus):
    assert interrupted["returncode"] == -signal.SIGKILL
    store = interrupted["store"]
    reopened = LocalStore.open(store)  # opens read-write: the write-ahead log replays to the last whole article
    stored = whole_articles(reopened.store, expected)
    assert KILL_AT <= len(stored) < COUNT
    for graph in stored:
        assertions = reopened.count(f"GRAPH <{graph}> {{ ?a a <{KGO}Assertion> }}")
        assert assertions == expected[graph]["assertions"]
    shared = set().union(*(expected[g]["shared"] for g in stored))
    entities = {q for q in data_quads(reopened.store) if not any(q.endswith(f"<{g}>") for g in stored)}
    assert entities <= shared, "the shared graph holds quads of an article that is not stored"
    del reopened

    validated = kg("validate", "--store", store)
    assert validated.returncode == 0, validated.stdout[-2000:] + validated.stderr
    assert "conforms to the SHACL shapes of kg/rdf/ontology/shapes.ttl" in validated.stdout

    started = time.perf_counter()
    rerun = kg("build", str(corpus), "--store", store)
    assert rerun.returncode == 0, rerun.stderr
    assert f"built: {COUNT - len(stored)} article(s)" in rerun.stdout
    assert f"{len(stored)} unchanged article(s) skipped" in rerun.stdout
    final = LocalStore.open(store, read_only=True).store
    assert data_quads(final) == set().union(*(e["own"] | e["shared"] for e in expected.values()))
    FIGURES.update(killed_after=len(stored), kill_seconds=round(interrupted["seconds"], 1),
                   rerun_built=COUNT - len(stored), rerun_seconds=round(time.perf_counter() - started, 1),
                   quads=len(data_quads(final)))


def test_ctrl_c_mid_build_exits_130_and_leaves_whole_articles(expected, tmp_path):
    store = str(tmp_path / "store")
    longer = tmp_path / "corpus"
    write_corpus(longer, 3 * COUNT)  # the same first COUNT articles, and time enough to be interrupted among them
    # a shell starts background jobs with SIGINT ignored, which Python keeps: give the build the default
    build = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(longer), "--store", store],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while build.poll() is None:
        if Path(store, "CURRENT").exists() and _stored_yet(store, expected):
            break
        time.sleep(0.05)
    if build.poll() is not None:
        pytest.fail(f"the build ended (exit {build.returncode}) before it could be interrupted")
    build.send_signal(signal.SIGINT)
    stdout, stderr = build.communicate(timeout=120)
    assert build.returncode == 130 and stderr.endswith("kg: interrupted\n") and "Traceback" not in stderr
    assert 0 < len(whole_articles(LocalStore.open(store).store, expected)) < COUNT


def _stored_yet(store: str, expected: dict) -> bool:
    """Whether the store being built holds whole articles yet. A read-only view of a store another
    process writes can find a file the writer's compaction has just removed: then not yet."""
    try:
        return bool(whole_articles(LocalStore.open(store, read_only=True).store, expected))
    except (OSError, StoreError):
        return False


def _limit_file_size(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_an_export_killed_mid_write_leaves_the_target_as_it_was(interrupted, tmp_path):
    """The export's temporary file is made a pipe that the test reads: the export is then surely in
    the middle of writing when it gets SIGKILL."""
    store = interrupted["store"]
    target = tmp_path / "graph.ttl"
    target.write_text("# the previous export\n", encoding="utf-8")
    export = subprocess.Popen([sys.executable, "-m", "kg.cli", "export", "--format", "ttl", "-o", str(target), "--store", store],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pipe = tmp_path / f".graph.ttl.{export.pid}.tmp"
    os.mkfifo(pipe)  # before the export, still importing its modules, gets there
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    received = b""
    deadline = time.monotonic() + 60
    while len(received) < 100_000 and time.monotonic() < deadline and export.poll() is None:
        ready, _, _ = select.select([reader], [], [], 0.5)
        if ready:
            received += os.read(reader, 65536)
    export.send_signal(signal.SIGKILL)
    export.wait()
    os.close(reader)
    assert export.returncode == -signal.SIGKILL and len(received) >= 100_000
    assert received.startswith(b"@prefix")  # it was writing the Turtle when it died
    assert target.read_text(encoding="utf-8") == "# the previous export\n"
    done = kg("export", "--format", "ttl", "-o", str(target), "--store", store)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]  # the dead writer's temporary file is gone
    triples = list(ox.parse(path=str(target), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 10_000 and target.stat().st_size > len(received)
    FIGURES.update(export_bytes=target.stat().st_size, export_triples=len(triples), bytes_before_kill=len(received))


def test_an_export_that_runs_out_of_room_leaves_the_target_as_it_was(interrupted, tmp_path):
    """A file-size limit (the kernel's RLIMIT_FSIZE) makes the write fail half-way, as a full disk does."""
    target = tmp_path / "graph.nt"
    target.write_text("# the previous export\n", encoding="utf-8")
    limit = 256 * 1024
    failed = subprocess.run([sys.executable, "-m", "kg.cli", "export", "--format", "nt", "-o", str(target),
                             "--store", interrupted["store"]], capture_output=True, text=True,
                            preexec_fn=_limit_file_size(limit), timeout=300)
    assert failed.returncode == 1
    assert failed.stderr == f"kg: cannot write {target}: File too large\n"
    assert target.read_text(encoding="utf-8") == "# the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]
