"""Every claim of the graph as a flat dict: one source's assertion about one event, with the event's
type and its mappings, its participants, date and place, the sentence and the article."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox

from kg.rdf.vocab import KGO_NS as KGO
from kg.rdf.vocab import sparql_prefixes

if TYPE_CHECKING:
    from kg.store import Store

TYPES_QUERY = sparql_prefixes("kgo", "skos") + """
SELECT ?t ?type ?label ?plover ?quad ?goldstein ?ancestor
WHERE {
  ?t skos:inScheme kgo:EventTypeScheme ; skos:notation ?type ; skos:prefLabel ?label ;
     kgo:ploverRoot ?plover ; skos:broadMatch ?root .
  ?root kgo:quadClass ?quad ; kgo:goldstein ?goldstein .
  OPTIONAL { ?t skos:broader+ ?a . ?a skos:notation ?ancestor }
}"""



#: Claims the views and analytics leave out unless asked: the source says it did not happen.
DENIED = "denied"



def event_types(store: Store) -> dict[str, dict]:
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



#: Every assertion of the store.
ASSERTIONS_QUERY = sparql_prefixes("kgo") + "SELECT DISTINCT ?assertion WHERE { ?assertion kgo:asserts ?event }"


def claims(store: Store) -> list[dict]:
    """Every claim naming at least one actor, as a flat dict, in a stable order (by article, then
    assertion).

    Keys: ``assertion, event, type, action, plover, quad_class, goldstein, broader, modality, date,
    place, place_country, lat, lon`` (None when the place has no coordinates), ``sentence,
    action_text, confidence, source`` (whom the claim is attributed to), ``article, article_title,
    published, url, publisher`` and
    ``agent``/``target`` (each ``None`` or a dict of ``id, label, type, country``).
    Each part is read once for all the claims that share it (see :func:`claims_about`).
    """
    return claims_about(store, [row["assertion"].value for row in store.query(ASSERTIONS_QUERY)])



#: The parts of a claim, each read for given nodes (a ``VALUES`` block opens each query), so that
#: every assertion, event, actor, place and article is read once however many claims share it.
MODALITIES_QUERY = sparql_prefixes("kgo", "rdfs") + "SELECT ?m ?label WHERE { ?m a kgo:Modality ; rdfs:label ?label }"
ASSERTION_PARTS = sparql_prefixes("kgo", "prov") + """
SELECT ?assertion ?event ?m ?sentence ?a ?action ?confidence ?attributed WHERE {
  VALUES ?assertion { %s }
  ?assertion kgo:asserts ?event ; kgo:modality ?m ; kgo:sentence ?sentence ; prov:wasDerivedFrom ?a .
  OPTIONAL { ?assertion kgo:actionText ?action }
  OPTIONAL { ?assertion kgo:confidence ?confidence }
  OPTIONAL { ?assertion kgo:attributedTo ?attributed }
}"""
EVENT_PARTS = sparql_prefixes("kgo", "sem") + """
SELECT ?event ?t ?agent ?target ?date ?p WHERE {
  VALUES ?event { %s }
  ?event kgo:eventType ?t .
  OPTIONAL { ?event kgo:agent ?agent }
  OPTIONAL { ?event kgo:target ?target }
  OPTIONAL { ?event kgo:date ?date }
  OPTIONAL { ?event sem:hasPlace ?p }
}"""
ACTOR_PARTS = sparql_prefixes("kgo", "rdfs") + """
SELECT ?actor ?label ?type ?country WHERE {
  VALUES ?actor { %s }
  ?actor rdfs:label ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(kgo:)))
  OPTIONAL { ?actor kgo:countryCode ?country }
}"""
PLACE_PARTS = sparql_prefixes("kgo", "rdfs") + """
SELECT ?p ?place ?country ?lat ?lon WHERE {
  VALUES ?p { %s }
  ?p rdfs:label ?place .
  OPTIONAL { ?p kgo:countryCode ?country }
  OPTIONAL { ?p kgo:latitude ?lat ; kgo:longitude ?lon }
}"""
ARTICLE_PARTS = sparql_prefixes("schema") + """
SELECT ?a ?article ?title ?published ?url ?publisher WHERE {
  VALUES ?a { %s }
  ?a schema:identifier ?article .
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:publisher ?publisher }
}"""


#: Nodes named in one ``VALUES`` block: queries stay far below what SPARQL servers accept.
PARTS_BATCH = 1_000


def _parts(store: Store, query: str, nodes: Iterable[str]) -> list[dict]:
    """The solutions of a ``*_PARTS`` query for ``nodes`` (IRIs), as dicts of plain values."""
    nodes = sorted(set(nodes))
    found = []
    for start in range(0, len(nodes), PARTS_BATCH):
        result = store.query(query % " ".join(str(ox.NamedNode(n)) for n in nodes[start:start + PARTS_BATCH]))
        names = [v.value for v in result.variables]
        found += [{n: (None if term is None else term.value) for n, term in zip(names, row)} for row in result]
    return found


def claims_about(store: Store, assertions: Iterable[str]) -> list[dict]:
    """The claims of some assertions (IRIs), as :func:`claims` gives them, in its order; an
    assertion that names no actor is left out, as there. Where a node has several values (an actor
    with two classes, an event with two places) the first in alphabetical order counts, a place
    with coordinates before one without."""
    modalities = {row["m"].value: row["label"].value for row in store.query(MODALITIES_QUERY)}
    first: dict[str, dict] = {}
    for row in _parts(store, ASSERTION_PARTS, assertions):
        if row["m"] not in modalities:
            continue  # a modality with no label: no claim
        row["modality"] = modalities[row["m"]]
        key = (row["modality"], row["sentence"], row["a"], row["action"] or "", row["confidence"] or "", row["attributed"] or "", row["event"])
        if row["assertion"] not in first or key < first[row["assertion"]]["key"]:
            first[row["assertion"]] = {**row, "key": key}
    events: dict[str, dict] = {}
    event_places: dict[str, set] = {}
    for row in _parts(store, EVENT_PARTS, (r["event"] for r in first.values())):
        if row["p"]:
            event_places.setdefault(row["event"], set()).add(row["p"])
        key = tuple(row[k] or "" for k in ("t", "agent", "target", "date"))
        if row["event"] not in events or key < events[row["event"]]["key"]:
            events[row["event"]] = {**row, "key": key}
    places: dict[str, dict] = {}
    for row in _parts(store, PLACE_PARTS, (p for found in event_places.values() for p in found)):
        key = tuple(row[k] or "" for k in ("place", "country", "lat", "lon"))
        if row["p"] not in places or key < places[row["p"]]["key"]:
            places[row["p"]] = {**row, "key": key}
    for event in events.values():  # of several places, the first with coordinates, else the first
        named = sorted((places[p] for p in event_places.get(event["event"], ()) if p in places),
                       key=lambda p: (p["lat"] is None, p["key"]))
        event["p"] = named[0]["p"] if named else None
    actors: dict[str, dict] = {}
    sides = {e[k] for e in events.values() for k in ("agent", "target") if e[k]}
    for row in _parts(store, ACTOR_PARTS, sides):
        entry = {"id": row["actor"], "label": row["label"], "type": row["type"].removeprefix(KGO), "country": row["country"] or ""}
        if row["actor"] not in actors or (entry["label"], entry["type"], entry["country"]) < tuple(actors[row["actor"]][k] for k in ("label", "type", "country")):
            actors[row["actor"]] = entry
    articles = {row["a"]: row for row in _parts(store, ARTICLE_PARTS, (r["a"] for r in first.values()))}
    types = event_types(store)
    found = []
    for assertion, row in first.items():
        event, article = events.get(row["event"]), articles.get(row["a"])
        if event is None or article is None:
            continue
        agent, target = actors.get(event["agent"] or ""), actors.get(event["target"] or "")
        if agent is None and target is None:
            continue
        place = places.get(event["p"] or "", {})
        type_name = event["t"].removeprefix(KGO)
        info = types.get(type_name, {"label": type_name, "plover": "", "quad_class": 0, "goldstein": 0.0, "broader": []})
        found.append({
            "assertion": assertion, "event": row["event"], "type": type_name, "action": info["label"],
            "plover": info["plover"], "quad_class": info["quad_class"], "goldstein": info["goldstein"],
            "broader": " ".join(info["broader"]), "modality": row["modality"], "date": event["date"] or "",
            "place": place.get("place") or "", "place_country": place.get("country") or "",
            "lat": float(place["lat"]) if place.get("lat") is not None else None,
            "lon": float(place["lon"]) if place.get("lon") is not None else None,
            "sentence": row["sentence"], "action_text": row["action"] or "",
            "confidence": float(row["confidence"] or 0), "source": row["attributed"] or "",
            "article": article["article"], "article_title": article["title"] or "",
            "published": article["published"] or "", "url": article["url"] or "", "publisher": article["publisher"] or "",
            "agent": agent, "target": target,
        })
    found.sort(key=lambda c: (c["article"], c["assertion"]))
    return found
