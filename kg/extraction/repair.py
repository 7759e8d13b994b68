"""Mend parses the small pipeline gets wrong in ways the argument finder cannot read around.

Each repair names the construction it mends and rewrites heads and labels of the Doc in place,
before any event is looked for, so that every later step reads the mended tree:

- two coordinated phrases merged into one: "Ethiopia's government and Tigray forces" comes as
  one phrase headed by "forces", with "government and Tigray" (or "army and") its modifier; a
  modifier that names an actor kind on its own and is followed by its own coordinator before the
  head is the first conjunct, and the head the second ("[Ethiopia's government] and [Tigray forces]"),
  and so is a person's name among a person's modifiers ("[Prime Minister Abiy Ahmed] and [Somaliland
  leader Muse Bihi Abdi]");
- a name broken into several subjects or objects of one verb: "Sudanese Prime Minister Omar al-Fadil"
  and "Hezb-e-Islami" come as side-by-side subjects at their hyphens; adjacent phrases of the same
  part with no comma or coordinator between them, the last a proper noun, are one name headed by it;
- a preposition coordinated with a clause: in "accused the rebels of stalling the talks so that they could
  wreck them and of breaking the truce", the second "of" comes as a conjunct of "wreck";
  it is a second phrase of the word the same preposition before it is of ("accused the army of
  halting ... and of violating").
"""
from __future__ import annotations

from spacy.attrs import DEP, ENT_TYPE, HEAD, POS
from spacy.strings import get_string_id
from spacy.symbols import ADP, NOUN, PROPN
from spacy.tokens import Doc, Token

from kg.extraction.coreference import entity_bounds
from kg.extraction.mentions import group_kind, title_kind
from kg.extraction.triggers import absolute_heads
from kg.rules.loader import Rules


def repair(doc: Doc, rules: Rules) -> Doc:
    """All repairs of this module, in place.

    Only nouns that are no modifier can head a merged coordination; they are picked off an array
    of parts of speech and labels made once (a repair relabels only words up to the one it mends,
    so the labels of those after it stay as read)."""
    compounds = {get_string_id(label) for label in rules.labels.compounds}
    rows = doc.to_array([POS, DEP]).tolist()
    possible = _possible_merges(doc, rules)
    for i, (pos, dep) in enumerate(rows):
        if pos not in (NOUN, PROPN) or dep in compounds or i not in possible:
            continue
        token = doc[i]
        first = merged_conjunct(token, rules)
        if first is not None:
            _split(token, first, rules)
            possible = _possible_merges(doc, rules)  # (the split rewrote heads: read them again)
    labels = rules.labels
    parts = {get_string_id(label) for label in labels.subjects | labels.passive_subjects | labels.direct_objects}
    first_of: dict[tuple[int, int], int] = {}
    shared: set[int] = set()  # verbs with two subjects or two objects, the only ones a broken name can be under
    for i, (head, dep) in enumerate(zip(absolute_heads(doc.to_array(HEAD)), doc.to_array(DEP).tolist())):
        if dep in parts and first_of.setdefault((head, dep), i) != i:
            shared.add(head)
    compound = min(labels.compounds)
    for verb in sorted(shared):
        for run in broken_names(doc[verb], rules):
            for part in run[:-1]:
                part.head, part.dep_ = run[-1], compound
    conjuncts = {get_string_id(label) for label in labels.conjuncts}
    for i, (pos, dep) in enumerate(rows):
        if pos == ADP and dep in conjuncts and doc[i].dep_ in labels.conjuncts:  # (as read, and still)
            token = doc[i]
            first = coordinated_preposition(token, rules)
            if first is not None:  # a second phrase of the word the first is of
                token.head, token.dep_ = first.head, first.dep_
    return doc


def _possible_merges(doc: Doc, rules: Rules) -> set[int]:
    """The words :func:`merged_conjunct` can find a merged coordination under, read off arrays of
    the parse: the head of a noun modifier that has a coordinator of its own, and the words of a
    person's name; every other word is passed over without a Token made for it."""
    labels = rules.labels
    rows = doc.to_array([HEAD, DEP, POS, ENT_TYPE])
    heads = absolute_heads(rows[:, 0])
    deps, parts, types = rows[:, 1].tolist(), rows[:, 2].tolist(), rows[:, 3].tolist()
    coordinators = {get_string_id(label) for label in labels.coordinators}
    compounds = {get_string_id(label) for label in labels.compounds}
    person = get_string_id("PERSON")
    found = {heads[heads[c]] for c, dep in enumerate(deps)
             if dep in coordinators and deps[heads[c]] in compounds and parts[heads[c]] == NOUN}
    return found | {i for i, kind in enumerate(types) if kind == person}


def coordinated_preposition(preposition: Token, rules: Rules) -> Token | None:
    """The same preposition before a conjunct preposition hung on a word of another kind, of which
    it is the conjunct ("of stalling the talks so that they could wreck them and of breaking")."""
    if preposition.head.pos_ == "ADP" or preposition.head.i > preposition.i:
        return None
    word = preposition.lower_
    for before in reversed(preposition.doc[preposition.sent.start: preposition.head.i]):
        if before.pos_ == "ADP" and before.lower_ == word and before.dep_ in rules.labels.preposition:
            return before
    return None


def broken_names(verb: Token, rules: Rules) -> list[list[Token]]:
    """Runs of ``verb``'s children that are one name parsed as several of its subjects or objects."""
    labels = rules.labels
    parts = labels.subjects | labels.passive_subjects | labels.direct_objects
    runs: list[list[Token]] = []
    run: list[Token] = []
    for child in verb.children:
        joined = run and child.dep_ == run[-1].dep_ and child.left_edge.i == run[-1].right_edge.i + 1
        part = child.dep_ in parts and child.pos_ != "PRON"  # a pronoun is no part of a name ("whom Ankara")
        if part and (joined or not run):
            run.append(child)
        else:
            if len(run) > 1:
                runs.append(run)
            run = [child] if part else []
    if len(run) > 1:
        runs.append(run)
    return [r for r in runs if r[-1].pos_ == "PROPN" and not any(
        t.text in (",", ";") or t.dep_ in labels.coordinators for t in verb.doc[r[0].left_edge.i : r[-1].right_edge.i + 1])]


def merged_conjunct(head: Token, rules: Rules) -> Token | None:
    """The first conjunct merged into ``head``'s phrase as its modifier, or None."""
    labels = rules.labels
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in labels.compounds:
        return None
    for child in head.lefts:
        if child.dep_ not in labels.compounds or child.pos_ != "NOUN":
            continue
        if group_kind(child, rules)[0] is None and title_kind(child, rules) is None:
            continue
        if any(c.dep_ in labels.coordinators for c in child.rights):
            return child
    # a person's name deeper inside the modifiers: "[Prime Minister Abiy Ahmed] and [Somaliland leader
    # Muse Bihi Abdi]" comes with "Ahmed" a modifier of "leader", itself a modifier of "Abdi"
    if head.ent_type_ == "PERSON":
        for token in head.doc[head.left_edge.i : head.i]:
            if token.dep_ in labels.compounds and token.ent_type_ == "PERSON" and entity_bounds(token)[1] == token.i + 1 \
                    and any(c.dep_ in labels.coordinators for c in token.rights) \
                    and any(c.dep_ in labels.conjuncts and c.i < head.i for c in token.rights):
                return token
    return None


def _split(head: Token, first: Token, rules: Rules) -> None:
    """Make ``first`` the head of the coordination and ``head`` its conjunct: what ``first``
    coordinates before ``head`` modifies ``head`` ("Tigray"), and what ``head`` has before ``first``
    ("Kenya's" in "Kenya's army and Somali forces") belongs to ``first``."""
    labels = rules.labels
    conjunct, compound, adjective = (min(group) for group in (labels.conjuncts, labels.compounds, labels.adjective_modifiers))
    coordinator = next(c for c in first.rights if c.dep_ in labels.coordinators)
    moved_right = [c for c in first.rights if c.i > coordinator.i and c.i < head.i]
    moved_left = [c for c in head.lefts if c.i < first.i]
    first.head, first.dep_ = (head.head if head.head.i != head.i else first), head.dep_
    if head.head.i == head.i:
        first.head = first
    head.head, head.dep_ = first, conjunct
    for child in moved_right:
        child.head, child.dep_ = head, adjective if child.pos_ == "ADJ" else compound
    for child in moved_left:
        child.head = first
