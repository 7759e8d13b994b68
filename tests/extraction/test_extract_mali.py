"""The whole extractor on the reference article, with the real English pipeline."""
import pytest

pytestmark = pytest.mark.model

CONTRACT_KEYS = {"actor", "action", "target", "quantity", "modality", "attributed_to", "time", "place",
                 "sentence", "start", "end", "confidence", "iri"}


def find(events, type_, **where):
    out = []
    for e in events:
        c = e.contract()
        if c["action"]["type"] != type_:
            continue
        if all((c[k] or {}).get("label") == v if k in ("actor", "target") else c[k] == v for k, v in where.items()):
            out.append(c)
    return out


def test_every_event_follows_the_contract(mali_events):
    article, events = mali_events
    assert events
    for event in events:
        c = event.contract()
        assert set(c) == CONTRACT_KEYS
        assert c["modality"] in {"asserted", "reported", "alleged", "denied", "planned", "hypothetical"}
        assert article.text[c["start"]:c["end"]] == c["sentence"]
        assert set(c["action"]) >= {"text", "lemma", "type", "plover", "cameo", "acled", "acled_sub"}


def test_arrests_of_dozens_of_soldiers(mali_events):
    _, events = mali_events
    arrests = find(events, "Arrest", target="Malian soldiers", modality="asserted")
    assert arrests
    assert any((a["quantity"] or "").lower() == "dozens" for a in arrests)
    assert arrests[0]["target"]["country"] == "MLI"
    assert arrests[0]["action"]["cameo"] == "173"


def test_goitas_two_coups(mali_events):
    _, events = mali_events
    coups = find(events, "Coup", actor="Asimi Goïta")
    assert sorted(c["time"]["value"] for c in coups) == ["2020", "2021"]
    assert all(c["actor"]["type"] == "Person" for c in coups)


def test_dembele_and_sagara_are_never_asserted_arrested(mali_events):
    _, events = mali_events
    for name in ("Abass Dembele", "Nema Sagara"):
        arrests = find(events, "Arrest", target=name)
        assert {a["modality"] for a in arrests} >= {"denied"}
        assert "asserted" not in {a["modality"] for a in arrests}


def test_alleged_coup_plot_attributed_to_afp(mali_events):
    _, events = mali_events
    plots = find(events, "CoupPlot", target="Malian military junta", attributed_to="AFP")
    assert plots and plots[0]["modality"] == "alleged"
    assert plots[0]["actor"]["label"] == "Malian soldiers"


def test_junta_disbanded_parties_in_may(mali_events):
    _, events = mali_events
    bans = find(events, "Ban", actor="Malian military junta")
    assert bans and bans[0]["time"]["value"] == "2025-05"


def test_a_crackdown_on_a_plot_is_not_an_arrest_of_the_plots_target(mali_events):
    _, events = mali_events
    arrested = {e.target.label for e in events if e.action.type == "Arrest" and e.target}
    assert "Malian military junta" not in arrested


def test_corruption_allegations_are_against_mara_and_maiga(mali_events):
    _, events = mali_events
    accused = {e.target.label for e in events if e.action.type == "Accuse" and e.target}
    assert {"Moussa Mara", "Choguel Maiga"} <= accused
    coerced = {e.target.label for e in events if e.action.type == "Coercion" and e.actor
               and e.actor.label == "Malian military junta"}
    assert {"Moussa Mara", "Choguel Maiga"} <= coerced


def test_rule_extended_to_2030(mali_events):
    _, events = mali_events
    extensions = find(events, "ExtendRule", actor="Malian military junta")
    assert extensions and extensions[0]["time"]["end"] == "2030"


def test_russian_help_french_rift_and_the_insurgency_in_the_north(mali_events):
    _, events = mali_events
    assert find(events, "RequestAid", actor="Malian government", target="Russia")
    assert find(events, "ReduceRelations", actor="Malian government", target="France")
    assert find(events, "Insurgency", actor="Malian insurgents", target="Mali")
    northern = find(events, "Insurgency", actor="Malian insurgents")
    assert any((e["place"] or {}).get("country") == "MLI" and "north" in e["place"]["text"] for e in northern)
