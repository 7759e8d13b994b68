"""The sections of a brief, read from claims: what is new in a period, who is new or changed, what is
contested, what is corroborated, when and where. Pure: claims in, one plain dict out.

What counts:

- a claim is *in* the period when its article was published in it; claims published after the
  period are left out altogether (a brief of last week says what was known then);
- an event is *new* when some claim in the period reports it and no article before the period did;
- a *source* is whom a claim is attributed to ("according to ..."), else the article's publisher,
  else the article: independent sources are distinct ones, as in the named query ``corroboration``;
- *importance* ranks events by the sources that say they happened (asserted, reported, alleged),
  then by QuadClass (material conflict first), then by the size of their Goldstein score;
- an actor's *activity* is the number of events in a period with a claim that they happened.
"""
from __future__ import annotations

from typing import Iterable

from kg.brief.period import Period
from kg.network.claims import DENIED
from kg.network.countries import claim_countries

HAPPENED = ("asserted", "reported", "alleged")
CERTAINTY = ("asserted", "reported", "alleged", "planned", "hypothetical", DENIED)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict", 0: "unclassified"}
#: How many actors each of the actor lists shows.
TOP_ACTORS = 10


def source_of(claim: dict) -> str:
    """Who says a claim: its attribution, else the article's publisher, else the article."""
    return claim.get("source") or claim.get("publisher") or claim["article"]


def evidence(claim: dict) -> dict:
    """What a brief shows of one claim: the sentence, who says it (and through which outlet), how
    certain, the article, its link and date, the event's date and place."""
    outlet = claim.get("publisher") or ""
    return {
        "sentence": claim.get("sentence", ""), "action_text": claim.get("action_text", ""),
        "source": source_of(claim), "via": outlet if claim.get("source") and outlet and outlet != claim.get("source") else "",
        "modality": claim.get("modality", ""), "article": claim["article"], "article_title": claim.get("article_title", ""),
        "url": claim.get("url", ""), "published": claim.get("published", ""), "date": claim.get("date", ""),
        "place": claim.get("place", ""),
    }


def _label(actor: dict | None) -> str:
    return actor["label"] if actor else "(unnamed)"


def _event(claims: list[dict], country: str, names: dict[str, str]) -> dict:
    """One event as the brief lists it, with all the claims known by the end of the period."""
    first = claims[0]
    happened = sorted({source_of(c) for c in claims if c["modality"] in HAPPENED})
    modalities = sorted({c["modality"] for c in claims}, key=lambda m: CERTAINTY.index(m) if m in CERTAINTY else 99)
    quad = int(first.get("quad_class", 0) or 0)
    return {
        "id": first["event"], "type": first.get("type", ""), "action": first.get("action") or first.get("type", ""),
        "quad": quad, "quadName": QUAD_NAMES.get(quad, ""), "goldstein": float(first.get("goldstein", 0.0) or 0.0),
        "agent": _label(first.get("agent")), "target": _label(first.get("target")),
        "agentId": (first.get("agent") or {}).get("id", ""), "targetId": (first.get("target") or {}).get("id", ""),
        "date": next((c["date"] for c in claims if c.get("date")), ""), "place": next((c["place"] for c in claims if c.get("place")), ""),
        "country": country, "countryName": names.get(country, country or "no country"),
        "modalities": modalities, "sources": happened, "deniedBy": sorted({source_of(c) for c in claims if c["modality"] == DENIED}),
        "claims": [evidence(c) for c in sorted(claims, key=lambda c: (c.get("published", ""), c["article"], c["assertion"]))],
    }


def importance(event: dict) -> tuple:
    """Sort key: most independent sources that say it happened, then gravest QuadClass, then the
    largest Goldstein score, then the latest date."""
    return (-len(event["sources"]), -event["quad"], -abs(event["goldstein"]), "".join(chr(0x10FFFF - ord(c)) for c in event["date"]),
            event["action"], event["agent"], event["target"])


def _grouped(events: list[dict]) -> list[dict]:
    """Events (already ranked) grouped by country, then by type, each group in the order of its best event."""
    countries: dict[str, dict] = {}
    for e in events:
        country = countries.setdefault(e["country"], {"country": e["country"], "name": e["countryName"], "types": {}})
        group = country["types"].setdefault(e["type"], {"type": e["type"], "label": e["action"], "quad": e["quad"], "events": []})
        group["events"].append(e)
    return [{**c, "types": list(c["types"].values())} for c in countries.values()]


def _activity(claims: Iterable[dict]) -> dict[str, set]:
    """Per actor id: the events with a claim that they happened."""
    active: dict[str, set] = {}
    for c in claims:
        if c["modality"] not in HAPPENED:
            continue
        for role in ("agent", "target"):
            if c.get(role):
                active.setdefault(c[role]["id"], set()).add(c["event"])
    return active


def make_brief(items: list[dict], period: Period, *, countries: Iterable[str] = (), top: int = 20,
               names: dict[str, str] | None = None, default_period: bool = False) -> dict:
    """The brief of ``items`` (claim dicts) for ``period``: see the module's docstring for what
    each section holds. ``countries`` (ISO alpha-3 codes) keeps the events of those countries;
    ``top`` bounds the list of new events; ``names`` gives country names by code."""
    names = names or {}
    wanted = set(countries)
    country_of = claim_countries(items)
    known = [c for c in items if c.get("published") and (period.holds(c["published"]) or period.before(c["published"]))]
    if wanted:
        known = [c for c in known if country_of.get(c["event"], "") in wanted]
    undated_articles = sorted({c["article"] for c in items if not c.get("published")})
    previous = period.previous()
    now = [c for c in known if period.holds(c["published"])]
    before = [c for c in known if period.before(c["published"])]
    by_event: dict[str, list[dict]] = {}
    for c in known:
        by_event.setdefault(c["event"], []).append(c)
    reported = {c["event"] for c in now}
    earlier = {c["event"] for c in before}
    events = {e: _event(by_event[e], country_of.get(e, ""), names) for e in reported}
    for e, event in events.items():
        event["new"] = e not in earlier
        event["inPeriod"] = [i for i, c in enumerate(sorted(by_event[e], key=lambda c: (c.get("published", ""), c["article"], c["assertion"])))
                             if period.holds(c["published"])]

    new = sorted((e for e in events.values() if e["new"] and set(e["modalities"]) - {DENIED}), key=importance)
    shown_new = new[:top]

    # actors: new ones, and those whose activity changed most against the previous period
    labels = {a["id"]: a for c in known for a in (c.get("agent"), c.get("target")) if a}
    now_active = _activity(now)
    prev_active = _activity(c for c in before if previous.holds(c["published"]))
    seen_before = {a["id"] for c in before for a in (c.get("agent"), c.get("target")) if a}
    in_period = {a["id"] for c in now for a in (c.get("agent"), c.get("target")) if a}

    def actor_line(actor_id: str) -> dict:
        mine = sorted((events[e] for e in now_active.get(actor_id, ()) if e in events), key=importance)
        if not mine:  # only denied, planned or hypothetical claims in the period
            mine = sorted((events[e] for e in reported if actor_id in (events[e]["agentId"], events[e]["targetId"])), key=importance)
        actor = labels[actor_id]
        return {"id": actor_id, "label": actor["label"], "type": actor["type"], "country": actor.get("country", ""),
                "now": len(now_active.get(actor_id, ())), "before": len(prev_active.get(actor_id, ())), "event": mine[0] if mine else None}

    new_actors = sorted((actor_line(a) for a in in_period - seen_before), key=lambda a: (-a["now"], a["label"]))
    fresh = in_period - seen_before
    changed = [actor_line(a) for a in (set(now_active) | set(prev_active)) - fresh  # new ones are listed already
               if a in labels and len(now_active.get(a, ())) != len(prev_active.get(a, ()))]
    for line in changed:
        if line["event"] is None:  # quiet now: show what it did before
            mine = sorted((_event(by_event[e], country_of.get(e, ""), names) for e in prev_active.get(line["id"], ())), key=importance)
            line["event"] = mine[0] if mine else None
    changed.sort(key=lambda a: (-abs(a["now"] - a["before"]), -a["now"], a["label"]))

    # contested: events some source says happened and another denies, with a claim in the period
    contested = sorted((e for e in events.values() if e["sources"] and e["deniedBy"]), key=importance)
    contested_ids = {e["id"] for e in contested}
    unanswered = []
    for c in sorted(now, key=lambda c: (c.get("published", ""), c["article"], c["assertion"])):
        if c["modality"] in ("alleged", DENIED) and c["event"] not in contested_ids:
            event = events[c["event"]]
            if c["modality"] == "alleged" and any(x["modality"] in ("asserted", "reported") for x in by_event[c["event"]]):
                continue  # alleged by one, reported as fact by another: corroborated, not unanswered
            unanswered.append({"event": event, "claim": evidence(c)})
    corroborated = sorted((e for e in events.values() if len(e["sources"]) >= 2), key=importance)

    return {
        "title": f"kg brief: {period.since} to {period.until}",
        "period": {"since": period.since, "until": period.until, "days": period.days, "default": default_period,
                   "previous": {"since": previous.since, "until": previous.until}},
        "countries": [{"code": c, "name": names.get(c, c)} for c in sorted(wanted)],
        "counts": {
            "articles": len({c["article"] for c in now}), "claims": len(now), "reported": len(reported),
            "new": len(new), "shown": len(shown_new), "undatedArticles": len(undated_articles),
            "previousArticles": len({c["article"] for c in before if previous.holds(c["published"])}),
        },
        "events": _grouped(shown_new),
        "actors": {"new": new_actors[:TOP_ACTORS], "newCount": len(new_actors), "changed": changed[:TOP_ACTORS]},
        "contested": contested,
        "unanswered": unanswered,
        "corroborated": corroborated,
        "timeline": _timeline(events.values(), period),
        "places": _places(events.values()),
        "claims": now,  # for the map: the period's claims
    }


def _timeline(events: Iterable[dict], period: Period) -> dict:
    """Events of the period by the day they happened, from the start of the previous period (dated
    to the day; the others counted apart)."""
    start = period.previous().since
    days: dict[str, dict] = {}
    undated = 0
    for e in events:
        if len(e["date"]) == 10 and start <= e["date"] <= period.until:
            day = days.setdefault(e["date"], {"date": e["date"], "events": []})
            day["events"].append({"id": e["id"], "action": e["action"], "quad": e["quad"], "who": f"{e['agent']} → {e['target']}",
                                  "new": e["new"]})
        else:
            undated += 1
    return {"start": start, "since": period.since, "until": period.until, "days": sorted(days.values(), key=lambda d: d["date"]),
            "other": undated}


def _places(events: Iterable[dict]) -> list[dict]:
    """Where the period's events happened: each place with its country and events, busiest first."""
    places: dict[tuple, dict] = {}
    for e in events:
        if not e["place"]:
            continue
        entry = places.setdefault((e["place"], e["country"]), {"place": e["place"], "country": e["countryName"], "events": 0, "new": 0})
        entry["events"] += 1
        entry["new"] += int(e["new"])
    return sorted(places.values(), key=lambda p: (-p["events"], p["place"]))
