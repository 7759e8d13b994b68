"""Articles in, resolved event records out: the spaCy pipeline, the rules and name resolution together.

An :class:`Extractor` is loaded once (the pipeline takes seconds) and used for many articles. It
keeps nothing from one call to the next: names are resolved with the
:class:`~kg.resolve.resolver.Resolver` a call is given (a build passes one that lives as long as
the build), or with a fresh one, so what one extraction learns never changes another's results.
A build also keeps what it needs to resolve an article's names again (:class:`Unresolved`), for
when a later article names someone the article knew only by surname.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.extraction.component import add_event_finder
from kg.extraction.events import Found, extract_events, found_events, resolved_events
from kg.ingest.limits import Limits
from kg.nlp.pieces import Piece, joined, parse_in_pieces, shift
from kg.nlp.pipeline import build_pipeline
from kg.records import Article, EventRecord
from kg.resolve.resolver import Resolver
from kg.rules.loader import Rules

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Extractor:
    """A loaded spaCy pipeline and rule set; build it once and extract from many articles."""

    model: str | None = None
    rules: Rules | None = None
    nlp: "Language | None" = None
    piece_chars: int = Limits.piece_chars

    def __post_init__(self) -> None:
        self.rules = self.rules or Rules.load()
        if self.nlp is None:
            self.nlp = build_pipeline(self.rules, self.model)
            add_event_finder(self.nlp, self.rules)

    def events(self, article: Article, resolver: Resolver | None = None) -> list[EventRecord]:
        """Event records of one article."""
        return next(self.stream([article], resolver=resolver))[1]

    def stream(self, articles: Iterable[Article], batch_size: int = 32, resolver: Resolver | None = None,
               keep: bool = False) -> Iterator[tuple]:
        """(article, events) pairs, parsed in batches with ``nlp.pipe``; a long article is parsed in
        pieces of at most ``piece_chars`` characters, so memory is bounded (see :mod:`kg.nlp.pieces`).
        Names are resolved across the articles of this call with ``resolver`` (a fresh one when None).
        With ``keep``, (article, events, unresolved) triples: see :class:`Unresolved`."""
        resolver = resolver if resolver is not None else Resolver()
        parsed = parse_in_pieces(self.nlp, articles, self.piece_chars, batch_size)
        if keep:
            yield from _resolving(((piece, found_events(doc, self.rules)) for doc, piece in parsed), resolver)
        else:
            yield from joined((piece, extract_events(doc, piece.part, self.rules, resolver)) for doc, piece in parsed)


@dataclass(frozen=True)
class Unresolved:
    """An article's events as its pieces' parses gave them, before names were resolved (each
    piece's :class:`~kg.extraction.events.Found`, pickled, with the piece's offset): with
    :meth:`resolve` the article's names are settled again from other names at a fraction of the
    cost of parsing it again, and with the same events a new extraction would give."""

    article: Article
    pieces: tuple[tuple[int, bytes], ...]

    def resolve(self, resolver: Resolver) -> list[EventRecord]:
        """The article's events, resolved with ``resolver``."""
        events: list[EventRecord] = []
        for offset, found in self.pieces:
            events.extend(shift(event, offset) for event in resolved_events(pickle.loads(found), self.article.id, resolver))
        return events


def _resolving(found: Iterable[tuple[Piece, Found]], resolver: Resolver) -> Iterator[tuple[Article, list[EventRecord], Unresolved]]:
    """(article, events, unresolved) for each article of ``found``, its pieces resolved in order."""
    kept: list[tuple[int, bytes]] = []

    def resolve(piece: Piece, events: Found) -> tuple[Piece, list[EventRecord]]:
        kept.append((piece.offset, pickle.dumps(events, protocol=pickle.HIGHEST_PROTOCOL)))  # before resolution changes them
        return piece, resolved_events(events, piece.article.id, resolver)

    for article, events in joined(resolve(piece, events) for piece, events in found):
        yield article, events, Unresolved(article, tuple(kept))
        kept.clear()
