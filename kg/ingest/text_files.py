"""Read one .txt or .md article, with optional YAML front matter (title, published, source, url)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from kg.errors import InputError
from kg.ingest.decode import clean_text, decode_text, text_or_none
from kg.ingest.limits import Limits
from kg.ingest.published import published_date
from kg.records import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)



_KNOWN_FIELDS = ("title", "published", "source", "url")
MAX_FRONT_MATTER = 16_384  # characters: front matter is a few fields, never a document
_MAX_NESTING = 2  # the mapping of fields, and a list or mapping as one field's value (tags: [a, b])


class FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader that leaves dates as written: kg checks them itself and says what is
    wrong ("2025-02-30" is no date), where YAML would fail with an exception."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }



def check_front_matter(text: str, *, path: str | None = None) -> None:
    """Raise :class:`InputError` for front matter YAML would take more than linear time or memory
    to load: past :data:`MAX_FRONT_MATTER` characters, with anchors and aliases (nine nested
    aliases in 700 bytes expanded to 3.1 GB), tags, or fields nested past a list of values.

    Checked on YAML's tokens, which its scanner makes in one pass without building anything."""
    if len(text) > MAX_FRONT_MATTER:
        raise InputError(f"front matter is {len(text):,} characters long; kg reads at most {MAX_FRONT_MATTER:,} "
                         "(a few fields: title, published, source, url)", path=path, line=2)
    depth = 0
    for token in yaml.scan(text, Loader=FrontMatterLoader):
        line = token.start_mark.line + 2
        if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
            sign = "*" if isinstance(token, yaml.AliasToken) else "&"
            raise InputError(f"front matter uses a YAML {'alias' if sign == '*' else 'anchor'} ({sign}{token.value}): "
                             "kg reads plain fields only (title: ..., published: ...)", path=path, line=line)
        if isinstance(token, yaml.TagToken):
            raise InputError("front matter uses a YAML tag (!...): kg reads plain fields only", path=path, line=line)
        if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
                              yaml.FlowSequenceStartToken)):
            depth += 1
            if depth > _MAX_NESTING:
                raise InputError("front matter nests fields deeper than a list of values: kg reads plain fields "
                                 "(title: ..., tags: [a, b])", path=path, line=line)
        elif isinstance(token, (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
            depth -= 1


def split_front_matter(raw: str, *, path: str | None = None) -> tuple[dict, str]:
    """Split ``---`` YAML front matter from the body; returns (metadata, body)."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    try:
        check_front_matter(match.group(1), path=path)
        meta = yaml.load(match.group(1), Loader=FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InputError(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})", path=path, line=line) from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of fields", path=path, line=2)
    return meta, raw[match.end():]



def read_text_file(path: Path, *, published: str | None = None, limits: Limits = Limits(), id: str | None = None) -> Article:
    """Read one .txt/.md article; front matter fields override nothing but fill what is missing.
    Its id is the front matter's ``id``, else ``id``, else the file's name."""
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
        id=clean_text(str(meta.get("id") or id or path.stem)),
        text=body,
        title=text_or_none(meta.get("title")),
        published=published_date(meta.get("published"), where=where) or published,
        source=text_or_none(meta.get("source")),
        url=text_or_none(meta.get("url")),
        path=where,
        meta={k: v for k, v in meta.items() if k not in _KNOWN_FIELDS and k != "id"},
    )
