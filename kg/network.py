"""Project the knowledge graph into networkx: actors as nodes, one edge per claim about an event.

A claim is one assertion (one source's statement about one event). :func:`claims` reads them from
the store as plain dicts; :func:`actor_multigraph` turns the claims that name both sides into
actor-to-actor edges, and :func:`dyads` folds those into one weighted edge per ordered actor pair.
Every node and edge attribute is a plain string, number or bool, so the graphs write to GraphML.
"""
from __future__ import annotations

import re
from typing import Iterable

import networkx as nx

from kg.errors import InputError
from kg.store import KgStore

KGO = "https://w3id.org/kg/ontology#"

TYPES_QUERY = """
PREFIX kgo:  <https://w3id.org/kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?t ?type ?label ?plover ?quad ?goldstein ?ancestor
WHERE {
  ?t skos:inScheme kgo:EventTypeScheme ; skos:notation ?type ; skos:prefLabel ?label ;
     kgo:ploverRoot ?plover ; skos:broadMatch ?root .
  ?root kgo:quadClass ?quad ; kgo:goldstein ?goldstein .
  OPTIONAL { ?t skos:broader+ ?a . ?a skos:notation ?ancestor }
}"""

CLAIMS_QUERY = """
PREFIX kgo:  <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX sem:  <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?assertion ?event ?t ?modality ?sentence ?action ?confidence ?attributed ?date ?place
       ?article ?title ?published ?url
       ?agent ?agentLabel ?agentType ?agentCountry ?target ?targetLabel ?targetType ?targetCountry
WHERE {
  ?assertion kgo:asserts ?event ; kgo:modality/rdfs:label ?modality ; kgo:sentence ?sentence ;
             prov:wasDerivedFrom ?a .
  ?a schema:identifier ?article .
  ?event kgo:eventType ?t .
  OPTIONAL { ?event kgo:agent ?agent . ?agent rdfs:label ?agentLabel ; a ?agentType .
             FILTER(STRSTARTS(STR(?agentType), STR(kgo:)))
             OPTIONAL { ?agent kgo:countryCode ?agentCountry } }
  OPTIONAL { ?event kgo:target ?target . ?target rdfs:label ?targetLabel ; a ?targetType .
             FILTER(STRSTARTS(STR(?targetType), STR(kgo:)))
             OPTIONAL { ?target kgo:countryCode ?targetCountry } }
  FILTER(BOUND(?agent) || BOUND(?target))
  OPTIONAL { ?assertion kgo:actionText ?action }
  OPTIONAL { ?assertion kgo:confidence ?confidence }
  OPTIONAL { ?assertion kgo:attributedTo ?attributed }
  OPTIONAL { ?event kgo:date ?date }
  OPTIONAL { ?event sem:hasPlace/rdfs:label ?place }
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:url ?url }
}
ORDER BY ?article ?assertion"""

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: Claims the views and analytics leave out unless asked: the source says it did not happen.
DENIED = "denied"


def event_types(store: KgStore) -> dict[str, dict]:
    """Event types by notation: label, PLOVER root, QuadClass, Goldstein-style score, broader types."""
    types: dict[str, dict] = {}
    for row in store.query(TYPES_QUERY):
        name = row["type"].value
        entry = types.setdefault(name, {
            "label": row["label"].value, "plover": row["plover"].value,
            "quad_class": int(row["quad"].value), "goldstein": float(row["goldstein"].value), "broader": [],
        })
        if row["ancestor"] is not None and row["ancestor"].value not in entry["broader"]:
            entry["broader"].append(row["ancestor"].value)
    return types


def _value(row, name: str, default: str = "") -> str:
    term = row[name]
    return default if term is None else term.value


def _actor(row, role: str) -> dict | None:
    if row[role] is None:
        return None
    return {
        "id": row[role].value,
        "label": row[role + "Label"].value,
        "type": row[role + "Type"].value.removeprefix(KGO),
        "country": _value(row, role + "Country"),
    }


def claims(store: KgStore) -> list[dict]:
    """Every claim naming at least one actor, as a flat dict, in a stable order.

    Keys: ``assertion, event, type, action, plover, quad_class, goldstein, broader, modality, date,
    place, sentence, action_text, confidence, source, article, article_title, published, url`` and
    ``agent``/``target`` (each ``None`` or a dict of ``id, label, type, country``).
    """
    types = event_types(store)
    seen: dict[str, dict] = {}
    for row in store.query(CLAIMS_QUERY):
        assertion = row["assertion"].value
        if assertion in seen:  # an actor typed twice, a place named twice: keep the first row
            continue
        type_name = row["t"].value.removeprefix(KGO)
        info = types.get(type_name, {"label": type_name, "plover": "", "quad_class": 0, "goldstein": 0.0, "broader": []})
        seen[assertion] = {
            "assertion": assertion,
            "event": row["event"].value,
            "type": type_name,
            "action": info["label"],
            "plover": info["plover"],
            "quad_class": info["quad_class"],
            "goldstein": info["goldstein"],
            "broader": " ".join(info["broader"]),
            "modality": row["modality"].value,
            "date": _value(row, "date"),
            "place": _value(row, "place"),
            "sentence": row["sentence"].value,
            "action_text": _value(row, "action"),
            "confidence": float(_value(row, "confidence", "0") or 0),
            "source": _value(row, "attributed"),
            "article": row["article"].value,
            "article_title": _value(row, "title"),
            "published": _value(row, "published"),
            "url": _value(row, "url"),
            "agent": _actor(row, "agent"),
            "target": _actor(row, "target"),
        }
    return list(seen.values())


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
        attributes = {k: v for k, v in claim.items() if k not in ("agent", "target")}
        graph.add_edge(claim["agent"]["id"], claim["target"]["id"], key=claim["assertion"], **attributes)
    return graph


def actor_multigraph(store: KgStore) -> nx.MultiDiGraph:
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


def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day a date of any precision covers, as ISO strings.

    >>> date_bounds("2025-05")
    ('2025-05-01', '2025-05-31')
    >>> date_bounds("2024")
    ('2024-01-01', '2024-12-31')
    """
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"  # string comparison only needs an upper bound >= any day
    return value, value


def check_date(value: str | None, option: str) -> str | None:
    """``value`` when it is YYYY, YYYY-MM or YYYY-MM-DD (or None); else an :class:`InputError`."""
    if value is not None and not _DATE.match(value):
        raise InputError(f"{option} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


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
        first, last = date_bounds(date)
        if since and last < date_bounds(since)[0]:
            return False
        if until and first > date_bounds(until)[1]:
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
