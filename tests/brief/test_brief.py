"""kg brief: the Monday report of what is new, read from two weeks of hand-coded Sahel news."""
from __future__ import annotations

import json
import re

import pytest
from support.browser import INJECTED
from support.events import actor, event, place, store_stories, story
from typer.testing import CliRunner

from kg.api import KnowledgeGraph
from kg.brief.markdown import brief_markdown
from kg.brief.period import Period, choose_period
from kg.brief.sections import make_brief
from kg.cli import app
from kg.errors import InputError, NothingToShow
from kg.views.brief import render_brief

WEEK = Period("2025-08-04", "2025-08-10")
runner = CliRunner()


@pytest.fixture(scope="module")
def brief(sahel):
    return make_brief(sahel.claims(), WEEK, names={"MLI": "Mali", "BFA": "Burkina Faso", "NER": "Niger", "RUS": "Russia"})


def new_events(brief) -> list[tuple[str, str, str]]:
    return [(c["country"], g["type"], f"{e['agent']} → {e['target']}") for c in brief["events"] for g in c["types"] for e in g["events"]]


def test_the_period_defaults_to_the_last_seven_days_of_published_articles():
    assert choose_period(["2025-08-01", "2025-08-08", None, ""]) == (Period("2025-08-02", "2025-08-08"), True)
    assert choose_period(["2025-08-01", "2025-08-08"], since="2025-08-04") == (Period("2025-08-04", "2025-08-08"), False)
    assert choose_period(["2025-08"], until="2025-08-10")[0] == Period("2025-08-04", "2025-08-10")  # a month overlaps the week
    assert WEEK.previous() == Period("2025-07-28", "2025-08-03") and WEEK.days == 7
    with pytest.raises(InputError, match="--since 'May' is not a date"):
        choose_period(["2025-08-01"], since="May")
    with pytest.raises(InputError, match="--since 2025-09 is after --until 2025-08"):
        choose_period(["2025-08-01"], since="2025-09", until="2025-08")
    with pytest.raises(NothingToShow, match="no article was published from 2025-09-01 to 2025-09-30; the store's articles "
                                            "were published from 2025-07-29 to 2025-08-08"):
        choose_period(["2025-07-29", "2025-08-08"], since="2025-09", until="2025-09")
    with pytest.raises(NothingToShow, match="no article in the store has a publication date"):
        choose_period([None, ""])


def test_new_events_are_ranked_by_sources_then_severity_and_grouped_by_country_and_type(brief):
    assert brief["counts"] == {"articles": 5, "claims": 10, "reported": 8, "new": 7, "shown": 7, "undatedArticles": 1,
                               "previousArticles": 2}
    assert new_events(brief) == [
        ("MLI", "Arrest", "Malian soldiers → Moussa Mara"),  # two independent sources
        ("MLI", "Ban", "Malian military junta → Malian political parties"),
        ("BFA", "Killing", "Burkinabe army → Djibo villagers"),
        ("BFA", "Attack", "JNIM → Burkinabe army"),
        ("BFA", "Threaten", "JNIM → ECOWAS"),  # no place, no actor country: the article's country
        ("NER", "Protest", "Niamey protesters → Nigerien military junta"),
        ("NER", "Sanction", "ECOWAS → Nigerien military junta"),  # planned: nobody says it happened yet
    ]
    arrest = brief["events"][0]["types"][0]["events"][0]
    assert arrest["sources"] == ["Sahel Wire", "his party"] and arrest["deniedBy"] == ["Malian military junta"]
    assert [(c["source"], c["via"], c["modality"], c["published"]) for c in arrest["claims"]] == [
        ("Sahel Wire", "", "asserted", "2025-08-04"), ("his party", "AFP", "asserted", "2025-08-05"),
        ("Malian military junta", "Bamako Daily", "denied", "2025-08-06")]
    assert arrest["claims"][0]["url"] == "https://example.org/sahel/mara-1" and arrest["place"] == "Bamako"
    assert ("MLI", "Attack", "JNIM → Malian soldiers") not in new_events(brief)  # reported again, but known last week


def test_a_shorter_list_keeps_the_most_important(sahel):
    short = make_brief(sahel.claims(), WEEK, top=2)
    assert new_events(short) == [("MLI", "Arrest", "Malian soldiers → Moussa Mara"), ("BFA", "Killing", "Burkinabe army → Djibo villagers")]
    assert short["counts"]["shown"] == 2 and short["counts"]["new"] == 7


def test_new_actors_and_the_actors_whose_activity_changed(brief):
    assert [a["label"] for a in brief["actors"]["new"]] == [
        "Burkinabe army", "Djibo villagers", "ECOWAS", "Malian political parties", "Moussa Mara", "Niamey protesters",
        "Nigerien military junta"]
    changed = {a["label"]: (a["before"], a["now"]) for a in brief["actors"]["changed"]}
    assert changed == {"JNIM": (2, 3), "Russia": (1, 0)}  # the junta: one event each week, unchanged
    russia = next(a for a in brief["actors"]["changed"] if a["label"] == "Russia")
    assert russia["event"]["claims"][0]["sentence"] == "The junta met Russian officials on 31 July 2025."  # what it did before


def test_contested_claims_side_by_side_and_unanswered_allegations(brief):
    [contested] = brief["contested"]
    assert (contested["agent"], contested["target"], contested["sources"], contested["deniedBy"]) == (
        "Malian soldiers", "Moussa Mara", ["Sahel Wire", "his party"], ["Malian military junta"])
    assert [(u["event"]["type"], u["claim"]["modality"], u["claim"]["source"]) for u in brief["unanswered"]] == [
        ("Killing", "alleged", "Human Rights Watch")]
    assert [e["type"] for e in brief["corroborated"]] == ["Arrest"]


def test_a_country_keeps_its_events_only(sahel):
    mali = make_brief(sahel.claims(), WEEK, countries=["MLI"])
    assert {c["country"] for c in mali["events"]} == {"MLI"}
    assert [a["label"] for a in mali["actors"]["new"]] == ["Malian political parties", "Moussa Mara"]
    assert mali["unanswered"] == [] and len(mali["contested"]) == 1


def test_markdown_has_headings_bullets_and_the_evidence_as_quotes(brief):
    md = brief_markdown(brief)
    assert md.startswith("# kg brief: 2025-08-04 to 2025-08-10\n")
    for heading in ("## Most important new events", "### Mali", "#### Arrest or detention", "## Actors", "### New in this period",
                    "## Contested and unconfirmed", "## Corroborated events", "## Timeline", "## Where"):
        assert f"\n{heading}\n" in md, heading
    assert ("- **Malian soldiers → arrest or detention → Moussa Mara** · Bamako · 2025-08-03 · 2 source(s): Sahel Wire; his party "
            "· asserted, denied\n  > Malian soldiers arrested Moussa Mara in Bamako on 3 August 2025.\n  > — Sahel Wire · asserted · "
            "[Report mara-1](https://example.org/sahel/mara-1) · published 2025-08-04\n") in md
    assert "  - denies it: Malian military junta\n    > The junta denied that soldiers had arrested Moussa Mara.\n" in md
    assert "- **JNIM** (armed group): 2 → 3 event(s) (+1)" in md
    assert "- Djibo (Burkina Faso): 2 event(s), 2 new" in md
    assert "1 article(s) without a publication date are left out." in md


def test_markdown_keeps_article_text_as_text():
    hostile = "<img src=x onerror=alert(1)> *x* [y](javascript:z)\n# not a heading"
    graph = KnowledgeGraph(":memory:")
    store_stories(graph.store, [story("h", "2025-08-04", [event("Attack", actor(hostile, "ArmedGroup"), actor("soldiers", "MilitaryForce", "MLI"),
                                                               sentence=hostile, date="2025-08-04")], url="javascript:alert(1)")])
    md = brief_markdown(make_brief(graph.claims(), WEEK))
    assert not re.search(r"(?<!\\)[<\[]", md.split("\n", 1)[1]) and "](javascript" not in md and "\n# not a heading" not in md
    assert r"\<img src=x onerror=alert\(1\)\> \*x\* \[y\]\(javascript:z\) \# not a heading" in md


@pytest.mark.browser
def test_the_html_brief_shows_every_section_with_its_evidence(brief, tmp_path, open_page):
    path = tmp_path / "brief.html"
    path.write_text(render_brief(brief), encoding="utf-8")
    page = open_page(path, "brief")
    text = page.js("document.body.innerText")
    assert "5 article(s) published from 2025-08-04 to 2025-08-10 · 7 new event(s), 8 reported · compared with 2025-07-28 to 2025-08-03" in text
    events = page.js("document.getElementById('events').innerText")
    assert events.index("Mali") < events.index("Burkina Faso") < events.index("Niger")
    assert "Malian soldiers → arrest or detention → Moussa Mara" in events and "2 source(s): Sahel Wire; his party" in events
    assert "— his party, via AFP · asserted · Report mara-2 (mara-2) · published 2025-08-05" in events
    assert page.js("document.querySelector('#events a').href") == "https://example.org/sahel/mara-1"
    sides = page.js("[...document.querySelectorAll('#contested .sides > div')].map(d => d.innerText)")
    assert sides[0].startswith("SAYS IT HAPPENED: SAHEL WIRE; HIS PARTY") and "Malian soldiers arrested Moussa Mara" in sides[0]
    assert sides[1].startswith("DENIES IT: MALIAN MILITARY JUNTA") and "The junta denied that soldiers had arrested" in sides[1]
    assert "JNIM (armed group) 2 → 3 event(s) (+1)" in page.js("document.getElementById('actors').innerText")
    assert page.js("kgBrief.markers()") == 4  # Bamako, Gao (reported again), Djibo, Niamey
    assert page.js("document.querySelectorAll('#brief-timeline .tl-bar').length") == 6
    page.page.locator("#brief-map .kg-marker[data-marker^='at:14.102']").click()
    assert "JNIM attacked a Burkinabe army base in Djibo" in page.js("document.getElementById('map-events').innerText")
    page.check_clean()


@pytest.mark.browser
def test_markup_in_articles_runs_nothing_in_the_brief(tmp_path, open_page):
    hostile = '<img src=x onerror="window.__pwned=1">Rebels</script><script>window.__pwned=1</script>'
    graph = KnowledgeGraph(":memory:")
    store_stories(graph.store, [story("h", "2025-08-05", [
        event("Attack", actor(hostile, "ArmedGroup"), actor("soldiers", "MilitaryForce", "MLI"), date="2025-08-04",
              place=place("<b onmouseover=window.__pwned=1>Gao</b>", "MLI", 16.27, -0.04),
              sentence='Rebels <a href="javascript:window.__pwned=1">attacked</a>.', source="<script>window.__pwned=1</script>"),
        event("Attack", actor(hostile, "ArmedGroup"), actor("soldiers", "MilitaryForce", "MLI"), date="2025-08-04", modality="denied",
              place=place("<b onmouseover=window.__pwned=1>Gao</b>", "MLI", 16.27, -0.04), sentence="They deny it <script>x</script>."),
    ], source="<i>wire</i>", url="javascript:window.__pwned=1", title="<script>window.__pwned=1</script>")])
    page = open_page(graph.brief(tmp_path / "hostile.html", since="2025-08-04", until="2025-08-10"), "brief")
    assert hostile in page.js("document.body.textContent") and "<script>window.__pwned=1</script>" in page.js("document.body.textContent")
    page.page.locator("#brief-map .kg-marker").click()
    assert page.js("document.querySelectorAll('#brief img, #brief script, #brief b, #brief i').length") == 0
    assert page.js("[...document.querySelectorAll('#brief a')].filter(a => !/^https?:/.test(a.href)).length") == 0
    assert page.js(INJECTED) == 0
    page.check_clean()


def test_kg_brief_writes_markdown_and_html_and_refuses_what_can_match_nothing(sahel_path, tmp_path):
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", "--since", "2025-08-04", "--until", "2025-08-10", "--store", sahel_path, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# kg brief: 2025-08-04 to 2025-08-10")
    result = runner.invoke(app, ["brief", "--country", "mli", "--country", "Niger", "--store", sahel_path, "-o", str(tmp_path / "b.html")])
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', (tmp_path / "b.html").read_text(encoding="utf-8"), re.S).group(1))
    assert [c["code"] for c in data["countries"]] == ["MLI", "NER"] and {c["country"] for c in data["events"]} <= {"MLI", "NER"}
    assert data["period"] == {"since": "2025-08-02", "until": "2025-08-08", "days": 7, "default": True,
                              "previous": {"since": "2025-07-26", "until": "2025-08-01"}}
    for args, message in [
        (["--country", "MLY"], "--country MLY: no country code 'MLY'; did you mean MLI?"),
        (["--country", "France"], "--country France: no event in France (FRA) in the graph; its events are in BFA, MLI, NER, RUS"),
        (["--since", "May"], "--since 'May' is not a date"),
        (["--since", "2026-01"], "nothing to brief: no article was published from 2026-01-01"),
        (["-o", str(tmp_path / "brief.pdf")], "cannot tell the brief's format from 'brief.pdf': name it .html or .md"),
    ]:
        result = runner.invoke(app, ["brief", "--store", sahel_path, *args, *(["-o", str(tmp_path / "x.md")] if "-o" not in args else [])])
        assert result.exception is not None and message in str(result.exception), (args, result.exception)
        assert result.exception.exit_code in (2, 8)
    assert not (tmp_path / "x.md").exists()
