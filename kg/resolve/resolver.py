"""One actor per real-world actor: resolve mentions to canonical names and IRIs.

Inside an article: a surname alone ("Goïta", "Dembele") joins the full name it shares
("Gen Asimi Goïta" -> "Asimi Goïta"); pronouns ("its", "he") join the nearest earlier actor of the
right kind; accents and case never split an actor ("Goïta" and "Goita" are one IRI). Across
articles: a :class:`Resolver` remembers the full names it has seen, so a later article's "Goita"
joins the "Asimi Goïta" of an earlier one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.rdf.iris import actor_iri, issue_iri
from kg.records import ActorRef, EventRecord
from kg.text import fold

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}


@dataclass
class Resolver:
    """Full person names seen so far, by folded surname, to resolve short mentions across articles.

    When several full names share a surname the first in alphabetical order stands for it, so what
    a surname resolves to depends on the names known, not on the order they came in: a build
    resumed or extended from the names already stored resolves as one build of everything would."""

    surnames: dict[str, str] = field(default_factory=dict)

    def learn(self, label: str) -> None:
        parts = label.split()
        if len(parts) >= 2:
            key = fold(parts[-1])
            known = self.surnames.get(key)
            if known is None or label < known:
                self.surnames[key] = label

    def full_name(self, label: str) -> str:
        parts = label.split()
        if len(parts) == 1:
            return self.surnames.get(fold(parts[0]), label)
        return label


def resolve_events(events: list[EventRecord], resolver: Resolver | None = None) -> list[EventRecord]:
    """Give every actor and target of an article's events its canonical label and IRI (in place)."""
    resolver = resolver or Resolver()
    mentions = sorted(
        (ref for event in events for ref in (event.actor, event.target) if ref is not None),
        key=lambda r: r.start,
    )
    for ref in mentions:
        if ref.type == "Person" and not ref.pronoun:
            resolver.learn(ref.label)
    previous: list[ActorRef] = []
    for ref in mentions:
        if ref.pronoun:
            antecedent = _antecedent(ref, previous)
            if antecedent is not None:
                for name in ("label", "type", "country", "sector"):
                    setattr(ref, name, getattr(antecedent, name))
        elif ref.type == "Person":
            ref.label = resolver.full_name(ref.label)
        if not ref.pronoun:
            previous.append(ref)
    for ref in mentions:
        if ref.pronoun and ref.type == "Actor" and ref.label == ref.text:
            ref.iri = None
        else:
            ref.iri = str(issue_iri(ref.label) if ref.type == "Issue" else actor_iri(ref.label))
    return events


def _antecedent(pronoun: ActorRef, previous: list[ActorRef]) -> ActorRef | None:
    """The nearest earlier actor of the pronoun's kind, agents (who act) before targets."""
    wants_person = fold(pronoun.text) in PERSON_PRONOUNS
    for candidate in reversed(previous):
        if candidate.start >= pronoun.start or not candidate.is_agent:
            continue
        if (candidate.type == "Person") == wants_person:
            return candidate
    for candidate in reversed(previous):
        if candidate.start >= pronoun.start:
            continue
        if (candidate.type == "Person") == wants_person:
            return candidate
    return None
