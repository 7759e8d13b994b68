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


def place_iri(name: str, geonames_id: int | None = None, country: str | None = None) -> URIRef:
    """IRI of a place: its GeoNames id when linked, else its name and the country it was placed in.

    A name the gazetteer does not know is placed in the country of the article that names it, so
    two articles about two countries naming a "Kerfala" speak of two places, each in one country."""
    if geonames_id:
        return URIRef(f"{DATA_BASE}place/geonames-{geonames_id}")
    return URIRef(f"{DATA_BASE}place/" + slug(f"{name} {country}" if country else name))


def event_iri(event_type: str, agent: str | None, target: str | None, date: str | None, scope: str | None = None) -> URIRef:
    """IRI of an event from what identifies it: type, resolved agent and target, date, and for an
    event its participants do not identify, the ``scope`` it is known in (its place, or its article)."""
    return URIRef(f"{DATA_BASE}event/{slug(event_type)}-{short_hash(event_type, agent, target, date, scope)}")


def article_iri(article_id: str) -> URIRef:
    """IRI of an article, from its id (percent-encoded so any id gives a valid IRI)."""
    return URIRef(f"{DATA_BASE}article/{quote(article_id, safe='')}")


#: Named graphs: the shared graph of events and actors, the ontology's, one per article
#: (``graph/article/<id>``), one per imported file (``graph/import/<name>``) and, while an import
#: runs, the graphs it stages its triples in (``graph/pending/...``). No article id can name any
#: graph but its own: ids are percent-encoded below ``graph/article/``.
GRAPHS = f"{DATA_BASE}graph/"
ENTITY_GRAPH = URIRef(f"{GRAPHS}entities")
ONTOLOGY_GRAPH = URIRef(f"{GRAPHS}ontology")
ARTICLE_GRAPHS = f"{GRAPHS}article/"
IMPORT_GRAPHS = f"{GRAPHS}import/"
PENDING_GRAPHS = f"{GRAPHS}pending/"


#: The journal of a graph load (see :meth:`kg.store.local.LocalStore.load_graph`): a staging graph
#: ``replaces`` the graph it is for, or ``adds`` to it.
STAGE_REPLACES = URIRef(f"{DATA_BASE}store#replaces")
STAGE_ADDS = URIRef(f"{DATA_BASE}store#adds")


def graph_iri(article_id: str) -> URIRef:
    """IRI of the named graph holding one article's assertions and provenance."""
    return URIRef(f"{ARTICLE_GRAPHS}{quote(article_id, safe='')}")


def import_graph_iri(name: str) -> URIRef:
    """IRI of the named graph that ``kg import`` puts a file's triples in, from the file's name."""
    return URIRef(f"{IMPORT_GRAPHS}{slug(name)}")


def reserved_graph(iri: str) -> bool:
    """Whether a graph IRI is one kg manages itself (shared, ontology, article or staging graphs),
    which an import may add to but never replace."""
    return iri in (str(ENTITY_GRAPH), str(ONTOLOGY_GRAPH)) or iri.startswith((ARTICLE_GRAPHS, PENDING_GRAPHS))


def earlier_article_graph(iri: str) -> str | None:
    """The IRI an article graph of a store made by an earlier kg (``graph/<id>``, beside the shared
    graphs) has now, or None when ``iri`` is no such graph."""
    if not iri.startswith(GRAPHS):
        return None
    name = iri[len(GRAPHS):]
    if not name or "/" in name or iri in (str(ENTITY_GRAPH), str(ONTOLOGY_GRAPH)):
        return None
    return f"{ARTICLE_GRAPHS}{name}"


def assertion_iri(article_id: str, start: int, end: int, event: str) -> URIRef:
    """IRI of one assertion: an article's claim, at given offsets, about one event."""
    return URIRef(f"{DATA_BASE}assertion/{short_hash(article_id, start, end, event)}")


def selector_iri(assertion: str) -> URIRef:
    """IRI of the text-position selector of an assertion."""
    return URIRef(f"{assertion}/selector")
