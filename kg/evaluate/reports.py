"""Score extraction on whole news reports against an analyst's list of their central events.

The gold is a JSON list of ``{"doc", "events": [spec...], "must_not": [spec...]}``; the texts are a
JSONL file of ``{"id", "text", "published"?, "title"?, "url"?}`` lines. A spec names acceptable
PLOVER roots and modalities and, for each side, aliases: lowercase substrings of the event's actor
(or target) text or label, accents folded, or regular expressions written ``re:...``. A gold event
is *found* when one extracted event of its report matches it; ``actor_optional`` lets an event with
no actor match (the text names no agent) and ``actor_or_target`` lets either side match the actor
aliases; ``sentence_has`` pins a spec to its sentence. A ``must_not`` spec matched by any extracted
event is a *violation*: the report denies or only requests what the event asserts.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.evaluate.spans import Scores, read_json_lines
from kg.records import Article
from kg.text import fold


@dataclass(frozen=True)
class Report:
    """One report's gold: the events an analyst codes in it and the claims it must not assert."""

    doc_id: str
    events: list[dict]
    must_not: list[dict]


def texts_of(gold: Path) -> Path:
    """The texts beside a gold file: ``X_gold.json`` has its texts in ``X.jsonl``."""
    return gold.with_name(gold.name.removesuffix("_gold.json").removesuffix(".json") + ".jsonl")


def read_reports(gold: Path, texts: Path | None = None) -> tuple[list[Article], list[Report]]:
    """Articles (from the texts file) and the gold of each report that has a text."""
    texts = texts or texts_of(gold)
    try:
        specs = json.loads(gold.read_text(encoding="utf-8"))
        reports = [Report(str(d["doc"]), list(d["events"]), list(d.get("must_not", []))) for d in specs]
    except OSError as exc:
        raise InputError(f"{gold}: cannot read gold file ({exc.strerror})") from None
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{gold}: not a report gold file ({exc})") from None
    articles = []
    for number, record in read_json_lines(texts):
        try:
            articles.append(Article(id=str(record["id"]), text=record["text"], published=record.get("published"),
                                    title=record.get("title"), url=record.get("url")))
        except (KeyError, TypeError) as exc:
            raise InputError(f"{texts}:{number}: not a report line ({exc})") from None
    known = {a.id for a in articles}
    return articles, [r for r in reports if r.doc_id in known]


def _side(aliases: list[str] | None, mention: dict | None) -> bool:
    if aliases is None:
        return True
    said = " ".join(str((mention or {}).get(k) or "") for k in ("text", "label")).lower()
    folded = fold(said)
    return any(re.search(a[3:], folded) if a.startswith("re:") else (a in said or a in folded) for a in aliases)


def matches(event: dict, spec: dict) -> bool:
    """Whether an extracted event (contract dict) is the event a gold spec describes."""
    if ((event.get("action") or {}).get("plover") or "").upper() not in spec["plover"]:
        return False
    if (event.get("modality") or "asserted") not in spec.get("modality", ["asserted"]):
        return False
    if spec.get("sentence_has") and not any(w in (event.get("sentence") or "").lower() for w in spec["sentence_has"]):
        return False
    if spec.get("actor_or_target"):
        sides = _side(spec.get("actor"), event.get("actor")) or _side(spec.get("actor"), event.get("target"))
    else:
        actor = _side(spec.get("actor"), event.get("actor")) or bool(spec.get("actor_optional") and not event.get("actor"))
        sides = actor and _side(spec.get("target"), event.get("target"))
    if not sides:
        return False
    when = json.dumps(event.get("time") or {})
    if spec.get("time") and spec["time"] not in when and "May" not in when:
        return False
    return not spec.get("time_any") or any(t in when for t in spec["time_any"])


def score_reports(reports: list[Report], predicted: dict[str, list[dict]]) -> Scores:
    """Recall of the central events, violations of the must-not claims, and counts per report."""
    found = total = violations = 0
    per_report = {}
    for report in reports:
        events = predicted.get(report.doc_id, [])
        got = sum(any(matches(e, spec) for e in events) for spec in report.events)
        bad = sum(any(matches(e, spec) for e in events) for spec in report.must_not)
        found, total, violations = found + got, total + len(report.events), violations + bad
        per_report[report.doc_id] = f"{got}/{len(report.events)}" + (f" !{bad}" if bad else "")
    values: dict = {"reports": len(reports), "events": total, "found": found, "recall": found / max(total, 1),
                    "violations": violations,
                    "predicted": sum(len(predicted.get(r.doc_id, [])) for r in reports)}
    values.update({f"report {doc}": counts for doc, counts in per_report.items()})
    return Scores("articles", values)
