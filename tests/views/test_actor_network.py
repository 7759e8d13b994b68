"""The HTML views without a browser: what data they carry, how it looks, that nothing gets out."""
import json
import re

import networkx as nx
import pytest

from kg.network.claims import claims
from kg.network.graphs import graph_from_claims, one_sided
from kg.views.actor_network import graph_data, render_html, view_selection
from kg.views.page import json_for_script, vis_assets
from kg.views.style import DENIED_COLOUR, QUAD_STYLE
from kg.views.timeline import render_timeline, timeline_data

IRI = "https://w3id.org/kg/id/"


def page_data(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


def hostile_graph():
    g = nx.MultiDiGraph()
    g.add_node("x1", label='<img src=x onerror="window.__pwned=1">', type="ArmedGroup", country="")
    g.add_node("x2", label="</script><script>window.__pwned=1</script>", type="Person", country="")
    g.add_edge("x1", "x2", key="a1", event="e1", type="Attack", action="attack", plover="ASSAULT", quad_class=4,
               goldstein=-10.0, modality="asserted", date="2025", sentence="They <b>attacked</b> __KG_VIS__ & <!-- x",
               article="probe", source="", article_title="<script>alert(1)</script>")
    return g


@pytest.fixture(scope="module")
def mali_view(mali_store):
    items = claims(mali_store.store)
    graph = graph_from_claims(items)
    return graph, graph_data(graph, one_sided(items))


@pytest.mark.model
def test_nodes_are_named_never_iris(mali_view):
    graph, data = mali_view
    actors = [n for n in data["nodes"] if n["kind"] == "actor"]
    assert {n["label"] for n in actors} >= {"Asimi Goïta", "Malian military junta", "Abass Dembele"}
    assert not [n for n in data["nodes"] if IRI in n["label"] or IRI in n["title"]]
    assert not [e for e in data["edges"] if IRI in e["label"] or IRI in e["title"]]
    junta = next(n for n in actors if n["label"] == "Malian military junta")
    person = next(n for n in actors if n["label"] == "Asimi Goïta")
    assert junta["shape"] == "square" and person["shape"] == "dot" and junta["color"] != person["color"]
    assert junta["value"] > person["value"]  # sized by centrality


@pytest.mark.model
def test_edges_styled_by_plover_family_and_modality(mali_view):
    _, data = mali_view
    by_type = {e["etype"]: e for e in data["edges"]}
    assert by_type["RequestAid"]["color"]["color"] == QUAD_STYLE[1][1]  # verbal cooperation
    assert by_type["Ban"]["color"]["color"] == QUAD_STYLE[4][1]  # material conflict
    assert by_type["Ban"]["label"] == "ban or dissolution" and by_type["Ban"]["dashes"] is False
    assert by_type["CoupPlot"]["dashes"] and by_type["CoupPlot"]["modality"] == "alleged"
    denied = [e for e in data["edges"] if e["modality"] == "denied"]
    assert len(denied) == 2 and all(e["hidden"] and e["color"]["color"] == DENIED_COLOUR for e in denied)
    assert {e["evidence"]["target"] for e in denied} == {"Abass Dembele", "Nema Sagara"}
    assert all("neither Dembele nor Sagara" in e["evidence"]["sentence"] for e in denied)
    assert all(not e["hidden"] for e in data["edges"] if e["modality"] != "denied")


@pytest.mark.model
def test_one_sided_claims_get_an_unnamed_node_per_event(mali_view):
    graph, data = mali_view
    ghosts = [n for n in data["nodes"] if n["kind"] == "unnamed"]
    assert ghosts and all(n["label"] == "" and n["type"] == "Unnamed" for n in ghosts)
    ghost_edges = [e for e in data["edges"] if e["from"].startswith("unnamed:") or e["to"].startswith("unnamed:")]
    assert len(data["edges"]) == graph.number_of_edges() + len(ghost_edges)
    goita = [e for e in ghost_edges if e["evidence"]["agent"] == "Asimi Goïta" and e["etype"] == "Coup"]
    assert sorted(e["date"] for e in goita) == ["2020", "2021"] and len({e["to"] for e in goita}) == 2


@pytest.mark.model
def test_parallel_claims_curve_apart(mali_view):
    _, data = mali_view
    plots = [e for e in data["edges"] if e["etype"] == "CoupPlot" and not e["from"].startswith("unnamed:")]
    assert len(plots) == 2 and plots[0]["smooth"] != plots[1]["smooth"]
    single = next(e for e in data["edges"] if e["etype"] == "RequestAid")
    assert single["smooth"] is False


@pytest.mark.model
def test_legend_lists_what_is_there(mali_view):
    _, data = mali_view
    legend = data["legend"]
    assert [t["type"] for t in legend["actorTypes"]][-1] == "Unnamed"
    assert {t["type"] for t in legend["actorTypes"]} >= {"Person", "MilitaryGovernment", "Country"}
    assert {m["modality"]: m["count"] for m in legend["modalities"]}["denied"] == 2
    assert legend["eventTypes"][0] == {"type": "Arrest", "label": "arrest or detention", "quad": 4, "count": 7}
    assert data["dates"] == ["2020", "2021", "2025-05"]


def test_page_is_self_contained_with_a_strict_policy():
    page = render_html(hostile_graph(), "probe")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and not re.search(r"url\(\s*[\"']?(https?:)?//", page)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy)) == 2
    assert "vis.Network" in page and "kgView" in page


def test_text_from_articles_cannot_break_out_of_the_data():
    page = render_html(hostile_graph(), "<b>title</b>")
    data_block = re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block.replace("\\u0026", "")
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in page
    assert page.count("<script") == 3 + vis_assets()[0].count("<script")  # data, vis-network, page script
    data = page_data(page)
    assert data["nodes"][1]["label"] == "</script><script>window.__pwned=1</script>"
    assert data["edges"][0]["evidence"]["sentence"] == "They <b>attacked</b> __KG_VIS__ & <!-- x"  # not a placeholder
    assert json.loads(json_for_script({"s": "\u2028</script>"})) == {"s": "\u2028</script>"}


def test_timeline_groups_claims_by_event_and_spans_date_precision():
    base = {"type": "Coup", "action": "coup d'etat", "quad_class": 4, "plover": "COERCE", "sentence": "s.",
            "article": "a", "agent": {"label": "Goïta"}, "target": None}
    items = [dict(base, event="e1", date="2020", modality="asserted"),
             dict(base, event="e1", date="2020", modality="denied", source="x"),
             dict(base, event="e2", date="2024-02", modality="denied"),
             dict(base, event="e3", date="", modality="alleged", type="Arrest", action="arrest")]
    data = timeline_data(items)
    e1, e2, e3 = (next(e for e in data["events"] if e["id"] == i) for i in ("e1", "e2", "e3"))
    assert (e1["start"], e1["end"], e1["modality"], len(e1["claims"])) == ("2020-01-01", "2020-12-31", "asserted", 2)
    assert (e2["end"], e2["modality"], e2["colour"]) == ("2024-02-29", "denied", DENIED_COLOUR)
    assert e3["start"] == "" and e3["dashes"]
    assert [lane["type"] for lane in data["lanes"]] == ["Coup", "Arrest"]
    page = render_timeline(items, "t")
    assert "vis.Network" not in page and "kgTimeline" in page


@pytest.mark.model
def test_view_selection_by_actor_type_and_date(mali_store):
    items = claims(mali_store.store)
    graph, unpaired, note = view_selection(items, actor="goita", hops=1)
    assert [graph.nodes[n]["label"] for n in graph] == ["Asimi Goïta"] and note.startswith("Asimi Goïta and actors within 1")
    assert sorted(c["type"] for c in unpaired) == ["Coup", "Coup", "ExtendRule"]
    graph, unpaired, note = view_selection(items, types=["Arrest"])
    assert graph.number_of_edges() == 0 and len(unpaired) == 7 and note == "event types: Arrest"
    graph, unpaired, _ = view_selection(items, since="2021", until="2025")
    assert sorted(c["date"] for c in unpaired) == ["2021", "2025-05"]
    assert [d["type"] for _, _, d in graph.edges(data=True)] == ["Ban"]
