"""Articles in, resolved event records out: the spaCy pipeline, the rules and name resolution together.

An :class:`Extractor` is loaded once (the pipeline takes seconds) and used for many articles. It
keeps nothing from one call to the next: names are resolved with the
:class:`~kg.resolve.resolver.Resolver` a call is given (a build passes one that lives as long as
the build), or with a fresh one, so what one extraction learns never changes another's results.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.extraction.component import add_event_finder
from kg.extraction.events import extract_events
from kg.ingest.limits import Limits
from kg.nlp.pieces import joined, parse_in_pieces
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

    def stream(self, articles: Iterable[Article], batch_size: int = 32,
               resolver: Resolver | None = None) -> Iterator[tuple[Article, list[EventRecord]]]:
        """(article, events) pairs, parsed in batches with ``nlp.pipe``; a long article is parsed in
        pieces of at most ``piece_chars`` characters, so memory is bounded (see :mod:`kg.nlp.pieces`).
        Names are resolved across the articles of this call with ``resolver`` (a fresh one when None)."""
        resolver = resolver if resolver is not None else Resolver()
        parsed = parse_in_pieces(self.nlp, articles, self.piece_chars, batch_size)
        yield from joined((piece, extract_events(doc, piece.part, self.rules, resolver)) for doc, piece in parsed)
