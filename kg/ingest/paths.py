"""Expand the inputs of a command (files, folders, glob patterns) into the files kg can read, and
give each file the article id it goes by.

A file's id is its path inside the folder (or below the fixed part of the glob pattern) it was
found in, without its suffix: ``news/`` holding ``a/index.html`` and ``b/index.html`` gives ``a/index``
and ``b/index``, so saved pages that share a file name are two articles; a file directly in the
folder, or named on its own, goes by its name (``report.md`` is ``report``). Files of one command
whose ids would still be the same get as much of their paths as tells them apart. Documents kg
cannot read (PDF, Word, OpenDocument, RTF, EPUB, spreadsheets, slides) are named as skipped, not
passed over; images, styles, scripts and hidden files that sit beside saved pages are not articles
and are left alone.
"""
from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.ingest.html import HTML_SUFFIXES
from kg.ingest.jsonl import JSONL_SUFFIXES
from kg.ingest.text_files import TEXT_SUFFIXES

READABLE_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES

#: Documents a folder of articles may hold that kg cannot read: what they are, what to do instead.
UNREADABLE_DOCUMENTS = {
    ".pdf": ("a PDF document", "extract its text first, e.g. with pdftotext"),
    ".doc": ("a Word document", "save it as plain text first"),
    ".docx": ("a Word document", "save it as plain text first"),
    ".odt": ("an OpenDocument text", "save it as plain text first"),
    ".rtf": ("an RTF document", "save it as plain text first"),
    ".epub": ("an EPUB book", "save its text as plain text first"),
    ".pages": ("a Pages document", "save it as plain text first"),
    ".xls": ("a spreadsheet", "kg reads articles, not tables"),
    ".xlsx": ("a spreadsheet", "kg reads articles, not tables"),
    ".ods": ("a spreadsheet", "kg reads articles, not tables"),
    ".ppt": ("a presentation", "save its text as plain text first"),
    ".pptx": ("a presentation", "save its text as plain text first"),
    ".odp": ("a presentation", "save its text as plain text first"),
}


@dataclass(frozen=True)
class InputFile:
    """A file to read and the id its article goes by (unless its front matter names one)."""

    path: Path
    id: str


def _skipped(path: Path) -> InputError:
    what, advice = UNREADABLE_DOCUMENTS[path.suffix.lower()]
    return InputError(f"skipped: {what}, which kg cannot read ({', '.join(READABLE_SUFFIXES[:2])}, .jsonl and .html files "
                      f"are articles); {advice}", path=str(path))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _found(files: Iterable[Path], root: Path) -> Iterator[tuple[Path, Path | None] | InputError]:
    """The files of a folder or pattern under ``root``: readable ones, and unreadable documents as errors."""
    for path in files:
        if _hidden(path, root):
            continue
        suffix = path.suffix.lower()
        if suffix in READABLE_SUFFIXES:
            yield path, root
        elif suffix in UNREADABLE_DOCUMENTS:
            yield _skipped(path)


def _glob_root(pattern: str) -> Path:
    """The fixed part of a glob pattern: the folders before the first one with a wildcard."""
    parts = Path(pattern).parts
    fixed = [p for p in parts[:next((i for i, p in enumerate(parts) if re.search(r"[*?\[]", p)), len(parts))]]
    return Path(*fixed) if fixed else Path(".")


def _expand(item: str | Path) -> Iterator[tuple[Path, Path | None] | InputError]:
    path = Path(item)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        readable = list(_found(files, path))
        if not readable:
            yield InputError("folder holds no .txt, .md, .jsonl or .html files", path=str(path))
        yield from readable
    elif path.is_file():
        yield path, None
    elif path.exists():
        yield InputError("is not a regular file", path=str(path))
    elif any(c in str(item) for c in ("*", "?", "[")):
        files = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
        if not files:
            yield InputError("no file matches this pattern", path=str(item))
        yield from _found(files, _glob_root(str(item)))
    else:
        yield InputError("no such file or folder", path=str(path))


def _own_id(path: Path, root: Path | None) -> str:
    if root is None:
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def _apart(paths: list[Path]) -> list[str]:
    """The shortest ends of ``paths`` (suffix dropped) that tell them apart."""
    parts = [p.with_suffix("").parts for p in paths]
    for keep in range(1, max(len(p) for p in parts) + 1):
        ends = ["/".join(p[-keep:]) for p in parts]
        if len(set(ends)) == len(ends):
            return ends
    return ["/".join(p) for p in parts]


def input_files(inputs: Iterable[str | Path]) -> list[InputFile | InputError]:
    """Files, folders (recursively, sorted) and glob patterns (``news/**/*.html``, sorted) expanded
    into the readable files they name with their ids, in input order, and an :class:`InputError` in
    place of each input that names none and of each document kg cannot read."""
    found = [x for item in inputs for x in _expand(item)]
    ids = {i: _own_id(*x) for i, x in enumerate(found) if isinstance(x, tuple)}
    by_id: dict[str, list[int]] = {}
    for i, own in ids.items():
        by_id.setdefault(own, []).append(i)
    for same in by_id.values():
        distinct = list(dict.fromkeys(found[i][0] for i in same))
        if len(distinct) > 1:
            ends = dict(zip(distinct, _apart(distinct)))
            for i in same:
                ids[i] = ends[found[i][0]]
    return [InputFile(x[0], ids[i]) if isinstance(x, tuple) else x for i, x in enumerate(found)]


def input_paths(inputs: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The readable files ``inputs`` name, with an :class:`InputError` in place of each bad input."""
    for item in input_files(inputs):
        yield item.path if isinstance(item, InputFile) else item


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files, folders and glob patterns into the readable files they name; raises at a bad one."""
    for item in input_paths(inputs):
        if isinstance(item, InputError):
            raise item
        yield item


def count_documents(inputs: Iterable[str | Path] | str | Path) -> int:
    """How many documents ``inputs`` hold (a JSONL file counts its non-blank lines), for a progress
    bar's ETA; unreadable documents and bad inputs count as one each."""
    total = 0
    for path in input_paths([inputs] if isinstance(inputs, (str, Path)) else inputs):
        if isinstance(path, InputError) or path.suffix.lower() not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1  # the build reports why it cannot be read
    return total
