"""Checks an article's text must pass before extraction: it is prose, not an HTML page, and it is
English. A failed check is an :class:`~kg.errors.InputError` naming the file (and line)."""
from __future__ import annotations

import re

from kg.article import Article
from kg.errors import InputError
from kg.language import guess_language

_PAGE_OPENING = re.compile(r"<(!doctype\s+html|html[\s>])", re.I)
_TAG = re.compile(
    r"</?(html|head|body|div|span|p|a|br|hr|img|ul|ol|li|table|tr|td|th|meta|link|script|style|nav|header|footer|"
    r"section|article|aside|main|form|input|button|iframe|h[1-6]|strong|em|b|i)\b[^<>]{0,2000}>", re.I)
HTML_SAMPLE = 200_000


def looks_like_html(text: str) -> bool:
    """True for an HTML page (a doctype or ``<html>`` at the start, or prose drowned in tags), false
    for an article that merely quotes a tag or two."""
    if _PAGE_OPENING.match(_skip_prologue(text[:4096])):
        return True
    sample = text[:HTML_SAMPLE]
    tags = _TAG.findall(sample)
    if len(tags) < 20:
        return False
    markup = sum(m.end() - m.start() for m in _TAG.finditer(sample))
    return markup > 0.15 * len(sample) or re.search(r"<(head|body)[\s>]", sample, re.I) is not None


def _skip_prologue(head: str) -> str:
    """``head`` without the whitespace, XML declaration and comments a page may open with (a loop,
    not a regular expression: nested patterns over hostile text can take exponential time)."""
    while True:
        head = head.lstrip()
        if head.startswith("<?xml"):
            end = head.find("?>")
        elif head.startswith("<!--"):
            end = head.find("-->")
        else:
            return head
        if end < 0:
            return ""
        head = head[end + 3 if head.startswith("<!--") else end + 2:]


class Screen:
    """The checks, with spaCy's stop-word lists loaded once for many articles."""

    def __init__(self) -> None:
        from kg.language import stop_words

        self.lists = stop_words()

    def check(self, article: Article) -> None:
        """Raise :class:`InputError` when the article is an HTML page or not in English."""
        where, line = article.path or article.id, article.line
        if looks_like_html(article.text):
            raise InputError("looks like an HTML page, not article text: give kg the article's text", path=where, line=line)
        guess = guess_language(article.text, self.lists)
        if guess is None or guess.english:
            return
        if guess.by_script:
            what = f"is written in {guess.language} script ({guess.share:.0%} of its letters)"
        else:
            what = f"looks like {guess.language} ({guess.share:.0%} of its words are common {guess.language} words)"
        raise InputError(f"{what}, not English: not extracted, kg's pipeline reads English", path=where, line=line)
