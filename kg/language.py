"""Tell English text from other languages, without a model: by script and by stop words.

kg's pipeline reads English. Given French, it still finds "events" (a capitalised word before a
verb-looking one), and they are nonsense. A cheap test catches almost every such article: in
running English text four words in ten are English stop words ("the", "of", "was"); in French,
Spanish or German text the same share are *their* stop words and English ones are rare. Text in
another script (Arabic, Cyrillic, Chinese...) is told by its letters. The stop-word lists are
spaCy's own, so nothing is downloaded.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LANGUAGES = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "ro": "Romanian", "tr": "Turkish", "id": "Indonesian",
}
SAMPLE_CHARS = 20_000
MIN_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


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


def script_of(text: str) -> tuple[str, float]:
    """The script most letters of ``text`` are in (LATIN, ARABIC, CYRILLIC, CJK...) and its share."""
    counts: dict[str, int] = {}
    for ch in text:
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
