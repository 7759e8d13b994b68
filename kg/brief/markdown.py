"""A brief as Markdown, for e-mail and chat: headings, bullets, and each line's evidence as a quote
(the sentence, then who says it, the article and its date).

Text from articles is escaped so that it stays text wherever the Markdown is rendered: characters
Markdown or HTML would read as markup are backslash-escaped, line breaks become spaces, and links
are made only for ``http(s)`` URLs.
"""
from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def text(value: str) -> str:
    r"""``value`` as literal Markdown text: one line, every markup character escaped.

    >>> text("<script>alert(1)</script> *bold* [x](javascript:y)")
    '\\<script\\>alert\\(1\\)\\</script\\> \\*bold\\* \\[x\\]\\(javascript:y\\)'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def link(label: str, url: str) -> str:
    """A Markdown link when ``url`` is http(s), else the label alone (escaped either way)."""
    if re.match(r"^https?://", url or "", re.I):
        safe = re.sub(r"[\s()<>\[\]]", lambda m: "%{:02X}".format(ord(m.group())), url)
        return f"[{text(label)}]({safe})"
    return text(label)


def _quote(claim: dict, indent: str = "  ") -> list[str]:
    who = text(claim["source"]) + (f", via {text(claim['via'])}" if claim.get("via") else "")
    article = link(claim.get("article_title") or claim["article"], claim.get("url", ""))
    facts = [who, claim["modality"], article]
    if claim.get("published"):
        facts.append(f"published {claim['published']}")
    return [f"{indent}> {text(claim['sentence'])}", f"{indent}> — {' · '.join(facts)}"]


def _who(event: dict) -> str:
    return f"{text(event['agent'])} → {text(event['action'])} → {text(event['target'])}"


def _event_line(event: dict, *, quotes: bool = True) -> list[str]:
    facts = [f for f in (text(event["place"]) if event["place"] else "", event["date"] or "undated",
                         f"{len(event['sources'])} source(s): {text('; '.join(event['sources']))}" if event["sources"] else "no source says it happened",
                         ", ".join(event["modalities"])) if f]
    lines = [f"- **{_who(event)}** · {' · '.join(facts)}"]
    if quotes:
        for claim in event["claims"]:
            lines += _quote(claim)
    return lines


def brief_markdown(brief: dict) -> str:
    """The brief (see :func:`kg.brief.sections.make_brief`) as Markdown."""
    period, counts = brief["period"], brief["counts"]
    out = [f"# {text(brief['title'])}", ""]
    scope = ", ".join(f"{text(c['name'])} ({c['code']})" for c in brief["countries"]) or "all countries"
    out.append(f"{scope} · {counts['articles']} article(s) published from {period['since']} to {period['until']}"
               f"{' (the last ' + str(period['days']) + ' days of published articles)' if period['default'] else ''} · "
               f"{counts['new']} new event(s), {counts['reported']} reported · compared with {period['previous']['since']} "
               f"to {period['previous']['until']} ({counts['previousArticles']} article(s))")
    if counts["undatedArticles"]:
        out.append("")
        out.append(f"{counts['undatedArticles']} article(s) without a publication date are left out.")

    out += ["", "## Most important new events", ""]
    if not brief["events"]:
        out.append("No new event in this period.")
    if counts["new"] > counts["shown"]:
        out += [f"The {counts['shown']} most important of {counts['new']}, by independent sources, then severity.", ""]
    for country in brief["events"]:
        out += [f"### {text(country['name'])}", ""]
        for group in country["types"]:
            out += [f"#### {text(group['label'][:1].upper() + group['label'][1:])}", ""]
            for event in group["events"]:
                out += _event_line(event)
            out.append("")

    actors = brief["actors"]
    out += ["## Actors", "", "### New in this period", ""]
    if not actors["new"]:
        out.append("No actor appears for the first time.")
    for a in actors["new"]:
        out += _actor_lines(a, f"{a['now']} event(s)")
    out += ["", f"### Activity changed most against {period['previous']['since']} to {period['previous']['until']}", ""]
    if not actors["changed"]:
        out.append("No actor's activity changed.")
    for a in actors["changed"]:
        out += _actor_lines(a, f"{a['before']} → {a['now']} event(s) ({a['now'] - a['before']:+d})")

    out += ["", "## Contested and unconfirmed", ""]
    if not brief["contested"] and not brief["unanswered"]:
        out.append("No claim in this period is denied or only alleged.")
    for event in brief["contested"]:
        out.append(f"- **{_who(event)}** · {text(event['place']) + ' · ' if event['place'] else ''}{event['date'] or 'undated'}")
        said = [c for c in event["claims"] if c["modality"] != "denied"]
        denied = [c for c in event["claims"] if c["modality"] == "denied"]
        out.append(f"  - says it happened: {text('; '.join(event['sources']))}")
        for claim in said:
            out += _quote(claim, "    ")
        out.append(f"  - denies it: {text('; '.join(event['deniedBy']))}")
        for claim in denied:
            out += _quote(claim, "    ")
    for item in brief["unanswered"]:
        claim, event = item["claim"], item["event"]
        out.append(f"- **{_who(event)}** · {claim['modality']} by {text(claim['source'])}, no source says otherwise")
        out += _quote(claim)

    out += ["", "## Corroborated events", ""]
    if not brief["corroborated"]:
        out.append("No event of this period has two independent sources.")
    for event in brief["corroborated"]:
        out += _event_line(event)

    out += ["", "## Timeline", ""]
    timeline = brief["timeline"]
    for day in timeline["days"]:
        marker = " (this period)" if day["date"] >= timeline["since"] else ""
        names = "; ".join(f"{text(e['who'])}: {text(e['action'])}{' (new)' if e['new'] else ''}" for e in day["events"])
        out.append(f"- {day['date']}{marker}: {names}")
    if timeline["other"]:
        out.append(f"- not dated to a day in these weeks: {timeline['other']} event(s)")
    out += ["", "## Where", ""]
    if not brief["places"]:
        out.append("No event of this period names a place.")
    for p in brief["places"]:
        out.append(f"- {text(p['place'])} ({text(p['country'])}): {p['events']} event(s), {p['new']} new")
    return "\n".join(out).rstrip() + "\n"


def _actor_lines(actor: dict, what: str) -> list[str]:
    kind = re.sub(r"([a-z])([A-Z])", r"\1 \2", actor["type"]).lower()
    head = f"- **{text(actor['label'])}** ({text(kind)}{', ' + actor['country'] if actor['country'] else ''}): {what}"
    event = actor.get("event")
    if not event:
        return [head]
    lines = [head + f" · e.g. {_who(event)}, {event['date'] or 'undated'}"]
    claim = next((c for c in event["claims"] if c["modality"] != "denied"), event["claims"][0])
    return lines + _quote(claim)
