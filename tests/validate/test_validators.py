"""SHACL validation: the Mali graph conforms, a hand-broken graph reports exactly what is wrong."""
import pytest
import rdflib

from kg.records import ActionRef, ActorRef, Article, EventRecord
from kg.validate.validators import PyShaclValidator, Validator

BROKEN = """
@prefix kgo: <https://w3id.org/kg/ontology#> .
@prefix event: <https://w3id.org/kg/id/event/> .
@prefix actor: <https://w3id.org/kg/id/actor/> .
@prefix article: <https://w3id.org/kg/id/article/> .
@prefix assertion: <https://w3id.org/kg/id/assertion/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

event:bad a kgo:Event ;
    rdfs:label "soldiers: Arrest nobody" ;
    kgo:eventType kgo:Arrest, kgo:Coup ;
    kgo:agent actor:ghost ;
    kgo:date "2025-13-45"^^xsd:date .

event:untyped a kgo:Event ;
    rdfs:label "an event of no known type" ;
    kgo:eventType kgo:Shouting .

actor:ghost rdfs:label "ghost" .

actor:mali-army a kgo:MilitaryForce ;
    rdfs:label "Malian army" ;
    kgo:countryCode "Mali" .

article:a a kgo:Article ;
    schema:identifier "a" ;
    kgo:contentHash "not-a-hash" .

assertion:x a kgo:Assertion ;
    kgo:asserts event:bad ;
    kgo:modality kgo:Rumoured ;
    kgo:sentence "Soldiers arrested nobody." ;
    kgo:confidence 1.5 ;
    oa:hasSelector <https://w3id.org/kg/id/assertion/x/selector> .

<https://w3id.org/kg/id/assertion/x/selector> a oa:TextPositionSelector ;
    oa:start 50 ;
    oa:end 10 .
"""


@pytest.fixture(scope="module", params=[Validator, PyShaclValidator], ids=["sparql", "pyshacl"])
def validator(request):
    return request.param()


@pytest.mark.model
def test_the_mali_graph_conforms(mali_store):
    assert mali_store.validate() == []


def test_a_broken_graph_reports_each_violation_on_its_node_and_path(validator):
    data = rdflib.Graph().parse(data=BROKEN, format="turtle")
    found = {(v.focus, v.path, v.message) for v in validator.check(data)}
    assert found == {
        ("event:bad", "kgo:eventType", "an event has exactly one event type, a concept of kgo:EventTypeScheme"),
        ("event:bad", "kgo:agent", "an event has at most one agent, an actor with a label"),
        ("event:bad", "kgo:date", "an event has at most one date, a valid xsd:date, xsd:gYearMonth or xsd:gYear"),
        ("event:untyped", "kgo:eventType", "an event has exactly one event type, a concept of kgo:EventTypeScheme"),
        ("actor:mali-army", "kgo:countryCode", "an actor's country code is ISO 3166-1 alpha-3 (three capital letters)"),
        ("article:a", "kgo:contentHash", "an article has exactly one content hash, 64 hexadecimal digits (SHA-256)"),
        ("assertion:x", "kgo:modality",
         "an assertion has exactly one modality: asserted, reported, alleged, denied, planned or hypothetical"),
        ("assertion:x", "prov:wasDerivedFrom", "an assertion is derived from exactly one kgo:Article"),
        ("assertion:x", "kgo:confidence", "an assertion has exactly one confidence, an xsd:decimal from 0 to 1"),
        ("assertion:x", "oa:hasSelector", "an assertion has exactly one text-position selector with start < end"),
    }


def test_violation_lines_name_the_node_by_its_label(validator):
    data = rdflib.Graph().parse(data=BROKEN, format="turtle")
    lines = [v.line() for v in validator.check(data)]
    assert 'Malian army [actor:mali-army] kgo:countryCode: an actor\'s country code is ISO 3166-1 alpha-3 (three capital letters) (value "Mali")' in lines
    assert any(line.startswith('"Soldiers arrested nobody." [assertion:x] kgo:confidence: ') and 'value "1.5"^^xsd:decimal' in line
               for line in lines)


class HandBuiltExtractor:
    """Yields one hand-built event per article, with the confidence given (or, for the articles
    ``by_id`` names, the one it gives)."""

    def __init__(self, confidence: float, by_id: dict[str, float] | None = None):
        self.confidence = confidence
        self.by_id = by_id or {}

    def stream(self, articles, resolver=None, keep=False):
        for article in articles:
            actor = ActorRef("Soldiers", "Malian soldiers", "MilitaryForce", "MLI", "MIL", iri="https://w3id.org/kg/id/actor/malian-soldiers")
            action = ActionRef("arrested", "arrest", "Arrest", "COERCE", "173", "Strategic developments", "Arrests")
            confidence = self.by_id.get(article.id, self.confidence)
            event = EventRecord(action, actor, None, "asserted", article.text, 0, len(article.text), confidence,
                                iri="https://w3id.org/kg/id/event/arrest-test")
            yield (article, [event], None) if keep else (article, [event])


def test_build_refuses_an_article_that_does_not_conform(tmp_path):
    from kg.api import KnowledgeGraph

    doc = tmp_path / "doc.txt"
    doc.write_text("Soldiers arrested the mayor.", encoding="utf-8")
    graph = KnowledgeGraph(":memory:")
    summary = graph.build([doc], extractor=HandBuiltExtractor(confidence=1.5))
    assert (summary.articles, summary.rejected) == (0, 1)
    assert len(summary.errors) == 1 and summary.errors[0].startswith("doc: ") and "kgo:confidence" in summary.errors[0]
    assert graph.store.count("?s a <https://w3id.org/kg/ontology#Assertion>") == 0
    summary = graph.build([doc], extractor=HandBuiltExtractor(confidence=0.9))
    assert (summary.articles, summary.rejected, summary.errors) == (1, 0, [])
    assert graph.validate() == []


def test_a_build_of_many_articles_refuses_only_the_one_that_does_not_conform(tmp_path):
    """The articles are checked in groups on the store thread: the one that fails is left out and
    named, every other article of its group is stored."""
    from kg.api import KnowledgeGraph

    for n in range(40):
        (tmp_path / f"doc-{n:02}.txt").write_text(f"Soldiers arrested mayor number {n}.", encoding="utf-8")
    graph = KnowledgeGraph(":memory:")
    summary = graph.build([tmp_path], extractor=HandBuiltExtractor(0.8, {"doc-17": 1.5}))
    assert (summary.articles, summary.rejected) == (39, 1)
    assert len(summary.errors) == 1 and summary.errors[0].startswith("doc-17: ") and "kgo:confidence" in summary.errors[0]
    assert graph.store.count("?s a <https://w3id.org/kg/ontology#Assertion>") == 39
    assert graph.validate() == []


def test_validator_ignores_the_graph_of_quads(validator):
    article = Article(id="a", text="Soldiers arrested the mayor.")
    from kg.rdf.quads import article_graph

    quads = article_graph(article, next(HandBuiltExtractor(0.7).stream([article]))[1])
    assert len(quads[0]) == 4
    assert validator.check(quads) == []


def test_a_place_the_gazetteer_does_not_know_is_one_place_per_country_it_is_placed_in():
    """Two articles about two countries each name a "Kerfala" unknown to the gazetteer: each is
    placed in its article's country, and the store holds two places, each in one country."""
    from kg.api import KnowledgeGraph
    from support.events import actor, event, place, store_stories, story

    graph = KnowledgeGraph(":memory:")
    army = actor("Malian army", "MilitaryForce", "MLI")
    police = actor("Nigerien police", "Police", "NER")
    store_stories(graph.store, [
        story("a", "2025-08-04", [event("Attack", army, date="2025-08-02", place=place("Kerfala", "MLI"))]),
        story("b", "2025-08-05", [event("Arrest", police, date="2025-08-03", place=place("Kerfala", "NER"))]),
    ])
    rows = graph.store.select("SELECT ?p ?c WHERE { ?p a <https://w3id.org/kg/ontology#Place> ; "
                              "<https://w3id.org/kg/ontology#countryCode> ?c }")
    assert sorted(r["c"].value for r in rows) == ["MLI", "NER"]
    assert len({r["p"] for r in rows}) == 2
    assert graph.validate() == []
