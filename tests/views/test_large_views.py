"""A view of a store with more claims than a page should draw: the busiest actors' claims, and the
page says what it left out."""
import html
import json
import re

import pytest

from kg.errors import InputError, NothingToShow, UsageError
from kg.network.claims import claims


def page_data(path) -> tuple[dict, str]:
    page = path.read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    subtitle = re.search(r'<p class="subtitle">(.*?)</p>', page, re.S).group(1)
    return json.loads(raw), html.unescape(subtitle)


def claim_edges(data: dict) -> list[dict]:
    return [e for e in data["edges"] if e.get("evidence")]


def test_a_view_past_its_limit_draws_the_busiest_actors_and_says_so(many, tmp_path):
    total = len(claims(many.store))
    data, subtitle = page_data(many.view(tmp_path / "v.html", max_claims=200))
    assert len(data["edges"]) <= 200
    assert subtitle.startswith("the 200 claims among the ") and f"of {total:,} claims" in subtitle
    assert "--actor" in subtitle
    whole, subtitle = page_data(many.view(tmp_path / "w.html", max_claims=total))
    assert subtitle == "" and len(whole["edges"]) > len(data["edges"])


def test_an_actors_view_of_a_large_store_centres_on_it(many, tmp_path):
    data, subtitle = page_data(many.view(tmp_path / "a.html", actor="actor 005", hops=1, max_claims=30))
    assert data["centre"].endswith("actor-005")
    assert subtitle.startswith("Actor 005 and actors within 1 step(s); the ")
    assert "fewer hops" in subtitle


def test_type_and_date_filters_hold_past_the_limit(many, tmp_path):
    data, subtitle = page_data(many.view(tmp_path / "t.html", types=["Attack"], since="2025", max_claims=50))
    assert {e["etype"] for e in data["edges"] if e["etype"]} <= {"Attack", "Ambush"}
    assert all(e["date"] >= "2025" for e in data["edges"] if e["date"])
    assert subtitle.startswith("event types: Attack; dated 2025 to …")


def test_bad_selections_of_a_large_store_say_why(many, tmp_path):
    with pytest.raises(InputError, match="did you mean Arrest"):
        many.view(tmp_path / "x.html", types=["Arest"], max_claims=10)
    with pytest.raises(InputError, match="no actor named"):
        many.view(tmp_path / "x.html", actor="nobody at all", max_claims=10)
    with pytest.raises(NothingToShow, match="none from 2031"):
        many.view(tmp_path / "x.html", since="2031", max_claims=10)
    with pytest.raises(UsageError, match="1 or more"):
        many.view(tmp_path / "x.html", max_claims=0)
