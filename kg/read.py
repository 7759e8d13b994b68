"""Read articles from text/Markdown files (with optional YAML front matter), folders and JSONL.

Reading is lazy: :func:`read_articles` yields one :class:`~kg.article.Article` at a time so that
an archive of any size streams through in constant memory.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from kg.article import Article
from kg.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_KNOWN_FIELDS = ("title", "published", "source", "url")


def normalise_published(value: object, *, where: str | None = None, line: int | None = None) -> str | None:
    """Return ``value`` as an ISO date at its own precision (YYYY, YYYY-MM or YYYY-MM-DD).

    Accepts dates, datetimes and strings such as ``2025-08`` or ``2025-08-14T10:00:00Z``.
    Raises :class:`InputError` for anything else, naming ``where`` and ``line``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if "T" in text or " " in text:
        text = re.split(r"[T ]", text, maxsplit=1)[0]
    if not _DATE.match(text):
        raise InputError(f"published date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", path=where, line=line)
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not a real date ({exc})", path=where, line=line) from None
    return text


def split_front_matter(raw: str, *, path: str | None = None) -> tuple[dict, str]:
    """Split ``---`` YAML front matter from the body; returns (metadata, body)."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InputError(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})", path=path, line=line) from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of fields", path=path, line=2)
    return meta, raw[match.end():]


def decode_text(data: bytes, *, path: str) -> str:
    """Decode bytes as UTF-8 text, refusing binary files and other encodings with a clear message."""
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file, not text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not UTF-8 text (bad byte at offset {exc.start}); convert it to UTF-8 first", path=path) from None


def read_text_file(path: Path, *, published: str | None = None) -> Article:
    """Read one .txt/.md article; front matter fields override nothing but fill what is missing."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=where) from None
    raw = decode_text(data, path=where)
    meta, body = split_front_matter(raw, path=where)
    if not body.strip():
        raise InputError("is empty: no article text to read", path=where)
    return Article(
        id=str(meta.get("id") or path.stem),
        text=body,
        title=_str_or_none(meta.get("title")),
        published=normalise_published(meta.get("published"), where=where) or published,
        source=_str_or_none(meta.get("source")),
        url=_str_or_none(meta.get("url")),
        path=where,
        meta={k: v for k, v in meta.items() if k not in _KNOWN_FIELDS and k != "id"},
    )


def read_jsonl(path: Path, *, published: str | None = None) -> Iterator[Article]:
    """Yield one article per line of a JSONL file of ``{"id", "text", ...}`` objects."""
    where = str(path)
    seen: set[str] = set()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=where) from None
    any_line = False
    with handle:
        for number, data in enumerate(handle, start=1):
            line = decode_text(data, path=f"{where}:{number}").strip()
            if not line:
                continue
            any_line = True
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", path=where, line=number) from None
            if not isinstance(obj, dict):
                raise InputError("each line must be a JSON object", path=where, line=number)
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError('no "text" field with article text', path=where, line=number)
            doc_id = str(obj.get("id") or f"{path.stem}-{number}")
            if doc_id in seen:
                raise InputError(f"duplicate id {doc_id!r}", path=where, line=number)
            seen.add(doc_id)
            yield Article(
                id=doc_id,
                text=text,
                title=_str_or_none(obj.get("title")),
                published=normalise_published(obj.get("published"), where=where, line=number) or published,
                source=_str_or_none(obj.get("source")),
                url=_str_or_none(obj.get("url")),
                path=where,
            )
    if not any_line:
        raise InputError("is empty: no JSON lines to read", path=where)


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into the readable files they name."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES)
            if not found:
                raise InputError("folder holds no .txt, .md or .jsonl files", path=str(path))
            yield from found
        elif path.exists():
            yield path
        else:
            raise InputError("no such file or folder", path=str(path))


def read_articles(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None) -> Iterator[Article]:
    """Yield the articles in files, folders and JSONL files, in input order.

    ``published`` is the fallback publication date for documents that do not carry one.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    published = normalise_published(published, where="--published")
    for path in iter_input_files(inputs):
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(path, published=published)
        else:
            yield read_text_file(path, published=published)


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
