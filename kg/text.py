"""Folding text for comparison: the one function that makes "Goïta", "GOITA" and "goita" equal.

Every comparison of names and words in kg (rules, gazetteer, name resolution, search, scoring)
folds through :func:`fold`, so that the same two strings are equal everywhere or nowhere.
"""
from __future__ import annotations

import unicodedata

# Typographic apostrophes and quotes written as the ASCII ones: "d’Ivoire" is "d'Ivoire".
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


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
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
