"""The lemma fixes give a verb the rules name its lemma on the inflections the lemmatizer gets
wrong, on verb tags only, and leave every other token as the lemmatizer made it."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.nlp.pipeline import LemmaFixes


def english_vocab():
    """An English vocabulary (its lexemes know their lowercase form), no pipeline."""
    return spacy.blank("en").vocab


def lemmas(fixes: LemmaFixes, words: list[str], tags: list[str], given: list[str]) -> list[str]:
    doc = Doc(fixes.vocab, words=words, tags=tags, lemmas=given)
    return [token.lemma_ for token in fixes(doc)]


def test_a_slipped_form_tagged_as_a_verb_gets_the_verbs_lemma():
    fixes = LemmaFixes(english_vocab()).use({"stage": {"staged", "stages"}})
    assert lemmas(fixes, ["Rebels", "staged", "a", "coup", "and", "Staged", "stages"],
                  ["NNS", "VBD", "DT", "NN", "CC", "VBN", "VBZ"],
                  ["rebel", "stag", "a", "coup", "and", "stag", "stag"]) == \
        ["rebel", "stage", "a", "coup", "and", "stage", "stage"]


def test_other_tags_and_other_words_keep_their_lemma():
    fixes = LemmaFixes(english_vocab()).use({"stage": {"staged"}})
    assert lemmas(fixes, ["the", "staged", "stages", "staging"], ["DT", "JJ", "NNS", "VBG"],
                  ["the", "stag", "stage", "staging"]) == ["the", "stag", "stage", "staging"]


@pytest.mark.parametrize("slips", [{}, {"stage": {"staged"}}])
def test_an_empty_doc_and_no_fixes_change_nothing(slips):
    fixes = LemmaFixes(english_vocab()).use(slips)
    assert lemmas(fixes, [], [], []) == []
    assert lemmas(LemmaFixes(english_vocab()), ["staged"], ["VBD"], ["stag"]) == ["stag"]


def test_a_form_two_verbs_share_gets_the_last_verb_in_alphabetical_order():
    fixes = LemmaFixes(english_vocab()).use({"bane": {"baned"}, "ban": {"baned"}})
    assert lemmas(fixes, ["baned"], ["VBD"], ["bane"]) == ["bane"]
    fixes = LemmaFixes(english_vocab()).use({"ban": {"baned"}, "bane": {"baned"}})
    assert lemmas(fixes, ["baned"], ["VBD"], ["ban"]) == ["bane"]


def test_the_lemmatizers_index_becomes_sets_of_the_same_lemmas():
    from types import SimpleNamespace

    from spacy.lookups import Lookups

    from kg.nlp.pipeline import _index_as_sets

    lookups = Lookups()
    lookups.add_table("lemma_index", {"verb": ["stage", "arrest"], "noun": ["coup"]})
    lookups.add_table("lemma_rules", {"verb": [["ed", "e"], ["ed", ""]]})
    _index_as_sets(SimpleNamespace(lookups=lookups))
    index = lookups.get_table("lemma_index")
    assert index["verb"] == frozenset({"stage", "arrest"}) and index["noun"] == frozenset({"coup"})
    assert lookups.get_table("lemma_rules")["verb"] == [["ed", "e"], ["ed", ""]]
    _index_as_sets(SimpleNamespace(lookups=Lookups()))  # a lemmatizer without an index is left alone
    _index_as_sets(SimpleNamespace())
