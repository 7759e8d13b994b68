"""What every scorer shares: lenient span matching, named scores, reading gold files.

Span matching is lenient on form and strict on extent: a predicted span matches a gold span when
they share a content word and at least half of the predicted span's content words lie inside the
gold span (case, accents, punctuation and stop words ignored; demonyms folded into their country,
words for armed forces folded together). A whole clause given as an actor therefore does not match.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kg.errors import InputError
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



def open_gold(path: Path):
    try:
        return path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file ({exc.strerror})") from None


def read_json_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a JSONL gold or text file."""
    with open_gold(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: each line must be a JSON object")
            yield number, record


def macro_f1(gold: list, guessed: list, labels: list) -> float:
    """The mean over ``labels`` of each label's F1."""
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, guessed))
        fp = sum(g != label and p == label for g, p in zip(gold, guessed))
        fn = sum(g == label and p != label for g, p in zip(gold, guessed))
        scores.append(2 * tp / max(2 * tp + fp + fn, 1))
    return sum(scores) / max(len(scores), 1)
