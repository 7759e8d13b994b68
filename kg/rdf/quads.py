"""Event records in, RDF quads out: Events and Actors in the shared graph, Assertions and
provenance in the article's own named graph. Pure: no store, no text processing.

The quads are pyoxigraph quads, made directly: the store, the SHACL check and the N-Quads workers
send back all take them as they are. Typed literals are made by rdflib, whose lexical forms (of
decimals and dates) the stored graph has always had.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Collection, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD

from kg.rdf.iris import ENTITY_GRAPH, article_iri, assertion_iri, graph_iri, place_iri, selector_iri
from kg.rdf.terms import to_ox
from kg.rdf.vocab import KGO, KGO_NS, KGR, OA, SEM, event_type_iri
from kg.records import ActorRef, Article, EventRecord

Quad = ox.Quad
_N = ox.NamedNode
SHARED = _N(str(ENTITY_GRAPH))
TYPE, LABEL, ALT_LABEL = _N(str(RDF.type)), _N(str(RDFS.label)), _N(str(SKOS.altLabel))
MODALITY = {name: _N(str(term)) for name, term in {
    "asserted": KGO.Asserted, "reported": KGO.Reported, "alleged": KGO.Alleged,
    "denied": KGO.Denied, "planned": KGO.Planned, "hypothetical": KGO.Hypothetical,
}.items()}
EXTRACTION = _N(str(KGR["activity/kg-extractor"]))
ACTOR_CLASSES = {name: _N(KGO_NS + name) for name in KGO.__annotations__}
(K_ACTOR, K_ISSUE, K_EVENT, K_PLACE, K_ASSERTION, K_ARTICLE, K_EXTRACTION, K_COUNTRY, K_SECTOR, K_TITLE,
 K_MAY_BE_NAMED, K_EVENT_TYPE, K_AGENT, K_TARGET, K_ABOUT, K_DATE, K_GEONAMES, K_LATITUDE, K_LONGITUDE,
 K_ASSERTS, K_MODALITY, K_CONFIDENCE, K_SENTENCE, K_ACTION_TEXT, K_ACTOR_TEXT, K_TARGET_TEXT, K_TIME_TEXT,
 K_QUANTITY, K_ACLED, K_ACLED_SUB, K_ATTRIBUTED, K_CONTENT_HASH) = (_N(str(term)) for term in (
    KGO.Actor, KGO.Issue, KGO.Event, KGO.Place, KGO.Assertion, KGO.Article, KGO.Extraction, KGO.countryCode,
    KGO.sector, KGO.title, KGO.mayBeNamed, KGO.eventType, KGO.agent, KGO.target, KGO.about, KGO.date,
    KGO.geonamesId, KGO.latitude, KGO.longitude, KGO.asserts, KGO.modality, KGO.confidence, KGO.sentence,
    KGO.actionText, KGO.actorText, KGO.targetText, KGO.timeText, KGO.quantity, KGO.acledEventType,
    KGO.acledSubEventType, KGO.attributedTo, KGO.contentHash))
HAS_PLACE, BEGIN = _N(str(SEM.hasPlace)), _N(str(SEM.hasBeginTimeStamp))
IDENTIFIER, HEADLINE, PUBLISHED, PUBLISHER, URL = (
    _N(str(term)) for term in (SDO.identifier, SDO.headline, SDO.datePublished, SDO.publisher, SDO.url))
DERIVED_FROM, GENERATED_BY = _N(str(PROV.wasDerivedFrom)), _N(str(PROV.wasGeneratedBy))
HAS_SOURCE, HAS_SELECTOR, SELECTOR, START, END = (
    _N(str(term)) for term in (OA.hasSource, OA.hasSelector, OA.TextPositionSelector, OA.start, OA.end))
NON_NEGATIVE, INTEGER, ANY_URI = _N(str(XSD.nonNegativeInteger)), _N(str(XSD.integer)), _N(str(XSD.anyURI))
# (rdflib's namespace attributes are looked up anew at each access: the datatypes of every event's literals, once)
X_DATE, X_DECIMAL, X_INTEGER, X_NON_NEGATIVE = XSD.date, XSD.decimal, XSD.integer, XSD.nonNegativeInteger


def date_literal(value: str) -> Literal:
    """An ISO date of any precision as xsd:gYear, xsd:gYearMonth or xsd:date."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


@lru_cache(maxsize=1 << 14)
def _typed(value, datatype) -> ox.Literal:
    """A typed literal with the lexical form rdflib gives it (an int's is its decimal digits);
    remembered, as the same confidences, dates, offsets and coordinates recur in every article."""
    if type(value) is int:
        return ox.Literal(str(value), datatype=_N(str(datatype)))
    return to_ox(Literal(value, datatype=datatype))


@lru_cache(maxsize=1 << 12)
def _date(value: str) -> ox.Literal:
    return to_ox(date_literal(value))


def actor_quads(ref: ActorRef) -> Iterator[Quad]:
    node, g = _N(ref.iri), SHARED
    yield Quad(node, TYPE, ACTOR_CLASSES.get(ref.type, K_ACTOR), g)
    yield Quad(node, LABEL, ox.Literal(ref.label), g)
    if ref.country:
        yield Quad(node, K_COUNTRY, ox.Literal(ref.country), g)
    if ref.sector:
        yield Quad(node, K_SECTOR, ox.Literal(ref.sector), g)
    if ref.title and ref.type == "Person":
        yield Quad(node, K_TITLE, ox.Literal(ref.title), g)
    if ref.text != ref.label:
        yield Quad(node, ALT_LABEL, ox.Literal(ref.text), g)
    for name in ref.candidates:  # an ambiguous surname, kept apart: whom it may stand for
        yield Quad(node, K_MAY_BE_NAMED, ox.Literal(name), g)


def article_quads(article: Article, node: ox.NamedNode, g: ox.NamedNode) -> Iterator[Quad]:
    """The article's own node (``node``, in its graph ``g``)."""
    yield Quad(node, TYPE, K_ARTICLE, g)
    yield Quad(node, IDENTIFIER, ox.Literal(article.id), g)
    yield Quad(node, K_CONTENT_HASH, ox.Literal(article.content_hash), g)
    if article.title:
        yield Quad(node, HEADLINE, ox.Literal(article.title), g)
    if article.published:
        yield Quad(node, PUBLISHED, _date(article.published), g)
    if article.source:
        yield Quad(node, PUBLISHER, ox.Literal(article.source), g)
    if article.url:
        yield Quad(node, URL, ox.Literal(article.url, datatype=ANY_URI), g)


def event_quads(event: EventRecord, article: Article, source: ox.NamedNode, own: ox.NamedNode) -> Iterator[Quad]:
    """The Event (shared graph) and this article's Assertion about it (its graph ``own``; ``source``
    is the article's node)."""
    shared = SHARED
    node = _N(event.iri)
    yield Quad(node, TYPE, K_EVENT, shared)
    yield Quad(node, K_EVENT_TYPE, _N(str(event_type_iri(event.action.type))), shared)
    yield Quad(node, LABEL, ox.Literal(_event_label(event)), shared)
    for role, ref in ((K_AGENT, event.actor), (K_TARGET, event.target)):
        if ref is not None and ref.iri and ref.type == "Issue":
            issue = _N(ref.iri)
            yield Quad(node, K_ABOUT, issue, shared)
            yield Quad(issue, TYPE, K_ISSUE, shared)
            yield Quad(issue, LABEL, ox.Literal(ref.label), shared)
        elif ref is not None and ref.iri:
            yield Quad(node, role, _N(ref.iri), shared)
            yield from actor_quads(ref)
    if event.time and event.time.value:
        yield Quad(node, K_DATE, _date(event.time.value), shared)
        if len(event.time.value) == 10:
            yield Quad(node, BEGIN, _typed(event.time.value, X_DATE), shared)
    if event.place:
        place = _N(str(place_iri(event.place.label, event.place.geonames, event.place.country)))
        yield Quad(node, HAS_PLACE, place, shared)
        yield Quad(place, TYPE, K_PLACE, shared)
        yield Quad(place, LABEL, ox.Literal(event.place.label), shared)
        if event.place.country:
            yield Quad(place, K_COUNTRY, ox.Literal(event.place.country), shared)
        if event.place.geonames:
            yield Quad(place, K_GEONAMES, _typed(event.place.geonames, X_INTEGER), shared)
        if event.place.lat is not None:
            yield Quad(place, K_LATITUDE, _typed(str(event.place.lat), X_DECIMAL), shared)
            yield Quad(place, K_LONGITUDE, _typed(str(event.place.lon), X_DECIMAL), shared)
    assertion = assertion_iri(article.id, event.start, event.end, event.iri)
    selector = _N(str(selector_iri(assertion)))
    assertion = _N(str(assertion))
    yield Quad(assertion, TYPE, K_ASSERTION, own)
    yield Quad(assertion, K_ASSERTS, node, own)
    yield Quad(assertion, K_MODALITY, MODALITY[event.modality], own)
    yield Quad(assertion, K_CONFIDENCE, _typed(f"{event.confidence:.2f}", X_DECIMAL), own)
    yield Quad(assertion, K_SENTENCE, ox.Literal(event.sentence), own)
    yield Quad(assertion, K_ACTION_TEXT, ox.Literal(event.action.text), own)
    if event.actor:
        yield Quad(assertion, K_ACTOR_TEXT, ox.Literal(event.actor.text), own)
    if event.target:
        yield Quad(assertion, K_TARGET_TEXT, ox.Literal(event.target.text), own)
    if event.time:
        yield Quad(assertion, K_TIME_TEXT, ox.Literal(event.time.text), own)
    if event.quantity:
        yield Quad(node, K_QUANTITY, ox.Literal(event.quantity), shared)
    if event.action.acled:  # the ACLED coding its participants give it, which may refine its type's
        yield Quad(node, K_ACLED, ox.Literal(event.action.acled), shared)
        if event.action.acled_sub:
            yield Quad(node, K_ACLED_SUB, ox.Literal(event.action.acled_sub), shared)
    if event.attributed_to:
        yield Quad(assertion, K_ATTRIBUTED, ox.Literal(event.attributed_to), own)
    yield Quad(assertion, DERIVED_FROM, source, own)
    yield Quad(assertion, HAS_SOURCE, source, own)
    yield Quad(assertion, GENERATED_BY, EXTRACTION, own)
    yield Quad(assertion, HAS_SELECTOR, selector, own)
    yield Quad(selector, TYPE, SELECTOR, own)
    yield Quad(selector, START, _typed(event.start, X_NON_NEGATIVE), own)
    yield Quad(selector, END, _typed(event.end, X_NON_NEGATIVE), own)


def article_graph(article: Article, events: Iterable[EventRecord], merged: Collection[int] = ()) -> list[Quad]:
    """All quads one article contributes, without duplicates, in a stable order.

    ``merged`` holds the positions of events that another article (or an earlier sentence) already
    describes (see :mod:`kg.resolve.merge`): they add their assertion and actors, not the event's own quads.
    """
    source, own = _N(str(article_iri(article.id))), _N(str(graph_iri(article.id)))
    quads = list(article_quads(article, source, own))
    quads.append(Quad(EXTRACTION, TYPE, K_EXTRACTION, own))
    for index, event in enumerate(events):
        if index in merged:
            described = {_N(event.iri)}
            if event.place:
                described.add(_N(str(place_iri(event.place.label, event.place.geonames, event.place.country))))
            quads.extend(q for q in event_quads(event, article, source, own)
                         if q.graph_name != SHARED or q.subject not in described)
        else:
            quads.extend(event_quads(event, article, source, own))
    return list(dict.fromkeys(quads))


def _event_label(event: EventRecord) -> str:
    who = event.actor.label if event.actor else "someone"
    whom = f" {event.target.label}" if event.target else ""
    when = f" ({event.time.value})" if event.time and event.time.value else ""
    return f"{who}: {event.action.type}{whom}{when}"


