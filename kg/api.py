"""kg's Python API: the functions the CLI and the notebook both call.

The stages are imported inside the functions that use them: querying, viewing and exporting a
graph never load the NLP stack (spaCy takes a second to import); extracting and building do.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.ingest.limits import Limits
from kg.records import Article

if TYPE_CHECKING:
    from kg.build.corpus import BuildSummary
    from kg.extraction.extractor import Extractor

__all__ = ["Extractor", "KnowledgeGraph", "build", "extract"]


def __getattr__(name: str):
    if name == "Extractor":  # the extractor's class, loaded with the NLP stack when first asked for
        from kg.extraction.extractor import Extractor

        return Extractor
    raise AttributeError(f"module 'kg.api' has no attribute {name!r}")


def extract(text: str, *, published: str | None = None, id: str = "doc", extractor: "Extractor | None" = None) -> list[dict]:
    """Events of one text as contract dicts. ``kg.extract("...", published="2025-08")``."""
    from kg.extraction.extractor import Extractor

    extractor = extractor or Extractor()
    return [e.contract() for e in extractor.events(Article(id=id, text=text, published=published))]


class KnowledgeGraph:
    """A kg knowledge graph in a store: build into it, query it, export and view it."""

    def __init__(self, store: str | Path | None = None, *, read_only: bool = False):
        from kg.store import open_store
        from kg.store.location import missing_folder

        self._spec, self._read_only = store, read_only
        self._created = None if read_only else missing_folder(None if store is None else str(store))
        self._store = open_store(store, read_only=read_only)

    @property
    def store(self):
        """The store the graph lives in (opened again if a build that stored nothing removed it)."""
        if self._store is None:
            from kg.store import open_store

            self._store = open_store(self._spec, read_only=self._read_only)
        return self._store

    def build(self, inputs, *, published: str | None = None, model: str | None = None,
              extractor: "Extractor | None" = None, force: bool = False, validate: bool = True,
              processes: int = 1, engine: str = "local", scheduler: str | None = None, batch_size: int = 64,
              strict: bool = False, limits: Limits = Limits(), progress=None) -> "BuildSummary":
        """Read, extract and store articles; an unchanged article already stored is skipped.

        ``inputs`` are files, folders, glob patterns, JSONL files and saved HTML pages, read as a
        stream. With ``validate`` each article's quads are checked against the SHACL shapes first;
        an article that does not conform is not stored, and its violations go to ``summary.errors``.
        Bad inputs (see :mod:`kg.ingest`) are set aside in ``summary.refused``, one
        ``file:line: reason`` each, and the rest is built; ``strict`` raises at the first one.
        Each article is stored in one transaction: an interrupted build leaves whole articles.
        ``processes`` > 1 extracts in that many local processes; ``engine="dask"`` on the Dask
        cluster whose scheduler is at ``scheduler``. ``progress`` is called with the running
        :class:`~kg.build.corpus.BuildSummary` after each article. See :mod:`kg.build`.
        """
        from kg.build.corpus import BuildOptions, build_corpus

        options = BuildOptions(published=published, model=model, force=force, validate=validate, engine=engine,
                               processes=processes, scheduler=scheduler, batch_size=batch_size, strict=strict,
                               limits=limits)
        try:
            summary = build_corpus(self.store, inputs, options, extractor=extractor, progress=progress)
        except BaseException:
            self._discard_if_empty()
            raise
        summary.store_removed = self._discard_if_empty()
        return summary

    def _discard_if_empty(self) -> bool:
        """Remove the store this graph created when nothing was stored in it: a build that built
        nothing leaves no empty store behind. Whether it was removed."""
        import gc
        import shutil

        from kg.rdf.vocab import KGO

        if self._created is None or self._store is None or self._store.count(f"?a a <{KGO.Article}>"):
            return False
        self._store = None
        gc.collect()  # RocksDB lets go of the folder when the store object goes
        shutil.rmtree(self._created, ignore_errors=True)
        created, self._created = self._created, None
        return not created.exists()

    def query(self, sparql: str, params: dict | None = None) -> tuple[list[str], list[list]]:
        """Run SPARQL SELECT; returns variable names and rows of terms."""
        from kg.sparql.results import rows_of

        return rows_of(self.store.query(sparql, params))

    def validate(self) -> list:
        """Violations of the SHACL shapes anywhere in the store (empty when it conforms)."""
        from kg.validate.validators import validate_store

        return validate_store(self.store)[0]

    def named(self, name: str, params: dict | None = None) -> tuple[list[str], list[list]]:
        """Run a named query of ``kg/sparql/queries`` with its parameters (``{"actor": "goita"}``).

        A value that can only find nothing because it is misspelled (an event type, an actor, a
        country, a date) raises :class:`~kg.errors.QueryError` with the nearest names; event types,
        actors and countries are matched as the views match them (see :mod:`kg.sparql.checks`).
        """
        from kg.errors import QueryError
        from kg.sparql.checks import check_parameters
        from kg.sparql.named import load_query

        named = load_query(name)
        params = {k: ox_literal(v) for k, v in (params or {}).items()}
        named.check(params)
        try:
            return self.query(named.text, check_parameters(params, self.store))
        except QueryError as exc:
            raise QueryError(f"query {name}: {exc}") from None

    def export(self, fmt: str = "ttl", output: str | Path | None = None, *, date_fallback: str | None = None) -> Path | None:
        """Write the graph as ``fmt`` to ``output`` (stdout when None); see :mod:`kg.export`.
        ``date_fallback="published"`` dates undated events by their articles in the CSV table."""
        from kg.export.formats import export

        return export(self.store, fmt, output, date_fallback=date_fallback)

    def import_rdf(self, path: str | Path, graph: str | None = None):
        """Load an RDF file made elsewhere (see :mod:`kg.store.importer` for where its triples go)."""
        from kg.store.importer import import_rdf

        return import_rdf(self.store, path, graph)

    def network(self):
        """The actor multigraph: one edge per claim (see :func:`kg.network.graphs.actor_multigraph`)."""
        from kg.network.graphs import actor_multigraph

        return actor_multigraph(self.store)

    def dyad_network(self):
        """Every actor a claim names and the dyads between them, summed up by the store (one row per
        dyad, never per claim): what ``kg stats`` ranks (see :func:`kg.network.aggregates.dyad_network`)."""
        from kg.network.aggregates import dyad_network

        return dyad_network(self.store)

    def claims(self) -> list[dict]:
        """Every claim naming at least one actor, as flat dicts (see :func:`kg.network.claims.claims`)."""
        from kg.network.claims import claims

        return claims(self.store)

    def view(self, output: str | Path = "out/view.html", title: str | None = None, *, actor: str | None = None,
             hops: int = 1, types: Iterable[str] = (), since: str | None = None, until: str | None = None,
             timeline: bool = False, map: bool = False, max_claims: int | None = None) -> Path:
        """Write an offline HTML view: the actor network (optionally an actor's ego network, some
        event types, a date range); with ``timeline``, the events over time by type; with ``map``,
        where they happened (see :mod:`kg.views.map`).

        A selection of more than ``max_claims`` claims (:data:`kg.network.busiest.VIEW_CLAIMS` by
        default) draws the claims among its busiest actors, as many, and says so on the page
        (see :mod:`kg.network.busiest`).

        A misspelled event type or actor raises :class:`~kg.errors.InputError` with the nearest
        names; a selection with nothing to draw raises :class:`~kg.errors.NothingToShow` saying why.
        """
        from kg.errors import UsageError
        from kg.network.claims import event_types
        from kg.network.graphs import claims_of
        from kg.views.actor_network import view_selection, write_view
        from kg.views.page import write_page
        from kg.views.timeline import write_timeline

        if timeline and map:
            raise UsageError("choose one of --timeline and --map")
        known = event_types(self.store)
        items, note = self._view_claims(actor=actor, hops=hops, types=types, since=since, until=until, known=known,
                                        limit=max_claims)
        graph, unpaired, subtitle = view_selection(items, actor=actor, hops=hops, types=types, since=since,
                                                   until=until, known_types=known, allow_empty=False)
        subtitle = "; ".join(part for part in (subtitle, note) if part)
        if timeline:
            return write_timeline(claims_of(graph) + unpaired, output, title or "kg event timeline", subtitle=subtitle)
        if map:
            from kg.views.map import map_page

            return write_page(output, map_page(claims_of(graph) + unpaired, title or "kg event map", subtitle=subtitle))
        return write_view(graph, output, title or "kg actor network", unpaired=unpaired, subtitle=subtitle)

    def _view_claims(self, *, actor: str | None, hops: int, types: Iterable[str], since: str | None,
                     until: str | None, known: dict, limit: int | None) -> tuple[list[dict], str]:
        """The claims a view starts from, and a note on what it leaves out: every claim of a store of
        up to ``limit`` claims; of a larger one, those the store picks for the selection
        (:func:`kg.network.busiest.view_claims`), or every claim when it picks none, so that the
        view can say which filter emptied it."""
        import networkx as nx

        from kg.dates import check_date
        from kg.errors import UsageError
        from kg.network.aggregates import actors
        from kg.network.analytics import find_actor
        from kg.network.busiest import VIEW_CLAIMS, claim_count, event_filter, neighbours, view_claims
        from kg.network.graphs import check_types

        limit = VIEW_CLAIMS if limit is None else limit
        if limit < 1:
            raise UsageError(f"the most claims a view draws must be 1 or more, not {limit}")
        total = claim_count(self.store)
        if total <= limit:
            return self.claims(), ""
        types = check_types([t for t in types if t], known)
        check_date(since, "--since")
        check_date(until, "--until")
        reach = None
        if actor:
            names = nx.Graph()
            names.add_nodes_from(actors(self.store).items())
            reach = [find_actor(names, actor)]
            events, seen, frontier = event_filter(types, since, until, known), set(reach), list(reach)
            for _ in range(max(hops, 0)):
                frontier = sorted(neighbours(self.store, frontier, events) - seen)
                seen.update(frontier)
                reach += frontier
        items, note = view_claims(self.store, types=types, since=since, until=until, reach=reach, known=known,
                                  limit=limit, total=total)
        return (items, note) if items else (self.claims(), "")

    def brief(self, output: str | Path = "out/brief.html", *, since: str | None = None, until: str | None = None,
              countries: Iterable[str] = (), top: int = 20, title: str | None = None) -> Path:
        """Write the brief of what was published from ``since`` to ``until`` (by default the last 7
        days of published articles): HTML when ``output`` ends in ``.html``, Markdown in ``.md``.
        ``countries`` are ISO alpha-3 codes or names; one no event has is an error with the nearest
        ones. See :mod:`kg.brief`."""
        from kg.brief.markdown import brief_markdown
        from kg.brief.period import choose_period
        from kg.brief.sections import make_brief
        from kg.errors import InputError, UsageError
        from kg.files import write_text
        from kg.network.countries import claim_countries
        from kg.sparql.checks import country_names, resolve_country
        from kg.views.brief import render_brief

        suffix = Path(output).suffix.lower()
        if suffix not in (".html", ".htm", ".md", ".markdown"):
            raise UsageError(f"cannot tell the brief's format from {Path(output).name!r}: name it .html or .md")
        items = self.claims()
        period, default = choose_period((c["published"] for c in items), since, until)
        names = country_names()
        present = set(claim_countries(items).values()) - {""}
        codes = []
        for value in countries:
            try:
                codes.append(resolve_country(value, present, lambda: names, what="event"))
            except InputError as error:
                raise InputError(f"--country {value}: {error}") from None
        brief = make_brief(items, period, countries=codes, top=top, names=names, default_period=default)
        if title:
            brief["title"] = title
        if suffix in (".md", ".markdown"):
            return write_text(output, brief_markdown(brief))
        return write_text(output, render_brief(brief))

    def stats(self) -> dict:
        """Counts of articles, events, actors and assertions by modality."""
        from kg.rdf.vocab import KGO, KGO_NS

        s = self.store
        by_modality = {
            row["m"].value.removeprefix(KGO_NS).lower(): int(row["n"].value)
            for row in s.query(f"SELECT ?m (COUNT(?a) AS ?n) WHERE {{ ?a <{KGO.modality}> ?m }} GROUP BY ?m")
        }
        by_type = {
            row["t"].value.removeprefix(KGO_NS): int(row["n"].value)
            for row in s.query(f"SELECT ?t (COUNT(?e) AS ?n) WHERE {{ ?e <{KGO.eventType}> ?t }} GROUP BY ?t ORDER BY DESC(?n)")
        }
        return {
            "articles": s.count(f"?a a <{KGO.Article}>"),
            "events": s.count(f"?e a <{KGO.Event}>"),
            "actors": s.count(f"SELECT DISTINCT ?x WHERE {{ ?e <{KGO.agent}>|<{KGO.target}> ?x }}"),
            "assertions": sum(by_modality.values()),
            "by_modality": by_modality,
            "by_type": by_type,
        }


def ox_literal(value):
    """A parameter value as an RDF term: strings become plain literals, terms stay as they are."""
    import pyoxigraph as ox

    return ox.Literal(value) if isinstance(value, str) else value


def build(paths, *, store: str | Path | None = ":memory:", published: str | None = None,
          model: str | None = None) -> KnowledgeGraph:
    """Build a graph from files, folders or .jsonl paths; ``kg.build(["a.md"], store=".kg/store")``."""
    graph = KnowledgeGraph(store)
    graph.build(paths, published=published, model=model)
    return graph
