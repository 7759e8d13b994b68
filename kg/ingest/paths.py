"""Expand the inputs of a command (files, folders, glob patterns) into the files kg can read."""
from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.ingest.html import HTML_SUFFIXES
from kg.ingest.jsonl import JSONL_SUFFIXES
from kg.ingest.text_files import TEXT_SUFFIXES

READABLE_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES


def input_paths(inputs: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand files, folders (recursively, sorted) and glob patterns (``news/**/*.html``, sorted)
    into the readable files they name, with an :class:`InputError` in place of each input that
    names none."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
            if not found:
                yield InputError("folder holds no .txt, .md, .jsonl or .html files", path=str(path))
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError("is not a regular file", path=str(path))
        elif any(c in str(item) for c in ("*", "?", "[")):
            found = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            if not found:
                yield InputError("no file matches this pattern", path=str(item))
            yield from found
        else:
            yield InputError("no such file or folder", path=str(path))



def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files, folders and glob patterns into the readable files they name; raises at a bad one."""
    for item in input_paths(inputs):
        if isinstance(item, InputError):
            raise item
        yield item



def count_documents(inputs: Iterable[str | Path] | str | Path) -> int:
    """How many documents ``inputs`` hold (a JSONL file counts its non-blank lines), for a progress
    bar's ETA; raises at an input that names no file."""
    total = 0
    for path in iter_input_files([inputs] if isinstance(inputs, (str, Path)) else inputs):
        if path.suffix.lower() not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1  # the build reports why it cannot be read
    return total
