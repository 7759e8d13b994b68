"""Every claim of the graph as a flat dict: one source's assertion about one event, with the event's
type and its mappings, its participants, date and place, the sentence and the article."""
from __future__ import annotations

from typing import TYPE_CHECKING

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



CLAIMS_QUERY = sparql_prefixes("kgo", "rdfs", "prov", "schema", "sem") + """
SELECT ?assertion ?event ?t ?modality ?sentence ?action ?confidence ?attributed ?date ?place ?placeCountry
       ?lat ?lon ?article ?title ?published ?url ?publisher
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
  OPTIONAL { ?event sem:hasPlace ?p . ?p rdfs:label ?place
             OPTIONAL { ?p kgo:countryCode ?placeCountry }
             OPTIONAL { ?p kgo:latitude ?lat ; kgo:longitude ?lon } }
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:publisher ?publisher }
}
ORDER BY ?article ?assertion"""



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



def claims(store: Store) -> list[dict]:
    """Every claim naming at least one actor, as a flat dict, in a stable order.

    Keys: ``assertion, event, type, action, plover, quad_class, goldstein, broader, modality, date,
    place, place_country, lat, lon`` (None when the place has no coordinates), ``sentence,
    action_text, confidence, source`` (whom the claim is attributed to), ``article, article_title,
    published, url, publisher`` and
    ``agent``/``target`` (each ``None`` or a dict of ``id, label, type, country``).
    """
    types = event_types(store)
    seen: dict[str, dict] = {}
    for row in store.query(CLAIMS_QUERY):
        assertion = row["assertion"].value
        if assertion in seen:  # an actor typed twice, a place named twice: keep the first row,
            first = seen[assertion]  # but the place that has coordinates if the first has none
            if first["lat"] is None and row["lat"] is not None:
                first.update(place=_value(row, "place"), place_country=_value(row, "placeCountry"),
                             lat=float(row["lat"].value), lon=float(row["lon"].value))
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
            "place_country": _value(row, "placeCountry"),
            "lat": float(row["lat"].value) if row["lat"] is not None else None,
            "lon": float(row["lon"].value) if row["lon"] is not None else None,
            "sentence": row["sentence"].value,
            "action_text": _value(row, "action"),
            "confidence": float(_value(row, "confidence", "0") or 0),
            "source": _value(row, "attributed"),
            "article": row["article"].value,
            "article_title": _value(row, "title"),
            "published": _value(row, "published"),
            "url": _value(row, "url"),
            "publisher": _value(row, "publisher"),
            "agent": _actor(row, "agent"),
            "target": _actor(row, "target"),
        }
    return list(seen.values())
