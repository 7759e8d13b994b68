"""The indexed attribute ruler sets what spaCy's AttributeRuler sets, from the same patterns: the
one-token equality patterns by look-up, the others by a matcher, later patterns over earlier ones."""
from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.nlp.attributes import IndexedAttributeRuler, _one_token_tests

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "was"}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^n[o']?t$"}}]], "attrs": {"POS": "PART"}},
    {"patterns": [[{"TAG": "NN", "DEP": "nsubj"}]], "attrs": {"MORPH": "Case=Nom|Number=Sing"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "coup"}], [{"TAG": "NNS", "LOWER": "coups"}]], "attrs": {"LEMMA": "putsch"}},
]

SENTENCES = [  # words, tags, dependencies
    (["The", "coup", "was", "staged", "not", "gonna", "stop"], ["DT", "NN", "VBD", "VBN", "RB", "VBG", "VB"],
     ["det", "nsubj", "aux", "ROOT", "neg", "aux", "xcomp"]),
    (["gon", "na", "  ", "coups", "failed", "coup"], ["VBG", "TO", "_SP", "NNS", "VBD", "NN"],
     ["aux", "aux", "dep", "nsubj", "ROOT", "dobj"]),
    ([], [], []),
]


def annotated(ruler, words, tags, deps) -> list[tuple]:
    doc = Doc(ruler.vocab, words=words, tags=tags, deps=deps, heads=list(range(len(words))) or None,
              lemmas=[word.lower() for word in words])
    doc = ruler(doc)
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.mark.parametrize("words, tags, deps", SENTENCES)
def test_the_same_attributes_as_spacys_ruler(words, tags, deps):
    nlp = spacy.blank("en")
    reference = AttributeRuler(nlp.vocab)
    reference.add_patterns(PATTERNS)
    indexed = IndexedAttributeRuler(nlp.vocab).use(reference.patterns)
    assert annotated(indexed, words, tags, deps) == annotated(reference, words, tags, deps)


def test_later_patterns_win_and_each_kind_of_pattern_applies():
    nlp = spacy.blank("en")
    indexed = IndexedAttributeRuler(nlp.vocab).use(PATTERNS)
    words, tags, deps = SENTENCES[0]
    result = annotated(indexed, words, tags, deps)
    assert result[1] == ("NOUN", "Case=Nom|Number=Sing", "putsch")  # tag, then tag+dependency, then an alternative
    assert result[2] == ("AUX", "Tense=Past", "be")  # the word-and-tag rule after the tag rule
    assert result[4][0] == "PART"  # a regular expression, by the matcher
    words, tags, deps = SENTENCES[1]
    result = annotated(indexed, words, tags, deps)
    assert result[1][2] == "to" and result[2][0] == "SPACE" and result[3][2] == "putsch"


@pytest.mark.parametrize("pattern, index, tests", [
    ([[{"TAG": "NN"}]], 0, [[("TAG", "IN", ["NN"])]]),
    ([[{"TAG": {"IN": ["VBZ", "VBD"]}, "LOWER": "has"}]], 0, [[("LOWER", "IN", ["has"]), ("TAG", "IN", ["VBD", "VBZ"])]]),
    ([[{"IS_SPACE": True}]], -1, [[("IS_SPACE", "IN", [True])]]),
    ([[{"TAG": "NN"}], [{"TAG": "NNS"}]], 0, [[("TAG", "IN", ["NN"])], [("TAG", "IN", ["NNS"])]]),
    ([[{"LOWER": {"REGEX": "^y'?$"}}]], 0, [[("LOWER", "REGEX", ["^y'?$"])]]),
    ([[{"DEP": {"NOT_IN": ["det", ""]}}]], 0, [[("DEP", "NOT_IN", ["", "det"])]]),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], 0, None),  # two tokens: the matcher's
    ([[{"POS": "NOUN"}]], 0, None),  # a symbol, not a string hash
    ([[{"TAG": "NN", "OP": "+"}]], 0, None),
    ([[{"LENGTH": {">=": 3}}]], 0, None),
    ([[{"TAG": "NN"}]], 1, None),  # an index past the match: the matcher's error
])
def test_which_patterns_are_looked_up_or_tested(pattern, index, tests):
    assert _one_token_tests(pattern, index) == tests


def test_tested_patterns_are_remembered_per_distinct_token():
    nlp = spacy.blank("en")
    indexed = IndexedAttributeRuler(nlp.vocab).use(PATTERNS)
    annotated(indexed, ["not", "not", "nt"], ["RB", "RB", "RB"], ["neg", "neg", "neg"])
    assert len(indexed.seen) == 2
    assert [indexed.patterns[rule]["attrs"] for rule in indexed.seen[next(iter(indexed.seen))]] == [{"POS": "PART"}]


@pytest.mark.model
def test_the_pipeline_uses_it_with_the_models_own_patterns(extractor):
    nlp = extractor.nlp
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler) and len(ruler.patterns) > 100
    assert ruler.tables and ruler.tested and ruler.matched  # most patterns looked up, some tested, a few matched
    reference = AttributeRuler(nlp.vocab)
    reference.add_patterns(ruler.patterns)
    text = ("The junta's spokesman said they weren't gonna free the two generals, and there's no deal. "
            "Let's see: y'all know the soldiers ain't leaving Bamako.\n\nOfficials denied it.")
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "kg_lemmas"]):
        doc = nlp(text)
    words, tags, deps, heads = ([t.text for t in doc], [t.tag_ for t in doc], [t.dep_ for t in doc],
                                [t.head.i for t in doc])
    results = []
    for component in (ruler, reference):
        fresh = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], tags=tags, deps=deps, heads=heads)
        results.append(component(fresh).to_array([POS, MORPH, LEMMA]).tolist())
    assert results[0] == results[1]
    assert any(row[0] != 0 for row in results[0])
