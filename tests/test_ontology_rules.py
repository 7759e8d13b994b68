import pyoxigraph as ox
import pytest

from kg.errors import RulesError
from kg.ontology import ONTOLOGY_FILE, actor_classes, event_types
from kg.rules import RULES_DIR, Rules
from kg.vocab import KGO, ONTOLOGY_IRI

PLOVER_ROOTS = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_ontology_parses_and_every_kgo_term_is_defined_in_it():
    store = ox.Store()
    store.load(ONTOLOGY_FILE.read_bytes(), format=ox.RdfFormat.TURTLE)
    defined = {
        row["s"].value.removeprefix(ONTOLOGY_IRI + "#")
        for row in store.query("SELECT DISTINCT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
        if row["s"].value.startswith(ONTOLOGY_IRI + "#")
    }
    for name in KGO.__annotations__:
        assert name in defined, name
    with pytest.raises(AttributeError):
        KGO.Arest  # noqa: B018 - a typo must fail


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


def test_rules_naming_an_unknown_event_type_are_refused(tmp_path):
    for name in ("cues.toml", "actors.toml", "arguments.toml", "places.tsv", "demonyms.tsv"):
        (tmp_path / name).write_bytes((RULES_DIR / name).read_bytes())
    (tmp_path / "triggers.toml").write_text('[Arestt]\nverbs = ["arrest"]\n', encoding="utf-8")
    with pytest.raises(RulesError, match="Arestt"):
        Rules.load(tmp_path)
