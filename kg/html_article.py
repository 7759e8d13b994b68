"""Read a saved HTML news page: its main text, title, date, site and URL, extracted with trafilatura.

Navigation, footers, comments and other boilerplate are left out. The date comes from the page's
metadata only (``article:published_time``, JSON-LD, ...), never guessed from its text or the file's
time, so that it can anchor relative dates the way a front-matter ``published`` does.
"""
from __future__ import annotations

from pathlib import Path

from kg.article import Article
from kg.errors import InputError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html_file(path: Path, *, published: str | None = None) -> Article:
    """One article from a saved HTML page; ``published`` is the fallback date."""
    from kg.read import decode_text

    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path=where) from None
    page = decode_text(data, path=where)
    return html_article(page, id=path.stem, path=where, published=published)


def html_article(page: str, *, id: str, path: str | None = None, published: str | None = None) -> Article:
    """An :class:`Article` from the HTML of a news page (raises :class:`InputError` when the page
    has no main text)."""
    import trafilatura

    from kg.read import normalise_published

    document = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                           date_extraction_params=DATE_PARAMS)
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise InputError("HTML page has no main text to read", path=path)
    date = None
    if document.date:
        try:
            date = normalise_published(document.date, where=path)
        except InputError:
            date = None  # a page's odd metadata date is no reason to refuse the article
    return Article(
        id=id,
        text=text + "\n",
        title=(document.title or "").strip() or None,
        published=date or published,
        source=(document.sitename or "").strip() or None,
        url=(document.url or "").strip() or None,
        path=path,
    )
