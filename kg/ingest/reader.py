"""Read articles from every kind of input kg takes, in input order: text and Markdown files (with
optional YAML front matter), JSONL files, saved HTML pages, folders and glob patterns of them.

Reading is lazy: :func:`read_articles` yields one :class:`~kg.records.Article` at a time so that
an archive of any size streams through in constant memory. :func:`read_items` yields the problems
too, one :class:`~kg.errors.InputError` per bad file or JSONL line, so that a caller can report
them and go on with the rest.

What is refused, each with its file (and line) named: missing, empty and whitespace-only files;
binary files (PDF, images, archives, anything with NUL bytes); text that is not UTF-8 (or UTF-16
with a byte-order mark); articles longer than :attr:`Limits.max_chars` (refused unread when the file
is too big to hold fewer); JSONL lines that are not JSON objects, have no ``text``, have an id that
is not a string or number, or repeat an id already read; ``published`` dates that are malformed or
in the future. Control characters and unpaired surrogates in accepted text become spaces and U+FFFD
(one character for one, so offsets hold): they are invalid in XML and RDF/XML exports.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.ingest.html import HTML_SUFFIXES, read_html_file
from kg.ingest.jsonl import JSONL_SUFFIXES, jsonl_items
from kg.ingest.limits import Limits
from kg.ingest.paths import InputFile, input_files
from kg.ingest.published import published_date
from kg.ingest.text_files import read_text_file
from kg.records import Article


def read_items(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None,
               limits: Limits = Limits()) -> Iterator[Article | InputError]:
    """Every article in files, folders and JSONL files, in input order, with an
    :class:`InputError` in place of each bad file or line and each document kg cannot read; an id
    met twice is an error the second time (files get ids from their paths, see :mod:`.paths`). ``published`` is the fallback publication date (a bad one raises at once)."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    published = published_date(published, where="--published")
    first_seen: dict[str, str] = {}
    for found in input_files(inputs):
        if not isinstance(found, InputFile):
            yield found
            continue
        path = found.path
        if path.suffix.lower() in JSONL_SUFFIXES:
            items: Iterable[Article | InputError] = jsonl_items(path, published=published, limits=limits, id=found.id)
        else:
            try:
                items = [_read_one_file(path, found.id, published, limits)]
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



def _read_one_file(path: Path, id: str, published: str | None, limits: Limits) -> Article:
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html_file(path, published=published, id=id)  # main text, title and date by trafilatura
    return read_text_file(path, published=published, limits=limits, id=id)



def read_articles(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None,
                  limits: Limits = Limits()) -> Iterator[Article]:
    """Yield the articles in files, folders and JSONL files, in input order; the first bad input
    raises its :class:`InputError`.

    ``published`` is the fallback publication date for documents that do not carry one.
    """
    for item in read_items(inputs, published=published, limits=limits):
        if isinstance(item, InputError):
            raise item
        yield item
