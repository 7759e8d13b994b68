"""Read JSONL files of ``{"id", "text", "published"?, "title"?, "source"?, "url"?}`` lines: one
article (or one error) per line, a bad line never stopping the lines after it."""
from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO, Iterator

from kg.errors import InputError
from kg.ingest.decode import SNIFF_BYTES, binary_kind, clean_text, decode_text, text_or_none
from kg.ingest.limits import Limits
from kg.ingest.published import published_date
from kg.records import Article

JSONL_SUFFIXES = (".jsonl", ".ndjson")


def jsonl_items(path: Path, *, published: str | None = None, limits: Limits = Limits(),
                id: str | None = None) -> Iterator[Article | InputError]:
    """One article or one :class:`InputError` per non-blank line of a JSONL file of
    ``{"id", "text", ...}`` objects: a bad line does not stop the lines after it. A line without an
    id goes by ``ID-LINE`` (``id`` defaults to the file's name)."""
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
                yield _jsonl_article(data, path, number, published, limits, id or path.stem)
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



def _jsonl_article(data: bytes, path: Path, number: int, published: str | None, limits: Limits, file_id: str) -> Article:
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
        id=clean_text(str(raw_id if raw_id not in (None, "") else f"{file_id}-{number}")),
        text=text,
        title=text_or_none(obj.get("title")),
        published=published_date(obj.get("published"), where=where, line=number) or published,
        source=text_or_none(obj.get("source")),
        url=text_or_none(obj.get("url")),
        path=where,
        line=number,
    )
