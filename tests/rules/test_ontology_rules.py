import pytest

from kg.errors import RulesError
from kg.rdf.scheme import actor_classes, event_types
from kg.rules.loader import RULES_DIR, Rules

PLOVER_ROOTS = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_event_types_map_to_plover_roots_and_cameo_codes():
    types = event_types()
    assert {"Arrest", "Coup", "CoupPlot", "Attack", "Protest", "Accuse", "Threaten", "Ban", "RequestAid",
            "ProvideAid", "Agree", "Consult", "Mobilize", "Withdraw", "Reject", "ExtendRule"} <= set(types)
    for t in types.values():
        assert t.plover in PLOVER_ROOTS
        assert t.cameo.isdigit()
    assert (types["Arrest"].cameo, types["Arrest"].acled_sub) == ("173", "Arrests")
    assert "MilitaryGovernment" in actor_classes()


def test_rules_load_and_index_triggers(rules):
    assert rules.verb_triggers["arrest"] == "Arrest"
    assert rules.noun_triggers["coup plot"] == "CoupPlot"
    assert rules.planned_form["Coup"] == "CoupPlot"
    assert rules.gazetteer.country("Mali").country == "MLI"
    assert rules.gazetteer.country_of_demonym("Malian") == "MLI"


def test_a_verb_under_several_types_keeps_them_in_the_file_order(tmp_path):
    rules = _rules_with(tmp_path, "triggers.toml", '[Arrest]\nverbs = ["capture"]\ntarget = ["person"]\n\n'
                        '[TerritoryTakeover]\nverbs = ["capture"]\ntarget = ["place", "issue"]\n\n[Attack]\nverbs = ["attack"]\n')
    assert rules.verb_senses["capture"] == ("Arrest", "TerritoryTakeover") and rules.verb_triggers["capture"] == "Arrest"
    assert rules.verb_senses["attack"] == ("Attack",)
    arrest, takeover, attack = (rules.participants[t] for t in ("Arrest", "TerritoryTakeover", "Attack"))
    assert (arrest.places, arrest.things) == (False, False)
    assert (takeover.places, takeover.things) == (True, True)
    assert (attack.places, attack.things) == (True, True)  # a sense that names no targets takes any


def test_rules_naming_an_unknown_event_type_are_refused(tmp_path):
    for path in RULES_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "triggers.toml").write_text('[Arestt]\nverbs = ["arrest"]\n', encoding="utf-8")
    with pytest.raises(RulesError, match="Arestt"):
        Rules.load(tmp_path)


def _rules_with(tmp_path, name: str, text: str):
    for path in RULES_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / name).write_text(text, encoding="utf-8")
    return Rules.load(tmp_path)


def test_tag_fixes_load_as_attribute_ruler_patterns(tmp_path):
    rules = _rules_with(tmp_path, "tags.toml", '[[fix]]\nwhen = { TAG = "VBZ", DEP = ["nsubj", "dobj"] }\n'
                                               'set = { TAG = "NNS", POS = "NOUN" }\n')
    assert rules.tag_fixes == [{"patterns": [[{"TAG": "VBZ", "DEP": {"IN": ["nsubj", "dobj"]}}]],
                                "attrs": {"TAG": "NNS", "POS": "NOUN"}, "index": 0}]


@pytest.mark.parametrize("text, message", [
    ('[[fix]]\nwhen = { SHAPE = "Xxx" }\nset = { TAG = "NN" }\n', "'SHAPE' is read by no code"),
    ('[[fix]]\nwhen = { TAG = "VBZ" }\nset = { LEMMA = "x" }\n', "'LEMMA' is read by no code"),
    ('[[fix]]\nwhen = { TAG = "VBZ" }\n', "needs a when and a set table"),
    ('[[fixes]]\nwhen = { TAG = "VBZ" }\nset = { TAG = "NN" }\n', "'fixes' is read by no code"),
    ('[[fix]]\nwhen = { TAG = "VBZ" }\nset = { TAG = 3 }\n', "must be a string"),
])
def test_tag_fixes_that_no_code_can_apply_are_refused(tmp_path, text, message):
    with pytest.raises(RulesError, match=message):
        _rules_with(tmp_path, "tags.toml", text)
