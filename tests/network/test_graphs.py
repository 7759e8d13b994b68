"""The store projected into networkx: one edge per claim, dyads per ordered pair, filters."""
import io

import networkx as nx
import pytest

from kg.dates import check_date
from kg.errors import InputError
from kg.network.claims import claims
from kg.network.graphs import actor_multigraph, claim_matches, dyads, graph_from_claims, one_sided, select

pytestmark = pytest.mark.model
KGR = "https://w3id.org/kg/id/actor/"


@pytest.fixture(scope="module")
def mali_claims(mali_store):
    return claims(mali_store.store)


@pytest.fixture(scope="module")
def mali_graph(mali_store):
    return actor_multigraph(mali_store.store)


def test_every_claim_is_kept_with_its_own_sentence_and_source(mali_graph):
    plots = mali_graph.get_edge_data(KGR + "malian-soldiers", KGR + "malian-military-junta")
    assert {d["source"] for d in plots.values()} == {"AFP", "Sources"}
    assert all(d["type"] == "CoupPlot" and d["modality"] == "alleged" for d in plots.values())
    assert len({d["sentence"] for d in plots.values()}) == 2
    assert set(plots) == {d["assertion"] for d in plots.values()}  # keyed by assertion IRI


def test_edges_carry_type_plover_modality_date_source_sentence(mali_graph):
    ban = next(d for _, _, d in mali_graph.edges(data=True) if d["type"] == "Ban")
    assert (ban["plover"], ban["quad_class"], ban["goldstein"], ban["modality"], ban["date"]) == ("COERCE", 4, -7.5, "asserted", "2025-05")
    assert ban["action"] == "ban or dissolution"
    assert "disbanded all political parties" in ban["sentence"]
    assert ban["article"] == "mali-coup-plot" and ban["article_title"].startswith("Mali's Military")
    aid = next(d for _, _, d in mali_graph.edges(data=True) if d["type"] == "RequestAid")
    assert aid["quad_class"] == 1 and aid["goldstein"] > 0


def test_nodes_are_named_and_typed(mali_graph):
    assert mali_graph.nodes[KGR + "asimi-goita"] == {"label": "Asimi Goïta", "type": "Person", "country": mali_graph.nodes[KGR + "asimi-goita"]["country"]}
    assert mali_graph.nodes[KGR + "malian-military-junta"]["type"] == "MilitaryGovernment"
    # Dembele is only ever the target of arrests by unnamed forces: a node without actor edges
    assert mali_graph.degree(KGR + "abass-dembele") == 0


def test_one_sided_claims_keep_the_denied_arrests(mali_claims):
    dembele = [c for c in one_sided(mali_claims) if c["target"] and c["target"]["label"] == "Abass Dembele"]
    assert sorted(c["modality"] for c in dembele) == ["denied", "reported"]
    assert {c["source"] for c in dembele} == {"close sources", "Initial reports"}
    assert all(c["agent"] is None for c in dembele)


def test_graph_writes_to_graphml(mali_graph):
    out = io.BytesIO()
    nx.write_graphml(mali_graph, out)
    back = nx.read_graphml(io.BytesIO(out.getvalue()))
    assert back.number_of_edges() == mali_graph.number_of_edges()


def test_dyads_count_events_not_claims(mali_graph):
    pairs = dyads(mali_graph)
    plot = pairs[KGR + "malian-soldiers"][KGR + "malian-military-junta"]
    assert (plot["count"], plot["claims"], plot["score"], plot["conflict"], plot["quad4"]) == (1, 2, -7.5, 1, 1)
    aid = pairs[KGR + "malian-government"][KGR + "russia"]
    assert aid["score"] == 3.0 and aid["cooperation"] == 1
    assert pairs.nodes[KGR + "russia"]["label"] == "Russia"


def test_dyads_leave_out_events_only_denied():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", event="e1", modality="denied", goldstein=-5.0, type="Arrest")
    g.add_edge("a", "c", event="e2", modality="denied", goldstein=-5.0, type="Arrest")
    g.add_edge("a", "c", event="e2", modality="reported", goldstein=-5.0, type="Arrest", date="2024")
    pairs = dyads(g)
    assert not pairs.has_edge("a", "b")
    assert (pairs["a"]["c"]["count"], pairs["a"]["c"]["claims"], pairs["a"]["c"]["first"]) == (1, 1, "2024")


def test_filters_by_type_broader_type_plover_and_date():
    ambush = {"type": "Ambush", "plover": "ASSAULT", "broader": "Attack", "date": "2025-05"}
    assert claim_matches(ambush, types=["attack"]) and claim_matches(ambush, types=["ASSAULT"])
    assert not claim_matches(ambush, types=["Arrest"])
    assert claim_matches(ambush, since="2025") and claim_matches(ambush, since="2025-05-31")
    assert not claim_matches(ambush, since="2025-06") and not claim_matches(ambush, until="2025-04-30")
    assert claim_matches({"date": "2025"}, since="2025-06-01", until="2025-06-02")  # a year overlaps its days
    assert not claim_matches({"date": ""}, since="2020")
    with pytest.raises(InputError, match="not a date"):
        check_date("May 2025", "--since")


def test_select_keeps_matching_claims_and_their_actors(mali_graph):
    coerce = select(mali_graph, types=["Ban"])
    assert [coerce.nodes[n]["label"] for n in coerce] == ["Malian military junta", "Malian political parties"]
    dated = select(mali_graph, since="2025-05", until="2025-05")
    assert {d["type"] for _, _, d in dated.edges(data=True)} == {"Ban"}
    assert select(mali_graph).number_of_nodes() == mali_graph.number_of_nodes()


def test_graph_from_claims_round_trips(mali_claims, mali_graph):
    again = graph_from_claims(mali_claims)
    assert sorted(again.edges(keys=True)) == sorted(mali_graph.edges(keys=True))
