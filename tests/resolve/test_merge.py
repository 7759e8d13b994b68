"""The store across articles: re-ingesting changes nothing, articles about the same actors and the
same event meet on the same nodes, a changed article leaves nothing of its old version behind."""
import pytest

from kg.api import KnowledgeGraph
from kg.rdf.iris import ENTITY_GRAPH, ONTOLOGY_GRAPH, actor_iri, graph_iri

pytestmark = pytest.mark.model
KGO = "https://w3id.org/kg/ontology#"

ARTICLE_A = """---
title: Opposition leader detained in Bamako
published: 2025-08-04
source: Sahel Wire
---
Malian soldiers arrested opposition leader Moussa Mara in Bamako on 1 August 2025.
"""
ARTICLE_B = """---
title: Junta denies detaining Mara
published: 2025-08-05
source: Bamako Daily
---
According to his party, Malian soldiers arrested Moussa Mara on 1 August 2025. The junta denied that soldiers arrested Moussa Mara on 1 August 2025.
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def quads(graph):
    """The store's data quads (the ontology graph, the same in every store, left out)."""
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in graph.store.store
            if q.graph_name.value != str(ONTOLOGY_GRAPH)}


@pytest.fixture
def articles(tmp_path):
    return write(tmp_path, "a.md", ARTICLE_A), write(tmp_path, "b.md", ARTICLE_B)


def test_reingesting_an_article_changes_nothing(articles, extractor):
    a, _ = articles
    graph = KnowledgeGraph(":memory:")
    graph.build([a], extractor=extractor)
    first = quads(graph)
    assert graph.build([a], extractor=extractor).skipped == 1
    assert graph.build([a], extractor=extractor, force=True).articles == 1
    assert quads(graph) == first


def test_a_second_article_merges_into_the_same_actors_and_event(articles, extractor):
    a, b = articles
    graph = KnowledgeGraph(":memory:")
    arrests = f"?e <{KGO}eventType> <{KGO}Arrest>"
    graph.build([a], extractor=extractor)
    arrests_before = graph.store.count(arrests)
    actors_before = graph.store.count(f"SELECT DISTINCT ?x WHERE {{ ?x a ?c . ?e <{KGO}agent>|<{KGO}target> ?x }}")
    graph.build([b], extractor=extractor)
    assert graph.store.count(arrests) == arrests_before == 1
    actors = graph.store.select(f"SELECT DISTINCT ?x WHERE {{ {arrests} ; <{KGO}agent>|<{KGO}target> ?x }}")
    assert {r["x"].value for r in actors} == {str(actor_iri("Malian soldiers")), str(actor_iri("Moussa Mara"))}
    after = graph.store.select(f"SELECT DISTINCT ?x WHERE {{ ?x a ?c . ?e <{KGO}agent>|<{KGO}target> ?x }}")
    assert len(after) == actors_before + 1  # only the junta, who rejects the claim, is new
    rejecter = graph.store.select(f"SELECT ?x WHERE {{ ?e <{KGO}eventType> <{KGO}Reject> ; <{KGO}agent> ?x }}")
    assert [r["x"].value for r in rejecter] == [str(actor_iri("Malian military junta"))]
    rows = graph.store.select(f"""
        SELECT ?g ?m WHERE {{ {arrests} . GRAPH ?g {{ ?a <{KGO}asserts> ?e ; <{KGO}modality> ?m }} }} ORDER BY ?g ?m""")
    assert [(r["g"].value, r["m"].value.removeprefix(KGO)) for r in rows] == [
        (str(graph_iri("a")), "Asserted"), (str(graph_iri("b")), "Denied"), (str(graph_iri("b")), "Reported")]
    types = graph.store.select(f"SELECT ?t WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ <{actor_iri('Moussa Mara')}> a ?t }} }}")
    assert [r["t"].value for r in types] == [KGO + "Person"]
    names, found = graph.named("contradictions")
    contradiction = dict(zip(names, (t.value if t else None for t in found[0])))
    assert (contradiction["target"], contradiction["date"]) == ("Moussa Mara", "2025-08-01")
    assert {(r[names.index("claimed_by")].value, r[names.index("denied_by")].value) for r in found} == {
        ("Sahel Wire", "The junta"), ("his party", "The junta")}  # the denial is the junta's, not the paper's
    names, ranked = graph.named("corroboration")
    top = dict(zip(names, (t.value if t else None for t in ranked[0])))
    assert (top["sources"], top["articles"], top["denials"]) == ("2", "2", "1")
    assert graph.validate() == []


def test_a_changed_article_leaves_no_trace_of_its_old_version(tmp_path, extractor):
    doc = write(tmp_path, "a.md", ARTICLE_A)
    graph = KnowledgeGraph(":memory:")
    graph.build([doc], extractor=extractor)
    write(tmp_path, "a.md", ARTICLE_A.replace("1 August", "2 August"))
    graph.build([doc], extractor=extractor)
    fresh = KnowledgeGraph(":memory:")
    fresh.build([doc], extractor=extractor)
    assert quads(graph) == quads(fresh)
    write(tmp_path, "a.md", ARTICLE_A.replace("Malian soldiers arrested opposition leader Moussa Mara in Bamako",
                                              "Protesters attacked the police station in Gao"))
    graph.build([doc], extractor=extractor)
    fresh = KnowledgeGraph(":memory:")
    fresh.build([doc], extractor=extractor)
    assert quads(graph) == quads(fresh)
    assert graph.store.count(f"<{actor_iri('Moussa Mara')}> ?p ?o") == 0


def test_an_event_another_article_still_asserts_stays(articles, extractor, tmp_path):
    a, b = articles
    graph = KnowledgeGraph(":memory:")
    graph.build([a, b], extractor=extractor)
    write(tmp_path, "a.md", ARTICLE_A.replace("1 August", "2 August"))
    graph.build([a], extractor=extractor)
    dates = graph.store.select(f"SELECT ?d WHERE {{ ?e <{KGO}eventType> <{KGO}Arrest> ; <{KGO}date> ?d }} ORDER BY ?d")
    assert [r["d"].value for r in dates] == ["2025-08-01", "2025-08-02"]


def test_events_only_kinds_of_actors_take_part_in_stay_their_article_s_own(tmp_path, extractor):
    """"Gunmen killed five villagers" in two reports need not be one killing; an arrest of a named
    person is one arrest however many report it; a killing dated and placed is one at that place."""
    text = ("---\npublished: 2025-06-04\n---\nGunmen killed five villagers. Soldiers arrested Mohamed Bazoum. "
            "Gunmen killed 12 civilians in Gao on Monday.\n")
    graph = KnowledgeGraph(":memory:")
    graph.build([write(tmp_path, "a.md", text), write(tmp_path, "b.md", text)], extractor=extractor)
    rows = graph.store.select(f"""
        SELECT ?t (COUNT(DISTINCT ?e) AS ?events) (COUNT(DISTINCT ?g) AS ?articles) WHERE {{
          ?e <{KGO}eventType> ?t . GRAPH ?g {{ ?a <{KGO}asserts> ?e }} }} GROUP BY ?t ?e ORDER BY ?t ?articles""")
    found = sorted((r["t"].value.removeprefix(KGO), int(r["events"].value), int(r["articles"].value)) for r in rows)
    assert found == [("Arrest", 1, 2), ("Killing", 1, 1), ("Killing", 1, 1), ("Killing", 1, 2)]
