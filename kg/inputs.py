"""What a corpus build reads: files, folders, glob patterns, JSONL and saved HTML pages, streamed.

:func:`read_items` extends :func:`kg.read.read_items` with glob patterns and saved HTML news pages
(read by :mod:`kg.html_article`): one :class:`~kg.article.Article` or one
:class:`~kg.errors.InputError` at a time, in input order, so a build's memory does not grow with
the corpus. :func:`count_inputs` counts the documents ahead for a progress bar without holding them.
"""
from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Iterator

from kg.article import Article
from kg.errors import InputError
from kg.html_article import HTML_SUFFIXES, read_html_file
from kg.limits import Limits
from kg.read import JSONL_SUFFIXES, TEXT_SUFFIXES

READABLE = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
_GLOB_CHARS = ("*", "?", "[")


def input_paths(inputs: Iterable[str | Path] | str | Path) -> Iterator[Path | InputError]:
    """The files that ``inputs`` name: files as given, folders recursively (sorted), glob patterns
    (``news/**/*.html``, sorted) for paths that do not exist as written; an :class:`InputError` in
    place of each input that names none."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE)
            if not found:
                yield InputError("folder holds no .txt, .md, .jsonl or .html files", path=str(path))
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError("is not a regular file", path=str(path))
        elif any(c in str(item) for c in _GLOB_CHARS):
            found = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            if not found:
                yield InputError("no file matches this pattern", path=str(item))
            yield from found
        else:
            yield InputError("no such file or folder", path=str(path))


def read_items(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None,
               limits: Limits = Limits()) -> Iterator[Article | InputError]:
    """Every article of ``inputs``, in input order, with an :class:`InputError` in place of each bad
    file or line; an id met twice is an error the second time (as :func:`kg.read.read_items`)."""
    from kg.read import jsonl_items, published_date, read_text_file

    published = published_date(published, where="--published")
    first_seen: dict[str, str] = {}
    for path in input_paths(inputs):
        if isinstance(path, InputError):
            yield path
            continue
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            items: Iterable[Article | InputError] = jsonl_items(path, published=published, limits=limits)
        else:
            reader = read_html_file if suffix in HTML_SUFFIXES else read_text_file
            try:
                items = [reader(path, published=published, limits=limits)]
            except InputError as error:
                items = [error]
        for item in items:
            if isinstance(item, Article):
                if item.id in first_seen:
                    item = InputError(f"duplicate id {item.id!r}: {first_seen[item.id]} has it already",
                                      path=item.path, line=item.line)
                else:
                    first_seen[item.id] = item.where
            yield item


def read_inputs(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None,
                limits: Limits = Limits()) -> Iterator[Article]:
    """The articles of ``inputs`` in order; the first bad input raises its :class:`InputError`."""
    for item in read_items(inputs, published=published, limits=limits):
        if isinstance(item, InputError):
            raise item
        yield item


def count_inputs(inputs: Iterable[str | Path] | str | Path) -> int:
    """How many documents ``inputs`` hold (JSONL files count their non-blank lines), for an ETA."""
    total = 0
    for path in input_paths(inputs):
        if isinstance(path, InputError):
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total
