"""What a view of a large store draws: the claims among its busiest actors, chosen by the store.

A page of tens of thousands of actors is of no use to anyone, and reading every claim of a large
store takes longer than the page is worth. Past :data:`VIEW_CLAIMS` claims in the selection (event
types, dates, an actor's neighbourhood), the store ranks the actors by the claims that name them,
most first, and gives the :data:`VIEW_CLAIMS` claims whose less busy actor ranks highest; only
those are read, and the view says what it left out.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox

from kg.dates import date_span
from kg.network.claims import claims_about
from kg.rdf.vocab import KGO_NS as KGO
from kg.rdf.vocab import sparql_prefixes

if TYPE_CHECKING:
    from kg.store import Store

#: At most this many claims in a view; a selection with more is cut to the busiest actors' claims.
VIEW_CLAIMS = 5_000
#: At most this many actors ranked for it.
VIEW_ACTORS = 2_000
PREFIXES = sparql_prefixes("kgo")


def _terms(iris: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris)


def event_filter(types: Iterable[str] = (), since: str | None = None, until: str | None = None,
                 known: dict | None = None) -> str:
    """Group graph patterns that keep the ``?event``\\ s of some types (a type, a broader type or a
    PLOVER root, as :func:`kg.network.graphs.claim_matches` matches them; ``known`` is the scheme's
    event types) dated within ``since``..``until`` (by overlap, at each date's precision)."""
    parts = []
    wanted = {t.lower() for t in types}
    if wanted:
        chosen = [KGO + name for name, info in (known or {}).items()
                  if wanted & {t.lower() for t in (name, info.get("plover", ""), *info.get("broader", ())) if t}]
        parts.append(f"{{ SELECT ?event WHERE {{ VALUES ?kind {{ {_terms(chosen)} }} ?event kgo:eventType ?kind }} }}")
    if since or until:
        tests = []
        if since:
            tests.append(f'CONCAT(?day, SUBSTR("9999-12-31", STRLEN(?day) + 1)) >= "{date_span(since)[0]}"')
        if until:
            tests.append(f'CONCAT(?day, SUBSTR("0000-01-01", STRLEN(?day) + 1)) <= "{date_span(until)[1]}"')
        parts.append("{ SELECT ?event WHERE { ?event kgo:date ?when . BIND(STR(?when) AS ?day) FILTER("
                     + " && ".join(tests) + ") } }")
    return "\n  ".join(parts)


def _within(actors: Iterable[str] | None) -> str:
    """A pattern keeping the events whose every side is one of ``actors`` ("" for all events)."""
    if actors is None:
        return ""
    return _ranked_events(list(actors), "?inside")


def _ranked_events(actors: list[str], rank: str) -> str:
    """The events whose every side is one of ``actors``, each with the ``rank`` of its least busy
    side (the actor's index in ``actors``). ``VALUES`` inside ``OPTIONAL`` makes it one hash join."""
    ranks = " ".join(f"({ox.NamedNode(a)} {i})" for i, a in enumerate(actors))
    return (f"{{ SELECT ?event (MAX(?r) AS {rank}) WHERE {{ ?event kgo:agent|kgo:target ?side . "
            f"OPTIONAL {{ VALUES (?side ?r) {{ {ranks} }} }} }} GROUP BY ?event HAVING (COUNT(?r) = COUNT(?side)) }}")


def claim_count(store: Store, events: str = "") -> int:
    """How many claims (assertions of events with a named side) the selection ``events`` holds."""
    rows = store.select(PREFIXES + f"""SELECT (COUNT(*) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?event WHERE {{ ?event kgo:agent|kgo:target ?side }} }}
  {events}
  ?assertion kgo:asserts ?event .
}}""")
    return int(rows[0]["n"].value)


def neighbours(store: Store, actors: list[str], events: str = "") -> set[str]:
    """The actors tied to one of ``actors`` by an event of the selection some claim does not deny."""
    if not actors:
        return set()
    rows = store.query(PREFIXES + f"""SELECT DISTINCT ?other WHERE {{
  {{ SELECT ?event ?other WHERE {{
      VALUES ?actor {{ {_terms(actors)} }}
      {{ ?event kgo:agent ?actor ; kgo:target ?other }} UNION {{ ?event kgo:target ?actor ; kgo:agent ?other }} }} }}
  {events}
  ?claim kgo:asserts ?event .
  ?claim kgo:modality ?m .
  FILTER(?m != kgo:Denied)
}}""")
    return {row["other"].value for row in rows}


def busiest_actors(store: Store, events: str = "", *, among: list[str] | None = None,
                   limit: int = VIEW_ACTORS) -> list[str]:
    """The ``limit`` actors the most claims of the selection name (ties in IRI order), of ``among``
    when given."""
    values = f"VALUES ?actor {{ {_terms(among)} }}" if among is not None else ""
    rows = store.query(PREFIXES + f"""SELECT ?actor (COUNT(*) AS ?n) WHERE {{
  {values}
  {{ SELECT ?event ?actor WHERE {{ ?event kgo:agent|kgo:target ?actor }} }}
  {events}
  {{ SELECT ?assertion ?event WHERE {{ ?assertion kgo:asserts ?event }} }}
}}
GROUP BY ?actor ORDER BY DESC(?n) ?actor LIMIT {int(limit)}""")
    return [row["actor"].value for row in rows]


def busiest_assertions(store: Store, ranked: list[str], events: str = "", *, limit: int = VIEW_CLAIMS) -> list[str]:
    """The ``limit`` claims of the selection whose actors are all among ``ranked``, those whose
    least busy actor ranks highest first."""
    if not ranked:
        return []
    rows = store.query(PREFIXES + f"""SELECT ?assertion WHERE {{
  {_ranked_events(ranked, "?rank")}
  {events}
  ?assertion kgo:asserts ?event .
}}
ORDER BY ?rank ?assertion LIMIT {int(limit)}""")
    return [row["assertion"].value for row in rows]


def all_assertions(store: Store, events: str = "", *, among: list[str] | None = None) -> list[str]:
    """Every claim of the selection (whose named sides are all of ``among``, when given)."""
    rows = store.query(PREFIXES + f"""SELECT DISTINCT ?assertion WHERE {{
  {{ SELECT DISTINCT ?event WHERE {{ ?event kgo:agent|kgo:target ?side }} }}
  {events}
  {_within(among)}
  ?assertion kgo:asserts ?event .
}}""")
    return [row["assertion"].value for row in rows]


def view_claims(store: Store, *, types: Iterable[str] = (), since: str | None = None, until: str | None = None,
                reach: list[str] | None = None, known: dict | None = None,
                limit: int = VIEW_CLAIMS, total: int | None = None) -> tuple[list[dict], str]:
    """The claims a view of the selection draws (as :func:`kg.network.claims.claims` gives them),
    and a note saying what it leaves out ("" when nothing). ``reach``: only claims among these
    actors, the first of them the view's centre, which is always drawn. ``total``: the store's
    claims, when already counted."""
    events = event_filter(types, since, until, known)
    if total is None or events or reach is not None:
        total = claim_count(store, events + "\n  " + _within(reach))
    if total <= limit:
        return claims_about(store, all_assertions(store, events, among=reach)), ""
    ranked = busiest_actors(store, events, among=reach)
    if reach:
        ranked = [reach[0]] + [a for a in ranked if a != reach[0]]
    found = claims_about(store, busiest_assertions(store, ranked, events, limit=limit))
    drawn = {c[side]["id"] for c in found for side in ("agent", "target") if c[side]}
    narrower = "fewer hops (--hops)" if reach else "an actor (--actor)"
    return found, (f"the {len(found):,} claims among the {len(drawn):,} busiest actors, of {total:,} claims: "
                   f"choose {narrower}, event types (--type) or dates (--since, --until) to see the rest")
