"""Lemma candidates of a word, robust to the small English model's lemmatiser slips.

The pretrained pipeline sometimes gets a lemma wrong ("staged" -> "stag"); rules keyed by lemma
then miss. ``lemma_forms`` yields the model's lemma first, then regular de-inflections of the
word, so a rule matches when any of them is its key.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.text import fold


def lemma_forms(token: Token) -> tuple[str, ...]:
    """The folded lemma, then plausible base forms of the word itself (most likely first)."""
    lemma = fold(token.lemma_)
    word = fold(token.text)
    forms = [lemma]
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        stem = word[:-2]
        forms += [stem + "e", stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
        if stem.endswith("i"):
            forms.append(stem[:-1] + "y")
    elif token.tag_ == "VBG" and word.endswith("ing"):
        stem = word[:-3]
        forms += [stem + "e", stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    elif token.tag_ == "VBZ" and word.endswith("s"):
        forms += [word[:-1], word[:-2] if word.endswith("es") else word[:-1]]
    return tuple(dict.fromkeys(f for f in forms if f))


def first_in(token: Token, table) -> str | None:
    """The first lemma form of ``token`` that is a key of ``table`` (a dict or set), or None."""
    for form in lemma_forms(token):
        if form in table:
            return form
    return None
