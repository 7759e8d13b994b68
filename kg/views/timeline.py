"""The timeline view: events over time, one lane per event type, as one self-contained HTML file.

An event is drawn as wide as the precision its date was given in (a year, a month, a day), so an
event "in 2020" never looks like it happened on 1 January. Undated events sit in their own column;
events that every source denies are hidden until asked for.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from kg.dates import date_span
from kg.network.claims import DENIED
from kg.views.page import render_page, write_page
from kg.views.style import DENIED_COLOUR, MODALITY_DASHES, QUAD_STYLE, claim_evidence

#: Which claim speaks for an event whose sources disagree: the most certain one.
CERTAINTY = ("asserted", "reported", "alleged", "planned", "hypothetical", DENIED)


def timeline_data(items: Iterable[dict]) -> dict:
    """Events (claims grouped by event) with lane, span, colour and every claim's evidence."""
    events: dict[str, dict] = {}
    for claim in items:
        agent = claim["agent"]["label"] if claim.get("agent") else "(unnamed)"
        target = claim["target"]["label"] if claim.get("target") else "(unnamed)"
        event = events.setdefault(claim["event"], {
            "id": claim["event"], "type": claim.get("type", ""), "action": claim.get("action") or claim.get("type", ""),
            "quad": int(claim.get("quad_class", 0) or 0), "date": claim.get("date", ""), "who": f"{agent} → {target}",
            "claims": [],
        })
        event["claims"].append(claim_evidence(claim, agent, target))
    for event in events.values():
        modalities = [c["modality"] for c in event["claims"]]
        event["modality"] = min(modalities, key=lambda m: CERTAINTY.index(m) if m in CERTAINTY else len(CERTAINTY))
        event["start"], event["end"] = date_span(event["date"]) if event["date"] else ("", "")
        event["colour"] = DENIED_COLOUR if event["modality"] == DENIED else QUAD_STYLE.get(event["quad"], QUAD_STYLE[0])[1]
        event["dashes"] = MODALITY_DASHES.get(event["modality"], False)
    ordered = sorted(events.values(), key=lambda e: (e["start"] or "9999", e["action"], e["who"]))
    lanes: dict[str, dict] = {}
    for event in ordered:
        lane = lanes.setdefault(event["type"], {"type": event["type"], "label": event["action"], "count": 0})
        lane["count"] += 1
    return {
        "events": ordered,
        "lanes": sorted(lanes.values(), key=lambda lane: (-lane["count"], lane["label"])),
        "quads": [{"quad": q, "name": name, "colour": colour} for q, (name, colour) in QUAD_STYLE.items() if q],
        "denied": DENIED_COLOUR,
    }


def render_timeline(items: Iterable[dict], title: str = "kg event timeline", *, subtitle: str = "") -> str:
    """The HTML page of a timeline view (no network library needed: plain SVG)."""
    return render_page("timeline", title, timeline_data(items), subtitle=subtitle, with_vis=False)


def write_timeline(items: Iterable[dict], path: str | Path, title: str = "kg event timeline", *, subtitle: str = "") -> Path:
    """Write the timeline of ``items`` (claim dicts, see :func:`kg.network.claims.claims`) to ``path``."""
    return write_page(path, render_timeline(items, title, subtitle=subtitle))
