"""The records that flow between the stages: an :class:`Article` in, :class:`EventRecord` s out.

Reading makes Articles; extraction turns them into EventRecords; the RDF stage turns records into
triples. The records are plain dataclasses, serialised to the extraction contract of DESIGN.md,
and they are the whole interface between text and graph: neither side needs the other's library.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Article:
    """A document to extract events from.

    ``published`` is an ISO date string at the precision the source gives
    (``2025``, ``2025-08`` or ``2025-08-14``), or None when unknown.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = field(default=None, compare=False)

    @property
    def where(self) -> str:
        """Where the article came from, for messages: ``file:line``, ``file`` or its id."""
        if self.path and self.line is not None:
            return f"{self.path}:{self.line}"
        return self.path or self.id

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: tells a changed article from one already ingested."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class ActorRef:
    """An actor or target as one sentence names it, typed and (after resolution) with an IRI."""

    text: str
    label: str
    type: str
    country: str | None = None
    sector: str | None = None
    iri: str | None = None
    title: str | None = None
    start: int = 0
    end: int = 0
    pronoun: bool = False
    is_agent: bool = False
    place: bool = False  # a place named where an actor would be ("attacked Gao")
    candidates: tuple[str, ...] = ()  # the full names an ambiguous surname may stand for
    alone: tuple[str, int, int] | None = None  # own text and offsets, when ``text`` is a coordination it shares
    generic: bool = False  # a kind of actor ("civilians", "Malian soldiers"), not one actor the text names

    def contract(self) -> dict:
        """The contract's actor object (extra fields only added, never renamed)."""
        return {
            "text": self.text,
            "label": self.label,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "iri": self.iri,
            "title": self.title,
        } | ({"may_be": list(self.candidates)} if self.candidates else {})



@dataclass
class ActionRef:
    """The words that name the action, and its type with mappings to PLOVER, CAMEO and ACLED."""

    text: str
    lemma: str
    type: str
    plover: str
    cameo: str
    acled: str | None
    acled_sub: str | None

    def contract(self) -> dict:
        return asdict(self)



@dataclass
class TimeRef:
    """When, as the text says it and normalised to its own precision (``2025``, ``2025-05``)."""

    text: str
    value: str | None = None
    end: str | None = None

    def contract(self) -> dict:
        return {"text": self.text, "value": self.value, "end": self.end}



@dataclass
class PlaceRef:
    """Where, linked to GeoNames when the gazetteer knows the name."""

    text: str
    label: str
    country: str | None = None
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None

    def contract(self) -> dict:
        return asdict(self)



@dataclass
class EventRecord:
    """One event as one sentence reports it: the unit of the extraction contract."""

    action: ActionRef
    actor: ActorRef | None
    target: ActorRef | None
    modality: str
    sentence: str
    start: int
    end: int
    confidence: float
    quantity: str | None = None
    attributed_to: str | None = None
    time: TimeRef | None = None
    place: PlaceRef | None = None
    iri: str | None = None
    notes: list[str] = field(default_factory=list)

    def identified(self) -> bool:
        """Whether one of the participants is an actor the text names, not a kind of actor or a
        thing: what lets reports in different articles be known to tell the same happening."""
        return any(ref is not None and ref.iri and not ref.generic and ref.type != "Issue"
                   for ref in (self.actor, self.target))

    def contract(self) -> dict:
        """The event object of the DESIGN extraction contract: every field present, nulls where unknown."""
        return {
            "actor": self.actor.contract() if self.actor else None,
            "action": self.action.contract(),
            "target": self.target.contract() if self.target else None,
            "quantity": self.quantity,
            "modality": self.modality,
            "attributed_to": self.attributed_to,
            "time": self.time.contract() if self.time else None,
            "place": self.place.contract() if self.place else None,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
            "iri": self.iri,
        }
