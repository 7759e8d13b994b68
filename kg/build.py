"""The corpus build: read → skip what is unchanged → extract → check → merge → store, streamed.

Articles stream in from :func:`kg.inputs.read_inputs` in batches. One query per batch finds the
articles already stored with the same content hash, which are skipped unless ``force``. The rest go
to an extraction engine (:mod:`kg.engines`: this process, local processes or a Dask cluster), which
gives them back in input order with their quads and SHACL violations. The main process alone
writes the store, one article's named graph at a time, after merging each event with the event
other articles already report (:mod:`kg.merge`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from time import perf_counter
from typing import Callable, Iterable, Iterator

from kg.article import Article


@dataclass
class BuildSummary:
    """What a build did: articles stored, skipped (unchanged) and rejected (not conforming to the
    shapes, with their violations in ``errors``), event assertions and quads written, assertions
    merged into an event another article reported, words read and the time it took."""

    articles: int = 0
    skipped: int = 0
    events: int = 0
    quads: int = 0
    errors: list[str] = field(default_factory=list)
    rejected: int = 0
    validation_seconds: float = 0.0
    merged: int = 0
    words: int = 0
    seconds: float = 0.0
    actors: int = 0

    @property
    def seen(self) -> int:
        """Articles read so far, whatever became of them."""
        return self.articles + self.skipped + self.rejected

    def reasons(self) -> dict[str, int]:
        """Articles not stored, by why."""
        return {k: v for k, v in (("unchanged", self.skipped), ("not conforming to the shapes", self.rejected)) if v}


@dataclass
class BuildOptions:
    """How to build: see ``kg build --help`` for each."""

    published: str | None = None
    model: str | None = None
    force: bool = False
    validate: bool = True
    engine: str = "local"
    processes: int = 1
    scheduler: str | None = None
    batch_size: int = 64


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def build_corpus(store, inputs, options: BuildOptions | None = None, *, extractor=None,
                 progress: Callable[[BuildSummary], None] | None = None) -> BuildSummary:
    """Build ``inputs`` (files, folders, globs, JSONL, HTML) into ``store``; ``progress`` is called
    with the running summary after every article."""
    from kg.engines import make_engine
    from kg.inputs import read_inputs

    options = options or BuildOptions()
    started = perf_counter()
    summary = BuildSummary()
    engine = make_engine(options.engine, processes=options.processes, scheduler=options.scheduler,
                         model=options.model, validate=options.validate, extractor=extractor)
    writer = _Writer(store, options, summary, extractor if options.processes == 1 and options.engine == "local" else None)
    try:
        fresh = _changed(store, read_inputs(inputs, published=options.published), options, summary, progress)
        for result in engine.run(fresh):
            writer.write(result)
            if progress:
                progress(summary)
    finally:
        engine.close()
    store.flush()
    summary.actors = store.count("SELECT DISTINCT ?x WHERE { ?e <https://w3id.org/kg/ontology#agent>|"
                                 "<https://w3id.org/kg/ontology#target> ?x }")
    summary.seconds = perf_counter() - started
    return summary


def _changed(store, articles: Iterable[Article], options: BuildOptions, summary: BuildSummary,
             progress) -> Iterator[list[Article]]:
    """Batches of the articles to extract: those not stored with the same content hash."""
    for batch in batched(articles, options.batch_size):
        stored = {} if options.force else store.article_hashes([a.id for a in batch])
        keep = []
        for article in batch:
            if stored.get(article.id) == article.content_hash:
                summary.skipped += 1
                if progress:
                    progress(summary)
            else:
                keep.append(article)
        if keep:
            yield keep


class _Writer:
    """The main process's side of a build: names, checks, merging and store writes, in order."""

    def __init__(self, store, options: BuildOptions, summary: BuildSummary, extractor=None):
        from kg.names import NameLedger

        self.store = store
        self.options = options
        self.summary = summary
        self.ledger = NameLedger()
        self.extractor = extractor  # for articles a worker's names cannot settle
        self.validator = None

    def write(self, result) -> None:
        import pyoxigraph as ox

        from kg.merge import merge_events
        from kg.rdf import article_graph

        article, events, quads = result.article, result.events, None
        if result.learned is not None and not self.ledger.accept(result.learned, result.answers):
            events, result.violations, result.nquads = self._extract_again(article), None, None
        if result.nquads is None:
            quads = article_graph(article, events)
        violations = result.violations
        if self.options.validate and violations is None:
            violations = self._check(quads)
        if violations:
            self.summary.rejected += 1
            self.summary.errors.extend(f"{article.id}: {v.line()}" for v in violations)
            return
        moved = merge_events(self.store, article, events)
        if moved:
            quads = article_graph(article, events, moved)
            self.summary.merged += len(moved)
        elif quads is None:
            quads = list(ox.parse(result.nquads, format=ox.RdfFormat.N_QUADS))
        self.summary.quads += self.store.replace_article(article.id, quads)
        self.summary.articles += 1
        self.summary.events += len(events)
        self.summary.words += len(article.text.split())

    def _extract_again(self, article: Article) -> list:
        from kg.api import Extractor

        if self.extractor is None:
            self.extractor = Extractor(model=self.options.model, resolver=self.ledger.resolver)
        self.extractor.resolver = self.ledger.resolver
        return self.extractor.events(article)

    def _check(self, quads) -> list:
        from kg.validate import Validator

        started = perf_counter()
        self.validator = self.validator or Validator()
        violations = self.validator.check(quads)
        self.summary.validation_seconds += perf_counter() - started
        return violations
