"""kg's Python API: the functions the CLI and the notebook both call."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg.article import Article
from kg.build import BuildSummary  # noqa: F401 - part of this module's API
from kg.limits import Limits
from kg.records import EventRecord


@dataclass
class Extractor:
    """A loaded spaCy pipeline and rule set; build it once and extract from many articles."""

    model: str | None = None
    rules: object = None
    nlp: object = None
    resolver: object = None
    piece_chars: int = Limits.piece_chars

    def __post_init__(self) -> None:
        from kg.nlp import build_pipeline
        from kg.resolve import Resolver
        from kg.rules import Rules

        self.rules = self.rules or Rules.load()
        self.nlp = self.nlp or build_pipeline(self.rules, self.model)
        self.resolver = self.resolver or Resolver()

    def events(self, article: Article) -> list[EventRecord]:
        """Event records of one article."""
        return next(self.stream([article]))[1]

    def stream(self, articles: Iterable[Article], batch_size: int = 32):
        """(article, events) pairs, parsed in batches with ``nlp.pipe``; a long article is parsed in
        pieces of at most ``piece_chars`` characters, so memory is bounded (see :mod:`kg.pieces`)."""
        from kg.extraction import extract_events
        from kg.pieces import joined, parse_in_pieces

        parsed = parse_in_pieces(self.nlp, articles, self.piece_chars, batch_size)
        yield from joined((piece, extract_events(doc, piece.part, self.rules, self.resolver)) for doc, piece in parsed)


def extract(text: str, *, published: str | None = None, id: str = "doc", extractor: Extractor | None = None) -> list[dict]:
    """Events of one text as contract dicts. ``kg.extract("...", published="2025-08")``."""
    extractor = extractor or Extractor()
    return [e.contract() for e in extractor.events(Article(id=id, text=text, published=published))]


class KnowledgeGraph:
    """A kg knowledge graph in a store: build into it, query it, export and view it."""

    def __init__(self, store: str | Path | None = None, *, read_only: bool = False):
        from kg.stores import open_store

        self.store = open_store(store, read_only=read_only)

    def build(self, inputs, *, published: str | None = None, model: str | None = None,
              extractor: Extractor | None = None, force: bool = False, validate: bool = True,
              processes: int = 1, engine: str = "local", scheduler: str | None = None, batch_size: int = 64,
              strict: bool = False, limits: Limits = Limits(), progress=None) -> BuildSummary:
        """Read, extract and store articles; an unchanged article already stored is skipped.

        ``inputs`` are files, folders, glob patterns, JSONL files and saved HTML pages, read as a
        stream. With ``validate`` each article's quads are checked against the SHACL shapes first;
        an article that does not conform is not stored, and its violations go to ``summary.errors``.
        Bad inputs (see :mod:`kg.read` and :mod:`kg.screen`) are set aside in ``summary.refused``,
        one ``file:line: reason`` each, and the rest is built; ``strict`` raises at the first one.
        Each article is stored in one transaction: an interrupted build leaves whole articles.
        ``processes`` > 1 extracts in that many local processes; ``engine="dask"`` on the Dask
        cluster whose scheduler is at ``scheduler``. ``progress`` is called with the running
        :class:`BuildSummary` after each article. See :mod:`kg.build`.
        """
        from kg.build import BuildOptions, build_corpus

        options = BuildOptions(published=published, model=model, force=force, validate=validate, engine=engine,
                               processes=processes, scheduler=scheduler, batch_size=batch_size, strict=strict,
                               limits=limits)
        return build_corpus(self.store, inputs, options, extractor=extractor, progress=progress)

    def query(self, sparql: str, params: dict | None = None) -> tuple[list[str], list[list]]:
        """Run SPARQL SELECT; returns variable names and rows of terms."""
        from kg.query import rows_of

        return rows_of(self.store.query(sparql, params))

    def validate(self) -> list:
        """Violations of the SHACL shapes anywhere in the store (empty when it conforms)."""
        from kg.validate import validate_store

        return validate_store(self.store)[0]

    def named(self, name: str, params: dict | None = None) -> tuple[list[str], list[list]]:
        """Run a named query of ``kg/queries`` with its parameters (``{"actor": "Asimi Goïta"}``)."""
        from kg.query import load_query

        named = load_query(name)
        named.check(params or {})
        return self.query(named.text, params)

    def export(self, fmt: str = "ttl", output: str | Path | None = None):
        from kg.export import export

        return export(self.store, fmt, output)

    def import_rdf(self, path: str | Path, graph: str | None = None):
        """Load an RDF file made elsewhere (see :mod:`kg.importer` for where its triples go)."""
        from kg.importer import import_rdf

        return import_rdf(self.store, path, graph)

    def network(self):
        from kg.network import actor_multigraph

        return actor_multigraph(self.store)

    def claims(self) -> list[dict]:
        """Every claim naming at least one actor, as flat dicts (see :func:`kg.network.claims`)."""
        from kg.network import claims

        return claims(self.store)

    def view(self, output: str | Path = "out/view.html", title: str | None = None, *, actor: str | None = None,
             hops: int = 1, types: Iterable[str] = (), since: str | None = None, until: str | None = None,
             timeline: bool = False) -> Path:
        """Write an offline HTML view: the actor network (optionally an actor's ego network, some
        event types, a date range) or, with ``timeline``, the events over time by type."""
        from kg.network import claims_of
        from kg.views import view_selection, write_view

        graph, unpaired, subtitle = view_selection(self.claims(), actor=actor, hops=hops, types=types,
                                                   since=since, until=until)
        if timeline:
            from kg.timeline import write_timeline

            return write_timeline(claims_of(graph) + unpaired, output, title or "kg event timeline", subtitle=subtitle)
        return write_view(graph, output, title or "kg actor network", unpaired=unpaired, subtitle=subtitle)

    def stats(self) -> dict:
        """Counts of articles, events, actors and assertions by modality."""
        s = self.store
        kgo = "https://w3id.org/kg/ontology#"
        by_modality = {
            row["m"].value.removeprefix(kgo).lower(): int(row["n"].value)
            for row in s.query(f"SELECT ?m (COUNT(?a) AS ?n) WHERE {{ ?a <{kgo}modality> ?m }} GROUP BY ?m")
        }
        by_type = {
            row["t"].value.removeprefix(kgo): int(row["n"].value)
            for row in s.query(f"SELECT ?t (COUNT(?e) AS ?n) WHERE {{ ?e <{kgo}eventType> ?t }} GROUP BY ?t ORDER BY DESC(?n)")
        }
        return {
            "articles": s.count(f"?a a <{kgo}Article>"),
            "events": s.count(f"?e a <{kgo}Event>"),
            "actors": s.count(f"SELECT DISTINCT ?x WHERE {{ ?e <{kgo}agent>|<{kgo}target> ?x }}"),
            "assertions": sum(by_modality.values()),
            "by_modality": by_modality,
            "by_type": by_type,
        }


def build(paths, *, store: str | Path | None = ":memory:", published: str | None = None,
          model: str | None = None) -> KnowledgeGraph:
    """Build a graph from files, folders or .jsonl paths; ``kg.build(["a.md"], store=".kg/store")``."""
    graph = KnowledgeGraph(store)
    graph.build(paths, published=published, model=model)
    return graph
