"""Checks an article's text must pass before extraction: it is prose, not an HTML page, and it is
English. A failed check is an :class:`~kg.errors.InputError` naming the file (and line).

Telling English from other languages needs no model: kg's pipeline reads English, and given French
it still finds "events" (a capitalised word before a verb-looking one) that are nonsense. In running
English text four words in ten are English stop words ("the", "of", "was"); in French, Spanish or
German text the same share are *their* stop words and English ones are rare. Text in another script
(Arabic, Cyrillic, Chinese...) is told by its letters. The stop-word lists are spaCy's own, so
nothing is downloaded.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.errors import InputError
from kg.records import Article

_PAGE_OPENING = re.compile(r"<(!doctype\s+html|html[\s>])", re.I)



_TAG = re.compile(
    r"</?(html|head|body|div|span|p|a|br|hr|img|ul|ol|li|table|tr|td|th|meta|link|script|style|nav|header|footer|"
    r"section|article|aside|main|form|input|button|iframe|h[1-6]|strong|em|b|i)\b[^<>]{0,2000}>", re.I)



HTML_SAMPLE = 200_000

LANGUAGES = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "ro": "Romanian", "tr": "Turkish", "id": "Indonesian",
}



SAMPLE_CHARS = 20_000



MIN_WORDS = 12



_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: spaCy's tokenizer strips affixes off a chunk one at a time, each time on the rest of it: a run of
#: n brackets, quotes or other symbols with no space takes time in n² (10,000 "(" : 9.4 s; 8,000
#: '("' : 11 s). Runs up to SYMBOL_RUN cost little; longer ones are left out of what the parser
#: sees (:mod:`kg.nlp.pieces`), and an article holding one past MAX_SYMBOL_RUN is refused.
SYMBOL_RUN = 100
MAX_SYMBOL_RUN = 1_000
_SYMBOL_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (SYMBOL_RUN + 1))


def symbol_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of more than :data:`SYMBOL_RUN` characters that are neither
    letters, digits nor spaces, in linear time.

    >>> symbol_runs("a (" + "(" * 150 + " b ---- c")
    [(2, 153)]
    """
    return [m.span() for m in _SYMBOL_RUN.finditer(text)]


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


@dataclass(frozen=True)
class Guess:
    """The language (or script) a text looks written in, and how sure the test is."""

    language: str  # a language name, or a script name ("Arabic") when ``by_script``
    english: bool
    share: float  # share of the words that are stop words of ``language`` (or of letters in its script)
    words: int
    by_script: bool = False



def stop_words() -> dict[str, frozenset[str]]:
    """spaCy's stop-word lists of the languages kg tells apart (lowercase).

    Each ``stop_words.py`` is loaded on its own: importing it as ``spacy.lang.fr.stop_words`` would
    first run the language package, whose tokenizer exceptions take seconds to compile."""
    import importlib.util

    lists = {}
    for code in LANGUAGES:
        path = importlib.util.find_spec("spacy.lang").submodule_search_locations[0] + f"/{code}/stop_words.py"
        spec = importlib.util.spec_from_file_location(f"kg_stop_words_{code}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        lists[code] = frozenset(w.lower() for w in module.STOP_WORDS)
    return lists



_NOT_ASCII_LETTERS = re.compile(r"[^A-Za-z]+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def script_of(text: str) -> tuple[str, float]:
    """The script most letters of ``text`` are in (LATIN, ARABIC, CYRILLIC, CJK...) and its share.
    ASCII letters, Latin all, are counted at once; only the other letters are looked up by name."""
    counts: dict[str, int] = {}
    ascii_letters = len(_NOT_ASCII_LETTERS.sub("", text))
    if ascii_letters:
        counts["LATIN"] = ascii_letters
    for ch in _NOT_ASCII.findall(text):
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return "NONE", 0.0
    script = max(counts, key=counts.get)
    return script, counts[script] / sum(counts.values())



def guess_language(text: str, lists: dict[str, frozenset[str]] | None = None) -> Guess | None:
    """What language the start of ``text`` is in; None when it has too few words to tell."""
    sample = text[:SAMPLE_CHARS]
    script, share = script_of(sample)
    if script not in ("LATIN", "NONE") and share > 0.5:
        return Guess(script.title(), False, round(share, 2), len(sample.split()), by_script=True)
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    lists = lists or stop_words()
    shares = {code: sum(w in stops for w in words) / len(words) for code, stops in lists.items()}
    best = max(shares, key=shares.get)
    english = best == "en" or shares[best] < 0.2 or shares[best] < 2 * shares["en"]
    code = "en" if english else best
    return Guess(LANGUAGES[code], english, round(shares[code], 2), len(words))


class Screen:
    """The checks, with spaCy's stop-word lists loaded once for many articles."""

    def __init__(self) -> None:
        self.lists = stop_words()

    def check(self, article: Article) -> None:
        """Raise :class:`InputError` when the article is an HTML page, holds a run of symbols no
        prose has (see :data:`MAX_SYMBOL_RUN`), or is not in English."""
        where, line = article.path or article.id, article.line
        if looks_like_html(article.text):
            raise InputError("looks like an HTML page, not article text: give kg the article's text", path=where, line=line)
        longest = max(symbol_runs(article.text), key=lambda span: span[1] - span[0], default=None)
        if longest is not None and longest[1] - longest[0] > MAX_SYMBOL_RUN:
            start, end = longest
            raise InputError(f"holds a run of {end - start:,} brackets, quotes or other symbols with no letter, digit or "
                             f"space (at character {start:,}): not article text, and kg's parser would take time in "
                             f"the square of it; at most {MAX_SYMBOL_RUN:,} are read", path=where, line=line)
        guess = guess_language(article.text, self.lists)
        if guess is None or guess.english:
            return
        if guess.by_script:
            what = f"is written in {guess.language} script ({guess.share:.0%} of its letters)"
        else:
            what = f"looks like {guess.language} ({guess.share:.0%} of its words are common {guess.language} words)"
        raise InputError(f"{what}, not English: not extracted, kg's pipeline reads English", path=where, line=line)
