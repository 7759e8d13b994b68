"""What the extraction steps ask of one word more than once, worked out once while a Doc is read.

The argument finder, the mention builder and the coreference step ask the same pure questions of
the same words many times over an article ("can this noun name an actor?", "which modifier+head
suffixes does its phrase have?"). While the event finder reads a Doc, and only then, the Doc
carries a memo of the answers in its ``user_data``: :func:`reading` opens it once the parse is
final (after the repairs, which rewrite heads and labels) and drops it when the Doc is done, so
that nothing outlives the call and a Doc read again starts afresh. Outside it, :func:`remembered`
simply computes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from spacy.tokens import Doc, Token

KEY = "kg.extraction.memo"
T = TypeVar("T")


@contextmanager
def reading(doc: Doc) -> Iterator[None]:
    """Keep the answers about ``doc``'s words while the block runs (the parse must not change in it)."""
    doc.user_data[KEY] = {}
    try:
        yield
    finally:
        doc.user_data.pop(KEY, None)


def remembered_of_doc(name: str, doc: Doc, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)`` (a pure function of the parsed Doc), once while the Doc is being read."""
    memo = doc.user_data.get(KEY)
    if memo is None:
        return compute(doc)
    key = (name, -1)
    if key not in memo:
        memo[key] = compute(doc)
    return memo[key]


def remembered(name: str, token: Token, compute: Callable[[Token], T]) -> T:
    """``compute(token)`` (a pure function of the parsed word, known by ``name``), once per word
    while its Doc is being read, else computed each time."""
    memo = token.doc.user_data.get(KEY)
    if memo is None:
        return compute(token)
    key = (name, token.i)
    if key not in memo:
        memo[key] = compute(token)
    return memo[key]
