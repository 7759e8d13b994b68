"""Parse long articles in pieces, so that memory is bounded by the piece and not the article.

A piece ends at a paragraph break, else a line break, else the end of a sentence, else a space,
whichever comes last in the second half of the allowed length (a hard cut only when the text has
none of them, e.g. one endless token). Events found in a piece have their character offsets moved
back into the whole article, so evidence offsets are the same as if it had been parsed whole.

Runs of more than :data:`kg.ingest.checks.SYMBOL_RUN` brackets, quotes or other symbols with no
space are left out: the pieces end before such a run and start after it. spaCy's tokenizer takes
time in the square of such a run (10,000 parentheses took 9.4 s, twice as many four times that), so
this keeps parsing linear in the text, however hostile; no sentence holds such a run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from kg.ingest.checks import symbol_runs
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


def spans(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` the parser sees: at most ``size`` characters each, the
    runs of :func:`kg.ingest.checks.symbol_runs` left out; one empty piece for a text of nothing else."""
    found, start = [], 0
    for run_start, run_end in [*symbol_runs(text), (len(text), len(text))]:
        if run_start > start:
            starts = cut_points(text[start:run_start], size)
            found += [(start + a, start + b) for a, b in zip(starts, starts[1:] + [run_start - start])]
        start = run_end
    return found or [(0, 0)]


def pieces_of(articles: Iterable[Article], size: int) -> Iterator[tuple[str, Piece]]:
    """(text, piece) pairs for ``nlp.pipe(..., as_tuples=True)``: one per piece, articles in order."""
    for article in articles:
        parts = spans(article.text, size)
        for i, (start, end) in enumerate(parts):
            whole = start == 0 and end == len(article.text)
            part = article if whole else replace(article, text=article.text[start:end])
            yield part.text, Piece(article, part, start, i == len(parts) - 1)


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
