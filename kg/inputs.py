"""What a corpus build reads: files, folders, glob patterns, JSONL and saved HTML pages, streamed.

:func:`read_inputs` yields one :class:`~kg.article.Article` at a time, in input order, so a build's
memory does not grow with the corpus; :func:`count_inputs` counts the documents ahead for a
progress bar without holding them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from kg.article import Article
from kg.errors import InputError
from kg.limits import Limits
from kg.read import JSONL_SUFFIXES


def expand_inputs(inputs: Iterable[str | Path] | str | Path) -> Iterator[Path]:
    """The files that ``inputs`` name: files as given, folders recursively (sorted), glob patterns
    (``data/**/*.html``, sorted) for paths that do not exist as written; raises at a bad input."""
    from kg.read import iter_input_files

    yield from iter_input_files([inputs] if isinstance(inputs, (str, Path)) else inputs)


def read_items(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None,
               limits: Limits = Limits()) -> Iterator[Article | InputError]:
    """Every article of ``inputs``, in input order, with an :class:`InputError` in place of each bad
    file or line (see :func:`kg.read.read_items`, which reads globs and HTML pages too)."""
    from kg.read import read_items as read

    yield from read(inputs, published=published, limits=limits)


def read_inputs(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None) -> Iterator[Article]:
    """Yield the articles of every input, in order; ``published`` dates documents without a date.
    The first bad input raises (a build uses :class:`kg.intake.Intake` to set bad ones aside)."""
    from kg.read import read_articles

    yield from read_articles(inputs, published=published)


def count_inputs(inputs: Iterable[str | Path] | str | Path) -> int:
    """How many documents ``inputs`` hold (JSONL files count their non-blank lines), for an ETA."""
    total = 0
    for path in expand_inputs(inputs):
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
