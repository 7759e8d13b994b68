"""The HTML views in a real browser: Debian's headless Chromium driven by Playwright.

One browser for the whole session; every page gets a fresh context, a route that aborts (and
records) any request that is not a local file, and a listener for Content-Security-Policy
violations, which would mean markup from an article reached the HTML parser.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from support.browser import INJECTED

from kg.network.claims import claims
from kg.network.graphs import graph_from_claims, one_sided
from kg.views.actor_network import graph_data

pytestmark = [pytest.mark.browser, pytest.mark.model]

PROBE = """---
title: "Probe <script>window.__pwned=1</script> <img src=x onerror=window.__pwned=1>"
published: 2025-06
source: "<b onmouseover=window.__pwned=1>wire</b>"
url: "javascript:window.__pwned=1"
---
Rebels led by <img src=x onerror="window.__pwned=1"> attacked <script>window.__pwned=1</script> the town.
Rebels led by <img src=x onerror="window.__pwned=1"> attacked soldiers in the town of <script>window.__pwned=1</script> on 3 May 2025.
Police arrested the "organisers" of O'Brien's <a href="javascript:window.__pwned=1" onclick='window.__pwned=1'>march</a> on 4 May 2025.
"""
HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">Rebels</script><script>window.__pwned=1</script>'
QUOTED_NAME = """O'Brien's "Hammer" `x` ' onmouseover='window.__pwned=1' <a href="javascript:window.__pwned=1">soldiers</a>"""


@pytest.fixture(scope="module")
def mali(mali_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("views")
    items = claims(mali_store.store)
    data = graph_data(graph_from_claims(items), one_sided(items))
    return {"view": mali_store.view(out / "mali.html"), "timeline": mali_store.view(out / "timeline.html", timeline=True),
            "ego": mali_store.view(out / "ego.html", actor="Malian military junta"), "data": data}


def expected(data: dict, *, actor_types=None, modalities=None, event_types=None, dated_only=False, since=None) -> dict:
    """What the page should draw under some filter settings (the rules the page states)."""
    node_type = {n["id"]: n["type"] for n in data["nodes"]}
    actor_types = actor_types or set(node_type.values())
    modalities = modalities or {m["modality"] for m in data["legend"]["modalities"]} - {"denied"}
    event_types = event_types or {t["type"] for t in data["legend"]["eventTypes"]}
    edges = [e for e in data["edges"] if e["modality"] in modalities and e["etype"] in event_types
             and node_type[e["from"]] in actor_types and node_type[e["to"]] in actor_types
             and (e["date"] or not dated_only) and (not since or (e["date"] and e["hi"] >= since))]
    ends = {e["from"] for e in edges} | {e["to"] for e in edges}
    return {"nodes": len(ends), "edges": len(edges)}


def test_mali_view_draws_every_actor_and_every_undenied_claim(mali, open_page):
    page = open_page(mali["view"])
    data = mali["data"]
    assert page.js("kgView.drawn()") == expected(data) == {"nodes": 27, "edges": 24}
    assert page.js("kgView.nodes.length") == len(data["nodes"]) and page.js("kgView.edges.length") == len(data["edges"])
    assert page.js("document.getElementById('summary').textContent") == "13 of 13 actors, 24 of 26 claims shown"
    labels = page.js("kgView.nodes.get().map(n => n.label)")
    assert "Asimi Goïta" in labels and not [label for label in labels if "https://" in label]
    legend = page.js("document.getElementById('actor-types').innerText")
    assert "military government" in legend and "unnamed in the text" in legend
    page.check_clean()


def test_layout_stands_still_after_stabilising(mali, open_page):
    page = open_page(mali["view"])
    before = page.js("kgView.network.getPositions()")
    page.page.wait_for_timeout(400)
    assert page.js("kgView.network.getPositions()") == before
    assert page.js("kgView.network.physics.physicsEnabled") is False
    page.page.click("#physics")
    assert page.js("kgView.network.physics.physicsEnabled") is True


def test_filters_change_what_is_visible(mali, open_page):
    page = open_page(mali["view"])
    data = mali["data"]
    page.page.click("#modality-denied")
    everything = {m["modality"] for m in data["legend"]["modalities"]}
    assert page.js("kgView.drawn()") == expected(data, modalities=everything) == {"nodes": 27, "edges": 26}
    page.page.click("#modality-denied")
    page.page.click("#actor-Person")
    no_people = {t["type"] for t in data["legend"]["actorTypes"]} - {"Person"}
    assert page.js("kgView.drawn()") == expected(data, actor_types=no_people)
    assert page.js("kgView.drawn().nodes") < 27
    page.page.click("#actor-Person")
    page.page.click("#type-filter summary")
    page.page.click("#types-none")
    assert page.js("kgView.drawn()") == {"nodes": 0, "edges": 0}
    page.page.click("#etype-Ban")
    assert page.js("kgView.drawn()") == expected(data, event_types={"Ban"}) == {"nodes": 2, "edges": 1}
    page.page.click("#types-all")
    page.page.click("#date-filter summary")
    page.page.click("#show-undated")
    assert page.js("kgView.drawn()") == expected(data, dated_only=True)
    page.js("(() => { const s = document.getElementById('date-from'); s.value = '2'; s.dispatchEvent(new Event('input')); })()")
    assert page.js("document.getElementById('date-from-value').textContent") == "2025-05"
    assert page.js("kgView.drawn()") == expected(data, since="2025-05-01") == {"nodes": 3, "edges": 2}
    page.check_clean()


def _click_canvas_point(page: Opened, x: float, y: float) -> None:
    spot = page.js("([x, y]) => kgView.network.canvasToDOM({x, y})", [x, y])
    box = page.page.locator("#graph canvas").bounding_box()
    page.page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def test_clicking_an_edge_or_a_node_shows_its_evidence(mali, open_page):
    page = open_page(mali["view"])
    edge = next(e for e in mali["data"]["edges"] if e["etype"] == "RequestAid")
    ends = page.js("ids => kgView.network.getPositions(ids)", [edge["from"], edge["to"]])
    a, b = ends[edge["from"]], ends[edge["to"]]
    _click_canvas_point(page, a["x"] + (b["x"] - a["x"]) * 0.3, a["y"] + (b["y"] - a["y"]) * 0.3)
    panel = page.js("document.getElementById('evidence').innerText")
    assert "Malian government → request for aid → Russia" in panel
    assert "the government has sought assistance from Russian allies" in panel
    assert "mali-coup-plot" in panel and "asserted" in panel
    assert page.js("document.querySelector('#evidence mark').textContent") == "sought assistance"
    junta = page.js("kgView.nodes.get().find(n => n.label === 'Malian military junta').id")
    position = page.js("id => kgView.network.getPositions([id])[id]", junta)
    _click_canvas_point(page, position["x"], position["y"])
    panel = page.js("document.getElementById('evidence').innerText")
    assert panel.startswith("Malian military junta") and "→ ban or dissolution → Malian political parties" in panel
    page.page.click("#evidence .claims button >> text=ban or dissolution")
    assert "disbanded all political parties" in page.js("document.getElementById('evidence').innerText")
    page.check_clean()


def test_search_finds_actors_ignoring_accents(mali, open_page):
    page = open_page(mali["view"])
    page.page.fill("#search", "goita")
    assert page.js("document.getElementById('search-result').textContent") == "1 actor(s) match"
    assert page.js("document.querySelector('#evidence h2').textContent") == "Asimi Goïta"
    assert page.js("kgView.network.getSelectedNodes().length") == 1
    page.page.fill("#search", "malian")
    assert page.js("document.getElementById('search-result').textContent") == "5 actor(s) match"
    page.page.fill("#search", "nobody")
    assert page.js("document.getElementById('search-result').textContent") == "no actor matches"


def test_ego_view_centres_on_the_actor(mali, open_page):
    page = open_page(mali["ego"])
    labels = sorted(page.js("kgView.nodes.get().filter(n => n.kind === 'actor').map(n => n.label)"))
    assert labels == ["Choguel Maiga", "Malian military junta", "Malian political parties", "Malian soldiers", "Moussa Mara"]
    assert page.js("document.querySelector('#evidence h2').textContent") == "Malian military junta"
    assert "Malian military junta and actors within 1 step(s)" in page.js("document.querySelector('.subtitle').textContent")
    page.check_clean()


def test_timeline_shows_events_by_type_with_their_sentences(mali, open_page):
    page = open_page(mali["timeline"], "timeline")
    assert page.js("kgTimeline.marks()") == 21
    assert "21 event(s) in 12 type(s); 4 dated, 17 undated" == page.js("document.getElementById('summary').textContent")
    page.js("document.querySelector('#chart .mark[data-event*=\"coup-\"]').dispatchEvent(new MouseEvent('click'))")
    panel = page.js("document.getElementById('evidence').innerText")
    assert "Asimi Goïta → coup d'etat" in panel and "two military coups in 2020 and 2021" in panel
    page.check_clean()


def test_markup_in_articles_runs_nothing(extractor, tmp_path, open_page):
    from kg.api import KnowledgeGraph

    article = tmp_path / "probe.md"
    article.write_text(PROBE, encoding="utf-8")
    graph = KnowledgeGraph(str(tmp_path / "store"))
    graph.build([article], extractor=extractor)
    graph.store.store.update(  # a label as another tool or a later article might write it
        'DELETE { GRAPH ?g { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?l } } '
        'INSERT { GRAPH ?g { ?a <http://www.w3.org/2000/01/rdf-schema#label> "' + HOSTILE_NAME.replace('"', '\\"') + '" } } '
        'WHERE { GRAPH ?g { ?a <http://www.w3.org/2000/01/rdf-schema#label> "insurgents" } }')
    quoted = ox.Literal(QUOTED_NAME)
    graph.store.store.update(
        f'DELETE {{ GRAPH ?g {{ ?a <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }} '
        f'INSERT {{ GRAPH ?g {{ ?a <http://www.w3.org/2000/01/rdf-schema#label> {quoted} }} }} '
        f'WHERE {{ GRAPH ?g {{ ?a <http://www.w3.org/2000/01/rdf-schema#label> ?l }} FILTER(?l = "soldiers") }}')
    items = graph.claims()
    assert any(c["agent"] and c["agent"]["label"] == HOSTILE_NAME for c in items)
    assert any(c["target"] and c["target"]["label"] == QUOTED_NAME for c in items)
    assert any('href="javascript:' in c["sentence"] for c in items)
    assert all("<script>" in c["sentence"] or "javascript:" in c["sentence"] for c in items)
    view = open_page(graph.view(tmp_path / "probe.html", "<script>window.__pwned=1</script>"))
    assert view.js("document.title") == "<script>window.__pwned=1</script>"
    panel = "\n".join(view.js("kgView.edges.get().map(e => { kgView.showEdge(e.id); "
                               "return document.getElementById('evidence').textContent; })"))
    assert "<script>window.__pwned=1</script>" in panel and HOSTILE_NAME in panel  # shown as text
    assert QUOTED_NAME in panel and '<a href="javascript:window.__pwned=1" onclick=' in panel  # quotes intact
    assert view.js("document.querySelector('#evidence a')") is None  # a javascript: URL is never a link
    assert view.js(INJECTED) == 0
    view.js("kgView.nodes.get().forEach(n => kgView.showNode(n.id))")
    view.page.fill("#search", "rebels")
    assert view.js("document.getElementById('search-result').textContent") == "1 actor(s) match"
    hostile = view.js("kgView.nodes.get().find(n => n.label.includes('Rebels')).id")
    position = view.js("id => kgView.network.getPositions([id])[id]", hostile)
    _click_canvas_point(view, position["x"], position["y"])
    view.page.mouse.move(10, 10)
    view.page.wait_for_timeout(300)  # give any injected handler its chance
    assert view.js("document.querySelectorAll('#side img, #side script, #side b').length") == 0
    view.js("kgView.nodes.get().forEach(n => kgView.showNode(n.id))")
    assert view.js(INJECTED) == 0
    view.js("document.querySelectorAll('#side button, #side a').forEach(b => b.click())")  # every link the panels made
    view.page.wait_for_timeout(200)
    assert view.js(INJECTED) == 0
    view.check_clean()
    timeline = open_page(graph.view(tmp_path / "probe-timeline.html", timeline=True), "timeline")
    timeline.js("document.querySelectorAll('#chart .mark').forEach(m => m.dispatchEvent(new MouseEvent('click')))")
    assert "<script>window.__pwned=1</script>" in timeline.js("document.getElementById('evidence').textContent")
    timeline.page.wait_for_timeout(200)
    assert timeline.js("document.querySelectorAll('#side img, #side script, #chart img').length") == 0
    assert timeline.js(INJECTED) == 0 and QUOTED_NAME in timeline.js("document.body.textContent")
    timeline.check_clean()


def test_an_empty_graph_still_makes_a_working_page(tmp_path, open_page):
    """kg view refuses to draw nothing (it says why instead); the pages themselves still work empty."""
    import networkx as nx

    from kg.views.actor_network import write_view
    from kg.views.timeline import write_timeline

    view = open_page(write_view(nx.MultiDiGraph(), tmp_path / "empty.html"))
    assert view.js("kgView.drawn()") == {"nodes": 0, "edges": 0}
    assert view.js("document.getElementById('status').textContent") == "nothing to show"
    view.check_clean()
    timeline = open_page(write_timeline([], tmp_path / "empty-timeline.html"), "timeline")
    assert timeline.js("kgTimeline.marks()") == 0
    timeline.check_clean()
