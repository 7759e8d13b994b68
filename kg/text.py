"""Folding text for comparison: the one function that makes "Goïta", "GOITA" and "goita" equal.

Every comparison of names and words in kg (rules, gazetteer, name resolution, search, scoring)
folds through :func:`fold`, so that the same two strings are equal everywhere or nowhere.
"""
from __future__ import annotations

import difflib
import unicodedata
from functools import lru_cache
from typing import Iterable

# Typographic apostrophes and quotes written as the ASCII ones: "d’Ivoire" is "d'Ivoire".
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=1 << 16)  # a pure function of the text, called for every word the extractor looks up
def fold(text: str) -> str:
    """Lowercase, accents stripped, typographic apostrophes made ASCII, outer whitespace removed:
    ``fold(" Goïta ") == "goita"``. Letters without a decomposition ("ø", "ł") and other scripts
    are kept as they are.

    >>> fold("Côte d’Ivoire")
    "cote d'ivoire"
    """
    return _without_accents(text.translate(_TYPOGRAPHIC)).lower().strip()


def name_key(text: str) -> str:
    """:func:`fold` without apostrophes: the key under which place and person names are looked up,
    so that "El ’Ayoûn" and "El Ayoun" meet.

    >>> name_key("El ’Ayoûn") == name_key("El Ayoun")
    True
    """
    return fold(text).replace("'", "")


def ascii_fold(text: str) -> str:
    """Accents stripped and every other character outside ASCII dropped, lowercase: for identifiers
    such as IRI slugs, which must stay ``[a-z0-9-]`` whatever the text.

    >>> ascii_fold("Goïta’s")
    'goitas'
    """
    return _without_accents(text).encode("ascii", "ignore").decode("ascii").lower().strip()


def _without_accents(text: str) -> str:
    if text.isascii():  # nothing to decompose (most names: 35,000 of them as the gazetteer loads)
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to at most ``width`` characters with an ellipsis, for table cells.

    >>> shorten("Dozens of soldiers have been arrested in Mali", 20)
    'Dozens of soldiers…'
    >>> shorten("line one\\n  line two", 40)
    'line one line two'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:max(width - 1, 0)].rstrip() + "…"


def close_matches(value: str, choices: Iterable[str], n: int = 3, *, cutoff: float = 0.7) -> list[str]:
    """The ``choices`` nearest to ``value`` (compared folded, whole or word by word), best first,
    for "did you mean" hints; only those about as near as the nearest.

    >>> close_matches("Arest", ["Arrest", "Attack", "Request", "Protest"])
    ['Arrest']
    >>> close_matches("goita", ["Asimi Goïta", "Moussa Mara"])
    ['Asimi Goïta']
    """
    wanted = fold(value)
    scored: dict[str, float] = {}
    for choice in choices:
        key = fold(choice)
        score = max([difflib.SequenceMatcher(None, wanted, key).ratio()]
                    + [difflib.SequenceMatcher(None, wanted, word).ratio() for word in key.split()])
        if score >= cutoff and score > scored.get(choice, 0.0):
            scored[choice] = score
    if not scored:
        return []
    best = max(scored.values())
    return sorted((c for c, s in scored.items() if s >= best - 0.1), key=lambda c: (-scored[c], c))[:n]


def did_you_mean(value: str, choices: Iterable[str], *, cutoff: float = 0.7) -> str:
    """``"; did you mean X?"`` (or ``X or Y``) for the nearest of ``choices``, ``""`` when none is near.

    >>> did_you_mean("Arest", ["Arrest", "Attack"])
    '; did you mean Arrest?'
    """
    found = close_matches(value, choices, cutoff=cutoff)
    return f"; did you mean {' or '.join(found)}?" if found else ""
