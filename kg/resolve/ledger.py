"""Cross-article name resolution when articles are extracted apart (several processes, a cluster).

A one-process build resolves a surname alone ("Goïta") to the full name an *earlier* article gave
("Asimi Goïta") through one :class:`~kg.resolve.resolver.Resolver` it carries from article to article. A
worker sees only its own articles, so each article is extracted with a :class:`RecordingResolver`
that starts from the names the build had settled when the batch was sent, and notes the full names
the article taught and the answers it gave to surnames alone. The build then replays the names in
input order in a :class:`NameLedger`: when every answer is the one the running resolver would have
given, the worker's result is exactly what a one-process build makes; when not (a surname named in
full by an article still on its way when the batch was sent), the article's names are resolved
again from the ledger's names (from what its parse found, without parsing it again), and the
ledger takes what it learned.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.resolve.resolver import Resolver


@dataclass
class RecordingResolver(Resolver):
    """A resolver that records what it learned, in order, and what it answered to surnames alone."""

    learned: list[str] = field(default_factory=list)
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def learn(self, label: str) -> None:
        self.learned.append(label)
        super().learn(label)

    def candidates(self, label: str) -> tuple[str, ...]:
        answer = super().candidates(label)
        if len(label.split()) == 1:
            self.answers[label] = answer
        return answer


@dataclass
class NameLedger:
    """The build's running resolver, fed in input order with what each article taught."""

    resolver: Resolver = field(default_factory=Resolver)

    def accept(self, learned: list[str], answers: dict[str, tuple[str, ...]]) -> bool:
        """Take an article's names if its answers to surnames alone are the running resolver's
        (asked before the article's own names are learned); returns False, changing nothing, when
        the article's names have to be resolved again with :attr:`resolver`."""
        if any(self.resolver.candidates(label) != answer for label, answer in answers.items()):
            return False
        self.adopt(learned)
        return True

    def adopt(self, learned: list[str]) -> None:
        """Take the names of an article extracted from this ledger's own names: its answers were
        the running resolver's, so its names are too."""
        for label in learned:
            self.resolver.learn(label)
