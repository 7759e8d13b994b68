"""Read articles from text/Markdown files (with optional YAML front matter), folders and JSONL.

Reading is lazy: :func:`read_articles` yields one :class:`~kg.article.Article` at a time so that
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

import datetime as dt
import json
import re
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import yaml

from kg.article import Article
from kg.errors import InputError
from kg.limits import Limits

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_KNOWN_FIELDS = ("title", "published", "source", "url")
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 8192
# The first bytes of file kinds people hand to a text tool by mistake.
MAGIC = (
    (b"%PDF-", "a PDF document", "extract its text first, e.g. with pdftotext"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel, OpenDocument or EPUB file)", "save it as plain text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document", "save it as plain text first"),
    (b"{\\rtf", "an RTF document", "save it as plain text first"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "decompress it first"),
    (b"\x7fELF", "a program", ""),
)


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
        raise InputError(f"published date {_shown(value)} is not YYYY, YYYY-MM or YYYY-MM-DD", path=where, line=line)
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise InputError(f"published date {_shown(value)} is not a real date ({exc})", path=where, line=line) from None
    return text


def check_not_future(published: str | None, *, today: dt.date | None = None, where: str | None = None,
                     line: int | None = None) -> str | None:
    """Refuse a publication date (``YYYY[-MM[-DD]]``) that starts after tomorrow: a date in the
    future anchors "on Monday" and "last May" to the wrong year. One day of slack covers time zones."""
    if published is None:
        return None
    parts = [int(p) for p in published.split("-")]
    start = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    today = today or dt.date.today()
    if start > today + dt.timedelta(days=1):
        raise InputError(f"published date {published!r} is in the future (today is {today.isoformat()})", path=where, line=line)
    return published


def published_date(value: object, *, where: str | None = None, line: int | None = None) -> str | None:
    """A document's publication date, normalised and checked not to lie in the future."""
    return check_not_future(normalise_published(value, where=where, line=line), where=where, line=line)


class FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader that leaves dates as written: kg checks them itself and says what is
    wrong ("2025-02-30" is no date), where YAML would fail with an exception."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def split_front_matter(raw: str, *, path: str | None = None) -> tuple[dict, str]:
    """Split ``---`` YAML front matter from the body; returns (metadata, body)."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    try:
        meta = yaml.load(match.group(1), Loader=FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InputError(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})", path=path, line=line) from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of fields", path=path, line=2)
    return meta, raw[match.end():]


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """What a file whose first bytes are ``head`` is, when it is not text: (kind, what to do)."""
    for magic, kind, advice in MAGIC:
        if head.startswith(magic):
            return kind, advice
    if not head.startswith(_UTF16_BOMS) and b"\x00" in head:
        return "a binary file", ""
    return None


def decode_text(data: bytes, *, path: str, line: int | None = None) -> str:
    """Decode bytes as UTF-8 (or BOM-marked UTF-16) text, refusing binary files and other encodings
    with a message naming the line of the first bad byte."""
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind:
        what, advice = kind
        raise InputError(f"is {what}, not text" + (f": {advice}" if advice else ""), path=path, line=line)
    if data.startswith(_UTF16_BOMS):
        try:
            return clean_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError("starts like UTF-16 text but does not decode as UTF-16; convert it to UTF-8 first",
                             path=path, line=line) from None
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        bad_line = data.count(b"\n", 0, exc.start) + (line or 1)
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02X} at column {exc.start - line_start + 1}; "
            "Latin-1 or Windows-1252?): convert it to UTF-8 first", path=path, line=bad_line) from None


def clean_text(text: str) -> str:
    """Control characters become spaces, unpaired surrogates and non-characters U+FFFD: one for
    one, so character offsets into the text stay true."""
    return _UNSAFE.sub(lambda m: " " if m.group() < "\x80" else "\ufffd", text)


def read_text_file(path: Path, *, published: str | None = None, limits: Limits = Limits()) -> Article:
    """Read one .txt/.md article; front matter fields override nothing but fill what is missing."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(f"is {size:,} bytes, too long for one article (limit {limits.max_chars:,} characters; "
                             "--max-chars raises it)", path=where)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=where) from None
    if not data:
        raise InputError("is empty: no article text to read", path=where)
    raw = decode_text(data, path=where)
    meta, body = split_front_matter(raw, path=where)
    if not body.strip():
        raise InputError("holds only whitespace: no article text to read" if body else "is empty: no article text to read",
                         path=where)
    if len(body) > limits.max_chars:
        raise InputError(f"is {len(body):,} characters long, over the limit of {limits.max_chars:,} for one article "
                         "(--max-chars raises it)", path=where)
    return Article(
        id=clean_text(str(meta.get("id") or path.stem)),
        text=body,
        title=_str_or_none(meta.get("title")),
        published=published_date(meta.get("published"), where=where) or published,
        source=_str_or_none(meta.get("source")),
        url=_str_or_none(meta.get("url")),
        path=where,
        meta={k: v for k, v in meta.items() if k not in _KNOWN_FIELDS and k != "id"},
    )


def jsonl_items(path: Path, *, published: str | None = None, limits: Limits = Limits()) -> Iterator[Article | InputError]:
    """One article or one :class:`InputError` per non-blank line of a JSONL file of
    ``{"id", "text", ...}`` objects: a bad line does not stop the lines after it."""
    where = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"cannot read file ({exc.strerror})", path=where)
        return
    any_line = False
    with handle:
        kind = binary_kind(handle.read(SNIFF_BYTES))
        if kind:
            what, advice = kind
            yield InputError(f"is {what}, not JSONL" + (f": {advice}" if advice else ""), path=where)
            return
        handle.seek(0)
        for number, data in enumerate(_lines(handle, limits.max_bytes), start=1):
            if data is None:
                any_line = True
                yield InputError(f"line is longer than {limits.max_bytes:,} bytes, too long for one article "
                                 f"(limit {limits.max_chars:,} characters; --max-chars raises it)", path=where, line=number)
                continue
            if not data.strip():
                continue
            any_line = True
            try:
                yield _jsonl_article(data, path, number, published, limits)
            except InputError as error:
                yield error
    if not any_line:
        yield InputError("is empty: no JSON lines to read", path=where)


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a binary file, each read with at most ``max_bytes`` in memory; None stands for a
    line longer than that, whose rest is skipped."""
    while True:
        data = handle.readline(max_bytes + 1)
        if not data:
            return
        if len(data) > max_bytes and not data.endswith(b"\n"):
            while data and not data.endswith(b"\n"):
                data = handle.readline(1 << 20)
            yield None
        else:
            yield data


def _jsonl_article(data: bytes, path: Path, number: int, published: str | None, limits: Limits) -> Article:
    where = str(path)
    line = decode_text(data, path=where, line=number).strip()
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", path=where, line=number) from None
    except RecursionError:
        raise InputError("not valid JSON (nested too deeply)", path=where, line=number) from None
    if not isinstance(obj, dict):
        raise InputError("each line must be a JSON object", path=where, line=number)
    text = obj.get("text")
    if isinstance(text, str):
        text = clean_text(text)
    if not isinstance(text, str) or not text.strip():
        missing = "text" not in obj or text is None
        raise InputError('no "text" field with article text' if missing else '"text" holds no article text',
                         path=where, line=number)
    if len(text) > limits.max_chars:
        raise InputError(f'"text" is {len(text):,} characters long, over the limit of {limits.max_chars:,} for one '
                         "article (--max-chars raises it)", path=where, line=number)
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        raise InputError(f'"id" must be a string or a number, not {type(raw_id).__name__}', path=where, line=number)
    return Article(
        id=clean_text(str(raw_id if raw_id not in (None, "") else f"{path.stem}-{number}")),
        text=text,
        title=_str_or_none(obj.get("title")),
        published=published_date(obj.get("published"), where=where, line=number) or published,
        source=_str_or_none(obj.get("source")),
        url=_str_or_none(obj.get("url")),
        path=where,
        line=number,
    )


def read_jsonl(path: Path, *, published: str | None = None, limits: Limits = Limits()) -> Iterator[Article]:
    """Yield one article per line of a JSONL file; the first bad line raises its :class:`InputError`."""
    for item in jsonl_items(path, published=published, limits=limits):
        if isinstance(item, InputError):
            raise item
        yield item


def input_paths(inputs: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand files, folders (recursively, sorted) and glob patterns (``news/**/*.html``, sorted)
    into the readable files they name, with an :class:`InputError` in place of each input that
    names none."""
    import glob

    from kg.html_article import HTML_SUFFIXES

    readable = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in readable)
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


def read_items(inputs: Iterable[str | Path] | str | Path, *, published: str | None = None,
               limits: Limits = Limits()) -> Iterator[Article | InputError]:
    """Every article in files, folders and JSONL files, in input order, with an
    :class:`InputError` in place of each bad file or line; an id met twice is an error the second
    time. ``published`` is the fallback publication date (a bad one raises at once)."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    published = published_date(published, where="--published")
    first_seen: dict[str, str] = {}
    for path in input_paths(inputs):
        if isinstance(path, InputError):
            yield path
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            items: Iterable[Article | InputError] = jsonl_items(path, published=published, limits=limits)
        else:
            try:
                items = [_read_one_file(path, published, limits)]
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


def _read_one_file(path: Path, published: str | None, limits: Limits) -> Article:
    from kg.html_article import HTML_SUFFIXES, read_html_file

    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html_file(path, published=published)  # main text, title and date by trafilatura
    return read_text_file(path, published=published, limits=limits)


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


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = clean_text(str(value)).strip()
    return text or None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…'"
