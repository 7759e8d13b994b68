"""Claims as actor graphs: the multigraph of one edge per claim, weighted dyads, and selections by
event type and date. Every node and edge attribute is a plain string, number or bool, so the graphs
write to GraphML.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import networkx as nx

from kg.dates import date_span
from kg.errors import InputError
from kg.network.claims import DENIED, claims
from kg.text import did_you_mean, fold

if TYPE_CHECKING:
    from kg.store import Store


def graph_from_claims(items: Iterable[dict]) -> nx.MultiDiGraph:
    """Actor MultiDiGraph of claims: every named actor a node, every two-sided claim an edge."""
    graph = nx.MultiDiGraph()
    for claim in items:
        for role in ("agent", "target"):
            actor = claim[role]
            if actor is not None and actor["id"] not in graph:
                graph.add_node(actor["id"], label=actor["label"], type=actor["type"], country=actor["country"])
        if claim["agent"] is None or claim["target"] is None:
            continue
        attributes = {k: v for k, v in claim.items() if k not in ("agent", "target") and v is not None}
        graph.add_edge(claim["agent"]["id"], claim["target"]["id"], key=claim["assertion"], **attributes)
    return graph



def actor_multigraph(store: Store) -> nx.MultiDiGraph:
    """Actor-to-actor MultiDiGraph: one edge per claim (assertion) of an event with agent and target.

    Edge attributes: ``event, type, action, plover, quad_class, goldstein, modality, date, source,
    sentence, article`` and more (see :func:`claims`); edges are keyed by assertion IRI. Actors of
    events with only one named side are nodes (``label, type, country``) without that edge.
    """
    return graph_from_claims(claims(store))



def claims_of(graph: nx.MultiDiGraph) -> list[dict]:
    """The two-sided claims of an actor graph back as claim dicts (the inverse of :func:`graph_from_claims`)."""
    def actor(node: str) -> dict:
        data = graph.nodes[node]
        return {"id": node, "label": data.get("label", node), "type": data.get("type", "Actor"), "country": data.get("country", "")}

    return [{**data, "agent": actor(u), "target": actor(v)} for u, v, data in graph.edges(data=True)]



def one_sided(items: Iterable[dict]) -> list[dict]:
    """The claims that name only one actor (an arrest by unnamed forces, a coup by one person)."""
    return [c for c in items if c["agent"] is None or c["target"] is None]



def dyads(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Weighted DiGraph of dyads: one edge per ordered actor pair with at least one undenied event.

    Edge attributes: ``count`` (distinct events claimed by at least one undenied claim), ``score``
    (their summed Goldstein-style scores: positive is net cooperation, negative net conflict),
    ``mean``, ``claims``, ``denied`` (events only ever denied), ``cooperation`` and ``conflict``
    (events by sign), ``quad1``..``quad4`` (events by QuadClass), ``types`` (event types, most
    frequent first, space-separated), ``first`` and ``last`` (dates, when any).

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", event="e1", modality="asserted", goldstein=-10.0, type="Attack")
    0
    >>> g.add_edge("a", "b", event="e1", modality="reported", goldstein=-10.0, type="Attack")
    1
    >>> g.add_edge("a", "b", event="e2", modality="denied", goldstein=-5.0, type="Arrest")
    2
    >>> d = dyads(g)["a"]["b"]
    >>> d["count"], d["score"], d["claims"], d["denied"]
    (1, -10.0, 2, 1)
    """
    events: dict[tuple, dict[str, dict]] = {}
    for u, v, data in graph.edges(data=True):
        pair = events.setdefault((u, v), {})
        entry = pair.setdefault(data.get("event", id(data)), {"data": data, "undenied": 0})
        if data.get("modality") != DENIED:
            if not entry["undenied"]:
                entry["data"] = data  # describe the event by a claim that says it happened
            entry["undenied"] += 1
    result = nx.DiGraph()
    for (u, v), pair in events.items():
        live = [e for e in pair.values() if e["undenied"]]
        if not live:
            continue
        scores = [float(e["data"].get("goldstein", 0.0)) for e in live]
        type_counts: dict[str, int] = {}
        for e in live:
            type_counts[e["data"].get("type", "")] = type_counts.get(e["data"].get("type", ""), 0) + 1
        dates = sorted(e["data"].get("date", "") for e in live if e["data"].get("date"))
        quads = [int(e["data"].get("quad_class", 0) or 0) for e in live]
        result.add_edge(
            u, v,
            count=len(live),
            score=sum(scores),
            mean=sum(scores) / len(live),
            claims=sum(e["undenied"] for e in live),
            denied=len(pair) - len(live),
            cooperation=sum(1 for s in scores if s > 0),
            conflict=sum(1 for s in scores if s < 0),
            **{f"quad{q}": quads.count(q) for q in (1, 2, 3, 4)},
            types=" ".join(sorted(type_counts, key=lambda t: (-type_counts[t], t))),
            first=dates[0] if dates else "",
            last=dates[-1] if dates else "",
        )
    for node, data in graph.nodes(data=True):
        if node in result:
            result.nodes[node].update(data)
    return result



def claim_matches(claim: dict, *, types: Iterable[str] = (), since: str | None = None, until: str | None = None) -> bool:
    """Whether a claim (or edge data) is of one of ``types`` and dated within ``since``..``until``.

    A type matches the event type itself, any broader type, or its PLOVER root (``Attack`` matches
    ``Ambush``; ``COERCE`` matches ``Arrest``). Date ranges compare by overlap at the precision the
    text gave (an event in ``2025`` overlaps ``--since 2025-05``); undated claims never match a range.
    """
    wanted = {t.lower() for t in types}
    if wanted:
        own = {claim.get("type", ""), claim.get("plover", ""), *claim.get("broader", "").split()}
        if not wanted & {t.lower() for t in own if t}:
            return False
    if since or until:
        date = claim.get("date", "")
        if not date:
            return False
        first, last = date_span(date)
        if since and last < date_span(since)[0]:
            return False
        if until and first > date_span(until)[1]:
            return False
    return True



def select(graph: nx.MultiDiGraph, *, types: Iterable[str] = (), since: str | None = None,
           until: str | None = None) -> nx.MultiDiGraph:
    """The claims of ``graph`` matching :func:`claim_matches`, with the actors they connect.

    With no filter the graph comes back as a copy, isolated actors included.
    """
    types = list(types)
    if not types and not since and not until:
        return graph.copy()
    result = nx.MultiDiGraph()
    for u, v, key, data in graph.edges(keys=True, data=True):
        if claim_matches(data, types=types, since=since, until=until):
            result.add_node(u, **graph.nodes[u])
            result.add_node(v, **graph.nodes[v])
            result.add_edge(u, v, key=key, **data)
    return result



def check_types(types: Iterable[str], known: dict[str, dict]) -> list[str]:
    """``types`` as the scheme spells them: event types (``known``, by notation, as
    :func:`kg.network.claims.event_types` gives them) or PLOVER roots, in any case. A name that is
    neither raises :class:`InputError` with the nearest names."""
    names: dict[str, str] = {}
    for notation, info in known.items():
        names[fold(notation)] = notation
        if info.get("plover"):
            names.setdefault(fold(info["plover"]), info["plover"])
    checked = []
    for name in types:
        found = names.get(fold(name))
        if found is None:
            raise InputError(f"--type: no event type {name!r}{did_you_mean(name, names.values())}")
        checked.append(found)
    return checked


def why_nothing(items: list[dict], *, types: Iterable[str] = (), since: str | None = None, until: str | None = None) -> str:
    """Why no claim of ``items`` passes a selection by type and date: which filter left nothing."""
    types = list(types)
    if not items:
        return "the graph holds no claim naming an actor; build articles into it first (kg build)"
    typed = [c for c in items if claim_matches(c, types=types)]
    if types and not typed:
        present = sorted({c["type"] for c in items})
        return f"no claim of type {' or '.join(types)} in the graph; its event types: {', '.join(present)}"
    what = f"{len(typed)} claim(s)" + (f" of type {' or '.join(types)}" if types else "")
    dated = sorted((c["date"] for c in typed if c.get("date")), key=lambda d: date_span(d)[0])
    if not dated:
        return f"{what}, none of them dated: a date range (--since, --until) leaves undated claims out"
    return (f"{what}, dated {dated[0]} to {max(dated, key=lambda d: date_span(d)[1])}: "
            f"none from {since or 'the start'} to {until or 'the end'}")
