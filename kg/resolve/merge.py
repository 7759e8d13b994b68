"""Cross-article merging: one Event for the same happening, however many articles report it.

Event IRIs already meet when articles agree on type, agent, target and date. Articles often give
the date at different precisions ("in August" and "on 1 August"), so before an article is stored
each of its events is looked up among the events other articles assert: the same type, the same
resolved agent and target, and a *compatible* date (one date contains the other: ``2025-08``
contains ``2025-08-01``). When exactly one such event exists the article's assertion points at
it, and the event keeps the date it was first stored with (each assertion keeps its own time
words). Undated events merge only with undated ones (the same IRI): an undated claim could be
about any occasion. Only events with a participant the text names take part: "gunmen killed
civilians" in two reports need not be one happening, and such an event's IRI is its article's
own, or its place's when it is dated and placed (see :func:`kg.extraction.events.resolved_events`).
Corroboration is then countable: assertions, articles and sources per event.
"""
from __future__ import annotations

import calendar
import re

from rdflib import URIRef

from kg.rdf.iris import ENTITY_GRAPH, event_iri, graph_iri
from kg.rdf.vocab import KGO_NS as KGO
from kg.rdf.vocab import event_type_iri
from kg.records import Article, EventRecord

CANDIDATES = f"""
SELECT ?e ?t ?agent ?target ?date WHERE {{
  GRAPH <{ENTITY_GRAPH}> {{
    ?e <{KGO}eventType> ?t ; <{KGO}agent>|<{KGO}target>|<{KGO}about> ?x .
    OPTIONAL {{ ?e <{KGO}agent> ?agent }}
    OPTIONAL {{ ?e <{KGO}target>|<{KGO}about> ?target }}
    OPTIONAL {{ ?e <{KGO}date> ?date }}
  }}
  FILTER EXISTS {{ GRAPH ?g {{ ?assertion <{KGO}asserts> ?e }} FILTER(?g != ?own) }}
}}"""


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates of an event are compatible when one contains the other (``2025`` ⊇ ``2025-08``)."""
    if a is None or b is None:
        return a is None and b is None
    return a.startswith(b) or b.startswith(a)


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def compatible_dates(date: str) -> list[str] | None:
    """Every date compatible with an ISO year, month or day: the ones it lies in, itself and the
    ones in it (``2025-08``: ``2025``, ``2025-08`` and its 31 days); None for a date of another shape."""
    match = _ISO.fullmatch(date)
    if match is None:
        return None
    year, month, day = match.groups()
    if day:
        return [year, f"{year}-{month}", date]
    months = [int(month)] if month else list(range(1, 13))
    if not all(1 <= m <= 12 for m in months):
        return None
    inside = []
    for m in months:
        inside.append(f"{year}-{m:02}")
        inside.extend(f"{year}-{m:02}-{d:02}" for d in range(1, calendar.monthrange(int(year), m)[1] + 1))
    return [year, *inside]


def _identity(event: EventRecord) -> tuple:
    return (str(event_type_iri(event.action.type)), event.actor.iri if event.actor else None,
            event.target.iri if event.target else None)


Identity = tuple[str, str | None, str | None]  # event type IRI, agent IRI, target IRI
Row = tuple[str, str | None, str | None, str | None]  # event IRI, agent, target (or issue), date


def identities(events: list[EventRecord]) -> list[Identity]:
    """The distinct identities (type, agent, target) of the events that name an agent or a target."""
    keyed = (e for e in events if e.identified())
    return sorted(set(map(_identity, keyed)), key=lambda key: tuple(k or "" for k in key))


def sparql_candidates(store, wanted: list[Identity], own: str) -> dict[Identity, list[Row]]:
    """The stored events other graphs than ``own`` assert, by the ``wanted`` identity they have,
    found with one SPARQL query (for any store that answers SPARQL)."""
    pairs = {(t, x) for t, agent, target in wanted for x in (agent, target) if x}
    if not pairs:
        return {}
    values = " ".join(f"(<{t}> <{x}>)" for t, x in sorted(pairs))
    query = CANDIDATES.replace("WHERE {", f"WHERE {{ VALUES (?t ?x) {{ {values} }}", 1)
    found: dict[Identity, list[Row]] = {}
    wanted_keys = set(wanted)
    for row in store.select(query, {"own": URIRef(own)}):
        key = (row["t"].value, _value(row["agent"]), _value(row["target"]))
        if key in wanted_keys:
            found.setdefault(key, []).append((row["e"].value, key[1], key[2], _value(row["date"])))
    return found


def merge_events(store, article: Article, events: list[EventRecord], by_iri: bool = True) -> set[int]:
    """Point each event of ``article`` at the one compatible event that other articles (or earlier
    sentences of this one) already assert, in place; returns the positions of the events so
    re-pointed: they add an assertion, not a second description of the event.

    ``store.merge_candidates(identities, own_graph)`` gives, for each identity, the stored events of
    that identity that other graphs assert (see :func:`sparql_candidates`); with ``by_iri`` (the
    default) the candidates are looked up by IRI instead (see :func:`_probed`), which gives the same
    merges at a cost that does not grow with the store."""
    wanted = identities(events)
    if not wanted:
        return set()
    own = str(graph_iri(article.id))
    known: dict[tuple, dict[str, str | None]] = {}
    if by_iri and hasattr(store, "asserted_events"):
        wanted = _probed(store, events, own, known)
    if wanted:
        for key, rows in store.merge_candidates(wanted, own).items():
            for iri, _, _, date in rows:
                known.setdefault(key, {})[iri] = date
    moved: set[int] = set()
    for index, event in enumerate(events):
        if not event.identified():
            continue  # its IRI is its article's or its place's own (see kg.extraction.events)
        candidates = known.setdefault(_identity(event), {})
        if event.iri in candidates:
            continue
        date = event.time.value if event.time else None
        matches = [iri for iri, other in candidates.items() if compatible(date, other)]
        if len(matches) == 1:
            event.iri = matches[0]
            moved.add(index)
        else:
            candidates[event.iri] = date
    return moved


def _probed(store, events: list[EventRecord], own: str, known: dict) -> list[Identity]:
    """Fill ``known`` with the stored events the dated events of ``events`` may merge with, looked up
    by IRI: an event's IRI is made from its type, agent, target and date, so the events of its
    identity at the dates compatible with its own are the only ones it can merge with, and a few
    IRIs name them all, however many events its agent has. Returns the identities left to look up
    otherwise: those with an event dated by its year alone (its 378 compatible dates cost more
    than most scans) or by a date of another shape."""
    probes: dict[str, Identity] = {}
    rest: set[Identity] = set()
    for event in events:
        if not event.identified():
            continue
        if not (event.time and event.time.value):
            continue  # undated: merges with undated events only, which have its own IRI
        key = _identity(event)
        dates = compatible_dates(event.time.value) if len(event.time.value) > 4 else None
        if dates is None:
            rest.add(key)
            continue
        for date in dates:
            probes[str(event_iri(event.action.type, key[1], key[2], date))] = key
    for iri, date in store.asserted_events([i for i, key in probes.items() if key not in rest], own).items():
        known.setdefault(probes[iri], {})[iri] = date
    return sorted(rest, key=lambda key: tuple(k or "" for k in key))


def _value(term) -> str | None:
    return term.value if term is not None else None
