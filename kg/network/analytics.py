"""Network analytics over the actor graph: graph in, plain dicts out.

Each function takes the actor MultiDiGraph of :func:`kg.network.graphs.actor_multigraph` (or anything of
its shape: nodes with ``label`` and ``type``, edges with ``event``, ``modality``, ``goldstein``) and
leaves denied claims out: a claim that something did not happen is no tie between two actors.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.errors import InputError
from kg.network.claims import DENIED
from kg.network.graphs import dyads
from kg.text import did_you_mean, fold

#: Past this many nodes, betweenness is estimated from a fixed sample of source nodes.
BETWEENNESS_SAMPLE = 300


def _ties(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected weighted graph of all actors; weight = undenied events between two actors."""
    ties = nx.Graph()
    ties.add_nodes_from(graph.nodes(data=True))
    for u, v, data in dyads(graph).edges(data=True):
        if u == v:
            continue
        if ties.has_edge(u, v):
            ties[u][v]["weight"] += data["count"]
        else:
            ties.add_edge(u, v, weight=data["count"])
    return ties


def pagerank(graph: nx.DiGraph | nx.Graph, *, weight: str | None = "weight", alpha: float = 0.85,
             tol: float = 1.0e-10, max_iter: int = 200) -> dict:
    """PageRank by power iteration in plain Python (networkx's own needs SciPy).

    Dangling nodes spread their rank evenly; ranks sum to 1.

    >>> ranks = pagerank(nx.cycle_graph(4, create_using=nx.DiGraph))
    >>> sorted(round(r, 3) for r in ranks.values())
    [0.25, 0.25, 0.25, 0.25]
    """
    nodes = list(graph)
    if not nodes:
        return {}
    directed = graph.is_directed()
    out_weight = {n: 0.0 for n in nodes}
    links: dict = {n: [] for n in nodes}
    for u, v, data in graph.edges(data=True):
        w = float(data.get(weight, 1.0)) if weight else 1.0
        links[u].append((v, w))
        out_weight[u] += w
        if not directed:
            links[v].append((u, w))
            out_weight[v] += w
    size = len(nodes)
    rank = dict.fromkeys(nodes, 1.0 / size)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[n] for n in nodes if out_weight[n] == 0) / size
        new = dict.fromkeys(nodes, (1.0 - alpha) / size + dangling)
        for u in nodes:
            if out_weight[u]:
                share = alpha * rank[u] / out_weight[u]
                for v, w in links[u]:
                    new[v] += share * w
        if sum(abs(new[n] - rank[n]) for n in nodes) < size * tol:
            return new
        rank = new
    return rank


def centrality(graph: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Per actor: ``events`` (undenied events it took part in), ``degree`` (share of other actors it
    has ties with), ``betweenness`` (on undirected ties) and ``pagerank`` (on undirected ties
    weighted by event count).

    >>> g = nx.MultiDiGraph()
    >>> for u, v in [("hub", "a"), ("hub", "b"), ("c", "hub")]:
    ...     _ = g.add_edge(u, v, event=u + v, modality="asserted", goldstein=-5.0)
    >>> c = centrality(g)
    >>> c["hub"]["degree"], c["hub"]["betweenness"], c["a"]["events"]
    (1.0, 1.0, 1)
    """
    ties = _ties(graph)
    size = ties.number_of_nodes()
    if size == 0:
        return {}
    degree = nx.degree_centrality(ties)
    sample = BETWEENNESS_SAMPLE if size > BETWEENNESS_SAMPLE else None
    between = nx.betweenness_centrality(ties, k=sample, seed=0 if sample else None)
    ranks = pagerank(ties)
    events = Counter()
    for u, v, data in dyads(graph).edges(data=True):
        events[u] += data["count"]
        if u != v:
            events[v] += data["count"]
    return {
        n: {"events": events[n], "degree": degree[n], "betweenness": between[n], "pagerank": ranks[n]}
        for n in ties
    }


def key_actors(graph: nx.MultiDiGraph, n: int = 10) -> list[dict]:
    """The ``n`` most central actors, by PageRank then events: ``id, label, type`` and the scores."""
    scores = centrality(graph)
    ranked = sorted(scores, key=lambda a: (-scores[a]["pagerank"], -scores[a]["events"], graph.nodes[a].get("label", a)))
    return [
        {"id": a, "label": graph.nodes[a].get("label", a), "type": graph.nodes[a].get("type", ""), **scores[a]}
        for a in ranked[:n]
    ]


def communities(graph: nx.MultiDiGraph, *, seed: int = 0) -> dict[str, int]:
    """Community number of each actor (Louvain on undirected ties; 0 is the largest community).

    Deterministic for a given ``seed``; an actor with no ties is a community of its own.
    """
    ties = _ties(graph)
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
    ties = _ties(graph)
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
    reach = nx.single_source_shortest_path_length(_ties(graph), centre, cutoff=hops)
    ego = graph.subgraph(reach).copy()
    ego.graph["centre"] = centre
    return ego


def dyad_summary(graph: nx.MultiDiGraph, n: int = 10) -> list[dict]:
    """The ``n`` dyads with most undenied events: labels, events, net score and mix of event types.

    ``tone`` is ``cooperation``, ``conflict`` or ``mixed`` from the sign of the net score.
    """
    rows = []
    for u, v, data in dyads(graph).edges(data=True):
        score = data["score"]
        rows.append({
            "source": graph.nodes[u].get("label", u), "target": graph.nodes[v].get("label", v),
            "events": data["count"], "claims": data["claims"], "score": score, "mean": data["mean"],
            "tone": "cooperation" if score > 0 else "conflict" if score < 0 else "mixed",
            "types": data["types"], "denied": data["denied"],
        })
    rows.sort(key=lambda r: (-r["events"], r["score"], r["source"], r["target"]))
    return rows[:n]


def event_type_counts(graph: nx.MultiDiGraph, *, include_denied: bool = False) -> dict[str, int]:
    """Claims per event type, most frequent first."""
    counts = Counter(d.get("type", "") for _, _, d in graph.edges(data=True)
                     if include_denied or d.get("modality") != DENIED)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
