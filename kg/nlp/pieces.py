"""Parse long articles in pieces, so that memory is bounded by the piece and not the article.

A piece ends at a paragraph break, else a line break, else the end of a sentence, else a space,
whichever comes last in the second half of the allowed length (a hard cut only when the text has
none of them, e.g. one endless token). Events found in a piece have their character offsets moved
back into the whole article, so evidence offsets are the same as if it had been parsed whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from kg.records import Article, EventRecord

_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))


@dataclass(frozen=True)
class Piece:
    """One piece of an article: the piece as an article of its own, where it starts, and whether it
    is the article's last."""

    article: Article
    part: Article
    offset: int
    last: bool


def cut_points(text: str, size: int) -> list[int]:
    """Offsets where pieces of at most ``size`` characters start (the first is 0)."""
    if size <= 0:
        raise ValueError("piece size must be positive")
    starts, start = [0], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = size
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        start += cut
        starts.append(start)
    return starts


def pieces_of(articles: Iterable[Article], size: int) -> Iterator[tuple[str, Piece]]:
    """(text, piece) pairs for ``nlp.pipe(..., as_tuples=True)``: one per piece, articles in order."""
    for article in articles:
        starts = cut_points(article.text, size)
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(article.text)
            part = article if len(starts) == 1 else replace(article, text=article.text[start:end])
            yield part.text, Piece(article, part, start, i == len(starts) - 1)


def parse_in_pieces(nlp, articles: Iterable[Article], piece_chars: int, batch_size: int = 32) -> Iterator[tuple[object, Piece]]:
    """(doc, piece) pairs from ``nlp.pipe``, in batches of at most ``batch_size`` pieces and
    ``piece_chars`` characters: the parser holds one batch at a time, so the pieces of a long
    article are never parsed together."""
    for batch in batches(pieces_of(articles, piece_chars), piece_chars, batch_size):
        docs = [(_dated(nlp.make_doc(text), piece.part.published), piece) for text, piece in batch]
        yield from nlp.pipe(docs, as_tuples=True, batch_size=len(batch))


def _dated(doc, published: str | None):
    """A Doc carrying its article's publication date (``doc._.published``), which relative dates need."""
    doc._.published = published
    return doc


def batches(pairs: Iterable[tuple[str, Piece]], max_chars: int, max_items: int) -> Iterator[list[tuple[str, Piece]]]:
    """Consecutive pairs grouped so that no group holds more than ``max_items`` or, unless it is a
    single piece, more than ``max_chars`` characters."""
    batch: list[tuple[str, Piece]] = []
    chars = 0
    for text, piece in pairs:
        if batch and (chars + len(text) > max_chars or len(batch) >= max_items):
            yield batch
            batch, chars = [], 0
        batch.append((text, piece))
        chars += len(text)
    if batch:
        yield batch


def joined(results: Iterable[tuple[Piece, list[EventRecord]]]) -> Iterator[tuple[Article, list[EventRecord]]]:
    """(article, events) once all its pieces are through, offsets moved into the whole article."""
    events: list[EventRecord] = []
    for piece, found in results:
        events.extend(shift(event, piece.offset) for event in found)
        if piece.last:
            yield piece.article, events
            events = []


def shift(event: EventRecord, offset: int) -> EventRecord:
    """A copy of ``event`` with its offsets (and its actors') moved ``offset`` characters on."""
    if not offset:
        return event
    moved = {role: replace(ref, start=ref.start + offset, end=ref.end + offset)
             for role, ref in (("actor", event.actor), ("target", event.target)) if ref is not None}
    return replace(event, start=event.start + offset, end=event.end + offset, **moved)
