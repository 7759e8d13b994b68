"""Score extraction against gold event data that other people coded (PLOVER pairs, ACLED notes).

Two gold formats are read:

* ``plv``: a TSV of (sentence_id, sentence, source, target, gold_root) rows. A gold pair is *found*
  when one extracted event's actor matches the source and its target matches the target; root
  accuracy counts found pairs whose event carries the gold PLOVER root.
* ``acled``: JSONL of ``{"doc_id", "text", "gold_events": [{event_type, actor1, assoc_actor_1,
  actor2, assoc_actor_2, ...}]}``. Per document: is there an event of a gold ``event_type``, one
  whose actor matches a gold actor1, whose target matches a gold actor2, and one with all three.

Span matching is lenient on form and strict on extent: a predicted span matches a gold span when
they share a content word and at least half of the predicted span's content words lie inside the
gold span (case, accents, punctuation and stop words ignored; demonyms folded into their country,
words for armed forces folded together). A whole clause given as an actor therefore does not match.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.files import write_text
from kg.records import Article
from kg.text import fold

STOP_WORDS = frozenset(
    "the a an of and or in on at to for by with from its their his her de du des la le".split()
)
# Words news and coders use interchangeably for the same kind of actor.
ACTOR_SYNONYMS = {
    **dict.fromkeys(("soldier", "soldiers", "troops", "army", "military", "forces", "gendarmes",
                     "gendarmerie", "fds"), "forces"),
    **dict.fromkeys(("police", "policemen", "policeman"), "police"),
    **dict.fromkeys(("militants", "jihadists", "islamists", "insurgents"), "militants"),
    **dict.fromkeys(("protesters", "demonstrators"), "protesters"),
    **dict.fromkeys(("civilians", "villagers"), "civilians"),
}
# ACLED event types a PLOVER root can stand for, when an event carries no ACLED type of its own.
ACLED_TYPES_OF_ROOT = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"},
    "PROTEST": {"Protests", "Riots"},
    "COERCE": {"Strategic developments", "Violence against civilians"},
    "AGREE": {"Strategic developments"},
    "MOBILIZE": {"Strategic developments"},
    "YIELD": {"Strategic developments"},
}


@dataclass(frozen=True)
class SpanMatcher:
    """Lenient span comparison; demonyms map adjective forms ("Malian") to their country's name."""

    demonyms: dict[str, str] = field(default_factory=dict)

    def words(self, text: str | None) -> set[str]:
        if not text:
            return set()
        text = fold(text)
        text = re.sub(r"\(\d{4}-\d{0,4}\)", " ", text)  # ACLED's "(2015-)" period suffixes
        folded = set()
        for word in re.findall(r"[a-z0-9]+", text):
            if word in STOP_WORDS or len(word) < 2:
                continue
            word = ACTOR_SYNONYMS.get(word, word)
            folded.update(self.demonyms.get(word, word).split())
        return folded

    def matches(self, predicted: dict | None, gold: str) -> bool:
        """True when the predicted actor's text or label matches the gold span."""
        if not predicted:
            return False
        gold_words = self.words(gold)
        for form in (predicted.get("text"), predicted.get("label")):
            words = self.words(form)
            shared = len(words & gold_words)
            if words and shared and shared / len(words) >= 0.5:
                return True
        return False


@dataclass
class Scores:
    """Named scores and counts of one evaluation run, in print order."""

    kind: str
    values: dict[str, float | int]

    def line(self) -> str:
        return f"{self.kind}: " + ", ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in self.values.items()
        )


def demonym_folds(gazetteer) -> dict[str, str]:
    """Lower-case demonym -> lower-case country name ("malian" -> "mali"), from the gazetteer."""
    folds = {}
    for demonym, iso3 in gazetteer.demonyms.items():
        place = gazetteer.by_iso3.get(iso3)
        if place:
            folds[demonym] = fold(place.name)
    return folds


# --- gold readers -------------------------------------------------------------------------------

@dataclass
class PlvPair:
    doc_id: str
    source: str
    target: str
    root: str


@dataclass
class AcledDoc:
    doc_id: str
    events: list[dict]


def read_plv(path: Path) -> tuple[list[Article], list[PlvPair]]:
    """Articles (one per sentence id, ``plv-<id>``) and gold pairs of a PLV TSV file."""
    articles: dict[str, Article] = {}
    pairs = []
    with _open(path) as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = {"sentence_id", "sentence", "source", "target", "gold_root"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(f"{path}: not a PLV gold file (missing columns: {', '.join(sorted(missing))})")
        for row in reader:
            doc_id = f"plv-{row['sentence_id']}"
            articles.setdefault(doc_id, Article(id=doc_id, text=row["sentence"]))
            pairs.append(PlvPair(doc_id, row["source"], row["target"], row["gold_root"].upper()))
    return list(articles.values()), pairs


def read_acled(path: Path) -> tuple[list[Article], list[AcledDoc]]:
    """Articles and gold events of an ACLED-notes JSONL file."""
    articles, docs = [], []
    with _open(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                doc_id, text, events = str(record["doc_id"]), record["text"], record["gold_events"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not an ACLED gold line ({exc})") from None
            articles.append(Article(id=doc_id, text=text))
            docs.append(AcledDoc(doc_id, events))
    return articles, docs


def _open(path: Path):
    try:
        return path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file ({exc.strerror})") from None


# --- scoring ------------------------------------------------------------------------------------

def _root(event: dict) -> str:
    return ((event.get("action") or {}).get("plover") or "").upper()


def _acled_types(event: dict) -> set[str]:
    acled = (event.get("action") or {}).get("acled")
    return {acled} if acled else ACLED_TYPES_OF_ROOT.get(_root(event), set())


def score_plv(pairs: list[PlvPair], predicted: dict[str, list[dict]], matcher: SpanMatcher) -> Scores:
    """Pair recall, PLOVER root accuracy on found pairs, strict recall, swapped-direction share."""
    found = right_root = swapped = 0
    for pair in pairs:
        events = predicted.get(pair.doc_id, [])
        hits = [e for e in events if matcher.matches(e.get("actor"), pair.source)
                and matcher.matches(e.get("target"), pair.target)]
        if hits:
            found += 1
            right_root += any(_root(e) == pair.root for e in hits)
        elif any(matcher.matches(e.get("actor"), pair.target) and matcher.matches(e.get("target"), pair.source)
                 for e in events):
            swapped += 1
    n = max(len(pairs), 1)
    return Scores("plv", {
        "pairs": len(pairs),
        "pair_recall": found / n,
        "root_acc_on_found": right_root / max(found, 1),
        "strict_recall": right_root / n,
        "swapped": swapped / n,
        "events_per_doc": sum(map(len, predicted.values())) / max(len(predicted), 1),
    })


def score_acled(docs: list[AcledDoc], predicted: dict[str, list[dict]], matcher: SpanMatcher) -> Scores:
    """Per-document event_type, actor1, actor2 and strict (type + actor1 + actor2) accuracy."""
    typed = actor1 = actor2 = strict = with_events = with_actor2 = 0

    def first(e: dict, g: dict) -> bool:
        return matcher.matches(e.get("actor"), f"{g.get('actor1', '')} {g.get('assoc_actor_1', '')}")

    def second(e: dict, g: dict) -> bool:
        if not g.get("actor2"):
            return True
        return matcher.matches(e.get("target"), f"{g['actor2']} {g.get('assoc_actor_2', '')}")

    for doc in docs:
        events, gold = predicted.get(doc.doc_id, []), doc.events
        with_events += bool(events)
        with_actor2 += any(g.get("actor2") for g in gold)
        gold_types = {g.get("event_type") for g in gold}
        typed += any(_acled_types(e) & gold_types for e in events)
        actor1 += any(first(e, g) for e in events for g in gold)
        actor2 += any(g.get("actor2") and second(e, g) for e in events for g in gold)
        strict += any(g.get("event_type") in _acled_types(e) and first(e, g) and second(e, g)
                      for e in events for g in gold)
    n = max(len(docs), 1)
    return Scores("acled", {
        "docs": len(docs),
        "docs_with_events": with_events / n,
        "event_type_acc": typed / n,
        "actor1_acc": actor1 / n,
        "actor2_acc": actor2 / max(with_actor2, 1),
        "strict_triple_acc": strict / n,
    })


def predictions(articles: Iterable[Article], stream: Callable[[Iterable[Article]], Iterator]) -> dict[str, list[dict]]:
    """Contract events per document id, extracted with ``stream`` (e.g. ``Extractor.stream``)."""
    return {article.id: [e.contract() for e in events] for article, events in stream(articles)}


def evaluate(gold: Path, kind: str, extractor, *, limit: int | None = None,
             predictions_out: Path | None = None) -> Scores:
    """Read ``gold`` as ``kind`` (plv or acled), extract from its texts with ``extractor`` and score."""
    matcher = SpanMatcher(demonym_folds(extractor.rules.gazetteer))
    if kind == "plv":
        articles, pairs = read_plv(gold)
        if limit:
            articles = articles[:limit]
            keep = {a.id for a in articles}
            pairs = [p for p in pairs if p.doc_id in keep]
    elif kind == "acled":
        articles, docs = read_acled(gold)
        if limit:
            articles, docs = articles[:limit], docs[:limit]
    else:
        raise InputError(f"unknown gold format {kind!r}; use plv or acled")
    predicted = predictions(articles, extractor.stream)
    if predictions_out:
        write_predictions(predicted, predictions_out)
    return score_plv(pairs, predicted, matcher) if kind == "plv" else score_acled(docs, predicted, matcher)


def write_predictions(predicted: dict[str, list[dict]], path: Path) -> None:
    """The predictions as extraction-contract JSONL, written atomically."""
    write_text(path, "".join(json.dumps({"id": doc_id, "events": events}, ensure_ascii=False) + "\n"
                             for doc_id, events in predicted.items()))
