"""Hand-written events in a real store, without the spaCy pipeline: the tests that need exact claims
(briefs, maps, the CSV, parameter checks, views of a given size) write them here as an analyst
would code them, and kg stores them exactly as a build stores extracted ones (the same records,
the same quads, one named graph per article).

    soldiers = actor("Malian soldiers", "MilitaryForce", "MLI")
    story("a1", "2025-08-04", [event("Arrest", soldiers, mara, date="2025-08-03", place=BAMAKO,
                                     sentence="Malian soldiers arrested Moussa Mara in Bamako.")])
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.rdf.iris import actor_iri, event_iri
from kg.rdf.quads import article_graph
from kg.rdf.scheme import event_types
from kg.records import ActionRef, ActorRef, Article, EventRecord, PlaceRef, TimeRef


def actor(label: str, type: str = "Actor", country: str | None = None) -> ActorRef:
    return ActorRef(text=label, label=label, type=type, country=country, iri=str(actor_iri(label)))


def place(label: str, country: str | None = None, lat: float | None = None, lon: float | None = None,
          geonames: int | None = None) -> PlaceRef:
    return PlaceRef(text=label, label=label, country=country, geonames=geonames, lat=lat, lon=lon)


@dataclass
class Claim:
    """One sentence's claim about an event, before it is placed in an article."""

    type: str
    agent: ActorRef | None
    target: ActorRef | None
    sentence: str
    modality: str = "asserted"
    date: str | None = None
    place: PlaceRef | None = None
    source: str | None = None
    event_date: str | None = None  # the date that identifies the event, when the sentence gives none


def event(type: str, agent: ActorRef | None = None, target: ActorRef | None = None, *, sentence: str | None = None,
          modality: str = "asserted", date: str | None = None, place: PlaceRef | None = None, source: str | None = None,
          same_as: str | None = None) -> Claim:
    """A claim; ``same_as`` is the date of the event it reports when ``date`` is not given (so that
    two articles report one event)."""
    who = agent.label if agent else "Someone"
    whom = f" {target.label}" if target else ""
    return Claim(type, agent, target, sentence or f"{who} did {type}{whom}.", modality, date, place, source, same_as)


@dataclass
class Story:
    """An article and its claims, as a build would store them."""

    id: str
    published: str | None
    claims: list[Claim]
    source: str | None = None
    title: str | None = None
    url: str | None = None
    records: list[EventRecord] = field(default_factory=list)


def story(id: str, published: str | None, claims: list[Claim], *, source: str | None = None, title: str | None = None,
          url: str | None = None) -> Story:
    return Story(id, published, claims, source, title or f"Report {id}", url)


def records(item: Story, types: dict | None = None) -> tuple[Article, list[EventRecord]]:
    """The article and event records a build would make of ``item``."""
    types = types or event_types()
    text, spans = "", []
    for claim in item.claims:
        start = len(text)
        text += claim.sentence + " "
        spans.append((start, start + len(claim.sentence)))
    article = Article(id=item.id, text=text.strip() + "\n", title=item.title, published=item.published, source=item.source,
                      url=item.url)
    out = []
    for claim, (start, end) in zip(item.claims, spans):
        kind = types[claim.type]
        action = ActionRef(text=claim.type.lower(), lemma=claim.type.lower(), type=claim.type, plover=kind.plover,
                           cameo=kind.cameo, acled=kind.acled, acled_sub=kind.acled_sub)
        date = claim.date or claim.event_date
        iri = str(event_iri(claim.type, claim.agent.iri if claim.agent else None, claim.target.iri if claim.target else None,
                            date, claim.place.label if claim.place else None))
        out.append(EventRecord(action=action, actor=claim.agent, target=claim.target, modality=claim.modality,
                               sentence=claim.sentence, start=start, end=end, confidence=0.8,
                               attributed_to=claim.source, time=TimeRef(text=claim.date, value=claim.date) if claim.date else None,
                               place=claim.place, iri=iri))
    return article, out


def store_stories(store, stories: list[Story]) -> None:
    """Store each story as a build stores an article (its named graph replaced in one transaction)."""
    types = event_types()
    for item in stories:
        article, events = records(item, types)
        store.replace_article(article.id, article_graph(article, events))
    store.flush()
