"""Deterministic IRIs for everything kg mints: the same input always gives the same IRI.

Names from article text are slugged to ``[a-z0-9-]`` (accents folded), so an IRI can never break
out of Turtle or SPARQL syntax whatever the text holds, and spelling variants such as "Goïta" and
"Goita" meet at one IRI.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

from kg.rdf.vocab import DATA_BASE
from kg.text import ascii_fold

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str, *, max_length: int = 80) -> str:
    """Fold ``name`` to a lowercase ASCII slug; falls back to a hash when nothing is left."""
    folded = ascii_fold(name)
    text = _NON_SLUG.sub("-", folded).strip("-")[:max_length].strip("-")
    return text or "x" + short_hash(name)


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of ``parts`` (None and strings alike), for content-derived IRIs."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def actor_iri(name: str) -> URIRef:
    """IRI of a resolved actor, from its canonical name."""
    return URIRef(f"{DATA_BASE}actor/{slug(name)}")


def issue_iri(name: str) -> URIRef:
    """IRI of an issue (a thing an event is done to), from its name."""
    return URIRef(f"{DATA_BASE}issue/{slug(name)}")


def place_iri(name: str, geonames_id: int | None = None) -> URIRef:
    """IRI of a place: its GeoNames id when linked, else its name."""
    return URIRef(f"{DATA_BASE}place/" + (f"geonames-{geonames_id}" if geonames_id else slug(name)))


def event_iri(event_type: str, agent: str | None, target: str | None, date: str | None, place: str | None = None) -> URIRef:
    """IRI of an event from what identifies it: type, resolved agent and target, date, place."""
    return URIRef(f"{DATA_BASE}event/{slug(event_type)}-{short_hash(event_type, agent, target, date, place)}")


def article_iri(article_id: str) -> URIRef:
    """IRI of an article, from its id (percent-encoded so any id gives a valid IRI)."""
    return URIRef(f"{DATA_BASE}article/{quote(article_id, safe='')}")


def graph_iri(article_id: str) -> URIRef:
    """IRI of the named graph holding one article's assertions and provenance."""
    return URIRef(f"{DATA_BASE}graph/{quote(article_id, safe='')}")


ENTITY_GRAPH = URIRef(f"{DATA_BASE}graph/entities")
ONTOLOGY_GRAPH = URIRef(f"{DATA_BASE}graph/ontology")


def import_graph_iri(name: str) -> URIRef:
    """IRI of the named graph that ``kg import`` puts a file's triples in, from the file's name."""
    return URIRef(f"{DATA_BASE}graph/import/{slug(name)}")


def assertion_iri(article_id: str, start: int, end: int, event: str) -> URIRef:
    """IRI of one assertion: an article's claim, at given offsets, about one event."""
    return URIRef(f"{DATA_BASE}assertion/{short_hash(article_id, start, end, event)}")


def selector_iri(assertion: str) -> URIRef:
    """IRI of the text-position selector of an assertion."""
    return URIRef(f"{assertion}/selector")
