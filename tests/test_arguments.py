"""The argument finder on hand-built parses: fast, and stable across model versions."""
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extraction.arguments import find_arguments
from kg.extraction.triggers import find_triggers


def parse(words, heads, deps, pos, lemmas, tags=None, ents=None):
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags or [""] * len(words),
              sent_starts=[True] + [False] * (len(words) - 1), ents=ents)
    return doc


def test_active_voice_agent_and_object(rules):
    doc = parse(["Police", "arrested", "protesters", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
                ["NOUN", "VERB", "NOUN", "PUNCT"], ["police", "arrest", "protester", "."])
    (trigger,) = find_triggers(doc[:], rules)
    args = find_arguments(trigger, rules)
    assert trigger.type == "Arrest"
    assert [t.text for t in args.agents] == ["Police"]
    assert [t.text for t in args.targets] == ["protesters"]


def test_passive_with_by_agent(rules):
    doc = parse(["Soldiers", "were", "arrested", "by", "police", "."], [2, 2, 2, 2, 3, 2],
                ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
                ["NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"], ["soldier", "be", "arrest", "by", "police", "."],
                tags=["NNS", "VBD", "VBN", "IN", "NN", "."])
    args = find_arguments(find_triggers(doc[:], rules)[0], rules)
    assert [t.text for t in args.targets] == ["Soldiers"]
    assert [t.text for t in args.agents] == ["police"]


def test_by_phrase_that_is_an_amount_is_not_an_agent(rules):
    doc = parse(["Its", "rule", "was", "extended", "by", "five", "years", "."], [1, 3, 3, 3, 3, 6, 4, 3],
                ["poss", "nsubjpass", "auxpass", "ROOT", "agent", "nummod", "pobj", "punct"],
                ["PRON", "NOUN", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
                ["its", "rule", "be", "extend", "by", "five", "year", "."], tags=["PRP$", "NN", "VBD", "VBN", "IN", "CD", "NNS", "."])
    (trigger,) = find_triggers(doc[:], rules)
    args = find_arguments(trigger, rules)
    assert trigger.type == "ExtendRule"
    assert [t.text for t in args.agents] == ["Its"]
    assert args.targets == []


def test_coordinated_targets_are_each_a_target(rules):
    doc = parse(["Troops", "attacked", "Mara", "and", "Maiga", "."], [1, 1, 1, 2, 2, 1],
                ["nsubj", "ROOT", "dobj", "cc", "conj", "punct"],
                ["NOUN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"], ["troop", "attack", "Mara", "and", "Maiga", "."])
    args = find_arguments(find_triggers(doc[:], rules)[0], rules)
    assert [t.text for t in args.targets] == ["Mara", "Maiga"]


def test_nominal_event_with_possessor_agent_and_against_target(rules):
    doc = parse(["the", "junta", "'s", "actions", "against", "Mara"], [1, 3, 1, 3, 3, 4],
                ["det", "poss", "case", "ROOT", "prep", "pobj"],
                ["DET", "NOUN", "PART", "NOUN", "ADP", "PROPN"], ["the", "junta", "'s", "action", "against", "Mara"],
                ents=["O", "O", "O", "O", "O", "B-PERSON"])
    (trigger,) = find_triggers(doc[:], rules)
    args = find_arguments(trigger, rules)
    assert trigger.type == "Coercion"
    assert [t.text for t in args.agents] == ["junta"]
    assert [t.text for t in args.targets] == ["Mara"]
