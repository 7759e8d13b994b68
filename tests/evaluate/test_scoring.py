"""kg eval: gold readers, span matching and scores, on small hand-written gold files."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.evaluate.scoring import AcledDoc, PlvPair, SpanMatcher, read_acled, read_plv, score_acled, score_plv

MATCHER = SpanMatcher({"malian": "mali", "russian": "russia"})


def event(actor=None, target=None, plover="COERCE", acled=None):
    return {
        "actor": {"text": actor, "label": actor} if actor else None,
        "target": {"text": target, "label": target} if target else None,
        "action": {"plover": plover, "acled": acled},
    }


@pytest.mark.parametrize("predicted, gold, expected", [
    ("Malian soldiers", "Military Forces of Mali (2021-)", True),   # demonym and forces folded
    ("the junta", "the Malian junta", True),
    ("troops", "Russian army", True),
    ("soldiers arrested in the capital after the plot", "soldiers", False),  # a clause is not a span
    ("AFP", "Reuters", False),
    ("Goïta", "Asimi Goita", True),                                   # accents ignored
])
def test_span_matching_is_lenient_on_form_and_strict_on_extent(predicted, gold, expected):
    assert MATCHER.matches({"text": predicted, "label": None}, gold) is expected


def test_plv_scores_count_pairs_roots_and_swaps():
    pairs = [
        PlvPair("d1", "the police", "protesters", "COERCE"),
        PlvPair("d2", "Mali", "France", "SANCTION"),
        PlvPair("d3", "rebels", "the army", "ASSAULT"),
        PlvPair("d4", "Russia", "Mali", "AID"),
    ]
    predicted = {
        "d1": [event("police", "protesters", "COERCE")],
        "d2": [event("Malian government", "France", "REJECT")],
        "d3": [event("the army", "rebels", "ASSAULT")],
        "d4": [],
    }
    scores = score_plv(pairs, predicted, MATCHER).values
    assert scores["pair_recall"] == 0.5
    assert scores["root_acc_on_found"] == 0.5
    assert scores["strict_recall"] == 0.25
    assert scores["swapped"] == 0.25


def test_acled_scores_per_document():
    gold = [
        AcledDoc("a", [{"event_type": "Battles", "actor1": "Military Forces of Mali", "assoc_actor_1": "",
                        "actor2": "JNIM", "assoc_actor_2": ""}]),
        AcledDoc("b", [{"event_type": "Protests", "actor1": "Protesters (Mali)", "assoc_actor_1": "",
                        "actor2": "", "assoc_actor_2": ""}]),
    ]
    predicted = {
        "a": [event("Malian soldiers", "JNIM", "ASSAULT", "Battles")],
        "b": [event("students", None, "PROTEST", "Riots")],
    }
    scores = score_acled(gold, predicted, MATCHER).values
    assert scores["event_type_acc"] == 0.5
    assert scores["actor1_acc"] == 0.5
    assert scores["actor2_acc"] == 1.0
    assert scores["strict_triple_acc"] == 0.5


def test_readers_build_one_article_per_document(tmp_path):
    plv = tmp_path / "gold.tsv"
    plv.write_text(
        "sentence_id\tgold_root\tsentence\tsource\ttarget\n"
        "7\tCOERCE\tPolice arrested the mayor.\tPolice\tthe mayor\n"
        "7\tCOERCE\tPolice arrested the mayor.\tPolice\tmayor\n", encoding="utf-8")
    articles, pairs = read_plv(plv)
    assert [a.id for a in articles] == ["plv-7"] and len(pairs) == 2
    acled = tmp_path / "gold.jsonl"
    acled.write_text(json.dumps({"doc_id": "x1", "text": "Soldiers clashed with rebels.", "gold_events": []}) + "\n")
    articles, docs = read_acled(acled)
    assert articles[0].text == "Soldiers clashed with rebels." and docs[0].doc_id == "x1"


def test_a_file_that_is_not_gold_is_refused_with_its_name(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.tsv.*missing columns"):
        read_plv(bad)
    broken = tmp_path / "bad.jsonl"
    broken.write_text('{"doc_id": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        read_acled(broken)


@pytest.mark.model
def test_kg_eval_runs_the_extractor_on_gold_texts(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "sentence_id\tgold_root\tsentence\tsource\ttarget\n"
        "1\tCOERCE\tPolice arrested three opposition leaders in Bamako.\tPolice\tthree opposition leaders\n"
        "2\tASSAULT\tRebels attacked an army convoy near Gao.\tRebels\tan army convoy\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", str(gold), "--format", "plv", "--json", "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["pairs"] == 2 and scores["pair_recall"] == 1.0 and scores["root_acc_on_found"] == 1.0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["plv-1", "plv-2"]
