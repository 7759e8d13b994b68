"""Score the spans of sources and targets against those event coders marked (CAMEO-coded sentences).

The gold is JSONL of ``{"id", "text", "S": [source spans], "T": [target spans], "penta": 0-4 | null}``.
For sources, the predicted spans of a sentence are the distinct actor texts of its events; for
targets, the target texts. *Strict*: the predicted text equals the gold span (case, punctuation and
a leading article aside); *lenient*: the span rule of :mod:`kg.evaluate.spans`. Precision is over
the distinct predicted spans, recall over the gold spans. The penta class (0 statement, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) is read off the CAMEO
code of the event matching a gold pair, else one side, else the first event; no event counts as 0.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.evaluate.spans import Scores, SpanMatcher, macro_f1, read_json_lines
from kg.records import Article


@dataclass(frozen=True)
class CodedSentence:
    """One sentence's coded source and target spans and its penta class."""

    doc_id: str
    sources: list[str]
    targets: list[str]
    penta: int | None


def read_cameo(path: Path) -> tuple[list[Article], list[CodedSentence]]:
    """Articles (one per sentence) and their coded spans."""
    articles, sentences = [], []
    for number, record in read_json_lines(path):
        try:
            doc_id = str(record["id"])
            sentences.append(CodedSentence(doc_id, list(record["S"]), list(record["T"]), record.get("penta")))
            articles.append(Article(id=doc_id, text=record["text"]))
        except (KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a coded sentence ({exc})") from None
    return articles, sentences


def canonical(span: str | None) -> str:
    """A span as the strict comparison sees it: lowercase words, no punctuation, no leading article."""
    text = " ".join(re.sub(r"[^a-z0-9 ]", " ", (span or "").lower()).split())
    return re.sub(r"^(the|a|an) ", "", text)


def penta_of(event: dict | None) -> int:
    """The penta class of an event's CAMEO code (its first two digits): 0 for none."""
    code = str(((event or {}).get("action") or {}).get("cameo") or "")
    try:
        root = int(code[:2])
    except ValueError:
        return 0
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def score_cameo(sentences: list[CodedSentence], predicted: dict[str, list[dict]], matcher: SpanMatcher) -> Scores:
    """Strict and lenient span precision, recall and F1 for sources and targets, their macro means,
    the pair recall and the penta-class accuracy."""
    values: dict = {"sentences": len(sentences)}
    for side, key in (("source", "actor"), ("target", "target")):
        strict = lenient = guessed = wanted = 0
        for sentence in sentences:
            events = predicted.get(sentence.doc_id, [])
            spans = {canonical((e.get(key) or {}).get("text")) for e in events if e.get(key)} - {""}
            gold = sentence.sources if side == "source" else sentence.targets
            wanted, guessed = wanted + len(gold), guessed + len(spans)
            strict += sum(canonical(g) in spans for g in gold)
            lenient += sum(any(matcher.matches(e.get(key), g) for e in events) for g in gold)
        for name, hits in (("strict", strict), ("lenient", lenient)):
            precision, recall = hits / max(guessed, 1), hits / max(wanted, 1)
            values[f"{side}_{name}_precision"] = precision
            values[f"{side}_{name}_recall"] = recall
            values[f"{side}_{name}_f1"] = 2 * precision * recall / max(precision + recall, 1e-9)
    for name in ("strict", "lenient"):
        values[f"span_{name}_macro_f1"] = (values[f"source_{name}_f1"] + values[f"target_{name}_f1"]) / 2
    gold_penta, guessed_penta, paired, with_pair = [], [], 0, 0
    for sentence in sentences:
        events = predicted.get(sentence.doc_id, [])

        def sides(e: dict) -> tuple[bool, bool]:
            return (any(matcher.matches(e.get("actor"), s) for s in sentence.sources),
                    any(matcher.matches(e.get("target"), t) for t in sentence.targets))

        both = [e for e in events if all(sides(e))]
        one = [e for e in events if any(sides(e))]
        if sentence.sources and sentence.targets:
            with_pair += 1
            paired += bool(both)
        if sentence.penta is not None:
            gold_penta.append(sentence.penta)
            guessed_penta.append(penta_of((both or one or events or [None])[0]))
    values["pair_recall"] = paired / max(with_pair, 1)
    values["penta_acc"] = sum(g == p for g, p in zip(gold_penta, guessed_penta)) / max(len(gold_penta), 1)
    values["penta_macro_f1"] = macro_f1(gold_penta, guessed_penta, [0, 1, 2, 3, 4])
    return Scores("cameo", values)
