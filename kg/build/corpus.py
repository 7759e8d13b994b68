"""The corpus build: read → skip what is unchanged → extract → check → merge → store, streamed.

Articles stream in through a :class:`kg.ingest.intake.Intake` (bad inputs set aside, or with ``strict``
fatal) in batches. One query per batch finds the
articles already stored with the same content hash, which are skipped unless ``force``. The rest go
to an extraction engine (:mod:`kg.build.engines`: this process, local processes or a Dask cluster), which
gives them back in input order with their quads and SHACL violations. The main process alone
writes the store, one article's named graph at a time, after merging each event with the event
other articles already report (:mod:`kg.resolve.merge`).
"""
from __future__ import annotations

import queue
import sys
import threading
from dataclasses import dataclass, field
from itertools import islice
from time import perf_counter
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import RDFS

from kg.build.engines import check_batch, make_engine, resolved_again
from kg.build.shelf import Shelf
from kg.ingest.intake import Intake
from kg.ingest.limits import Limits
from kg.rdf.quads import article_graph
from kg.rdf.vocab import KGO
from kg.records import Article
from kg.resolve.ledger import NameLedger
from kg.resolve.merge import merge_events
from kg.validate.validators import Validator

FLUSH_EVERY = 100  # articles between store flushes: memory stays flat (RocksDB keeps unflushed writes in RAM)
CHECK_AT_MOST = 64  # articles the store thread checks against the shapes in one go
# How long a thread may hold the GIL when another waits for it, during a build (Python's default is
# 5 ms). The parser gives the GIL up for every matrix product; when the store thread takes it, the
# parser waited up to the whole interval to get it back; a shorter one took about 5% off one-process
# builds in alternating runs.
SWITCH_INTERVAL = 0.0005


@dataclass
class BuildSummary:
    """What a build did: articles stored, skipped (unchanged) and rejected (not conforming to the
    shapes, with their violations in ``errors``), event assertions and quads written, assertions
    merged into an event another article reported, words stored and the time it took."""

    articles: int = 0
    skipped: int = 0
    events: int = 0
    quads: int = 0
    errors: list[str] = field(default_factory=list)
    rejected: int = 0
    merged: int = 0
    words: int = 0
    seconds: float = 0.0
    actors: int = 0
    refused: list = field(default_factory=list)  # an InputError per input set aside
    store_removed: bool = False  # the build created the store, stored nothing and removed it again

    @property
    def seen(self) -> int:
        """Inputs read so far, whatever became of them."""
        return self.articles + self.skipped + self.rejected + len(self.refused)


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
    strict: bool = False
    limits: Limits = field(default_factory=Limits)


def batched(items: Iterable, size: int, *, start: int = 1) -> Iterator[list]:
    """Lists of ``items``: the first of ``start`` items, each next one twice as long, up to ``size``.
    Small first batches get every worker going at once, and let the names the first articles teach
    reach the workers before most articles are sent (see :mod:`kg.resolve.ledger`)."""
    iterator = iter(items)
    length = max(1, min(start, size))
    while batch := list(islice(iterator, length)):
        yield batch
        length = min(length * 2, size)


def build_corpus(store, inputs, options: BuildOptions | None = None, *, extractor=None,
                 progress: Callable[[BuildSummary], None] | None = None) -> BuildSummary:
    """Build ``inputs`` (files, folders, globs, JSONL, HTML) into ``store``; ``progress`` is called
    with the running summary after every article."""
    options = options or BuildOptions()
    started = perf_counter()
    intake = Intake(strict=options.strict, limits=options.limits)
    summary = BuildSummary(refused=intake.refused)
    engine = make_engine(options.engine, processes=options.processes, scheduler=options.scheduler,
                         model=options.model, validate=options.validate, extractor=extractor,
                         piece_chars=options.limits.piece_chars)
    writer = _Writer(store, options, summary, progress)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        fresh = _changed(store, intake.articles(inputs, published=options.published), options, summary, progress)
        for result in engine.run(fresh, writer.known_names):
            writer.write(result)
        writer.settle()
    finally:
        try:
            engine.close()
            writer.close()
        finally:
            sys.setswitchinterval(interval)
    store.flush()
    summary.actors = store.count(f"SELECT DISTINCT ?x WHERE {{ ?e <{KGO.agent}>|<{KGO.target}> ?x }}")
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


def _stored_full_names(store) -> list[str]:
    """Full names (two words or more) of the persons already in the store, in a stable order."""
    rows = store.query(f"SELECT DISTINCT ?name WHERE {{ ?a a <{KGO.Person}> ; <{RDFS.label}> ?name }} ORDER BY ?name")
    return [row["name"].value for row in rows if len(row["name"].value.split()) >= 2]


class _Writer:
    """The main process's side of a build, in input order: cross-article names here; the SHACL
    check of what this process extracted, merging and store writes on a thread of their own (their
    queries and writes run outside the GIL, so they overlap the next articles' extraction)."""

    def __init__(self, store, options: BuildOptions, summary: BuildSummary, progress=None):
        self.store = store
        self.options = options
        self.summary = summary
        self.progress = progress
        self.ledger = NameLedger()
        for name in _stored_full_names(store):  # names earlier builds settled: an incremental build
            self.ledger.resolver.learn(name)    # resolves "Goïta" as a one-off build of everything would
        self.asked: dict[str, dict] = {}  # what articles that resolved a surname alone answered, by article
        self.unresolved = Shelf()  # and what resolving their names again takes
        self.validator = None
        self.writes = 0  # articles written to the store, the first time or again
        self.queue: queue.Queue = queue.Queue(maxsize=256)
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._store_loop, name="kg-store-writer", daemon=True)
        self.thread.start()

    def known_names(self) -> dict[str, tuple[str, ...]]:
        """The full names by surname the build has settled so far, for the next batch's workers."""
        return self.ledger.resolver.surnames

    def write(self, result) -> None:
        """Settle names for an article, then queue it to be checked and stored."""
        article = result.article
        if result.learned is not None and not self.ledger.accept(result.learned, result.answers):
            result = resolved_again(result.unresolved, dict(self.known_names()))  # as a one-process build would
            self.ledger.adopt(result.learned)
        # an extractor of another kind may keep nothing to resolve again from: its first resolution stands
        if result.answers and result.unresolved is not None:
            self.asked[article.id] = result.answers
            self.unresolved.put(article.id, result.unresolved)
        elif article.id in self.asked:
            del self.asked[article.id]
            self.unresolved.discard(article.id)
        result.unresolved = None  # the shelf has it
        self._queue(result)

    def settle(self) -> None:
        """Resolve again the names of each article whose surnames alone the build's final names
        answer otherwise (a full name, or a second person of that surname, first named by a later
        article): the names settled are then those of the whole build, whatever order its articles
        came in."""
        names = self.ledger.resolver
        for article_id, answers in self.asked.items():
            if any(names.candidates(label) != answer for label, answer in answers.items()):
                result = resolved_again(self.unresolved.get(article_id), dict(names.surnames))
                result.redone, result.unresolved = True, None
                self._queue(result)
        self.asked.clear()

    def _queue(self, result) -> None:
        if result.quads is None and result.nquads is None:
            result.quads = article_graph(result.article, result.events)
        self._put(result)

    def _put(self, item) -> None:
        while True:
            if self.failure is not None:
                raise self.failure
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def close(self) -> None:
        """Wait for the queued articles to be stored; raise what went wrong on the writer thread."""
        self.unresolved.close()
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if self.failure is not None:
            raise self.failure

    def _batches(self) -> Iterator[list]:
        """What the main thread queues, in order, in groups of at most ``CHECK_AT_MOST``: what
        arrives within a moment of a group's first result joins it, so that it is checked with it."""
        while True:
            batch = [self.queue.get()]
            while batch[-1] is not None and len(batch) < CHECK_AT_MOST:
                try:
                    batch.append(self.queue.get(timeout=0.05))
                except queue.Empty:
                    break
            if batch[-1] is None:
                if len(batch) > 1:
                    yield batch[:-1]
                return
            yield batch

    def _store_loop(self) -> None:
        for batch in self._batches():
            if self.failure is not None:
                continue  # drain: the main thread raises at its next put or at close
            try:
                for result in self._conforming(batch):
                    self._store(result)
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                self.failure = exc

    def _conforming(self, batch: list) -> list:
        """The results of ``batch`` that conform to the shapes, checked here when no worker checked
        them (in one go, :func:`kg.build.engines.check_batch`; the queries run outside the GIL,
        beside the main thread's parsing); the others are counted as rejected."""
        unchecked = [r for r in batch if self.options.validate and r.violations is None]
        if unchecked:  # extracted in this process, so with their quads
            self.validator = self.validator or Validator()
            check_batch(unchecked, self.validator)
        kept = []
        for result in batch:
            if not result.violations:
                kept.append(result)
                continue
            self.summary.rejected += 1
            self.summary.errors.extend(f"{result.article.id}: {v.line()}" for v in result.violations)
            if self.progress:
                self.progress(self.summary)
        return kept

    def _store(self, result) -> None:
        article, events, quads = result.article, result.events, result.quads
        moved = merge_events(self.store, article, events)
        if moved:
            quads = article_graph(article, events, moved)
            self.summary.merged += len(moved)
        elif quads is None:
            quads = list(ox.parse(result.nquads, format=ox.RdfFormat.N_QUADS))
        written = self.store.replace_article(article.id, quads)
        self.writes += 1
        if self.writes % FLUSH_EVERY == 0:  # articles written again at the end of a build count too
            self.store.flush()  # else the store's write buffers hold every article written so far
        if result.redone:
            return
        self.summary.quads += written
        self.summary.articles += 1
        self.summary.events += len(events)
        self.summary.words += len(article.text.split())
        if self.progress:
            self.progress(self.summary)
