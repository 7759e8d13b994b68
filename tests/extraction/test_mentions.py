"""Mention texts as event coders mark them: the whole noun phrase the text names an actor by.

Each row: a sentence, the side ("actor" or "target"), and the text that must be among that side's
texts in the sentence's events; a row's text may also be one that must not be among them.
"""
import pytest

import kg

pytestmark = pytest.mark.model

PRESENT = [
    # a pronoun whose antecedent the same sentence names is marked as that name
    ("The Kenyan army said it had killed four militants.", "actor", "The Kenyan army"),
    ("The Nigerian Air Force said it had bombed a rebel camp near the border.", "actor", "The Nigerian Air Force"),
]

ABSENT = [
    ("The Kenyan army said it had killed four militants.", "actor", "it"),
]


@pytest.fixture(scope="module")
def texts(extractor):
    cache: dict[str, list[dict]] = {}

    def run(sentence: str, side: str) -> set[str]:
        if sentence not in cache:
            cache[sentence] = kg.extract(sentence, published="2025-08-04", extractor=extractor)
        return {e[side]["text"] for e in cache[sentence] if e[side]}

    return run


@pytest.mark.parametrize("sentence, side, text", PRESENT, ids=[f"{c[2]}" for c in PRESENT])
def test_mention_text(texts, sentence, side, text):
    assert text in texts(sentence, side)


@pytest.mark.parametrize("sentence, side, text", ABSENT, ids=[f"not {c[2]}" for c in ABSENT])
def test_mention_text_leaves_out(texts, sentence, side, text):
    assert text not in texts(sentence, side)
