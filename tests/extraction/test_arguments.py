"""The argument finder on hand-built parses: fast, and stable across model versions."""
import spacy
from spacy.tokens import Doc

from kg.extraction.arguments import find_arguments
from kg.extraction.repair import repair
from kg.extraction.triggers import find_triggers


def parse(words, heads, deps, pos, lemmas, tags=None, ents=None):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags or [""] * len(words),
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


def test_object_control_gives_the_subject_of_the_complement(rules):
    # "The junta urged rebels to release hostages": the rebels release
    doc = parse(["The", "junta", "urged", "rebels", "to", "release", "hostages", "."],
                [1, 2, 2, 2, 5, 2, 5, 2],
                ["det", "nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "punct"],
                ["DET", "NOUN", "VERB", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
                ["the", "junta", "urge", "rebel", "to", "release", "hostage", "."],
                tags=["DT", "NN", "VBD", "NNS", "TO", "VB", "NNS", "."])
    release = next(t for t in find_triggers(doc[:], rules) if t.type == "Release")
    args = find_arguments(release, rules)
    assert [t.text for t in args.agents] == ["rebels"]
    assert [t.text for t in args.targets] == ["hostages"]


def test_a_verb_of_consent_takes_its_complements_target(rules):
    # "Rebels agreed to free the hostages"
    doc = parse(["Rebels", "agreed", "to", "free", "the", "hostages", "."], [1, 1, 3, 1, 5, 3, 1],
                ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "punct"],
                ["NOUN", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"],
                ["rebel", "agree", "to", "free", "the", "hostage", "."],
                tags=["NNS", "VBD", "TO", "VB", "DT", "NNS", "."])
    agree = next(t for t in find_triggers(doc[:], rules) if t.type == "Agree")
    args = find_arguments(agree, rules)
    assert [t.text for t in args.agents] == ["Rebels"]
    assert [t.text for t in args.targets] == ["hostages"]


def test_the_thing_moved_is_not_the_target(rules):
    # "Kenya deployed troops to Somalia"
    doc = parse(["Kenya", "deployed", "troops", "to", "Somalia", "."], [1, 1, 1, 1, 3, 1],
                ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                ["Kenya", "deploy", "troop", "to", "Somalia", "."],
                tags=["NNP", "VBD", "NNS", "IN", "NNP", "."], ents=["B-GPE", "O", "O", "O", "B-GPE", "O"])
    (trigger,) = find_triggers(doc[:], rules)
    args = find_arguments(trigger, rules)
    assert trigger.type == "Mobilize"
    assert [t.text for t in args.agents] == ["Kenya"]
    assert [t.text for t in args.targets] == ["Somalia"]


def test_neither_nor_gives_two_targets(rules):
    # "neither Dembele nor Sagara was arrested"
    doc = parse(["Neither", "Dembele", "nor", "Sagara", "was", "arrested", "."], [1, 5, 1, 1, 5, 5, 5],
                ["preconj", "nsubjpass", "cc", "conj", "auxpass", "ROOT", "punct"],
                ["CCONJ", "PROPN", "CCONJ", "PROPN", "AUX", "VERB", "PUNCT"],
                ["neither", "Dembele", "nor", "Sagara", "be", "arrest", "."],
                tags=["CC", "NNP", "CC", "NNP", "VBD", "VBN", "."], ents=["O", "B-PERSON", "O", "B-PERSON", "O", "O", "O"])
    args = find_arguments(find_triggers(doc[:], rules)[0], rules)
    assert [t.text for t in args.targets] == ["Dembele", "Sagara"]
    assert args.agents == []


def test_a_dateline_is_not_a_subject(rules):
    # "KABUL -- Police arrested protesters": the parser may hang the dateline on the verb
    doc = parse(["KABUL", "--", "Police", "arrested", "protesters", "."], [3, 0, 3, 3, 3, 3],
                ["nsubj", "punct", "nsubj", "ROOT", "dobj", "punct"],
                ["PROPN", "PUNCT", "NOUN", "VERB", "NOUN", "PUNCT"],
                ["KABUL", "--", "police", "arrest", "protester", "."],
                tags=["NNP", ":", "NNS", "VBD", "NNS", "."], ents=["B-GPE", "O", "O", "O", "O", "O"])
    args = find_arguments(find_triggers(doc[:], rules)[0], rules)
    assert [t.text for t in args.agents] == ["Police"]


def test_a_coordination_merged_into_one_phrase_is_two_parties(rules):
    # "Chad's government and Afar forces signed a truce", as the small parser gives it: one phrase
    # headed by "forces", with "government and Afar" its modifier
    doc = parse(["Chad", "'s", "government", "and", "Afar", "forces", "signed", "a", "truce", "."],
                [2, 0, 5, 2, 2, 6, 6, 8, 6, 6],
                ["poss", "case", "nmod", "cc", "conj", "nsubj", "ROOT", "det", "dobj", "punct"],
                ["PROPN", "PART", "NOUN", "CCONJ", "PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                ["Chad", "'s", "government", "and", "Afar", "force", "sign", "a", "truce", "."],
                tags=["NNP", "POS", "NN", "CC", "NNP", "NNS", "VBD", "DT", "NN", "."])
    repair(doc, rules)
    assert (doc[2].dep_, doc[2].head.i, doc[5].dep_, doc[5].head.i, doc[4].head.i) == ("nsubj", 6, "conj", 2, 5)
    (trigger,) = [t for t in find_triggers(doc[:], rules) if t.token.i == 6]
    args = find_arguments(trigger, rules)
    assert [t.text for t in args.agents] == ["government", "forces"]


def test_a_modifier_that_names_no_actor_is_not_split_off(rules):
    # "the Mali and Niger borders": names that only modify their head stay where they are
    doc = parse(["the", "Mali", "and", "Niger", "borders"], [4, 4, 1, 1, 4], ["det", "compound", "cc", "conj", "ROOT"],
                ["DET", "PROPN", "CCONJ", "PROPN", "NOUN"], ["the", "Mali", "and", "Niger", "border"])
    repair(doc, rules)
    assert [t.head.i for t in doc] == [4, 4, 1, 1, 4]


def test_a_name_broken_into_several_subjects_is_one(rules):
    # "Hezb-e-Islami threatened Kabul", as the small parser gives it: "Hezb", "-" and "Islami" each
    # a subject of the verb
    doc = parse(["Hezb", "-", "e", "-", "Islami", "threatened", "Kabul", "."],
                [5, 0, 0, 5, 5, 5, 5, 5],
                ["nsubj", "punct", "nummod", "nsubj", "nsubj", "ROOT", "dobj", "punct"],
                ["PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
                ["Hezb", "-", "e", "-", "Islami", "threaten", "Kabul", "."],
                tags=["NNP", "HYPH", "NNP", "NNP", "NNP", "VBD", "NNP", "."])
    repair(doc, rules)
    assert [(t.dep_, t.head.i) for t in doc[:5]] == [
        ("compound", 4), ("punct", 0), ("nummod", 0), ("compound", 4), ("nsubj", 5)]


def test_two_subjects_a_comma_apart_stay_two(rules):
    doc = parse(["Mali", ",", "Niger", "signed", "."], [3, 0, 3, 3, 3],
                ["nsubj", "punct", "nsubj", "ROOT", "punct"], ["PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
                ["Mali", ",", "Niger", "sign", "."], tags=["NNP", ",", "NNP", "VBD", "."])
    repair(doc, rules)
    assert [(t.dep_, t.head.i) for t in (doc[0], doc[2])] == [("nsubj", 3), ("nsubj", 3)]


def test_a_measure_of_time_before_a_name_is_not_part_of_it():
    from kg.extraction.mentions import noun_phrase

    # "Hours earlier Kiir expelled the envoy", with "earlier" parsed as a modifier of the name
    doc = parse(["Hours", "earlier", "Kiir", "expelled", "the", "envoy"], [1, 2, 3, 3, 5, 3],
                ["npadvmod", "amod", "nsubj", "ROOT", "det", "dobj"], ["NOUN", "ADJ", "PROPN", "VERB", "DET", "NOUN"],
                ["hour", "early", "Kiir", "expel", "the", "envoy"], tags=["NNS", "JJR", "NNP", "VBD", "DT", "NN"])
    assert noun_phrase(doc[2]) == (2, 3)


def test_a_person_s_name_merged_into_anothers_modifiers_is_the_first_party(rules):
    # "President Ali Musa and Somaliland leader Omar Abdi signed", as the small parser gives it:
    # "Musa" a modifier of "leader", itself a modifier of "Abdi", with "and Somaliland" on "Musa"
    words = ["President", "Ali", "Musa", "and", "Somaliland", "leader", "Omar", "Abdi", "signed"]
    doc = parse(words, [2, 2, 5, 2, 2, 7, 7, 8, 8],
                ["compound", "compound", "nmod", "cc", "conj", "compound", "compound", "nsubj", "ROOT"],
                ["PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "NOUN", "PROPN", "PROPN", "VERB"],
                [w if w != "signed" else "sign" for w in words],
                tags=["NNP", "NNP", "NNP", "CC", "NNP", "NN", "NNP", "NNP", "VBD"],
                ents=["O", "B-PERSON", "I-PERSON", "O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O"])
    repair(doc, rules)
    assert (doc[2].dep_, doc[2].head.i, doc[7].dep_, doc[7].head.i) == ("nsubj", 8, "conj", 2)


def test_a_preposition_coordinated_with_a_clause_is_a_second_phrase_of_the_first_one_s_word(rules):
    # "Rebels accused the army of halting talks so it could regroup and of shelling towns", with
    # the second "of" parsed as a conjunct of "regroup"
    words = ["Rebels", "accused", "the", "army", "of", "halting", "talks", "so", "it", "could", "regroup",
             "and", "of", "shelling", "towns"]
    doc = parse(words, [1, 1, 3, 1, 1, 4, 5, 10, 10, 10, 1, 10, 10, 12, 13],
                ["nsubj", "ROOT", "det", "dobj", "prep", "pcomp", "dobj", "mark", "nsubj", "aux", "advcl",
                 "cc", "conj", "pcomp", "dobj"],
                ["NOUN", "VERB", "DET", "NOUN", "ADP", "VERB", "NOUN", "SCONJ", "PRON", "AUX", "VERB",
                 "CCONJ", "ADP", "VERB", "NOUN"],
                ["rebel", "accuse", "the", "army", "of", "halt", "talk", "so", "it", "could", "regroup",
                 "and", "of", "shell", "town"],
                tags=["NNS", "VBD", "DT", "NN", "IN", "VBG", "NNS", "IN", "PRP", "MD", "VB", "CC", "IN", "VBG", "NNS"])
    repair(doc, rules)
    assert (doc[12].dep_, doc[12].head.i) == ("prep", 1)
    # a preposition joined to another preposition stays as it is
    doc = parse(["Troops", "moved", "in", "and", "out", "."], [1, 1, 1, 2, 2, 1],
                ["nsubj", "ROOT", "prep", "cc", "conj", "punct"], ["NOUN", "VERB", "ADP", "CCONJ", "ADP", "PUNCT"],
                ["troop", "move", "in", "and", "out", "."])
    repair(doc, rules)
    assert (doc[4].dep_, doc[4].head.i) == ("conj", 2)

