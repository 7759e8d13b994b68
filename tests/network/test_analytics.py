"""Network analytics on small hand-built graphs whose answers are known, and on the Mali graph."""
import doctest

import networkx as nx
import pytest

import kg.dates
import kg.network.analytics
import kg.network.graphs
from kg.errors import InputError
from kg.network.analytics import (
    centrality,
    communities,
    dyad_summary,
    ego_network,
    event_type_counts,
    find_actor,
    key_actors,
    pagerank,
    shortest_path,
)


def claim_graph(edges, labels=None):
    """A MultiDiGraph in the shape of kg's actor graph: (agent, target, type, goldstein[, modality])."""
    g = nx.MultiDiGraph()
    for i, (u, v, kind, score, *modality) in enumerate(edges):
        for n in (u, v):
            g.add_node(n, label=(labels or {}).get(n, n.title()), type="Actor")
        g.add_edge(u, v, key=f"a{i}", event=f"e{i}", type=kind, goldstein=score,
                   modality=modality[0] if modality else "asserted", sentence=f"{u} {kind} {v}.")
    return g


def test_docstring_examples_run():
    for module in (kg.network.analytics, kg.network.graphs, kg.dates):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_pagerank_matches_the_closed_form_of_a_star():
    star = nx.star_graph(3)  # centre 0 and three leaves, undirected
    ranks = pagerank(star, weight=None)
    # centre: (1-d)/n + d * sum(leaf rank / 1); leaves: (1-d)/n + d * centre/3
    d, n = 0.85, 4
    leaf = ((1 - d) / n + d * (1 - d) / n / 3) / (1 - d * d)
    assert ranks[1] == pytest.approx(leaf, rel=1e-6)
    assert ranks[0] == pytest.approx(1 - 3 * leaf, rel=1e-6)
    assert sum(ranks.values()) == pytest.approx(1.0)


def test_pagerank_gives_dangling_nodes_rank_and_handles_empty():
    chain = nx.DiGraph([("a", "b")])
    ranks = pagerank(chain)
    assert ranks["b"] > ranks["a"] and sum(ranks.values()) == pytest.approx(1.0)
    assert pagerank(nx.DiGraph()) == {}


def test_centrality_of_a_broker_between_two_groups():
    g = claim_graph([("a", "b", "Attack", -10), ("b", "broker", "Meet", 1), ("broker", "c", "Meet", 1),
                     ("c", "d", "Attack", -10), ("a", "d", "Attack", -10, "denied")])
    scores = centrality(g)
    assert scores["broker"]["betweenness"] == max(s["betweenness"] for s in scores.values())
    assert scores["a"]["events"] == 1  # the denied attack on d is no tie
    assert scores["broker"]["degree"] == pytest.approx(2 / 4)
    assert key_actors(g, 1)[0]["label"] in {"B", "Broker", "C"}
    assert centrality(nx.MultiDiGraph()) == {}


def test_communities_split_two_cliques_joined_by_one_claim():
    left = [(u, v, "Attack", -10) for u, v in [("a", "b"), ("b", "c"), ("a", "c")]]
    right = [(u, v, "Meet", 1) for u, v in [("x", "y"), ("y", "z"), ("x", "z")]]
    g = claim_graph(left + right + [("c", "x", "Accuse", -2)])
    groups = communities(g)
    assert groups["a"] == groups["b"] == groups["c"] != groups["x"] == groups["y"] == groups["z"]
    assert communities(g) == groups  # deterministic
    lone = claim_graph([]); lone.add_node("solo", label="Solo")
    assert communities(lone) == {"solo": 0}


def test_find_actor_ignores_case_and_accents_and_reports_ambiguity():
    g = claim_graph([("goita", "junta", "Coup", -7.5), ("mali-gov", "junta", "Meet", 1)],
                    labels={"goita": "Asimi Goïta", "junta": "Malian military junta", "mali-gov": "Malian government"})
    assert find_actor(g, "asimi goita") == "goita"
    assert find_actor(g, "Goita") == "goita"  # part of exactly one name
    assert find_actor(g, "junta") == "junta"
    with pytest.raises(InputError, match="ambiguous: Malian government, Malian military junta"):
        find_actor(g, "malian")
    with pytest.raises(InputError, match="no actor named 'Keita'"):
        find_actor(g, "Keita")


def test_shortest_path_follows_claims_either_way_and_skips_denied():
    g = claim_graph([("a", "b", "Attack", -10), ("c", "b", "Meet", 1), ("a", "c", "Attack", -10, "denied")])
    path = shortest_path(g, "A", "C")
    assert path["actors"] == ["A", "B", "C"]
    assert [(s["from"], s["type"], s["to"]) for s in path["steps"]] == [("A", "Attack", "B"), ("C", "Meet", "B")]
    g.add_node("z", label="Zed", type="Actor")
    assert shortest_path(g, "A", "Zed") == {"actors": [], "steps": []}


def test_ego_network_by_hops():
    g = claim_graph([("a", "b", "Attack", -10), ("b", "c", "Attack", -10), ("c", "d", "Attack", -10),
                     ("b", "a", "Attack", -10, "denied")])
    assert set(ego_network(g, "A", 0)) == {"a"}
    one = ego_network(g, "A", 1)
    assert set(one) == {"a", "b"} and one.number_of_edges() == 2 and one.graph["centre"] == "a"
    assert set(ego_network(g, "A", 2)) == {"a", "b", "c"}
    with pytest.raises(InputError):
        ego_network(g, "A", -1)


def test_dyad_summary_and_event_type_counts():
    g = claim_graph([("a", "b", "Attack", -10), ("a", "b", "Attack", -10), ("a", "b", "Meet", 1),
                     ("c", "d", "Aid", 7), ("c", "d", "Aid", 7, "denied")])
    rows = dyad_summary(g)
    assert [(r["source"], r["target"], r["events"], r["score"], r["tone"]) for r in rows] == [
        ("A", "B", 3, -19.0, "conflict"), ("C", "D", 1, 7.0, "cooperation")]
    assert rows[0]["types"] == "Attack Meet" and rows[1]["denied"] == 1  # the denied aid is an event of its own
    assert event_type_counts(g) == {"Attack": 2, "Aid": 1, "Meet": 1}
    assert event_type_counts(g, include_denied=True)["Aid"] == 2


@pytest.mark.model
def test_mali_key_actors_and_paths(mali_store):
    g = mali_store.network()
    top = key_actors(g, 3)
    assert top[0]["label"] == "Malian military junta" and top[0]["events"] == 4
    path = shortest_path(g, "Malian soldiers", "Moussa Mara")
    assert path["actors"] == ["Malian soldiers", "Malian military junta", "Moussa Mara"]
    assert path["steps"][0]["modality"] == "alleged"
    ego = ego_network(g, "Malian military junta", 1)
    assert {ego.nodes[n]["label"] for n in ego} == {"Malian military junta", "Malian soldiers", "Moussa Mara",
                                                   "Choguel Maiga", "Malian political parties"}
