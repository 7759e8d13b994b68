"""Read what the extractor needs from the ontology: the event-type scheme and actor classes.

The ontology file is the single source of truth for event types and their PLOVER, CAMEO and ACLED
mappings; rules name event types by their local name and are checked against it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.rdf.vocab import KGO_NS, sparql_prefixes

ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"  # package data: conflict.ttl, shapes.ttl
ONTOLOGY_FILE = ONTOLOGY_DIR / "conflict.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class EventType:
    """One concept of the event-type scheme with its mappings to other coding schemes."""

    name: str
    label: str
    plover: str
    cameo: str
    acled: str | None
    acled_sub: str | None
    broader: str | None
    quad_class: int
    goldstein: float


def _load(path: Path):
    import pyoxigraph as ox

    store = ox.Store()
    with open(path, "rb") as handle:
        store.load(handle, format=ox.RdfFormat.TURTLE)
    return store


def event_types(path: Path = ONTOLOGY_FILE) -> dict[str, EventType]:
    """The event-type scheme of the ontology, by local name (``Arrest``, ``Coup``, ...)."""
    store = _load(path)
    query = sparql_prefixes("kgo", "skos") + """
    SELECT ?t ?label ?plover ?cameo ?acled ?sub ?broader ?quad ?goldstein WHERE {
      ?t skos:inScheme kgo:EventTypeScheme ; skos:prefLabel ?label ; kgo:ploverRoot ?plover ;
         kgo:cameoCode ?cameo ; skos:broadMatch ?root .
      ?root kgo:quadClass ?quad ; kgo:goldstein ?goldstein .
      OPTIONAL { ?t kgo:acledEventType ?acled ; kgo:acledSubEventType ?sub }
      OPTIONAL { ?t skos:broader ?broader }
    }"""
    prefix = KGO_NS
    result = {}
    for row in store.query(query):
        name = row["t"].value.removeprefix(prefix)
        result[name] = EventType(
            name=name,
            label=row["label"].value,
            plover=row["plover"].value,
            cameo=row["cameo"].value,
            acled=row["acled"].value if row["acled"] else None,
            acled_sub=row["sub"].value if row["sub"] else None,
            broader=row["broader"].value.removeprefix(prefix) if row["broader"] else None,
            quad_class=int(row["quad"].value),
            goldstein=float(row["goldstein"].value),
        )
    return result


def actor_classes(path: Path = ONTOLOGY_FILE) -> set[str]:
    """Local names of the actor classes (kgo:Actor and its subclasses)."""
    store = _load(path)
    query = sparql_prefixes("kgo", "rdfs") + """
    SELECT ?c WHERE { ?c rdfs:subClassOf* kgo:Actor }"""
    prefix = KGO_NS
    return {row["c"].value.removeprefix(prefix) for row in store.query(query)}
