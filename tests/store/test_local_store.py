
import pyoxigraph as ox
import pytest
from support.data import MALI

from kg.api import KnowledgeGraph
from kg.errors import QueryError, StoreError
from kg.sparql.named import list_queries, load_query


@pytest.mark.model
def test_rebuilding_the_same_article_changes_nothing(mali_store, extractor):
    before = len(list(mali_store.store.store))
    summary = mali_store.build([MALI], extractor=extractor, force=True)
    assert summary.articles == 1
    assert len(list(mali_store.store.store)) == before
    assert mali_store.build([MALI], extractor=extractor).skipped == 1


@pytest.mark.model
def test_assertions_live_in_the_article_graph_and_point_at_events(mali_store):
    rows = mali_store.store.select(
        """PREFIX kgo: <https://w3id.org/kg/ontology#>
        SELECT ?g (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a kgo:Assertion ; kgo:asserts ?e } } GROUP BY ?g"""
    )
    assert [(r["g"].value, int(r["n"].value) > 10) for r in rows] == [("https://w3id.org/kg/id/graph/article/mali-coup-plot", True)]


@pytest.mark.model
def test_denied_arrest_of_dembele_is_a_denied_assertion(mali_store):
    names, rows = mali_store.named("denied-and-alleged")
    denied = [dict(zip(names, (t.value if t else None for t in row))) for row in rows]
    assert any(r["modality"] == "denied" and r["target"] == "Abass Dembele" for r in denied)


@pytest.mark.model
def test_events_of_type_binds_its_parameter(mali_store):
    names, rows = mali_store.named("events-of-type", {"type": ox.Literal("Coup")})
    types = {row[names.index("event_type")].value for row in rows}
    assert types == {"Coup", "CoupPlot"}


@pytest.mark.model
def test_turtle_export_parses_with_an_independent_parser(mali_store, tmp_path):
    path = mali_store.export("ttl", tmp_path / "mali.ttl")
    triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 100
    trig = mali_store.export("trig", tmp_path / "mali.trig")
    graphs = {q.graph_name.value for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)}
    assert "https://w3id.org/kg/id/graph/article/mali-coup-plot" in graphs


def test_named_queries_have_descriptions_and_names_cannot_escape():
    assert {q.name for q in list_queries()} >= {"who-did-what", "denied-and-alleged", "events-of-type"}
    assert all(q.description for q in list_queries())
    with pytest.raises(QueryError):
        load_query("../store")


@pytest.mark.model
def test_syntax_error_is_a_query_error(mali_store):
    with pytest.raises(QueryError, match="syntax"):
        mali_store.query("SELEC ?x WHERE { ?x ?y ?z }")


def test_unreadable_store_path_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a store")
    with pytest.raises(StoreError):
        KnowledgeGraph(str(blocker / "store"))


@pytest.mark.model
def test_a_thing_done_to_is_an_issue_not_an_actor(tmp_path, extractor):
    from kg.api import KnowledgeGraph

    article = tmp_path / "vote.md"
    article.write_text("---\npublished: 2025-06\n---\nMadrid has rejected the referendum as illegal.\n",
                       encoding="utf-8")
    graph = KnowledgeGraph(":memory:")
    graph.build([article], extractor=extractor)
    names, rows = graph.query(
        "PREFIX kgo: <https://w3id.org/kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?agent ?issue WHERE { ?e kgo:agent/rdfs:label ?agent ; kgo:about ?i . ?i a kgo:Issue ; rdfs:label ?issue "
        "FILTER NOT EXISTS { ?e kgo:target ?i } }")
    assert [(r[0].value, r[1].value) for r in rows] == [("Spanish government", "referendum")]  # the capital speaks for it
    assert "referendum" not in {d["label"] for _, d in graph.network().nodes(data=True)}
    assert graph.validate() == []
