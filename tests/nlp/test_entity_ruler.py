"""The entity patterns the rules give: short and all-capital names match case-sensitively (one
pattern per label for the one-word ones), longer names in any case, on a blank English pipeline."""
from __future__ import annotations

import pytest
import spacy

from kg.rules.loader import Rules


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True}).add_patterns(
        Rules.load().entity_patterns)
    return nlp


@pytest.mark.parametrize("text, expected", [
    ("The UN sent envoys to Iraq and Chad.", [("UN", "ORG"), ("Iraq", "GPE"), ("Chad", "GPE")]),
    ("un envoy said it is in chad or iraq now", []),
    ("Iraqi and iraqi officers met in south sudan.", [("Iraqi", "NORP"), ("iraqi", "NORP"), ("south sudan", "GPE")]),
])
def test_names_match_by_case_only_when_short_or_all_capitals(ruler_nlp, text, expected):
    assert [(e.text, e.label_) for e in ruler_nlp(text).ents] == expected


def test_one_word_short_names_are_one_pattern_per_label():
    patterns = Rules.load().entity_patterns
    one_word = [p for p in patterns if isinstance(p["pattern"], list) and len(p["pattern"]) == 1]
    assert len({p["label"] for p in one_word}) == len(one_word)
    assert any("UN" in p["pattern"][0]["ORTH"]["IN"] for p in one_word if p["label"] == "ORG")
