"""Read a saved HTML news page: its main text, title, date, site and URL, extracted with trafilatura.

Navigation, footers, comments and other boilerplate are left out. The date comes from the page's
metadata only (``article:published_time``, JSON-LD, ...), never guessed from its text or the file's
time, so that it can anchor relative dates the way a front-matter ``published`` does.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.ingest.decode import clean_text, decode_text
from kg.ingest.limits import Limits
from kg.ingest.published import published_date
from kg.records import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html_file(path: Path, *, published: str | None = None, limits: Limits = Limits(), id: str | None = None) -> Article:
    """One article from a saved HTML page; ``published`` is the fallback date. A page may hold
    four times as many bytes as an article may hold characters: markup is most of a page."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > 4 * limits.max_bytes:
            raise InputError(f"is {size:,} bytes, too big for one news page (--max-chars raises the limit)", path=where)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=where) from None
    if not data.strip():
        raise InputError("is empty: no page to read", path=where)
    page = decode_text(data, path=where)
    article = html_article(page, id=id or path.stem, path=where, published=published)
    if len(article.text) > limits.max_chars:
        raise InputError(f"holds {len(article.text):,} characters of text, over the limit of {limits.max_chars:,} for one "
                         "article (--max-chars raises it)", path=where)
    return article


def html_article(page: str, *, id: str, path: str | None = None, published: str | None = None) -> Article:
    """An :class:`Article` from the HTML of a news page (raises :class:`InputError` when the page
    has no main text)."""
    import trafilatura

    document = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                           date_extraction_params=DATE_PARAMS)
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise InputError("HTML page has no main text to read", path=path)
    date = None
    if document.date:
        try:
            date = published_date(document.date, where=path)
        except InputError:
            date = None  # a page's odd metadata date is no reason to refuse the article
    return Article(
        id=clean_text(id),
        text=clean_text(text) + "\n",
        title=(document.title or "").strip() or None,
        published=date or published,
        source=(document.sitename or "").strip() or None,
        url=(document.url or "").strip() or None,
        path=path,
    )
