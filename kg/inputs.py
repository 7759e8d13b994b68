"""What a corpus build reads: files, folders, glob patterns, JSONL and saved HTML pages, streamed.

:func:`read_inputs` yields one :class:`~kg.article.Article` at a time, in input order, so a build's
memory does not grow with the corpus; :func:`count_inputs` counts the documents ahead for a
progress bar without holding them.
"""
from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Iterator

from kg.article import Article
from kg.errors import InputError
from kg.html_article import HTML_SUFFIXES, read_html_file
from kg.read import JSONL_SUFFIXES, TEXT_SUFFIXES

READABLE = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
_GLOB_CHARS = ("*", "?", "[")


def expand_inputs(inputs: Iterable[str | Path] | str | Path) -> Iterator[Path]:
    """The files that ``inputs`` name: files as given, folders recursively (sorted), glob patterns
    (``data/**/*.html``, sorted) for paths that do not exist as written."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE)
            if not found:
                raise InputError("folder holds no .txt, .md, .jsonl or .html files", path=str(path))
            yield from found
        elif path.exists():
            yield path
        elif any(c in str(item) for c in _GLOB_CHARS):
            found = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            if not found:
                raise InputError("no file matches this pattern", path=str(item))
            yield from found
        else:
            raise InputError("no such file or folder", path=str(path))


def read_inputs(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None) -> Iterator[Article]:
    """Yield the articles of every input, in order; ``published`` dates documents without a date."""
    from kg.read import normalise_published, read_jsonl, read_text_file

    published = normalise_published(published, where="--published")
    for path in expand_inputs(inputs):
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, published=published)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path, published=published)
        else:
            yield read_text_file(path, published=published)


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
