"""Score extraction against gold event data that other people coded: PLOVER pairs and ACLED notes
here, whole reports and CAMEO spans in their own modules.

The formats read here:

* ``plv``: a TSV of (sentence_id, sentence, source, target, gold_root) rows. A gold pair is *found*
  when one extracted event's actor matches the source and its target matches the target; root
  accuracy counts found pairs whose event carries the gold PLOVER root.
* ``acled``: JSONL of ``{"doc_id", "text", "gold_events": [{event_type, actor1, assoc_actor_1,
  actor2, assoc_actor_2, ...}]}``. Per document: is there an event of a gold ``event_type``, one
  whose actor matches a gold actor1, whose target matches a gold actor2, and one with all three.

Spans are matched as :mod:`kg.evaluate.spans` says. :func:`evaluate` also reads the formats of
:mod:`kg.evaluate.reports` (whole reports) and :mod:`kg.evaluate.cameo` (coders' spans).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.evaluate import cameo, reports
from kg.evaluate.spans import Scores, SpanMatcher, demonym_folds, macro_f1, open_gold
from kg.files import write_text
from kg.records import Article

# ACLED event types a PLOVER root can stand for, when an event carries no ACLED type of its own.
ACLED_TYPES_OF_ROOT = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"},
    "PROTEST": {"Protests", "Riots"},
    "COERCE": {"Strategic developments", "Violence against civilians"},
    "AGREE": {"Strategic developments"},
    "MOBILIZE": {"Strategic developments"},
    "YIELD": {"Strategic developments"},
}








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
    with open_gold(path) as handle:
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
    with open_gold(path) as handle:
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




# --- scoring ------------------------------------------------------------------------------------

def _root(event: dict) -> str:
    return ((event.get("action") or {}).get("plover") or "").upper()


def _acled_types(event: dict) -> set[str]:
    acled = (event.get("action") or {}).get("acled")
    return {acled} if acled else ACLED_TYPES_OF_ROOT.get(_root(event), set())


def score_plv(pairs: list[PlvPair], predicted: dict[str, list[dict]], matcher: SpanMatcher) -> Scores:
    """Pair recall, PLOVER root accuracy on found pairs, strict recall, swapped-direction share, and
    the root given the pair (the setting of published PLV scores: the event matching both sides,
    else one side, else the sentence's first event; no event is a miss) as accuracy and macro-F1."""
    found = right_root = swapped = 0
    gold_roots, given_roots = [], []
    for pair in pairs:
        events = predicted.get(pair.doc_id, [])
        hits = [e for e in events if matcher.matches(e.get("actor"), pair.source)
                and matcher.matches(e.get("target"), pair.target)]
        one_side = [e for e in events if matcher.matches(e.get("actor"), pair.source)
                    or matcher.matches(e.get("target"), pair.target)]
        pick = (hits or one_side or events or [None])[0]
        gold_roots.append(pair.root)
        given_roots.append(_root(pick) if pick else "NONE")
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
        "pair_given_root_acc": sum(g == p for g, p in zip(gold_roots, given_roots)) / n,
        "pair_given_root_macro_f1": macro_f1(gold_roots, given_roots, sorted(set(gold_roots))),
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


FORMATS = ("plv", "acled", "articles", "cameo")


def evaluate(gold: Path, kind: str, extractor, *, limit: int | None = None,
             predictions_out: Path | None = None, texts: Path | None = None) -> Scores:
    """Read ``gold`` as ``kind`` (see :data:`FORMATS`), extract from its texts with ``extractor``
    and score; ``texts`` is where the texts of ``articles`` gold lie (beside it by default)."""
    matcher = SpanMatcher(demonym_folds(extractor.rules.gazetteer))
    if kind == "plv":
        articles, gold_items = read_plv(gold)
    elif kind == "acled":
        articles, gold_items = read_acled(gold)
    elif kind == "articles":
        articles, gold_items = reports.read_reports(gold, texts)
    elif kind == "cameo":
        articles, gold_items = cameo.read_cameo(gold)
    else:
        raise InputError(f"unknown gold format {kind!r}; use one of {', '.join(FORMATS)}")
    if limit:
        articles = articles[:limit]
        keep = {a.id for a in articles}
        gold_items = [g for g in gold_items if g.doc_id in keep]
    predicted = predictions(articles, extractor.stream)
    if predictions_out:
        write_predictions(predicted, predictions_out)
    if kind == "plv":
        return score_plv(gold_items, predicted, matcher)
    if kind == "acled":
        return score_acled(gold_items, predicted, matcher)
    if kind == "articles":
        return reports.score_reports(gold_items, predicted)
    return cameo.score_cameo(gold_items, predicted, matcher)


def write_predictions(predicted: dict[str, list[dict]], path: Path) -> None:
    """The predictions as extraction-contract JSONL, written atomically."""
    write_text(path, "".join(json.dumps({"id": doc_id, "events": events}, ensure_ascii=False) + "\n"
                             for doc_id, events in predicted.items()))
