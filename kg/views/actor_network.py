"""Interactive HTML views of the actor network, as one self-contained file that works offline.

The graph is drawn by pyvis's bundled vis-network, inlined into kg's own template (no CDN, no
request of any kind: the page's Content-Security-Policy allows only its own two scripts, by hash).
Everything taken from article text travels as JSON data in a non-executed script element and is
shown with ``textContent``, so no name or sentence can run script in the browser.

The look is decided here (colours, shapes, sizes, line styles); the page's script only filters,
searches and shows evidence. See :mod:`kg.views.page` for how the file is assembled.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Iterable

import networkx as nx

from kg.dates import check_date, date_span
from kg.network.analytics import centrality, communities, ego_network
from kg.network.claims import DENIED
from kg.errors import InputError, NothingToShow
from kg.network.graphs import check_types, claim_matches, graph_from_claims, one_sided, why_nothing
from kg.views.page import render_page, write_page
from kg.views.style import ACTOR_STYLE, DENIED_COLOUR, MODALITY_DASHES, QUAD_STYLE, UNNAMED, claim_evidence

#: Past this many nodes the page trades polish for speed: seeded positions, a time budget for the
#: layout, edges hidden while dragging or zooming.
LARGE = 300
#: Distance between neighbouring actors in a seeded layout, in vis-network's units.
SEED_SPACING = 70.0
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _node(node: str, data: dict, scores: dict, community: int | None, centre: str | None) -> dict:
    actor_type = data.get("type") or "Actor"
    colour, shape = ACTOR_STYLE.get(actor_type, ACTOR_STYLE["Actor"])
    label = str(data.get("label") or "unlabelled actor")
    score = scores.get(node, {})
    item = {
        "id": node, "label": label, "kind": "actor", "type": actor_type, "country": data.get("country", ""),
        "shape": shape, "color": {"background": colour, "border": "#333333" if node == centre else colour,
                                  "highlight": {"background": colour, "border": "#111111"}},
        "value": round(1000 * score.get("pagerank", 0.0), 3),
        "title": f"{label} ({actor_type})",
        "community": community,
        "scores": {k: round(v, 4) if isinstance(v, float) else v for k, v in score.items()},
    }
    if node == centre:
        item["borderWidth"] = 4
    return item


def _edge(index: int, u: str, v: str, data: dict, labels: dict) -> dict:
    modality = data.get("modality", "asserted")
    quad = int(data.get("quad_class", 0) or 0)
    colour = DENIED_COLOUR if modality == DENIED else QUAD_STYLE.get(quad, QUAD_STYLE[0])[1]
    action = data.get("action") or data.get("type", "")
    date = data.get("date", "")
    lo, hi = date_span(date) if date else ("", "")
    evidence = claim_evidence(data, labels.get(u, ""), labels.get(v, ""))
    return {
        "id": index, "from": u, "to": v,
        "label": f"{action} (denied)" if modality == DENIED else action,
        "title": f"{labels.get(u, '')} → {action} → {labels.get(v, '')} [{modality}]",
        "arrows": "to", "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.9},
        "dashes": MODALITY_DASHES.get(modality, False), "width": 2,
        "hidden": modality == DENIED,
        "modality": modality, "etype": data.get("type", ""), "action": action, "quad": quad,
        "date": date, "lo": lo, "hi": hi, "evidence": evidence, "event": data.get("event", ""),
    }


def _unnamed(claims: Iterable[dict], known: set) -> tuple[list[tuple[str, str, dict]], dict]:
    """Claims naming one actor as edges to or from a placeholder node, one per event and side."""
    edges, nodes = [], {}
    for claim in claims:
        agent, target = claim.get("agent"), claim.get("target")
        if (agent is None) == (target is None):
            continue
        named = agent or target
        if named["id"] not in known:
            continue
        ghost = f"unnamed:{claim['event']}:{'agent' if agent is None else 'target'}"
        nodes[ghost] = {"label": "unnamed", "type": UNNAMED}
        data = {k: v for k, v in claim.items() if k not in ("agent", "target")}
        edges.append((ghost, named["id"], data) if agent is None else (named["id"], ghost, data))
    return edges, nodes


def _curves(edges: list[dict]) -> None:
    """Spread parallel edges between one pair of actors into separate curves, straight when alone."""
    groups: dict[tuple, list[dict]] = {}
    for edge in edges:
        groups.setdefault(tuple(sorted((edge["from"], edge["to"]))), []).append(edge)
    for group in groups.values():
        k = len(group)
        for i, edge in enumerate(group):
            side = 1 if i % 2 == 0 else -1
            offset = ((i + 1) // 2) * -side if k % 2 else (i // 2 + 0.5) * side  # 0, +1, -1, ... or ±.5, ±1.5
            if edge["from"] > edge["to"]:  # curves are drawn relative to the edge's direction
                offset = -offset
            if offset == 0:
                edge["smooth"] = False
            else:
                edge["smooth"] = {"enabled": True, "type": "curvedCW" if offset > 0 else "curvedCCW",
                                  "roundness": min(0.9, 0.3 * abs(offset))}


def _sunflower(count: int, spacing: float) -> list[tuple[float, float]]:
    """``count`` evenly spread points in a disc, the first ones nearest the centre."""
    return [(spacing * math.sqrt(i + 0.5) * math.cos(i * GOLDEN_ANGLE), spacing * math.sqrt(i + 0.5) * math.sin(i * GOLDEN_ANGLE))
            for i in range(count)]


def seed_positions(graph: nx.MultiDiGraph, groups: dict[str, int], degree: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Starting positions for a large graph: each community a disc of its members (busiest actors
    in the middle), the discs spread on a spiral, so the layout starts close to where it ends."""
    members: dict[int, list[str]] = {}
    for node in graph:
        members.setdefault(groups.get(node, -1), []).append(node)
    ordered = sorted(members.values(), key=len, reverse=True)
    positions: dict[str, tuple[float, float]] = {}
    placed = 0
    for index, nodes in enumerate(ordered):
        radius = SEED_SPACING * math.sqrt(placed + len(nodes) / 2) * 1.1
        cx, cy = radius * math.cos(index * GOLDEN_ANGLE), radius * math.sin(index * GOLDEN_ANGLE)
        nodes.sort(key=lambda n: (-degree.get(n, 0), str(n)))
        for node, (dx, dy) in zip(nodes, _sunflower(len(nodes), SEED_SPACING * 0.6)):
            positions[node] = (round(cx + dx, 1), round(cy + dy, 1))
        placed += len(nodes)
    return positions


def graph_data(graph: nx.MultiDiGraph, unpaired: Iterable[dict] = (), *, centre: str | None = None) -> dict:
    """Nodes, edges, legend and layout settings for the page script, all plain JSON values.

    ``unpaired`` are claims that name one actor only (see :func:`kg.network.graphs.one_sided`); each event
    among them gets a small "unnamed" node for its missing side.
    """
    centre = centre or graph.graph.get("centre")
    scores = centrality(graph)
    groups = communities(graph) if graph.number_of_nodes() <= 5000 else {}
    labels = {n: str(d.get("label") or n) for n, d in graph.nodes(data=True)}
    nodes = [_node(n, d, scores, groups.get(n), centre) for n, d in graph.nodes(data=True)]
    extra_edges, ghosts = _unnamed(unpaired, set(graph))
    for ghost, data in ghosts.items():
        labels[ghost] = "(unnamed)"
        nodes.append({
            "id": ghost, "label": "", "kind": "unnamed", "type": UNNAMED, "country": "", "shape": "dot",
            "size": 6, "color": {"background": "#ffffff", "border": "#8a8a8a"},
            "shapeProperties": {"borderDashes": [3, 3]}, "font": {"color": "#6b6b6b", "size": 11},
            "title": "an actor the text does not name", "community": None, "scores": {},
        })
    all_edges = [(u, v, d) for u, v, d in graph.edges(data=True)] + extra_edges
    if len(nodes) > LARGE:
        degree = dict(graph.degree())
        positions = seed_positions(graph, groups, degree)
        for ghost_edge in extra_edges:  # an unnamed side starts next to the actor it is tied to
            ghost, named = (ghost_edge[0], ghost_edge[1]) if ghost_edge[0] in ghosts else (ghost_edge[1], ghost_edge[0])
            x, y = positions.get(named, (0.0, 0.0))
            positions[ghost] = (x + SEED_SPACING / 2, y + SEED_SPACING / 3)
        for node in nodes:
            node["x"], node["y"] = positions.get(node["id"], (0.0, 0.0))
    edges = [_edge(i, u, v, d, labels) for i, (u, v, d) in enumerate(all_edges)]
    involved: dict[str, dict[str, set]] = {}  # per actor: its events, and the modalities claims give each
    for u, v, d in all_edges:
        for node in (u, v):
            involved.setdefault(node, {}).setdefault(d.get("event", ""), set()).add(d.get("modality", ""))
    for node in nodes:
        mine = involved.get(node["id"], {})
        node["events"] = len(mine)
        node["eventsDenied"] = sum(1 for modalities in mine.values() if modalities == {DENIED})
    _curves(edges)
    if len(nodes) > LARGE:  # thinner lines keep a dense graph legible
        for edge in edges:
            edge["width"] = 1
    present_types = sorted({n["type"] for n in nodes}, key=lambda t: (t == UNNAMED, t))
    event_types: dict[str, dict] = {}
    for e in edges:
        entry = event_types.setdefault(e["etype"], {"label": e["action"], "quad": e["quad"], "count": 0})
        entry["count"] += 1
    dates = sorted({e["date"] for e in edges if e["date"]}, key=lambda d: (date_span(d)[0], len(d)))
    return {
        "nodes": nodes,
        "edges": edges,
        "centre": centre,
        "large": len(nodes) > LARGE,
        "legend": {
            "actorTypes": [{"type": t, "colour": (ACTOR_STYLE.get(t, ACTOR_STYLE["Actor"])[0] if t != UNNAMED else "#ffffff"),
                            "shape": ACTOR_STYLE.get(t, ACTOR_STYLE["Actor"])[1] if t != UNNAMED else "dot",
                            "count": sum(1 for n in nodes if n["type"] == t)} for t in present_types],
            "quads": [{"quad": q, "name": name, "colour": colour} for q, (name, colour) in QUAD_STYLE.items() if q],
            "denied": DENIED_COLOUR,
            "modalities": [{"modality": m, "dashes": d, "count": n} for m, d in MODALITY_DASHES.items()
                           if (n := sum(1 for e in edges if e["modality"] == m))],
            "eventTypes": [{"type": t, **v} for t, v in sorted(event_types.items(), key=lambda kv: (-kv[1]["count"], kv[0]))],
        },
        "dates": dates,
    }


def render_html(graph: nx.MultiDiGraph, title: str = "kg actor network", *, unpaired: Iterable[dict] = (),
                centre: str | None = None, subtitle: str = "") -> str:
    """The HTML page of a network view: self-contained, offline, physics stabilised then frozen."""
    return render_page("view", title, graph_data(graph, unpaired, centre=centre), subtitle=subtitle)


def write_view(graph: nx.MultiDiGraph, path: str | Path, title: str = "kg actor network", *,
               unpaired: Iterable[dict] = (), centre: str | None = None, subtitle: str = "") -> Path:
    """Write the view of ``graph`` to ``path`` (atomically: temp file, then rename)."""
    return write_page(path, render_html(graph, title, unpaired=unpaired, centre=centre, subtitle=subtitle))


def view_selection(items: list[dict], *, actor: str | None = None, hops: int = 1, types: Iterable[str] = (),
                   since: str | None = None, until: str | None = None, known_types: dict | None = None,
                   allow_empty: bool = True) -> tuple[nx.MultiDiGraph, list[dict], str]:
    """What a view shows of ``items`` (claims): its actor graph, its one-sided claims and a subtitle.

    Claims are filtered by type and date first (see :func:`kg.network.graphs.claim_matches`); with
    ``actor`` the graph is then cut to that actor's ego network of ``hops`` steps. ``known_types``
    (the scheme's event types) turns a misspelled type into an error with a suggestion; unless
    ``allow_empty``, a selection that leaves nothing to draw raises
    :class:`~kg.errors.NothingToShow` saying which filter emptied it.
    """
    types = [t for t in types if t]
    if known_types is not None:
        types = check_types(types, known_types)
    check_date(since, "--since")
    check_date(until, "--until")
    if since and until and date_span(since)[0] > date_span(until)[1]:
        raise InputError(f"--since {since} is after --until {until}")
    chosen = [c for c in items if claim_matches(c, types=types, since=since, until=until)]
    if not chosen and not allow_empty:
        raise NothingToShow("nothing to draw: " + why_nothing(items, types=types, since=since, until=until))
    graph = graph_from_claims(chosen)
    notes = []
    if actor:
        graph = ego_network(graph, actor, hops)
        notes.append(f"{graph.nodes[graph.graph['centre']]['label']} and actors within {hops} step(s)")
    if types:
        notes.append("event types: " + ", ".join(types))
    if since or until:
        notes.append(f"dated {since or '…'} to {until or '…'}")
    unpaired = [c for c in one_sided(chosen) if (c["agent"] or c["target"])["id"] in graph]
    return graph, unpaired, "; ".join(notes)
