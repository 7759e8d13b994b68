"""Find the words that start events, with spaCy's matchers built from ``triggers.toml``.

A trigger key is a lemma ("arrest"), a phrasal verb ("round up"), a verb with its object ("extend
mandate", "seek assistance"), a verb with a preposition ("fire on") or a prepositional object
("take into custody"), a noun with a modifier ("coup plot") or a preposition ("action against").
A :class:`TriggerMatcher` turns the keys into patterns: ``PhraseMatcher`` s on lemmas and on the
words as written for single words and keys written as contiguous words ("arrested", "state of
emergency", "take to the streets"), and dependency patterns read off the parse for keys whose words
it joins however far apart they stand ("rounded them up", "extended its mandate"). Each candidate is looked up in
the key table; a word that matches several keys takes the most specific (a phrasal verb before the
verb with its object, before the bare lemma).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy

from spacy.attrs import DEP, HEAD, LEMMA, POS
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from kg.rules.loader import Rules
from kg.text import fold

#: Which words can never start an event: named things and times.
NAMED = ("PERSON", "GPE", "NORP", "ORG", "DATE", "TIME")
#: Structural key shapes, most specific first (the shape a key was found in decides between keys).
VERB_SHAPES = ("phrase", "particle", "object", "predicative", "object_modifier", "preposition_object", "head_noun", "preposition")
NOUN_SHAPES = ("phrase", "modifier", "preposition", "preposition_object")
DEMAND_KEY = "say must"


@dataclass(frozen=True)
class Trigger:
    """A word that names an event, the key it matched and the type it gives."""

    token: Token
    type: str
    key: str
    nominal: bool
    consumed: tuple[int, ...] = ()  # tokens that are part of the trigger ("assistance" in "seek assistance")
    restates: bool = False  # a noun object of a verb naming the same kind of event ("granted asylum")
    comments: bool = False  # a noun beside a clause that told the event ("..., an accusation X denied")

    @property
    def text(self) -> str:
        doc = self.token.doc
        indices = sorted((self.token.i, *self.consumed))
        if indices[-1] - indices[0] <= 3:
            return doc[indices[0] : indices[-1] + 1].text
        return self.token.text


def absolute_heads(offsets: numpy.ndarray) -> list[int]:
    """Each word's head index, from the ``HEAD`` column of ``Doc.to_array`` (offsets from the word,
    stored unsigned: a head before the word is a negative offset)."""
    return (numpy.arange(len(offsets)) + offsets.astype(numpy.int64)).tolist()


@dataclass(frozen=True)
class Candidates:
    """What the matchers found in a Doc: (token index, "verb" or "noun") -> (shape, key, other
    tokens of the key) for every key found; and, in text order, the indices of the words with a key
    and of the verbs of saying (where "says X must ..." demands are looked for), so that each
    sentence reads its own by bisection instead of looking at every word."""

    keys: dict[tuple[int, str], list[tuple[str, str, tuple[int, ...]]]]
    words: list[int]
    saying: list[int]

    def get(self, key: tuple[int, str]) -> list[tuple[str, str, tuple[int, ...]]] | None:
        return self.keys.get(key)

    def __contains__(self, key: tuple[int, str]) -> bool:
        return key in self.keys

    @staticmethod
    def within(indices: list[int], sentence: Span) -> list[int]:
        """The ``indices`` inside ``sentence``."""
        return indices[bisect_left(indices, sentence.start):bisect_left(indices, sentence.end)]


class TriggerMatcher:
    """The trigger keys of the rules as spaCy matcher patterns, built once for a vocabulary."""

    def __init__(self, vocab, rules: Rules):
        self.rules = rules
        labels = rules.labels
        verbs, nouns = rules.verb_triggers, rules.noun_triggers
        # every structural shape spells a key of several words: only their heads need matching
        verb_heads = sorted({k.split()[0] for k in verbs if " " in k})
        noun_heads = sorted({w for k in nouns if " " in k for w in (k.split()[0], k.split()[-1])})
        # keys written as words match as lemmas ("took into custody", "arrested") or, nouns and
        # several words, as written ("the streets", "talks")
        self.phrases = [PhraseMatcher(vocab, attr="LEMMA"), PhraseMatcher(vocab, attr="LOWER")]
        for table, label in ((verbs, "verb"), (nouns, "noun")):
            for key in table:
                words = key.split()
                self.phrases[0].add(f"{label}|{key}", [Doc(vocab, words=words, lemmas=words)])
                if label == "noun" or len(words) > 1:
                    self.phrases[1].add(f"{label}|{key}", [Doc(vocab, words=words)])
        # One pattern per head and depth, the shape read off the relations found: a match costs
        # a look at the head's children, not a pattern per relation.
        self.objects = labels.objects | labels.passive_subjects | labels.attributes
        self.predicatives = labels.open_clauses | labels.objects | labels.attributes
        ids = lambda words: frozenset(get_string_id(w) for w in words)
        self._verb_heads, self._noun_heads = ids(verb_heads), ids(noun_heads)
        self._verb_child = ids(labels.particles | self.objects | self.predicatives | labels.preposition)
        self._verb_grandchild = (ids(self.objects | labels.preposition),
                                 ids(labels.compounds | labels.preposition_objects | labels.adjective_modifiers))
        self._head_noun = ids(labels.noun_clauses | labels.adjective_modifiers)
        self._noun_child = ids(labels.compounds | labels.adjective_modifiers | labels.preposition)
        self._noun_grandchild = (ids(labels.preposition), ids(labels.preposition_objects))

    def structures(self, doc: Doc) -> list[tuple[str, tuple[int, ...]]]:
        """(pattern name, (head, part[, end]) token indices) for every structural match in ``doc``,
        by pattern, then head, part and end in text order.

        The patterns join a head lemma to a child with one of some relations ("child"), to a
        grandchild through such a child ("grandchild", "preposition_object"), or to the noun it
        modifies ("head_noun"). They are read off arrays of the Doc's heads, labels and lemmas made
        once, without a Token object per word looked at."""
        if not len(doc):
            return []
        rows = doc.to_array([HEAD, DEP, POS, LEMMA])
        lemmas = rows[:, 3].tolist()
        verbs = [i for i, lemma in enumerate(lemmas) if lemma in self._verb_heads]
        nouns = [i for i, lemma in enumerate(lemmas) if lemma in self._noun_heads]
        if not verbs and not nouns:
            return []
        heads = absolute_heads(rows[:, 0])
        children: list[list[int]] = [[] for _ in heads]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        deps, tags = rows[:, 1].tolist(), rows[:, 2].tolist()
        found: list[tuple[str, tuple[int, ...]]] = []

        def child(name: str, words: list[int], relations: frozenset[int]) -> None:
            found.extend((name, (i, c)) for i in words for c in children[i] if deps[c] in relations)

        def grandchild(name: str, words: list[int], relations: tuple[frozenset[int], frozenset[int]]) -> None:
            first, second = relations
            found.extend((name, (i, c, g)) for i in words for c in children[i] if deps[c] in first
                         for g in children[c] if deps[g] in second)

        child("verb child", verbs, self._verb_child)
        grandchild("verb grandchild", verbs, self._verb_grandchild)
        found.extend(("verb head_noun", (i, heads[i])) for i in verbs
                     if deps[i] in self._head_noun and heads[i] != i and tags[heads[i]] in (NOUN, PROPN))
        child("noun child", nouns, self._noun_child)
        grandchild("noun preposition_object", nouns, self._noun_grandchild)
        return found

    def _shapes(self, name: str, part: Token, end: Token | None) -> list[str]:
        """The key shapes a structural match stands for, by the relations of its words."""
        labels = self.rules.labels
        pos, kind = name.split()
        if kind == "child" and pos == "verb":
            shapes = ["particle"] if part.dep_ in labels.particles else []
            if part.pos_ == "ADJ" and part.dep_ in self.predicatives:
                shapes.append("predicative")
            if part.dep_ in self.objects:
                shapes.append("object")
            return shapes + (["preposition"] if part.dep_ in labels.preposition else [])
        if kind == "grandchild":
            if part.dep_ in self.objects and end.dep_ in labels.compounds:
                return ["object_modifier"]
            if part.dep_ in self.objects and end.dep_ in labels.adjective_modifiers and end.pos_ == "ADJ" and end.i > part.i:
                return ["object_predicative"]  # "holds the militias responsible", parsed as "militias responsible"
            return ["preposition_object"] if part.dep_ in labels.preposition and end.dep_ in labels.preposition_objects else []
        if kind == "child":
            return ["modifier"] if part.dep_ in labels.compounds | labels.adjective_modifiers else ["preposition"]
        return [kind]

    def candidates(self, doc: Doc) -> Candidates:
        """Every key the matchers find in ``doc`` (see :class:`Candidates`)."""
        vocab = doc.vocab
        verbs, nouns = self.rules.verb_triggers, self.rules.noun_triggers
        found: dict[tuple[int, str], list[tuple[str, str, tuple[int, ...]]]] = {}

        def add(i: int, pos: str, shape: str, key: str, consumed: tuple[int, ...] = ()) -> None:
            if key in (verbs if pos == "verb" else nouns):
                found.setdefault((i, pos), []).append((shape, key, consumed))

        single: set[tuple[int, str]] = set()  # a word matched as its lemma and as written is one candidate
        for matcher in self.phrases:
            for match_id, start, end in matcher(doc):
                pos, key = vocab.strings[match_id].split("|", 1)
                if end - start == 1:
                    single.add((start, pos))
                    continue
                span = doc[start:end]
                head = span.root if pos == "noun" else span[0]
                add(head.i, pos, "phrase", key, tuple(t.i for t in span if t.i != head.i))
        for start, pos in sorted(single):
            token = doc[start]
            lemma = fold(token.lemma_)
            add(start, pos, "lemma", lemma if pos == "verb" or lemma in nouns else fold(token.text))
        for name, indices in self.structures(doc):
            head, *rest = (doc[i] for i in indices)
            pos = name.split()[0]
            for shape in self._shapes(name, rest[0], rest[1] if len(rest) > 1 else None):
                self._add_structure(add, pos, shape, head, rest)
        saying = self.rules.words.saying_verbs
        said = [i for i, (pos, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist())
                if pos == VERB and fold(vocab.strings[lemma]) in saying]
        return Candidates(found, sorted({i for i, _ in found}), said)

    @staticmethod
    def _add_structure(add, pos: str, shape: str, head: Token, rest: list[Token]) -> None:
        """The keys a structural match of ``shape`` spells."""
        lemma = fold(head.lemma_)
        if shape == "particle":
            add(head.i, pos, shape, f"{lemma} {fold(rest[0].text)}", (rest[0].i,))
        elif shape in ("object", "predicative"):
            for word in (fold(rest[0].lemma_), fold(rest[0].text)):
                add(head.i, pos, shape, f"{lemma} {word}", (rest[0].i,))
        elif shape == "object_predicative":
            add(head.i, pos, "predicative", f"{lemma} {fold(rest[1].lemma_)}", (rest[1].i,))
        elif shape == "object_modifier":
            add(head.i, pos, shape, f"{lemma} {fold(rest[1].lemma_)}", (rest[0].i,))
        elif shape == "preposition_object":
            add(head.i, pos, shape, f"{lemma} {fold(rest[0].text)} {fold(rest[1].lemma_)}", (rest[0].i, rest[1].i))
        elif shape == "preposition":
            add(head.i, pos, shape, f"{lemma} {fold(rest[0].text)}")
            if pos == "noun":
                add(head.i, pos, shape, f"{fold(head.text)} {fold(rest[0].text)}")
        elif shape == "head_noun":
            add(head.i, pos, shape, f"{lemma} {fold(rest[0].lemma_)}")  # "shells fired by": the noun is the object
        elif shape == "modifier":
            if rest[0].i < head.i:
                add(head.i, pos, shape, f"{fold(rest[0].lemma_)} {lemma}", (rest[0].i,))
                add(head.i, pos, shape, f"{fold(rest[0].text)} {fold(head.text)}", (rest[0].i,))

    def find(self, sentence: Span, candidates: Candidates) -> list[Trigger]:
        """All event triggers in a sentence, in order; a word that is part of a verb's trigger
        ("assistance" in "sought assistance") does not start an event of its own."""
        doc = sentence.doc
        verbal = []
        words = [doc[i] for i in candidates.within(candidates.words, sentence)]
        for token in words:
            found = candidates.get((token.i, "verb"))
            if found and _verbal(token, self.rules):
                trigger = _best(token, found, VERB_SHAPES, self.rules.verb_triggers, False)
                if trigger is not None and not _light(trigger, self.rules) and not _taking_part(trigger, self.rules) \
                        and not _resultative(trigger, self.rules) and not _other_phrasal_verb(trigger, self.rules) \
                        and not _naming(trigger, self.rules):
                    verbal.append(trigger)
        demands = [t for t in (_demand_by_saying(doc[i], self.rules) for i in candidates.within(candidates.saying, sentence)) if t]
        demanded = {i for t in demands for i in t.consumed}  # "says Israel must end its strikes": asked, not done
        verbal = [t for t in verbal if t.token.i not in demanded] + demands
        verbal.sort(key=lambda t: t.token.i)
        consumed = {i for t in verbal for i in t.consumed}
        nominal = []
        for token in words:
            found = candidates.get((token.i, "noun"))
            if not found or token.i in consumed or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NAMED:
                continue
            if token.dep_ in self.rules.labels.compounds and (token.head.i, "noun") not in candidates:
                continue  # a modifier of something else: "aid workers", "coup leaders", "prosecution service"
            trigger = _best(token, found, NOUN_SHAPES, self.rules.noun_triggers, True)
            if trigger is not None and not _notional(trigger, self.rules):
                if _appositive_restatement(trigger, verbal, self.rules):
                    trigger = Trigger(trigger.token, trigger.type, trigger.key, True, trigger.consumed, comments=True)
                elif _restates(trigger, verbal, self.rules):
                    trigger = Trigger(trigger.token, trigger.type, trigger.key, True, trigger.consumed, restates=True)
                nominal.append(trigger)
        return sorted(verbal + nominal, key=lambda t: t.token.i)


def _verbal(token: Token, rules: Rules) -> bool:
    """A verb that tells an event: not an auxiliary, and not a participle that only describes a
    noun ("the deposed president", "Iran-backed militants", and "would kill deposed President X",
    where the small parser makes "deposed" a verb of its own)."""
    labels = rules.labels
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in labels.auxiliaries:
        return False
    if token.tag_ == "VBN" and token.dep_ in labels.adjective_modifiers | labels.compounds:
        return False
    if token.tag_ == "VBN" and token.i > token.sent.start and token.doc[token.i - 1].pos_ == "VERB" \
            and not any(c.dep_ in labels.subjects | labels.passive_subjects | labels.auxiliaries for c in token.children) \
            and any(c.dep_ in labels.direct_objects and c.i == token.i + 1 + sum(1 for _ in c.lefts) for c in token.children):
        return False
    return True


def _light(trigger: Trigger, rules: Rules) -> bool:
    """A verb used as a light verb for its object, which names what is done ("gave the order",
    "gave assurances", "made a statement"): the verb tells no event of its own."""
    if trigger.nominal or trigger.consumed or (trigger.type, fold(trigger.token.lemma_)) not in rules.weak:
        return False
    labels = rules.labels
    return any(c.dep_ in labels.direct_objects and fold(c.lemma_) in rules.words.light_objects for c in trigger.token.children)


def _taking_part(trigger: Trigger, rules: Rules) -> bool:
    """A verb of taking part with what is taken part in under "in" ("engaged in a dispute", "engaged
    in heavy fighting"): the noun names the event, if any, and the verb none of its own."""
    if trigger.consumed or fold(trigger.token.lemma_) not in rules.words.involvement_words:
        return False
    labels = rules.labels
    return any(c.dep_ in labels.preposition and fold(c.text) == "in"
               and any(o.dep_ in labels.preposition_objects and o.pos_ == "NOUN" for o in c.children)
               for c in trigger.token.children)


def _other_phrasal_verb(trigger: Trigger, rules: Rules) -> bool:
    """A verb whose particle makes it a word of a predicate class ("called off the talks" is no
    call, "broke off relations" no break): the phrase governs, the bare verb's sense does not apply."""
    if trigger.consumed:
        return False
    token = trigger.token
    for particle in (c for c in token.children if c.dep_ in rules.labels.particles):
        phrase = f"{fold(token.lemma_)} {fold(particle.text)}"
        if any(p.has(phrase, "verbs") for p in rules.predicates.values()):
            return True
    return False


def _naming(trigger: Trigger, rules: Rules) -> bool:
    """"Called the deal illegal", "called the accusation a sign": a verb that describes its object
    by a complement tells no event of its own sense."""
    return not trigger.consumed and describes(trigger.token, rules)


def describes(token: Token, rules: Rules) -> bool:
    """Whether a naming verb ("call", "describe") here describes its object by a complement."""
    if fold(token.lemma_) not in rules.words.naming_verbs:
        return False
    labels = rules.labels
    has_object = any(c.dep_ in labels.direct_objects for c in token.children)
    return has_object and any(c.dep_ in labels.open_clauses | labels.objects | labels.attributes
                              and c.dep_ not in labels.direct_objects and c.pos_ in ("ADJ", "NOUN", "PROPN")
                              for c in token.children) or any(
        c.dep_ in labels.direct_objects and any(g.dep_ in labels.open_clauses | labels.attributes | {"amod"}
                                                and g.i > c.i and g.pos_ in ("ADJ", "NOUN") for g in c.children)
        for c in token.children)


def _notional(trigger: Trigger, rules: Rules) -> bool:
    """An event noun that names no event that happened: a notion ("the principles of cooperation",
    "in the name of the fight against crime"), a description ("denounced the raids as an assault on
    ..."), or a bare motive ("recalled its ambassador in protest")."""
    token = trigger.token
    if token.dep_ not in rules.labels.preposition_objects:
        return False
    preposition = fold(token.head.text)
    if preposition == "of" and fold(token.head.head.lemma_) in rules.words.notion_nouns:
        return True
    if preposition == "as" and token.head.head.pos_ == "VERB":
        return True
    return preposition == "in" and not list(token.children)


def _resultative(trigger: Trigger, rules: Rules) -> bool:
    """"Leaving the vessel heavily damaged", "left five dead": a verb of result with a complement
    said of its object tells the result, not an event of its own."""
    token = trigger.token
    if trigger.consumed or fold(token.lemma_) not in rules.words.resultative_verbs:
        return False
    labels = rules.labels

    def small_clause(complement: Token) -> bool:
        """"Leaving [it damaged]": a participle whose own subject comes right after the verb, with no
        word that opens a clause ("left as the rebels advanced" is a withdrawal)."""
        subjects = [s for s in complement.children if s.dep_ in labels.subjects]
        return not subjects or (subjects[0].left_edge.i == token.i + 1
                                and not any(m.dep_ in labels.markers for m in complement.children))

    return any(c.dep_ in labels.open_clauses | labels.objects | labels.attributes | labels.adverbial_clauses
               and (c.pos_ == "ADJ" or c.tag_ in ("VBN", "VBD") and small_clause(c))
               for c in token.children)  # "leaving it damaged", where the small model tags "damaged" a past tense


def _best(token: Token, found, shapes: tuple[str, ...], table: dict[str, str], nominal: bool) -> Trigger | None:
    """The trigger of the most specific key found for ``token`` (keys in a shape's order of finding)."""
    for shape in (*shapes, "lemma"):
        for found_shape, key, consumed in found:
            if found_shape == shape:
                return Trigger(token, table[key], key, nominal, consumed)
    return None


def _demand_by_saying(token: Token, rules: Rules) -> Trigger | None:
    """"Egypt says Ethiopia must stop the filling": saying that someone must do something is a demand."""
    labels = rules.labels
    if fold(token.lemma_) not in rules.words.saying_verbs:
        return None
    for clause in token.children:
        if clause.dep_ not in labels.open_clauses or clause.dep_ == "xcomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        modal = any(fold(c.text) in rules.words.demand_modals for c in clause.children if c.dep_ in labels.auxiliaries)
        if modal and any(c.dep_ in labels.subjects | labels.passive_subjects for c in clause.children):
            return Trigger(token, "Request", DEMAND_KEY, False, (clause.i,))
    return None


def _restates(nominal: Trigger, verbal: list[Trigger], rules: Rules) -> bool:
    """A noun that is the object of a verb naming the same kind of event ("granted asylum")."""
    objects = rules.labels.objects | rules.labels.passive_subjects | rules.labels.attributes
    return any(v.token.i == nominal.token.head.i and v.type == nominal.type and nominal.token.dep_ in objects
               for v in verbal)


def _appositive_restatement(nominal: Trigger, verbal: list[Trigger], rules: Rules) -> bool:
    """A noun set beside the clause of a verb naming the same kind of event, to comment on it:
    "accused Rwanda of backing the rebels, an accusation Rwanda denied" tells one accusation."""
    token, labels = nominal.token, rules.labels
    if token.dep_ not in labels.appositions | labels.adverbs:
        return False  # (the small parser hangs such a noun on any word of the clause)
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > token.sent.start else None
    return before is not None and before.dep_ in labels.punctuation \
        and any(v.type == nominal.type and v.token.i < token.i for v in verbal)


def find_triggers(sentence: Span, rules: Rules, matcher: TriggerMatcher | None = None) -> list[Trigger]:
    """The triggers of one sentence (a matcher is built for its vocabulary when none is given)."""
    matcher = matcher or TriggerMatcher(sentence.doc.vocab, rules)
    return matcher.find(sentence, matcher.candidates(sentence.doc))
