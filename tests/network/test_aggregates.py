"""What the store sums up (dyads and actors by SPARQL aggregates) against what every claim says, and
the array versions of the measures against networkx's own."""
import math

import networkx as nx
import pytest

from kg.network import aggregates
from kg.network.analytics import (
    BETWEENNESS_SAMPLE,
    betweenness,
    dyad_network,
    key_actors,
    pagerank,
    ranked_actors,
    top_dyads,
)
from kg.network.graphs import actor_multigraph

KGR = "https://w3id.org/kg/id/actor/"


def in_order(network: nx.DiGraph, nodes) -> nx.DiGraph:
    """The same network with its nodes in another order (the order betweenness samples from)."""
    again = nx.DiGraph()
    again.add_nodes_from((n, network.nodes[n]) for n in nodes)
    again.add_edges_from(network.edges(data=True))
    return again


@pytest.mark.parametrize("name", ["sahel", "many"])
def test_the_store_sums_up_the_dyads_every_claim_gives(name, request):
    store = request.getfixturevalue(name).store
    summed, claimed = aggregates.dyad_network(store), dyad_network(actor_multigraph(store))
    assert summed.number_of_edges() >= 10
    assert dict(summed.nodes(data=True)) == dict(claimed.nodes(data=True))
    assert set(summed.edges) == set(claimed.edges)
    for u, v, data in summed.edges(data=True):
        expected = {k: val for k, val in claimed[u][v].items() if k not in ("first", "last")}
        assert data.keys() == expected.keys()
        for key, value in data.items():
            assert value == pytest.approx(expected[key]) if isinstance(value, float) else value == expected[key], (u, v, key)


def test_denied_only_events_are_counted_apart_and_are_no_tie(many):
    network = aggregates.dyad_network(many.store)
    assert any(d["denied"] for _, _, d in network.edges(data=True))
    assert all(d["count"] >= 1 and d["claims"] >= d["count"] for _, _, d in network.edges(data=True))
    isolated = [n for n in network if network.degree(n) == 0]
    assert isolated  # actors of one-sided or only-denied claims are nodes all the same


def test_key_actors_and_dyads_from_the_store_are_those_of_the_claims(many):
    summed, claims = aggregates.dyad_network(many.store), actor_multigraph(many.store)
    assert summed.number_of_nodes() > BETWEENNESS_SAMPLE  # betweenness is sampled here
    top, expected = ranked_actors(in_order(summed, claims.nodes), 10), key_actors(claims, 10)
    assert [a["id"] for a in top] == [a["id"] for a in expected]
    for got, want in zip(top, expected):
        for key in ("events", "degree", "betweenness", "pagerank"):
            assert got[key] == pytest.approx(want[key], abs=1e-12)
    assert top_dyads(summed, 10) == top_dyads(dyad_network(claims), 10)
    assert top[0]["label"].startswith("Actor 0")  # one of the busy dozen


def test_the_sahel_stats_rank_the_juntas_and_their_dyads(sahel):
    network = sahel.dyad_network()
    top = ranked_actors(network, 3)
    assert top[0]["pagerank"] >= top[1]["pagerank"] >= top[2]["pagerank"] > 0
    rows = top_dyads(network, 50)
    assert all(r["tone"] == ("cooperation" if r["score"] > 0 else "conflict" if r["score"] < 0 else "mixed") for r in rows)
    assert rows == sorted(rows, key=lambda r: (-r["events"], r["score"], r["source"], r["target"]))


@pytest.mark.parametrize("nodes, edges, sample", [(30, 60, None), (250, 500, 40), (400, 700, 300), (60, 80, 1), (2, 1, None)])
def test_betweenness_over_arrays_is_networkx_betweenness(nodes, edges, sample):
    graph = nx.relabel_nodes(nx.gnm_random_graph(nodes, edges, seed=nodes), lambda i: f"actor {i}")
    ours = betweenness(graph, sample=sample)
    theirs = nx.betweenness_centrality(graph, k=sample, seed=0 if sample else None)
    assert ours.keys() == theirs.keys()
    for node, value in theirs.items():
        assert (math.isnan(ours[node]) and math.isnan(value)) or ours[node] == pytest.approx(value, abs=1e-12)


def test_betweenness_of_a_bridge_and_of_nothing():
    bridge = nx.barbell_graph(4, 1)  # two cliques joined through node 4
    assert max(betweenness(bridge).items(), key=lambda kv: kv[1])[0] == 4
    assert betweenness(nx.Graph()) == {}


def test_pagerank_over_arrays_matches_the_power_iteration_by_hand():
    graph = nx.gnm_random_graph(300, 700, seed=5)
    for u, v in graph.edges():
        graph[u][v]["weight"] = 1 + (u * v) % 4
    graph.add_node("alone")
    ranks = pagerank(graph)
    assert sum(ranks.values()) == pytest.approx(1.0)
    # one more step of the iteration leaves the ranks where they are
    alpha, size = 0.85, graph.number_of_nodes()
    strength = {n: sum(d["weight"] for d in graph[n].values()) for n in graph}
    dangling = sum(ranks[n] for n in graph if not strength[n])
    step = {n: (1 - alpha) / size + alpha * dangling / size
               + alpha * sum(ranks[m] * graph[m][n]["weight"] / strength[m] for m in graph[n]) for n in graph}
    assert max(abs(step[n] - ranks[n]) for n in graph) < 1e-9
