"""The map view: markers per place on an offline world basemap, the network view's filters, a
marker's events with their evidence; in headless Chromium, with nothing fetched from anywhere."""
from __future__ import annotations

import json
import re

import pytest
from support.browser import INJECTED
from support.events import actor, event, place, store_stories, story

from kg.api import KnowledgeGraph
from kg.views.geo import countries, project
from kg.views.map import map_data, render_map


def marker_events(page) -> dict[str, int]:
    return page.js("Object.fromEntries([...document.querySelectorAll('#map .kg-marker')]"
                   ".map(m => [m.querySelector('title').textContent.replace(/: \\d+ event\\(s\\)$/, ''), Number(m.dataset.events)]))")


def test_the_basemap_is_packaged_and_projected():
    world = countries()
    by_code = {c["code"]: c for c in world}
    assert len(world) > 230 and {"MLI", "BFA", "NER", "FRA", "LBN", "PSE"} <= set(by_code)
    lon, lat = by_code["MLI"]["centre"]
    assert -6 < lon < -1 and 15 < lat < 20  # Mali's centre, not its capital
    x, y = project(-8.0, 12.65)
    x0, y0, x1, y1 = by_code["MLI"]["box"]
    assert x0 < x < x1 and y0 < y < y1  # Bamako lies inside Mali's outline box
    assert by_code["MLI"]["d"].startswith("M") and by_code["MLI"]["d"].endswith("z")


def test_map_data_places_events_by_coordinates_else_by_country(sahel):
    data = map_data(sahel.claims())
    markers = {m["id"]: m for m in data["markers"]}
    assert {tuple(m["labels"]) for m in markers.values() if m["precise"]} == {("Bamako",), ("Gao",), ("Djibo",), ("Niamey",)}
    assert markers["country:MLI"]["labels"] == ["the north (Mali)"] and not markers["country:MLI"]["precise"]
    arrest = next(e for e in data["events"] if e["type"] == "Arrest")
    assert arrest["modalities"] == ["asserted", "denied"] and len(arrest["claims"]) == 3
    assert markers[arrest["marker"]]["labels"] == ["Bamako"]
    ban = next(e for e in data["events"] if e["type"] == "Ban")
    assert (ban["marker"], ban["where"]) == ("country:MLI", "unplaced")  # no place: its actors' country, when asked
    aid = next(e for e in data["events"] if e["type"] == "ProvideAid")
    assert aid["marker"] == "country:RUS"
    assert data["unmapped"] == 0


@pytest.mark.browser
def test_sahel_map_draws_a_marker_per_place_and_its_filters_change_them(sahel, tmp_path, open_page):
    path = tmp_path / "map.html"
    path.write_text(render_map(sahel.claims(), "Sahel"), encoding="utf-8")
    page = open_page(path, "map")
    assert marker_events(page) == {"Bamako": 1, "Gao": 1, "Djibo": 2, "Niamey": 1, "Mali: the north (Mali)": 1}
    assert page.js("document.querySelectorAll('#map path.country').length") > 230
    assert page.js("document.getElementById('summary').textContent") == "5 place(s), 6 of 11 events shown; 5 name no place"
    labels = page.js("[...document.querySelectorAll('#map .kg-marker-label')].map(t => t.textContent)")
    assert {"Bamako", "Gao", "Djibo", "Niamey", "Mali: the north (Mali)"} <= set(labels)
    boxes = page.js("[...document.querySelectorAll('#map .kg-marker-label, #map .kg-country-label')]"
                    ".map(t => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })")
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] - 1 and a[2] > b[0] + 1 and a[1] < b[3] - 1 and a[3] > b[1] + 1]  # no label overprints another
    page.page.click("#actor-ArmedGroup")  # JNIM's events go: Gao's and the north's attacks, one of Djibo's
    assert marker_events(page) == {"Bamako": 1, "Djibo": 1, "Niamey": 1}
    page.page.click("#actor-ArmedGroup")
    page.page.click("#type-filter summary")
    page.page.click("#types-none")
    assert page.js("kgMap.markers()") == 0
    page.page.click("#etype-Protest")
    assert marker_events(page) == {"Niamey": 1}
    page.page.click("#types-all")
    page.page.click("#modality-asserted")  # what is left: the alleged killing in Djibo
    assert marker_events(page) == {"Djibo": 1}
    page.page.click("#modality-asserted")
    page.page.click("#date-filter summary")
    page.js("(() => { const s = document.getElementById('date-from'); s.value = String(kgMap.data.dates.indexOf('2025-08-05'));"
            " s.dispatchEvent(new Event('input')); })()")
    page.page.click("#show-undated")
    assert marker_events(page) == {"Djibo": 2, "Niamey": 1}
    page.page.click("#show-undated")
    page.page.click("#show-unplaced")  # events with no place, at their country's centre
    assert marker_events(page)["Mali: the north (Mali)"] == 1 and marker_events(page)["Russia (country)"] == 1
    page.check_clean()


@pytest.mark.browser
def test_clicking_a_marker_lists_its_events_and_their_evidence(sahel, tmp_path, open_page):
    path = tmp_path / "map.html"
    path.write_text(render_map(sahel.claims(), "Sahel"), encoding="utf-8")
    page = open_page(path, "map")
    page.page.click("#modality-denied")
    page.page.locator("#map .kg-marker[data-marker^='at:12.650']").click()
    panel = page.js("document.getElementById('evidence').innerText")
    assert panel.startswith("Bamako")
    assert "Malian soldiers → Moussa Mara: arrest or detention" in panel and "asserted, denied" in panel
    assert "Malian soldiers arrested Moussa Mara in Bamako on 3 August 2025." in panel
    assert "according to his party" in panel.lower() or "his party" in panel
    assert "The junta denied that soldiers had arrested Moussa Mara." in panel and "Malian military junta" in panel
    assert page.js("document.querySelector('#evidence a').href") == "https://example.org/sahel/mara-1"
    page.check_clean()


@pytest.mark.browser
def test_zoom_keeps_markers_the_same_size_on_screen(sahel, tmp_path, open_page):
    path = tmp_path / "map.html"
    path.write_text(render_map(sahel.claims(), "Sahel"), encoding="utf-8")
    page = open_page(path, "map")
    size = "document.querySelector('#map .kg-marker').getBoundingClientRect().width"
    before, box = page.js(size), page.js("kgMap.map.box()")
    page.page.click("#zoom-in")
    assert page.js("kgMap.map.box()")[2] < box[2] * 0.8 and page.js(size) == pytest.approx(before, abs=1)
    page.page.click("#whole")
    assert page.js("kgMap.map.box()")[2] > 900
    page.check_clean()


@pytest.mark.model
@pytest.mark.browser
def test_the_mali_map_has_its_markers(mali_store, tmp_path, open_page):
    page = open_page(mali_store.view(tmp_path / "mali-map.html", map=True), "map")
    assert marker_events(page) == {"Mali": 1, "Mali: the north (Mali) · the northern regions of the country (Mali)": 2}
    approx = page.js("document.querySelector('#map .kg-marker.approx').querySelector('title').textContent")
    assert approx == "Mali: the north (Mali) · the northern regions of the country (Mali): 2 event(s)"
    page.page.locator("#map .kg-marker:not(.approx)").click()
    assert "Dozens of soldiers have been arrested in Mali" in page.js("document.getElementById('evidence').innerText")
    page.page.click("#show-unplaced")
    assert page.js("document.querySelector('#map .kg-marker.approx').dataset.events") == "20"  # all but the one in Mali
    page.check_clean()


HOSTILE = '<img src=x onerror="window.__pwned=1">Rebels</script><script>window.__pwned=1</script>'


@pytest.mark.browser
def test_hostile_names_and_places_stay_text_on_the_map(tmp_path, open_page):
    rebels = actor(HOSTILE, "ArmedGroup")
    town = place("<script>window.__pwned=1</script>Gao' onmouseover='window.__pwned=1", "MLI", 16.27, -0.04)
    graph = KnowledgeGraph(":memory:")
    store_stories(graph.store, [story("probe", "2025-06-01", [
        event("Attack", rebels, actor("soldiers", "MilitaryForce", "MLI"), date="2025-06-01", place=town,
              sentence='Rebels <a href="javascript:window.__pwned=1" onclick="window.__pwned=1">attacked</a> soldiers.'),
    ], source="<b onmouseover=window.__pwned=1>wire</b>", url="javascript:window.__pwned=1")])
    page = open_page(graph.view(tmp_path / "probe-map.html", "<script>window.__pwned=1</script>", map=True), "map")
    assert page.js("document.title") == "<script>window.__pwned=1</script>"
    page.page.locator("#map .kg-marker").click()
    panel = page.js("document.getElementById('evidence').textContent")
    assert HOSTILE in panel and "<script>window.__pwned=1</script>Gao' onmouseover=" in panel and 'onclick="window' in panel
    assert page.js("document.querySelector('#evidence a')") is None  # a javascript: URL is never a link
    assert page.js("document.querySelectorAll('#side img, #side script, #side b, #map img, #map script').length") == 0
    page.page.mouse.move(5, 5)
    page.page.wait_for_timeout(200)
    assert page.js(INJECTED) == 0
    page.check_clean()


def test_the_map_page_is_self_contained(sahel):
    page = render_map(sahel.claims(), "Sahel")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page) and "<link" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and len(re.findall(r"'sha256-", policy)) == 1
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["countries"]) > 230 and "vis.Network" not in page
