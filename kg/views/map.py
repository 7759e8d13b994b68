"""The map view: where events happened, as one self-contained HTML file that works offline.

Each place is a marker sized by its events and coloured by what they mostly are (cooperation in
blues, conflict in orange and red: the QuadClass colours of the network view), drawn on the
world's country outlines (:mod:`kg.views.geo`; no tile server, nothing fetched). A place the
gazetteer gave coordinates sits where it is; a place known only by its country ("the north (Mali)")
sits at the country's centre with a dashed outline, and so, when asked for, do events that name no
place at all but whose country is known (from their actors or their article, as in the CSV export).
The page filters as the network view does (actor type, event type, modality, dates); a click on a
marker lists its events with every claim's evidence.

:func:`render_map` is the page as a string, for ``kg view --map`` and for a server's page;
:func:`map_data` is what it draws, for the brief's small map too.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from kg.dates import date_span
from kg.errors import NothingToShow
from kg.network.claims import DENIED
from kg.network.countries import claim_countries
from kg.views.geo import HALF_WIDTH, TOP, countries, project
from kg.views.page import render_page, write_page
from kg.views.style import ACTOR_STYLE, DENIED_COLOUR, MODALITY_DASHES, QUAD_STYLE, UNNAMED, claim_evidence

#: Which claim speaks for an event whose sources disagree: the most certain one.
CERTAINTY = ("asserted", "reported", "alleged", "planned", "hypothetical", DENIED)
#: The least a first view spans, in SVG units (about 16° of longitude), so one place has its neighbours around it.
MIN_SPAN = 45.0
WORLD = (-HALF_WIDTH, -TOP, HALF_WIDTH, TOP)


def _events(items: Iterable[dict]) -> dict[str, dict]:
    """Claims grouped by event, with what the map and its panel show of each."""
    items = list(items)
    country_of = claim_countries(items)
    events: dict[str, dict] = {}
    for claim in items:
        agent, target = claim.get("agent"), claim.get("target")
        event = events.get(claim["event"])
        if event is None:
            event = events[claim["event"]] = {
                "id": claim["event"], "type": claim.get("type", ""), "action": claim.get("action") or claim.get("type", ""),
                "quad": int(claim.get("quad_class", 0) or 0), "date": claim.get("date", ""),
                "who": f"{agent['label'] if agent else '(unnamed)'} → {target['label'] if target else '(unnamed)'}",
                "actorTypes": sorted({a["type"] for a in (agent, target) if a}), "place": claim.get("place", ""),
                "placeCountry": claim.get("place_country", ""), "lat": claim.get("lat"), "lon": claim.get("lon"),
                "country": country_of.get(claim["event"], ""), "claims": [],
            }
        event["claims"].append(claim_evidence(claim, agent["label"] if agent else "(unnamed)",
                                              target["label"] if target else "(unnamed)"))
    for event in events.values():
        modalities = sorted({c["modality"] for c in event["claims"]}, key=lambda m: CERTAINTY.index(m) if m in CERTAINTY else 99)
        event["modalities"] = modalities
        event["modality"] = modalities[0]
        event["lo"], event["hi"] = date_span(event["date"]) if event["date"] else ("", "")
    return events


def map_data(items: Iterable[dict], *, crop: bool = False) -> dict:
    """Markers, events, filters and the basemap for the map page, all plain JSON values.

    ``crop`` keeps only the countries near the events (the brief's small map); the map view keeps
    the whole world to pan over.
    """
    events = _events(items)
    world = countries()
    centres = {c["code"]: c for c in world if c["code"]}
    markers: dict[str, dict] = {}

    def marker(key: str, x: float, y: float, label: str, country: str, precise: bool) -> str:
        entry = markers.setdefault(key, {"id": key, "x": round(x, 2), "y": round(y, 2), "labels": [], "country": country,
                                         "precise": precise})
        if label and label not in entry["labels"]:
            entry["labels"].append(label)
        return key

    for event in events.values():
        event["marker"], event["where"] = None, ""
        if event["lat"] is not None and event["lon"] is not None:
            x, y = project(event["lon"], event["lat"])
            event["marker"] = marker(f"at:{event['lat']:.3f},{event['lon']:.3f}", x, y, event["place"], event["placeCountry"], True)
            event["where"] = "place"
        else:
            code = event["placeCountry"] if event["place"] else event["country"]
            if code in centres:
                x, y = project(*centres[code]["centre"])
                event["marker"] = marker(f"country:{code}", x, y, event["place"] if event["place"] else "",
                                         code, False)
                event["where"] = "country" if event["place"] else "unplaced"
        for key in ("lat", "lon", "placeCountry"):
            del event[key]
    for m in markers.values():
        m["labels"].sort(key=str.casefold)  # in one order whatever the order of the events
        if not m["precise"]:
            m["countryName"] = centres[m["country"]]["name"]
    placed = [m for m in markers.values() if any(e["marker"] == m["id"] and e["where"] != "unplaced" for e in events.values())]
    box = _bounds(placed or list(markers.values()))
    shown = world
    if crop:
        margin = max(box[2] - box[0], box[3] - box[1]) * 0.6 + 20
        near = (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin)
        shown = [c for c in world if not (c["box"][2] < near[0] or c["box"][0] > near[2] or c["box"][3] < near[1] or c["box"][1] > near[3])]
    ordered = sorted(events.values(), key=lambda e: (e["lo"] or "9999", e["action"], e["who"]))
    active = {m["country"] for m in placed}
    actor_types = sorted({t for e in ordered for t in e["actorTypes"]})
    type_counts: dict[str, dict] = {}
    for e in ordered:
        entry = type_counts.setdefault(e["type"], {"type": e["type"], "label": e["action"], "quad": e["quad"], "count": 0})
        entry["count"] += 1
    return {
        "countries": [{"code": c["code"], "name": c["name"], "d": c["d"], "box": c["box"], "active": c["code"] in active,
                       "at": [round(v, 2) for v in project(*c["centre"])]} for c in shown],
        "view": [round(v, 1) for v in box],
        "world": list(WORLD),
        "markers": sorted(markers.values(), key=lambda m: m["id"]),
        "events": ordered,
        "unmapped": sum(1 for e in ordered if e["marker"] is None),
        "showUnplaced": not placed,  # when no event names a place, show them by country from the start
        "legend": {
            "actorTypes": [{"type": t, "colour": ACTOR_STYLE.get(t, ACTOR_STYLE["Actor"])[0],
                            "shape": ACTOR_STYLE.get(t, ACTOR_STYLE["Actor"])[1],
                            "count": sum(1 for e in ordered if t in e["actorTypes"])} for t in actor_types if t != UNNAMED],
            "quads": [{"quad": q, "name": name, "colour": colour} for q, (name, colour) in QUAD_STYLE.items() if q],
            "denied": DENIED_COLOUR,
            "modalities": [{"modality": m, "dashes": d, "count": n} for m, d in MODALITY_DASHES.items()
                           if (n := sum(1 for e in ordered if m in e["modalities"]))],
            "eventTypes": sorted(type_counts.values(), key=lambda t: (-t["count"], t["label"])),
        },
        "dates": sorted({e["date"] for e in ordered if e["date"]}, key=lambda d: (date_span(d)[0], len(d))),
    }


def _bounds(markers: list[dict]) -> tuple[float, float, float, float]:
    """A box around the markers, at least :data:`MIN_SPAN` wide and high (the world when none)."""
    if not markers:
        return WORLD
    xs, ys = [m["x"] for m in markers], [m["y"] for m in markers]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    pad_x, pad_y = max(MIN_SPAN - (x1 - x0), 0) / 2 + 4, max(MIN_SPAN - (y1 - y0), 0) / 2 + 4
    return (x0 - pad_x, y0 - pad_y, x1 + pad_x, y1 + pad_y)


def mappable(data: dict) -> int:
    """How many events of ``data`` (see :func:`map_data`) have a marker."""
    return sum(1 for e in data["events"] if e["marker"] is not None)


def render_map(items: Iterable[dict], title: str = "kg event map", *, subtitle: str = "") -> str:
    """The HTML page of a map view of ``items`` (claim dicts, see :func:`kg.network.claims.claims`),
    however few of them have a place: what a server's page links to."""
    return render_page("map", title, map_data(items), subtitle=subtitle, with_vis=False, parts=("mapdraw",))


def map_page(items: Iterable[dict], title: str = "kg event map", *, subtitle: str = "") -> str:
    """:func:`render_map`, refusing a map with no marker: :class:`~kg.errors.NothingToShow` says
    how many events there are and that none names a place or a country."""
    items = list(items)
    data = map_data(items)
    if not mappable(data):
        events = len(data["events"])
        raise NothingToShow(f"nothing to draw on the map: none of the {events} event(s) names a place or has a country"
                            if events else "nothing to draw on the map: no event to show")
    return render_page("map", title, data, subtitle=subtitle, with_vis=False, parts=("mapdraw",))


def write_map(items: Iterable[dict], path: str | Path, title: str = "kg event map", *, subtitle: str = "") -> Path:
    """Write the map of ``items`` to ``path`` (atomically: temp file, then rename)."""
    return write_page(path, render_map(items, title, subtitle=subtitle))
