"""Event records in, RDF quads out: Events and Actors in the shared graph, Assertions and
provenance in the article's own named graph. Pure: no store, no text processing."""
from __future__ import annotations

from typing import Collection, Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD

from kg.rdf.iris import ENTITY_GRAPH, article_iri, assertion_iri, graph_iri, place_iri, selector_iri
from kg.rdf.vocab import KGO, KGR, OA, SEM, event_type_iri
from kg.records import ActorRef, Article, EventRecord

Quad = tuple[URIRef, URIRef, object, URIRef]
MODALITY = {
    "asserted": KGO.Asserted, "reported": KGO.Reported, "alleged": KGO.Alleged,
    "denied": KGO.Denied, "planned": KGO.Planned, "hypothetical": KGO.Hypothetical,
}
EXTRACTION = KGR["activity/kg-extractor"]


def date_literal(value: str) -> Literal:
    """An ISO date of any precision as xsd:gYear, xsd:gYearMonth or xsd:date."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def actor_quads(ref: ActorRef) -> Iterator[Quad]:
    node = URIRef(ref.iri)
    g = ENTITY_GRAPH
    yield node, RDF.type, KGO[ref.type] if ref.type in KGO.__annotations__ else KGO.Actor, g
    yield node, RDFS.label, Literal(ref.label), g
    if ref.country:
        yield node, KGO.countryCode, Literal(ref.country), g
    if ref.sector:
        yield node, KGO.sector, Literal(ref.sector), g
    if ref.title and ref.type == "Person":
        yield node, KGO.title, Literal(ref.title), g
    if ref.text != ref.label:
        yield node, SKOS.altLabel, Literal(ref.text), g
    for name in ref.candidates:  # an ambiguous surname, kept apart: whom it may stand for
        yield node, KGO.mayBeNamed, Literal(name), g


def article_quads(article: Article) -> Iterator[Quad]:
    node, g = article_iri(article.id), graph_iri(article.id)
    yield node, RDF.type, KGO.Article, g
    yield node, SDO.identifier, Literal(article.id), g
    yield node, KGO.contentHash, Literal(article.content_hash), g
    if article.title:
        yield node, SDO.headline, Literal(article.title), g
    if article.published:
        yield node, SDO.datePublished, date_literal(article.published), g
    if article.source:
        yield node, SDO.publisher, Literal(article.source), g
    if article.url:
        yield node, SDO.url, Literal(article.url, datatype=XSD.anyURI), g


def event_quads(event: EventRecord, article: Article) -> Iterator[Quad]:
    """The Event (shared graph) and this article's Assertion about it (article graph)."""
    shared, own = ENTITY_GRAPH, graph_iri(article.id)
    node = URIRef(event.iri)
    yield node, RDF.type, KGO.Event, shared
    yield node, KGO.eventType, event_type_iri(event.action.type), shared
    yield node, RDFS.label, Literal(_event_label(event)), shared
    for role, ref in ((KGO.agent, event.actor), (KGO.target, event.target)):
        if ref is not None and ref.iri and ref.type == "Issue":
            yield node, KGO.about, URIRef(ref.iri), shared
            yield URIRef(ref.iri), RDF.type, KGO.Issue, shared
            yield URIRef(ref.iri), RDFS.label, Literal(ref.label), shared
        elif ref is not None and ref.iri:
            yield node, role, URIRef(ref.iri), shared
            yield from actor_quads(ref)
    if event.time and event.time.value:
        yield node, KGO.date, date_literal(event.time.value), shared
        if len(event.time.value) == 10:
            yield node, SEM.hasBeginTimeStamp, Literal(event.time.value, datatype=XSD.date), shared
    if event.place:
        place = place_iri(event.place.label, event.place.geonames)
        yield node, SEM.hasPlace, place, shared
        yield place, RDF.type, KGO.Place, shared
        yield place, RDFS.label, Literal(event.place.label), shared
        if event.place.country:
            yield place, KGO.countryCode, Literal(event.place.country), shared
        if event.place.geonames:
            yield place, KGO.geonamesId, Literal(event.place.geonames, datatype=XSD.integer), shared
        if event.place.lat is not None:
            yield place, KGO.latitude, Literal(str(event.place.lat), datatype=XSD.decimal), shared
            yield place, KGO.longitude, Literal(str(event.place.lon), datatype=XSD.decimal), shared
    assertion = assertion_iri(article.id, event.start, event.end, event.iri)
    selector = selector_iri(assertion)
    yield assertion, RDF.type, KGO.Assertion, own
    yield assertion, KGO.asserts, node, own
    yield assertion, KGO.modality, MODALITY[event.modality], own
    yield assertion, KGO.confidence, Literal(f"{event.confidence:.2f}", datatype=XSD.decimal), own
    yield assertion, KGO.sentence, Literal(event.sentence), own
    yield assertion, KGO.actionText, Literal(event.action.text), own
    if event.actor:
        yield assertion, KGO.actorText, Literal(event.actor.text), own
    if event.target:
        yield assertion, KGO.targetText, Literal(event.target.text), own
    if event.time:
        yield assertion, KGO.timeText, Literal(event.time.text), own
    if event.quantity:
        yield node, KGO.quantity, Literal(event.quantity), shared
    if event.action.acled:  # the ACLED coding its participants give it, which may refine its type's
        yield node, KGO.acledEventType, Literal(event.action.acled), shared
        if event.action.acled_sub:
            yield node, KGO.acledSubEventType, Literal(event.action.acled_sub), shared
    if event.attributed_to:
        yield assertion, KGO.attributedTo, Literal(event.attributed_to), own
    yield assertion, PROV.wasDerivedFrom, article_iri(article.id), own
    yield assertion, OA.hasSource, article_iri(article.id), own
    yield assertion, PROV.wasGeneratedBy, EXTRACTION, own
    yield assertion, OA.hasSelector, selector, own
    yield selector, RDF.type, OA.TextPositionSelector, own
    yield selector, OA.start, Literal(event.start, datatype=XSD.nonNegativeInteger), own
    yield selector, OA.end, Literal(event.end, datatype=XSD.nonNegativeInteger), own


def article_graph(article: Article, events: Iterable[EventRecord], merged: Collection[int] = ()) -> list[Quad]:
    """All quads one article contributes, without duplicates, in a stable order.

    ``merged`` holds the positions of events that another article (or an earlier sentence) already
    describes (see :mod:`kg.resolve.merge`): they add their assertion and actors, not the event's own quads.
    """
    quads = list(article_quads(article))
    quads.append((EXTRACTION, RDF.type, KGO.Extraction, graph_iri(article.id)))
    for index, event in enumerate(events):
        if index in merged:
            described = {URIRef(event.iri)}
            if event.place:
                described.add(place_iri(event.place.label, event.place.geonames))
            quads.extend(q for q in event_quads(event, article) if q[3] != ENTITY_GRAPH or q[0] not in described)
        else:
            quads.extend(event_quads(event, article))
    return list(dict.fromkeys(quads))


def _event_label(event: EventRecord) -> str:
    who = event.actor.label if event.actor else "someone"
    whom = f" {event.target.label}" if event.target else ""
    when = f" ({event.time.value})" if event.time and event.time.value else ""
    return f"{who}: {event.action.type}{whom}{when}"


