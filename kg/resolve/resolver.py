"""One actor per real-world actor: resolve mentions to canonical names and IRIs, without false merges.

A surname alone ("Goïta", "Camara") stands for a full name only where that is safe:

1. the full name its own article gives ("Gen Asimi Goïta ... Goïta said"); when the article names
   several people of that surname, the nearest before the mention (else the first after it);
2. else, across articles, the full name when the build knows exactly one for that surname;
3. else, when it knows several, no one: the mention stays its own actor of that article, marked
   with the names it may be (``candidates``), never merged into one of them;
4. a surname no full name is known for stays the surname (one actor across articles, as the
   text names it).

A full name is never rewritten into a longer one ("Nema Sagara" stays apart from "Asimi Nema Sagara").
What the build knows is a set of names, so the answer to step 2 and 3 does not depend on the order
they were learned in. Pronouns ("its", "he") join the nearest earlier actor of the right kind;
accents and case never split an actor ("Goïta" and "Goita" are one IRI).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.rdf.iris import actor_iri, issue_iri
from kg.records import ActorRef, EventRecord
from kg.text import fold

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}


@dataclass
class Resolver:
    """The full person names known across articles, by folded surname (each a sorted tuple, so a
    copy of the dict never shares state with the original)."""

    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def learn(self, label: str) -> None:
        """Remember a full name (two words or more)."""
        parts = label.split()
        if len(parts) >= 2:
            key = fold(parts[-1])
            known = self.surnames.get(key, ())
            if label not in known:
                self.surnames[key] = tuple(sorted((*known, label)))

    def candidates(self, label: str) -> tuple[str, ...]:
        """The full names known for a surname alone (none for a name of two words or more)."""
        parts = label.split()
        return self.surnames.get(fold(parts[0]), ()) if len(parts) == 1 else ()

    def full_name(self, label: str) -> str:
        """The one full name known for a surname alone; the label itself when none or several are."""
        known = self.candidates(label)
        return known[0] if len(known) == 1 else label

    def names(self) -> list[str]:
        """Every full name known, in a stable order."""
        return sorted(name for names in self.surnames.values() for name in names)


def resolve_events(events: list[EventRecord], resolver: Resolver | None = None, article_id: str = "",
                   own_names: list[tuple[int, str]] = ()) -> list[EventRecord]:
    """Give every actor and target of an article's events its canonical label and IRI (in place).

    ``own_names`` are the (offset, full name) pairs of the persons the article names in full,
    anywhere in it (not only in events); with the persons of the events themselves they settle its
    surnames first (see the module's steps). The article's full names are then learned by ``resolver``."""
    resolver = resolver or Resolver()
    mentions = sorted(
        (ref for event in events for ref in (event.actor, event.target) if ref is not None),
        key=lambda r: r.start,
    )
    own: dict[str, list[tuple[int, str]]] = {}  # the article's full names by folded surname
    for offset, name in _own_full_names(mentions, own_names):
        own.setdefault(fold(name.split()[-1]), []).append((offset, name))
    previous: list[ActorRef] = []
    for ref in mentions:
        if ref.pronoun:
            antecedent = _antecedent(ref, previous)
            if antecedent is not None:
                for name in ("label", "type", "country", "sector", "candidates"):
                    setattr(ref, name, getattr(antecedent, name))
        elif len(ref.label.split()) == 1 and (ref.type == "Person" or _bare_name(ref)):
            _settle_surname(ref, own, resolver)
        if not ref.pronoun:
            previous.append(ref)
    for _, name in (pair for pairs in own.values() for pair in pairs):
        resolver.learn(name)
    for ref in mentions:
        if ref.pronoun and ref.type == "Actor" and ref.label == ref.text:
            ref.iri = None
        elif ref.type == "Issue":
            ref.iri = str(issue_iri(ref.label))
        elif ref.candidates:  # ambiguous: an actor of this article only
            ref.iri = str(actor_iri(f"{ref.label} in {article_id}"))
        else:
            ref.iri = str(actor_iri(ref.label))
    return events


def _own_full_names(mentions: list[ActorRef], named: list[tuple[int, str]]) -> list[tuple[int, str]]:
    found = {(offset, name) for offset, name in named if len(name.split()) >= 2}
    found |= {(ref.start, ref.label) for ref in mentions
              if ref.type == "Person" and not ref.pronoun and len(ref.label.split()) >= 2}
    return sorted(found)


def _bare_name(ref: ActorRef) -> bool:
    """A one-word name no actor pattern named, which the entity recogniser may have mistyped ("Diallo"
    as an organisation): it is a surname when a person of that surname is known."""
    return not ref.pronoun and ref.type in ("Actor", "Organization") and ref.label == ref.text and ref.label.istitle()


def _settle_surname(ref: ActorRef, own: dict[str, list[tuple[int, str]]], resolver: Resolver) -> None:
    same = own.get(fold(ref.label), [])
    if same:
        before = [name for offset, name in same if offset < ref.start]
        ref.label, ref.type = (before[-1] if before else same[0][1]), "Person"
        return
    if ref.type != "Person" and not resolver.candidates(ref.label):
        return  # not known as anyone's surname: the name stays what the recogniser made of it
    known = resolver.candidates(ref.label)
    if len(known) == 1:
        ref.label, ref.type = known[0], "Person"
    elif len(known) > 1:
        ref.candidates, ref.type = known, "Person"


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
