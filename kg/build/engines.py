"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine takes batches of articles (and a function giving the full names the build knows so
far, which workers start their resolvers from) and yields one :class:`Extracted` per article, in input
order, with at most a few batches in flight so that memory stays flat however long the corpus.
Workers load the spaCy pipeline once each, extract, make the article's quads and check them against
the SHACL shapes; the store is written by the main process only. An article that resolved a
surname alone comes back with what its names need to be resolved again (:func:`resolved_again`),
in the main process, without parsing it again.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.errors import KgError, UsageError
from kg.extraction.extractor import Extractor, Unresolved
from kg.ingest.limits import PIECE_CHARS
from kg.rdf.quads import article_graph
from kg.records import Article, EventRecord
from kg.resolve.ledger import RecordingResolver
from kg.validate.report import focus_iri
from kg.validate.validators import Validator

ENGINES = ("local", "processes", "dask")


@dataclass
class Extracted:
    """One article's extraction: its events, its quads (pyoxigraph quads made here, or N-Quads from a
    worker), its SHACL violations (None when not checked) and, from a worker, the names it
    learned and the surnames it resolved (see :mod:`kg.resolve.ledger`), and when it resolved any,
    the article's events before resolution (``unresolved``)."""

    article: Article
    events: list[EventRecord]
    quads: list | None = None
    nquads: bytes | None = None
    violations: list | None = None
    learned: list[str] | None = None
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    redone: bool = False  # resolved again once the build's names were settled: it replaces its first version
    unresolved: Unresolved | None = None


@lru_cache(maxsize=2)
def _worker_extractor(model: str | None, piece_chars: int):
    """The pipeline of this worker process, loaded on its first batch and kept for the next."""
    return Extractor(model=model, piece_chars=piece_chars)


@lru_cache(maxsize=1)
def _worker_validator():
    return Validator()


def extract_batch(articles: list[Article], model: str | None = None, validate: bool = True,
                  batch_size: int = 32, piece_chars: int = PIECE_CHARS,
                  surnames: dict[str, tuple[str, ...]] | None = None) -> list[Extracted]:
    """Extract a batch in a worker: each article with a recording resolver that starts from
    ``surnames`` (the full names the build knew when it sent the batch), its quads made and (with
    ``validate``) checked; long articles are parsed in pieces (see :mod:`kg.nlp.pieces`). Pure apart
    from the worker's cached pipeline."""
    extractor = _worker_extractor(model, piece_chars)
    start = dict(surnames or {})
    resolver = RecordingResolver(dict(start))
    results = []
    for article, events, unresolved in extractor.stream(articles, batch_size, resolver=resolver, keep=True):
        results.append(_extracted(article, events, resolver, unresolved))
        # the next article starts from the batch's names too (the stream resolves an article's
        # pieces only once the previous one has been taken)
        resolver.surnames, resolver.learned, resolver.answers = dict(start), [], {}
    finish(results, _worker_validator() if validate else None)
    for result in results:  # N-Quads travel back to the main process faster than pickled terms
        result.nquads = ox.serialize(result.quads, format=ox.RdfFormat.N_QUADS)
        result.quads = None
    return results


def _extracted(article: Article, events: list[EventRecord], resolver: RecordingResolver,
               unresolved: Unresolved | None) -> Extracted:
    """An article's result with what its resolver recorded; what resolving it again needs is kept
    only when it resolved a surname alone (only then can the build's later names change it)."""
    return Extracted(article, events, learned=resolver.learned, answers=resolver.answers,
                     unresolved=unresolved if resolver.answers else None)


def resolved_again(unresolved: Unresolved, surnames: dict[str, tuple[str, ...]]) -> Extracted:
    """An article's names resolved again, its resolver starting from ``surnames``: the result a
    new extraction from those names gives, without the parse."""
    resolver = RecordingResolver(dict(surnames))
    events = unresolved.resolve(resolver)
    return finish([_extracted(unresolved.article, events, resolver, unresolved)])[0]


def finish(results: list[Extracted], validator=None) -> list[Extracted]:
    """Give each result its quads (pyoxigraph quads, made once for the check and the store) and,
    with a ``validator``, its violations (:func:`check_batch`)."""
    for result in results:
        result.quads = article_graph(result.article, result.events)
    if validator is not None:
        check_batch(results, validator)
    return results


def check_batch(results: list[Extracted], validator) -> list[Extracted]:
    """Give each result its violations: the batch is checked in one go and, when it fails, each
    article that names a node the batch's violations are about is checked again on its own.

    A violation an article has alone, the batch has too, at the same node (more triples cannot
    undo a maximum count, a datatype or a pattern; what more triples can satisfy, such as a minimum
    count, the batch check has always trusted the batch with), so an article that names none of
    those nodes conforms."""
    found = validator.check([q for result in results for q in result.quads])
    focus = {focus_iri(v) for v in found}
    nodes = None if None in focus else {ox.NamedNode(iri) for iri in focus}
    for result in results:
        if found and (nodes is None or any(q.subject in nodes or q.object in nodes for q in result.quads)):
            result.violations = validator.check(result.quads)
        else:
            result.violations = []
    return results


class LocalEngine:
    """Extraction in this process with ``nlp.pipe``, one resolver carried across articles, starting
    from the names the build knows at the start (``names()``: those already in the store). Its
    results come back with their quads, unchecked: the build checks them on its store thread,
    where the check's queries run beside the next articles' parsing."""

    def __init__(self, extractor=None, model: str | None = None, batch_size: int = 32,
                 piece_chars: int = PIECE_CHARS):
        self.extractor = extractor
        self.model = model
        self.piece_chars = piece_chars
        self.batch_size = batch_size

    def run(self, batches: Iterable[list[Article]], names=dict) -> Iterator[Extracted]:
        batches = iter(batches)
        first = next(batches, None)
        if first is None:
            return  # nothing changed: no pipeline to load
        if self.extractor is None:
            self.extractor = Extractor(model=self.model, piece_chars=self.piece_chars)
        resolver = RecordingResolver({key: tuple(known) for key, known in names().items()})
        articles = (article for batch in _chain(first, batches) for article in batch)
        for article, events, unresolved in self.extractor.stream(articles, resolver=resolver, keep=True):
            # pieces are resolved in order and an article is given back after its last piece, so
            # what the resolver recorded since the previous article is this article's; each goes
            # to the store thread at once, which so keeps up with the parser
            yield finish([_extracted(article, events, resolver, unresolved)])[0]
            resolver.learned, resolver.answers = [], {}

    def close(self) -> None:
        pass


class PoolEngine:
    """Extraction in ``processes`` local worker processes (spawned, so nothing of this process's
    threads or state is copied into them)."""

    def __init__(self, processes: int, model: str | None, validate: bool, batch_size: int = 32,
                 piece_chars: int = PIECE_CHARS):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = processes
        self.args = (model, validate, batch_size, piece_chars)
        self.pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"))

    def run(self, batches: Iterable[list[Article]], names=dict) -> Iterator[Extracted]:
        return _ordered(lambda batch: self.pool.submit(extract_batch, batch, *self.args, names()), batches,
                        2 * self.workers)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Extraction on a Dask distributed cluster: the scheduler at ``address`` (``tcp://host:8786``)
    or, without one, a local cluster of ``processes`` workers."""

    def __init__(self, address: str | None, processes: int, model: str | None, validate: bool, batch_size: int = 32,
                 piece_chars: int = PIECE_CHARS):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise KgError("--engine dask needs Dask distributed: pip install 'dask[distributed]'") from None
        self.cluster = None
        try:
            if address:
                self.client = Client(address, timeout="20s")
            else:
                self.cluster = LocalCluster(n_workers=max(processes, 1), threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise KgError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.workers = max(len(self.client.scheduler_info().get("workers", {})), 1)
        self.args = (model, validate, batch_size, piece_chars)

    def run(self, batches: Iterable[list[Article]], names=dict) -> Iterator[Extracted]:
        return _ordered(lambda batch: self.client.submit(extract_batch, batch, *self.args, names(), pure=False),
                        batches, 2 * self.workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _ordered(submit, batches: Iterable[list[Article]], window: int) -> Iterator[Extracted]:
    """Submit batches with at most ``window`` in flight; yield their results in input order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def make_engine(engine: str, *, processes: int = 1, scheduler: str | None = None, model: str | None = None,
                validate: bool = True, extractor=None, batch_size: int = 32, piece_chars: int = PIECE_CHARS):
    """The engine a build asked for: ``local`` (``processes`` > 1 makes it ``processes``),
    ``processes`` or ``dask``."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if processes < 1:
        raise UsageError("--processes must be at least 1")
    if engine == "dask":
        return DaskEngine(scheduler, processes, model, validate, batch_size, piece_chars)
    if scheduler:
        raise UsageError("--scheduler is for --engine dask")
    if engine == "processes" or processes > 1:
        return PoolEngine(processes, model, validate, batch_size, piece_chars)
    return LocalEngine(extractor, model, batch_size, piece_chars)


def _chain(first: list, rest: Iterator[list]) -> Iterator[list]:
    yield first
    yield from rest
