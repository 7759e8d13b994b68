"""Interactive HTML views of the actor network, as one self-contained file that works offline.

The graph is laid out with pyvis's bundled vis-network, inlined into kg's own template (no CDN);
everything taken from article text goes into the page as JSON data and is shown with textContent,
so no name or sentence can run script in the browser.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import networkx as nx

TYPE_COLOURS = {
    "Person": "#4e79a7", "MilitaryGovernment": "#b07aa1", "Government": "#9c755f", "MilitaryForce": "#59a14f",
    "ArmedGroup": "#e15759", "Insurgents": "#c0392b", "PoliticalParty": "#f28e2b", "Civilians": "#76b7b2",
    "Protesters": "#edc948", "Media": "#bab0ac", "InternationalOrganization": "#17becf", "Country": "#8c564b",
    "Organization": "#7f7f7f", "Actor": "#7f7f7f",
}
COOPERATION = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST")


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def graph_data(graph: nx.MultiDiGraph) -> dict:
    """Nodes and edges for vis-network, with labels, colours and evidence."""
    degree = dict(graph.degree())
    nodes = [
        {
            "id": node,
            "label": data.get("label", node),
            "group": data.get("type", "Actor"),
            "color": TYPE_COLOURS.get(data.get("type", "Actor"), "#7f7f7f"),
            "value": 1 + degree.get(node, 0),
            "title": f'{data.get("label", node)} ({data.get("type", "Actor")})',
        }
        for node, data in graph.nodes(data=True)
    ]
    edges = []
    for index, (u, v, data) in enumerate(graph.edges(data=True)):
        modality = data.get("modality", "asserted")
        edges.append(
            {
                "id": index,
                "from": u,
                "to": v,
                "label": data.get("type", ""),
                "arrows": "to",
                "dashes": modality in ("alleged", "planned", "hypothetical"),
                "color": "#999999" if modality == "denied" else ("#2e7d32" if data.get("plover") in COOPERATION else "#c62828"),
                "hidden": modality == "denied",
                "modality": modality,
                "evidence": {k: data.get(k, "") for k in ("type", "plover", "modality", "date", "source", "article", "sentence")},
            }
        )
    return {"nodes": nodes, "edges": edges}


def _json_for_script(value: object) -> str:
    """JSON that cannot close the <script> element it is embedded in."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(graph: nx.MultiDiGraph, title: str = "kg actor network") -> str:
    """The HTML page of a view: self-contained, offline, physics stabilised then frozen."""
    script, css = _vis_assets()
    data = _json_for_script(graph_data(graph))
    return TEMPLATE.format(title=html.escape(title), css=css, vis=script, data=data)


def write_view(graph: nx.MultiDiGraph, path: str | Path, title: str = "kg actor network") -> Path:
    """Write the view of ``graph`` to ``path`` (atomically: temp file, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_html(graph, title), encoding="utf-8")
    tmp.replace(path)
    return path


TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<style>{css}
body {{ margin:0; font-family: system-ui, sans-serif; display:flex; height:100vh; }}
#graph {{ flex:1; }}
#side {{ width:340px; padding:12px; border-left:1px solid #ddd; overflow:auto; font-size:14px; }}
#side h2 {{ font-size:16px; margin:4px 0 8px; }}
.legend span {{ display:inline-block; margin:2px 6px 2px 0; }}
.swatch {{ display:inline-block; width:10px; height:10px; border-radius:5px; margin-right:3px; }}
#evidence {{ white-space:pre-wrap; background:#f7f7f7; padding:8px; border-radius:4px; }}
</style></head>
<body><div id="graph"></div>
<div id="side"><h2>{title}</h2>
<label><input type="checkbox" id="show-denied"> show denied claims</label><br>
<label><input type="checkbox" id="physics"> physics</label>
<div class="legend" id="legend"></div>
<h2>Evidence</h2><div id="evidence">Click an edge or a node.</div></div>
<script>{vis}</script>
<script>
const DATA = {data};
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
const network = new vis.Network(document.getElementById("graph"), {{nodes, edges}}, {{
  nodes: {{shape: "dot", scaling: {{min: 8, max: 30}}, font: {{size: 14}}}},
  edges: {{font: {{size: 10, align: "middle"}}, smooth: false}},
  physics: {{stabilization: {{iterations: 300}}, barnesHut: {{gravitationalConstant: -6000}}}}
}});
network.once("stabilizationIterationsDone", () => network.setOptions({{physics: false}}));
window.kgNetwork = network;
const legend = document.getElementById("legend");
const seen = new Set();
DATA.nodes.forEach(n => {{
  if (seen.has(n.group)) return; seen.add(n.group);
  const item = document.createElement("span");
  const sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = n.color;
  item.appendChild(sw); item.appendChild(document.createTextNode(n.group)); legend.appendChild(item);
}});
const evidence = document.getElementById("evidence");
network.on("click", params => {{
  if (params.edges.length && !params.nodes.length) {{
    const e = edges.get(params.edges[0]).evidence;
    evidence.textContent = `${{e.type}} (${{e.plover}}), ${{e.modality}}${{e.date ? ", " + e.date : ""}}\\n` +
      `source: ${{e.source || "the article"}}\\narticle: ${{e.article}}\\n\\n${{e.sentence}}`;
  }} else if (params.nodes.length) {{
    const n = nodes.get(params.nodes[0]);
    evidence.textContent = `${{n.label}} (${{n.group}})`;
  }}
}});
document.getElementById("show-denied").addEventListener("change", ev => {{
  edges.update(DATA.edges.filter(e => e.modality === "denied").map(e => ({{id: e.id, hidden: !ev.target.checked}})));
}});
document.getElementById("physics").addEventListener("change", ev => network.setOptions({{physics: ev.target.checked}}));
</script></body></html>
"""
