"""Network analytics over the actor graph: graph in, plain dicts out.

Each function takes the actor MultiDiGraph of :func:`kg.network.graphs.actor_multigraph` (or anything of
its shape: nodes with ``label`` and ``type``, edges with ``event``, ``modality``, ``goldstein``) and
leaves denied claims out: a claim that something did not happen is no tie between two actors.
"""
from __future__ import annotations

import math
import random
from collections import Counter

import networkx as nx
import numpy as np

from kg.errors import InputError
from kg.network.claims import DENIED
from kg.network.graphs import dyads
from kg.text import did_you_mean, fold

#: Past this many nodes, betweenness is estimated from a fixed sample of source nodes.
BETWEENNESS_SAMPLE = 300
#: The seed of that sample, so that the estimate is the same on every run.
BETWEENNESS_SEED = 0


def dyad_network(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The dyads of an actor multigraph (:func:`kg.network.graphs.dyads`) with every actor of it as
    a node, those without an undenied tie included: what the measures below are computed on.
    :func:`kg.network.aggregates.dyad_network` gives the same from a store's own aggregates."""
    network = nx.DiGraph()
    network.add_nodes_from(graph.nodes(data=True))
    pairs = dyads(graph)
    network.add_edges_from(pairs.edges(data=True))
    return network


def _ties(network: nx.DiGraph) -> nx.Graph:
    """Undirected weighted graph of all actors; weight = undenied events between two actors."""
    ties = nx.Graph()
    ties.add_nodes_from(network.nodes(data=True))
    for u, v, data in network.edges(data=True):
        if u == v:
            continue
        if ties.has_edge(u, v):
            ties[u][v]["weight"] += data["count"]
        else:
            ties.add_edge(u, v, weight=data["count"])
    return ties


def pagerank(graph: nx.DiGraph | nx.Graph, *, weight: str | None = "weight", alpha: float = 0.85,
             tol: float = 1.0e-10, max_iter: int = 200) -> dict:
    """PageRank by power iteration over arrays (networkx's own needs SciPy).

    Dangling nodes spread their rank evenly; ranks sum to 1.

    >>> ranks = pagerank(nx.cycle_graph(4, create_using=nx.DiGraph))
    >>> sorted(round(r, 3) for r in ranks.values())
    [0.25, 0.25, 0.25, 0.25]
    """
    nodes = list(graph)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    size = len(nodes)
    sources, targets, weights = [], [], []
    for u, v, data in graph.edges(data=True):
        w = float(data.get(weight, 1.0)) if weight else 1.0
        sources.append(index[u]); targets.append(index[v]); weights.append(w)
        if not graph.is_directed():
            sources.append(index[v]); targets.append(index[u]); weights.append(w)
    source, target, link = np.array(sources, dtype=np.int64), np.array(targets, dtype=np.int64), np.array(weights)
    out_weight = np.bincount(source, weights=link, minlength=size) if len(link) else np.zeros(size)
    dangling = out_weight == 0
    share = np.divide(link, out_weight[source], out=np.zeros_like(link), where=out_weight[source] != 0)
    rank = np.full(size, 1.0 / size)
    for _ in range(max_iter):
        new = np.full(size, (1.0 - alpha) / size + alpha * rank[dangling].sum() / size)
        new += np.bincount(target, weights=alpha * rank[source] * share, minlength=size) if len(link) else 0.0
        if np.abs(new - rank).sum() < size * tol:
            rank = new
            break
        rank = new
    return dict(zip(nodes, rank.tolist()))


def betweenness(ties: nx.Graph, *, sample: int | None = None, seed: int = BETWEENNESS_SEED) -> dict:
    """Normalised betweenness centrality of an undirected graph, by Brandes' algorithm over arrays,
    one breadth-first search per source; with ``sample``, from that many source nodes drawn with
    ``seed`` and rescaled as networkx's ``betweenness_centrality(ties, k=sample, seed=seed)`` does
    (same sample, same figures), in a fraction of its time.

    >>> path = nx.path_graph(3)
    >>> betweenness(path)
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    nodes = list(ties)
    size = len(nodes)
    scores = np.zeros(size)
    if size == 0:
        return {}
    if sample is not None and sample >= size:
        sample = None
    index = {n: i for i, n in enumerate(nodes)}
    chosen = nodes if sample is None else random.Random(seed).sample(nodes, sample)
    order = np.array([index[n] for n in chosen], dtype=np.int64)
    starts, neighbours = _adjacency(ties, index)
    for source in order:
        scores += _dependencies(starts, neighbours, int(source), size)
    pairs = size - 1  # endpoints excluded: a node lies between two others
    if pairs < 2:
        return dict(zip(nodes, scores.tolist()))
    if sample is None:
        scores *= 1 / (pairs * (pairs - 1))
    else:
        picked = np.zeros(size, dtype=bool)
        picked[order] = True
        scores *= np.where(picked, 1 / ((sample - 1) * (pairs - 1)) if sample > 1 else math.nan,
                           1 / (sample * (pairs - 1)))
    return dict(zip(nodes, scores.tolist()))


def _adjacency(ties: nx.Graph, index: dict) -> tuple[np.ndarray, np.ndarray]:
    """The graph as compressed rows: node i's neighbours are ``neighbours[starts[i]:starts[i + 1]]``."""
    degree = np.zeros(len(index) + 1, dtype=np.int64)
    pairs = [(index[u], index[v]) for u, v in ties.edges() if u != v]
    ends = np.array([p for u, v in pairs for p in ((u, v), (v, u))], dtype=np.int64).reshape(-1, 2)
    ends = ends[np.lexsort((ends[:, 1], ends[:, 0]))]
    np.add.at(degree, ends[:, 0] + 1, 1)
    return np.cumsum(degree), ends[:, 1].copy()


def _dependencies(starts: np.ndarray, neighbours: np.ndarray, source: int, size: int) -> np.ndarray:
    """What every node gains in betweenness from shortest paths out of ``source`` (Brandes),
    breadth-first a whole level at a time."""
    distance = np.full(size, -1, dtype=np.int64)
    paths = np.zeros(size)
    distance[source], paths[source] = 0, 1.0
    frontier = np.array([source], dtype=np.int64)
    levels: list[tuple[np.ndarray, np.ndarray]] = []  # per level: (predecessor, node) of its shortest-path edges
    depth = 0
    while len(frontier):
        counts = starts[frontier + 1] - starts[frontier]
        total = int(counts.sum())
        if total == 0:
            break
        offsets = np.repeat(starts[frontier] - np.cumsum(counts) + counts, counts) + np.arange(total)
        tails, heads = np.repeat(frontier, counts), neighbours[offsets]
        distance[heads[distance[heads] == -1]] = depth + 1
        on_path = distance[heads] == depth + 1
        tails, heads = tails[on_path], heads[on_path]
        paths += np.bincount(heads, weights=paths[tails], minlength=size)
        levels.append((tails, heads))
        frontier = np.flatnonzero(distance == depth + 1)
        depth += 1
    delta = np.zeros(size)
    for tails, heads in reversed(levels):
        delta += np.bincount(tails, weights=paths[tails] / paths[heads] * (1.0 + delta[heads]), minlength=size)
    delta[source] = 0.0
    return delta


def actor_scores(network: nx.DiGraph) -> dict[str, dict[str, float]]:
    """Per actor of a dyad network (see :func:`dyad_network`): ``events`` (undenied events it took
    part in), ``degree`` (share of other actors it has ties with), ``betweenness`` (on undirected
    ties; past :data:`BETWEENNESS_SAMPLE` actors estimated from that many sources, seeded) and
    ``pagerank`` (on undirected ties weighted by event count)."""
    ties = _ties(network)
    size = ties.number_of_nodes()
    if size == 0:
        return {}
    degree = nx.degree_centrality(ties)
    between = betweenness(ties, sample=BETWEENNESS_SAMPLE if size > BETWEENNESS_SAMPLE else None)
    ranks = pagerank(ties)
    events = Counter()
    for u, v, data in network.edges(data=True):
        events[u] += data["count"]
        if u != v:
            events[v] += data["count"]
    return {
        n: {"events": events[n], "degree": degree[n], "betweenness": between[n], "pagerank": ranks[n]}
        for n in ties
    }


def centrality(graph: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """:func:`actor_scores` of an actor multigraph's dyads.

    >>> g = nx.MultiDiGraph()
    >>> for u, v in [("hub", "a"), ("hub", "b"), ("c", "hub")]:
    ...     _ = g.add_edge(u, v, event=u + v, modality="asserted", goldstein=-5.0)
    >>> c = centrality(g)
    >>> c["hub"]["degree"], c["hub"]["betweenness"], c["a"]["events"]
    (1.0, 1.0, 1)
    """
    return actor_scores(dyad_network(graph))


def ranked_actors(network: nx.DiGraph, n: int = 10) -> list[dict]:
    """The ``n`` most central actors of a dyad network, by PageRank then events: ``id, label, type``
    and the scores."""
    scores = actor_scores(network)
    ranked = sorted(scores, key=lambda a: (-scores[a]["pagerank"], -scores[a]["events"], network.nodes[a].get("label", a)))
    return [
        {"id": a, "label": network.nodes[a].get("label", a), "type": network.nodes[a].get("type", ""), **scores[a]}
        for a in ranked[:n]
    ]


def key_actors(graph: nx.MultiDiGraph, n: int = 10) -> list[dict]:
    """The ``n`` most central actors of an actor multigraph (see :func:`ranked_actors`)."""
    return ranked_actors(dyad_network(graph), n)


def communities(graph: nx.MultiDiGraph, *, seed: int = 0) -> dict[str, int]:
    """Community number of each actor (Louvain on undirected ties; 0 is the largest community).

    Deterministic for a given ``seed``; an actor with no ties is a community of its own.
    """
    ties = _ties(dyad_network(graph))
    found = nx.community.louvain_communities(ties, weight="weight", seed=seed) if ties.number_of_edges() else [{n} for n in ties]
    ordered = sorted(found, key=lambda c: (-len(c), min(graph.nodes[n].get("label", n) for n in c)))
    return {node: index for index, members in enumerate(ordered) for node in members}


def find_actor(graph: nx.Graph, name: str) -> str:
    """The node whose label (or id) is ``name``, ignoring case and accents ("goita" finds "Goïta").

    A name that matches no label exactly but is part of exactly one label finds that actor too.
    Raises :class:`kg.errors.InputError` when nothing or more than one actor matches.
    """
    wanted = fold(name)
    exact = [n for n, d in graph.nodes(data=True) if n == name or fold(str(d.get("label", n))) == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [n for n, d in graph.nodes(data=True) if wanted and wanted in fold(str(d.get("label", n)))]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        hint = did_you_mean(name, [str(d.get("label", n)) for n, d in graph.nodes(data=True)])
        raise InputError(f"no actor named {name!r} in the graph{hint}")
    names = ", ".join(sorted(str(graph.nodes[n].get("label", n)) for n in partial)[:8])
    raise InputError(f"actor name {name!r} is ambiguous: {names}")


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> dict:
    """The shortest chain of undenied events linking two actors (either direction), by name.

    Returns ``{"actors": [labels...], "steps": [{"from", "to", "type", "modality", "sentence"}...]}``;
    ``actors`` is empty when no chain exists.
    """
    start, end = find_actor(graph, source), find_actor(graph, target)
    ties = _ties(dyad_network(graph))
    try:
        path = nx.shortest_path(ties, start, end)
    except nx.NetworkXNoPath:
        return {"actors": [], "steps": []}
    steps = []
    for u, v in zip(path, path[1:]):
        claims = [(a, b, d) for a, b in ((u, v), (v, u)) if graph.has_edge(a, b)
                  for d in graph[a][b].values() if d.get("modality") != DENIED]
        a, b, data = claims[0]
        steps.append({
            "from": graph.nodes[a].get("label", a), "to": graph.nodes[b].get("label", b),
            "type": data.get("type", ""), "modality": data.get("modality", ""), "sentence": data.get("sentence", ""),
        })
    return {"actors": [graph.nodes[n].get("label", n) for n in path], "steps": steps}


def ego_network(graph: nx.MultiDiGraph, actor: str, hops: int = 1) -> nx.MultiDiGraph:
    """The actors within ``hops`` undenied events of ``actor`` (by name, either direction) and all
    claims among them, denied ones included so that a view can still show them on request."""
    if hops < 0:
        raise InputError(f"hops must be 0 or more, not {hops}")
    centre = find_actor(graph, actor)
    reach = nx.single_source_shortest_path_length(_ties(dyad_network(graph)), centre, cutoff=hops)
    ego = graph.subgraph(reach).copy()
    ego.graph["centre"] = centre
    return ego


def top_dyads(network: nx.DiGraph, n: int = 10) -> list[dict]:
    """The ``n`` dyads of a dyad network (see :func:`dyad_network`) with most undenied events:
    labels, events, net score and mix of event types.

    ``tone`` is ``cooperation``, ``conflict`` or ``mixed`` from the sign of the net score.
    """
    rows = []
    for u, v, data in network.edges(data=True):
        score = data["score"]
        rows.append({
            "source": network.nodes[u].get("label", u), "target": network.nodes[v].get("label", v),
            "events": data["count"], "claims": data["claims"], "score": score, "mean": data["mean"],
            "tone": "cooperation" if score > 0 else "conflict" if score < 0 else "mixed",
            "types": data["types"], "denied": data["denied"],
        })
    rows.sort(key=lambda r: (-r["events"], r["score"], r["source"], r["target"]))
    return rows[:n]


def dyad_summary(graph: nx.MultiDiGraph, n: int = 10) -> list[dict]:
    """The ``n`` dyads of an actor multigraph with most undenied events (see :func:`top_dyads`)."""
    return top_dyads(dyad_network(graph), n)


def event_type_counts(graph: nx.MultiDiGraph, *, include_denied: bool = False) -> dict[str, int]:
    """Claims per event type, most frequent first."""
    counts = Counter(d.get("type", "") for _, _, d in graph.edges(data=True)
                     if include_denied or d.get("modality") != DENIED)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
