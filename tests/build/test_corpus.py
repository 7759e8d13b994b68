"""Corpus builds: inputs of every kind, incremental skips, cross-article merging, and the same graph
from one process, two processes and a Dask cluster."""
import json

import pytest
from support.corpus import CORPUS

from kg.api import KnowledgeGraph
from kg.rdf.iris import actor_iri, graph_iri

pytestmark = pytest.mark.model
KGO = "https://w3id.org/kg/ontology#"


def data_quads(graph):
    return set(graph.store.quads())


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in CORPUS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_build(tmp_path_factory, extractor):
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in CORPUS), encoding="utf-8")
    graph = KnowledgeGraph(":memory:")
    summary = graph.build([path])
    return path, graph, summary


def test_a_surname_alone_joins_the_full_name_an_earlier_article_gave(local_build):
    _, graph, summary = local_build
    assert summary.articles == 4 and summary.rejected == 0
    agents = {r["a"].value for r in graph.store.select(
        f"SELECT ?a WHERE {{ GRAPH <{graph_iri('short')}> {{ ?s <{KGO}asserts> ?e }} ?e <{KGO}agent> ?a }}")}
    assert str(actor_iri("Asimi Goïta")) in agents


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_a_later_build_resolves_a_surname_from_the_full_names_already_stored(tmp_path, rules, extractor, processes):
    from kg.extraction.extractor import Extractor

    first, second = tmp_path / "full.jsonl", tmp_path / "short.jsonl"
    first.write_text(json.dumps(CORPUS[0], ensure_ascii=False) + "\n", encoding="utf-8")
    second.write_text(json.dumps(CORPUS[1], ensure_ascii=False) + "\n", encoding="utf-8")
    store = str(tmp_path / "store")
    KnowledgeGraph(store).build([first], extractor=Extractor(rules=rules, nlp=extractor.nlp))
    graph = KnowledgeGraph(store)  # a new run: its extractor has seen no article
    graph.build([second], extractor=Extractor(rules=rules, nlp=extractor.nlp), processes=processes)
    agents = {r["a"].value for r in graph.store.select(
        f"SELECT ?a WHERE {{ GRAPH <{graph_iri('short')}> {{ ?s <{KGO}asserts> ?e }} ?e <{KGO}agent> ?a }}")}
    assert str(actor_iri("Asimi Goïta")) in agents and str(actor_iri("Goïta")) not in agents


def test_the_same_arrest_at_compatible_dates_is_one_event_with_several_assertions(local_build):
    _, graph, summary = local_build
    arrests = graph.store.select(f"""
        SELECT ?e ?date (COUNT(DISTINCT ?g) AS ?articles) WHERE {{
          ?e <{KGO}eventType> <{KGO}Arrest> ; <{KGO}target> <{actor_iri('Moussa Mara')}> ;
             <{KGO}agent> <{actor_iri('Malian soldiers')}> ; <{KGO}date> ?date .
          GRAPH ?g {{ ?a <{KGO}asserts> ?e }} }} GROUP BY ?e ?date""")
    assert [(r["date"].value, int(r["articles"].value)) for r in arrests] == [("2025-08-01", 2)]
    assert summary.merged >= 1
    names, rows = graph.named("corroboration")
    top = [dict(zip(names, (t.value if t else None for t in row))) for row in rows]
    assert any(r["event"] == arrests[0]["e"].value and r["articles"] == "2" for r in top)
    assert graph.validate() == []


@pytest.mark.slow
def test_two_processes_build_the_same_graph_as_one(local_build):
    path, graph, _ = local_build
    parallel = KnowledgeGraph(":memory:")
    summary = parallel.build([path], processes=2, batch_size=1)
    assert summary.articles == 4
    assert data_quads(parallel) == data_quads(graph)


@pytest.mark.slow
def test_a_dask_cluster_builds_the_same_graph_as_one_process(local_build):
    from distributed import LocalCluster

    path, graph, _ = local_build
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        distributed = KnowledgeGraph(":memory:")
        summary = distributed.build([path], engine="dask", scheduler=cluster.scheduler_address, batch_size=1)
    assert summary.articles == 4
    assert data_quads(distributed) == data_quads(graph)


def test_unchanged_articles_are_skipped_and_a_changed_one_replaces_only_its_graph(corpus, extractor):
    graph = KnowledgeGraph(":memory:")
    graph.build([corpus], extractor=extractor)
    again = graph.build([corpus], extractor=extractor)
    assert (again.articles, again.skipped) == (0, 4)
    graphs_before = {str(graph_iri(i)): _graph(graph, i) for i in ("full", "short", "later", "other")}
    changed = [dict(d, text=d["text"].replace("Gao", "Timbuktu")) if d["id"] == "other" else d for d in CORPUS]
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in changed), encoding="utf-8")
    summary = graph.build([corpus], extractor=extractor)
    assert (summary.articles, summary.skipped) == (1, 3)
    for article in ("full", "short", "later"):
        assert _graph(graph, article) == graphs_before[str(graph_iri(article))]
    assert _graph(graph, "other") != graphs_before[str(graph_iri("other"))]
    forced = graph.build([corpus], extractor=extractor, force=True)
    assert (forced.articles, forced.skipped) == (4, 0)


def _graph(graph, article_id):
    return {(r["s"].value, r["p"].value, r["o"].value) for r in graph.store.select(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri(article_id)}> {{ ?s ?p ?o }} }}")}


PAGE = """<!doctype html><html><head><title>Junta detains opposition leader | Sahel Wire</title>
<meta property="og:title" content="Junta detains opposition leader">
<meta property="og:site_name" content="Sahel Wire">
<meta property="article:published_time" content="2025-08-02T09:30:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article><h1>Junta detains opposition leader</h1>
<p>Malian soldiers arrested opposition leader Moussa Mara in Bamako on 1 August 2025, his party said on Saturday.</p>
<p>The arrest follows the dissolution of all political parties by the junta in May, a move that drew rare public criticism.</p>
</article><footer>Cookie settings. Copyright 2025 Sahel Wire. All rights reserved.</footer></body></html>"""


def test_saved_html_pages_and_globs_are_read_for_their_main_text(tmp_path, extractor):
    from kg.ingest.reader import read_articles

    (tmp_path / "news" / "2025").mkdir(parents=True)
    (tmp_path / "news" / "2025" / "mara.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "news" / "note.md").write_text("Rebels attacked an army base near Gao.\n", encoding="utf-8")
    articles = list(read_articles([str(tmp_path / "news" / "**" / "*.html")]))
    assert [a.id for a in articles] == ["2025/mara"]  # its path below the fixed part of the pattern
    page = articles[0]
    assert (page.title, page.published, page.source) == ("Junta detains opposition leader", "2025-08-02", "Sahel Wire")
    assert "arrested opposition leader Moussa Mara" in page.text
    assert "Subscribe" not in page.text and "Cookie" not in page.text
    graph = KnowledgeGraph(":memory:")
    summary = graph.build([tmp_path / "news"], extractor=extractor)
    assert summary.articles == 2
    names, rows = graph.named("who-did-what")
    assert any(r[names.index("target")] is not None and r[names.index("target")].value == "Moussa Mara" for r in rows)


def test_bad_inputs_name_themselves(tmp_path):
    from kg.errors import InputError
    from kg.ingest.reader import read_articles

    with pytest.raises(InputError, match="no file matches"):
        list(read_articles([str(tmp_path / "*.html")]))
    (tmp_path / "empty.html").write_text("<html><head><title>Live</title></head><body><script>load()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="empty.html: HTML page has no main text"):
        list(read_articles([tmp_path / "empty.html"]))


def test_the_build_command_prints_a_summary(corpus, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    store = str(tmp_path / "store")
    result = CliRunner().invoke(app, ["build", str(corpus), "--store", store])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("built: 4 article(s), ")
    assert any(line.startswith("merged: 1 assertion(s)") for line in lines)
    assert any(line.startswith("store: ") and "articles/s" in line and "words/s" in line for line in lines)
    result = CliRunner().invoke(app, ["build", str(corpus), "--store", store])
    assert "0 article(s)" in result.output and "4 unchanged article(s) skipped" in result.output



class _NoEvents:
    """An extractor that finds nothing, or fails at the article named ``fail``."""

    def __init__(self, fail: str | None = None):
        self.fail = fail

    def stream(self, articles, resolver=None, keep=False):
        for article in articles:
            if article.id == self.fail:
                raise RuntimeError("extraction failed")
            yield article, [], None


def test_a_build_leaves_the_interpreter_switch_interval_as_it_found_it_even_when_it_fails(tmp_path):
    import sys

    (tmp_path / "a.txt").write_text("Soldiers arrested the mayor of Gao on 3 May 2025.", encoding="utf-8")
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.004)
    try:
        assert KnowledgeGraph(":memory:").build([tmp_path / "a.txt"], extractor=_NoEvents()).articles == 1
        assert sys.getswitchinterval() == pytest.approx(0.004)
        with pytest.raises(RuntimeError, match="extraction failed"):
            KnowledgeGraph(":memory:").build([tmp_path / "a.txt"], extractor=_NoEvents(fail="a"))
        assert sys.getswitchinterval() == pytest.approx(0.004)
    finally:
        sys.setswitchinterval(before)


class _AsksBySurname:
    """An extractor that asks the build's resolver about a surname alone, and names the person in
    full in its second article, but keeps nothing to resolve again from."""

    def stream(self, articles, resolver=None, keep=False):
        for n, article in enumerate(articles):
            resolver.candidates("Traoré")
            if n == 1:
                resolver.learn("Ibrahim Traoré")
            yield article, [], None


def test_an_extractor_that_keeps_nothing_to_resolve_again_from_keeps_its_first_resolution(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Traoré spoke in {name}.", encoding="utf-8")
    summary = KnowledgeGraph(":memory:").build([tmp_path / "a.txt", tmp_path / "b.txt"], extractor=_AsksBySurname())
    assert (summary.articles, summary.rejected) == (2, 0)


def test_articles_written_again_at_the_end_of_a_build_are_flushed_like_the_others(tmp_path, extractor, monkeypatch):
    """The store's write buffers are flushed every so many writes, the articles a build writes again
    at its end (whose surnames later articles answered otherwise) counted too: else a large build's
    last phase holds them all in memory. Built in the order that makes "a" be written again, the
    build flushes once more than in the order that does not."""
    import kg.build.corpus as corpus
    from kg.store.local import LocalStore

    flushed = []
    flush = LocalStore.flush
    monkeypatch.setattr(corpus, "FLUSH_EVERY", 1)
    monkeypatch.setattr(LocalStore, "flush", lambda self: (flushed.append(1), flush(self))[1])
    (tmp_path / "a.txt").write_text("Police arrested Traoré in Gao on 3 May 2025.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Police arrested Moussa Traoré in Kidal on 4 May 2025.", encoding="utf-8")
    counts = []
    for order in ("ab", "ba"):
        flushed.clear()
        graph = KnowledgeGraph(str(tmp_path / f"store-{order}"))
        assert graph.build([tmp_path / f"{name}.txt" for name in order], extractor=extractor).articles == 2
        targets = {r["t"].value for r in graph.store.select(
            f"SELECT ?t WHERE {{ GRAPH <{graph_iri('a')}> {{ ?s <{KGO}asserts> ?e }} ?e <{KGO}target> ?t }}")}
        assert targets == {str(actor_iri("Moussa Traoré"))}  # in "ab", "a" was written again with the full name
        counts.append(len(flushed))
    assert counts[0] == counts[1] + 1
