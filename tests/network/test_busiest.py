"""What a view of a large store draws: the claims the store picks, against every claim filtered in
Python."""
import pytest

from kg.network import busiest
from kg.network.claims import claims, claims_about, event_types
from kg.network.graphs import claim_matches

SELECTIONS = [{}, {"types": ["Attack"]}, {"types": ["COERCE"]}, {"types": ["attack", "Cooperate"]},
              {"since": "2024-05"}, {"until": "2024-05-02"}, {"since": "2024-05-03", "until": "2025-01"},
              {"types": ["Arrest"], "since": "2025"}]


@pytest.fixture(scope="module")
def every(many):
    return claims(many.store)


def test_claims_of_some_assertions_are_those_claims(many, every):
    some = [c["assertion"] for c in every[::7]]
    assert claims_about(many.store, some) == every[::7]
    assert claims_about(many.store, []) == []


def test_every_claim_has_its_parts(every):
    assert len(every) > 1000
    denied = [c for c in every if c["modality"] == "denied"]
    assert denied and all(c["sentence"] and c["article"].startswith("m") for c in every)
    placed = [c for c in every if c["place"] == "Bamako"]
    assert placed and all((c["lat"], c["lon"], c["place_country"]) == (12.65, -8.0, "MLI") for c in placed)
    assert any(c["agent"] is None for c in every) and any(c["target"] is None for c in every)
    assert every == sorted(every, key=lambda c: (c["article"], c["assertion"]))


@pytest.mark.parametrize("selection", SELECTIONS)
def test_the_store_selects_the_claims_python_would(many, every, selection):
    known = event_types(many.store)
    wanted = [c for c in every if claim_matches(c, **selection)]
    events = busiest.event_filter(known=known, **selection)
    assert busiest.claim_count(many.store, events) == len(wanted)
    picked, note = busiest.view_claims(many.store, known=known, limit=len(wanted), **selection)
    assert picked == wanted and note == ""


def test_past_the_limit_the_busiest_actors_claims_are_drawn(many, every):
    picked, note = busiest.view_claims(many.store, limit=100)
    assert len(picked) == 100
    assert note.startswith("the 100 claims among the ") and f"of {len(every):,} claims" in note
    named = [c[side]["id"] for c in every for side in ("agent", "target") if c[side]]
    ranked = busiest.busiest_actors(many.store)
    assert ranked[:5] == sorted(set(named), key=lambda a: (-named.count(a), a))[:5]
    drawn = {c[side]["id"] for c in picked for side in ("agent", "target") if c[side]}
    worst = max(ranked.index(a) for a in drawn)
    among = [c for c in every if all(c[s] is None or ranked.index(c[s]["id"]) < worst for s in ("agent", "target"))]
    assert {c["assertion"] for c in among} <= {c["assertion"] for c in picked}  # every claim of busier actors


def test_an_actors_reach_keeps_its_claims_and_the_centre(many, every):
    centre = every[0]["agent"]["id"] if every[0]["agent"] else every[0]["target"]["id"]
    reach = [centre] + sorted(busiest.neighbours(many.store, [centre]))
    inside = [c for c in every if all(c[s] is None or c[s]["id"] in reach for s in ("agent", "target"))]
    picked, note = busiest.view_claims(many.store, reach=reach, limit=len(inside))
    assert picked == inside and note == ""
    few, note = busiest.view_claims(many.store, reach=reach, limit=3)
    assert len(few) == 3 and any(centre in {(c[s] or {}).get("id") for s in ("agent", "target")} for c in few)
    assert "fewer hops (--hops)" in note
