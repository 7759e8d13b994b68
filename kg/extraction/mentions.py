"""Turn the head word of an argument into a typed actor mention.

Handles the noun phrases news uses for actors: named entities with titles ("Gen Asimi Goïta"),
appositions that give a role ("Goïta, the junta leader"), quantities ("dozens of soldiers",
"about 50 soldiers"), demonyms ("Malian soldiers" -> MLI; "Russian allies" -> Russia), group nouns
from the rules ("the junta" -> MilitaryGovernment), organisations and countries from the gazetteer.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable, TypeVar

from spacy.tokens import Span, Token

from kg.extraction.coreference import (dateline_end, description_candidates, entity_bounds, pronoun_candidates,
                                       pronoun_class)
from kg.extraction.memo import remembered
from kg.records import ActorRef
from kg.rules.loader import ActorKind, Rules
from kg.text import fold

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
LEFT_MODIFIERS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "predet", "advmod", "npadvmod"}
TIME_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
T = TypeVar("T")


@dataclass
class DocContext:
    """What the whole document tells about its mentions: its main country; and its sentences, of
    which several steps ask the same (where a word's sentence starts, where its dateline ends, its
    text, its "according to" source), so that each is worked out once per Doc instead of slicing the
    Doc for each question."""

    country: str | None
    person_words: frozenset[str] = frozenset()
    full_name_words: frozenset[str] = frozenset()  # words of the PERSON entities of two words or more
    sentences: tuple[Span, ...] = ()
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)
    _facts: dict[tuple[str, int], object] = field(default_factory=dict, init=False, repr=False, compare=False)
    _text: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self):
        self._starts = [sentence.start for sentence in self.sentences]
        self._text = self.sentences[0].doc.text if self.sentences else ""

    def sentence(self, token: Token) -> Span:
        """The sentence ``token`` is in (``token.sent``)."""
        if not self.sentences or self.sentences[0].doc is not token.doc:
            return token.sent
        return self.sentences[bisect_right(self._starts, token.i) - 1]

    def of_sentence(self, name: str, sentence: Span, compute: Callable[[Span], T]) -> T:
        """``compute(sentence)`` (a pure function of the sentence, known by ``name``), worked out
        once per sentence."""
        key = (name, sentence.start)
        if key not in self._facts:
            self._facts[key] = compute(sentence)
        return self._facts[key]

    def dateline_end(self, token: Token) -> int:
        """:func:`~kg.extraction.coreference.dateline_end` of the sentence ``token`` is in."""
        return self.of_sentence("dateline_end", self.sentence(token), dateline_end)

    def text(self, sentence: Span) -> str:
        """``sentence.text``, sliced from the Doc's text (made once) rather than joined from its words."""
        if not self.sentences or self.sentences[0].doc is not sentence.doc:
            return sentence.text
        return self._text[sentence.start_char:sentence.end_char]


def _dateline_end(token: Token, ctx: DocContext | None) -> int:
    """Where the dateline of ``token``'s sentence ends, through ``ctx`` when there is one."""
    return ctx.dateline_end(token) if ctx is not None else dateline_end(token.sent)


def person_words(doc) -> tuple[frozenset[str], frozenset[str]]:
    """Folded name words of the document's PERSON entities, to recognise "Dembele" alone: of all
    of them, and of those of two words or more (full names)."""
    every: set[str] = set()
    full: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words = {fold(t.text) for t in ent if t.pos_ == "PROPN" and len(t.text) > 2}
            every |= words
            if len(ent) >= 2:
                full |= words
    return frozenset(every), frozenset(full)


def main_country(doc, rules: Rules) -> str | None:
    """The country a document is mostly about: the one its country names and demonyms name at
    least twice as often as any other, else None. A dateline's places count twice, its town for
    its country: the report is filed from there."""
    counts: dict[str, int] = {}
    gaz = rules.gazetteer
    first = next(iter(doc.sents), None)
    dateline = dateline_end(first) if first is not None else 0
    for ent in doc.ents:
        iso3 = None
        if ent.label_ == "GPE":
            place = gaz.country(ent.text) or (gaz.city(ent.text) if ent.start < dateline else None)
            iso3 = place.country if place else None
        elif ent.label_ == "NORP":
            iso3 = gaz.country_of_demonym(ent.text)
        if iso3:
            counts[iso3] = counts.get(iso3, 0) + (2 if ent.start < dateline else 1)
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
        return None  # no country dominates: better no default than a wrong one
    return max(counts, key=lambda k: (counts[k], k))


def entity_of(token: Token) -> Span | None:
    """The named entity a token lies in, when it is one of the actor-bearing kinds."""
    if token.ent_type_ in ENTITY_LABELS:
        start, end = entity_bounds(token)
        return Span(token.doc, start, end, label=token.ent_type_)
    return None


def _suffixes(token: Token) -> tuple[tuple[int, tuple[str, str]], ...]:
    """The modifier+head suffixes of a common-noun phrase, longest first: the index of each one's
    first token, and its words folded as written and as lemmas ("deputy army chief", "army chief", "chief")."""
    return remembered("suffixes", token, _suffixes_of)


def _suffixes_of(token: Token) -> tuple[tuple[int, tuple[str, str]], ...]:
    doc = token.doc
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    words = [token]
    while left:
        words.insert(0, left[0])
        before = [doc[left[0].i - 1]] if left[0].i > 0 else []
        left = [c for c in before if c.head in words and c.dep_ in ("compound", "amod")]
    texts, lemmas = [fold(w.text) for w in words], [fold(w.lemma_) for w in words]
    return tuple((words[start].i, (" ".join(texts[start:]), " ".join(lemmas[start:]))) for start in range(len(words)))


def group_kind(token: Token, rules: Rules) -> tuple[ActorKind | None, int]:
    """The actor kind a common-noun phrase names, trying its longest modifier+head suffix first.

    Returns the kind and the index of the first token of the matched words.
    """
    for first, texts in _suffixes(token):
        for text in texts:
            kind = rules.groups.get(text)
            if kind:
                return kind, first
        if first < token.i and any(text in rules.titles for text in texts):
            return None, token.i  # "the deputy army chief": a longer title before a shorter group ("chief")
    return None, token.i


def title_kind(token: Token, rules: Rules) -> ActorKind | None:
    """The title a common-noun phrase names, its longest modifier+head suffix first ("army chief"
    before "chief")."""
    for _, texts in _suffixes(token):
        for text in texts:
            if text in rules.titles:
                return rules.titles[text]
    return None


def is_actorish(token: Token, rules: Rules) -> bool:
    """Whether a noun can name an actor on its own (entity, group noun, pronoun, title)."""
    return remembered("actorish", token, lambda t: _is_actorish(t, rules))


def _is_actorish(token: Token, rules: Rules) -> bool:
    if token.ent_type_ in ENTITY_LABELS and token.ent_type_ != "FAC":
        return True
    lower = fold(token.text)
    if lower in rules.words.counterpart_nouns:
        return counterpart_of(token, rules) is not None
    if token.pos_ == "PRON":
        return pronoun_class(token, rules) is not None
    if lower in rules.words.named_event_groups and not any(
            c.dep_ in rules.labels.compounds | rules.labels.adjective_modifiers
            and (c.pos_ == "PROPN" or c.ent_type_ in ENTITY_LABELS)
            or c.dep_ in rules.labels.determiners and fold(c.text) == "the" for c in token.lefts):
        return False  # "the M23 rebellion", "crushed the rebellion" are a group, "armed rebellions" events
    if token.pos_ != "VERB" and group_kind(token, rules)[0] is not None:
        return True  # also adjectives of kind: "civilian" in "a civilian vehicle" (not "suspected hideouts")
    if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ not in ("amod", "npadvmod") \
            and (token.dep_ != "compound" or token.text.isupper()):
        return True  # a name the entity recogniser missed ("the Extraordinary meeting" names no one)
    if token.pos_ not in ("NOUN", "PROPN"):
        return False  # "private" in "a private dinner" is no rank
    return fold(token.lemma_) in rules.titles or lower in rules.organizations or _related_to(token, rules) is not None


def counterpart_of(token: Token, rules: Rules) -> Token | None:
    """The noun "others" stands for more of ("killed six people and wounded 80 others" -> people): the
    nearest common noun before it in its sentence that names an actor, never a name ("Mali and
    others" are others than Mali) nor the noun it is coordinated with ("the army and others")."""
    if token.dep_ in rules.labels.compounds | rules.labels.adjective_modifiers:
        return None
    for i in range(token.i - 1, token.sent.start - 1, -1):
        candidate = token.doc[i]
        if candidate.pos_ != "NOUN" or candidate.ent_type_ or fold(candidate.text) in rules.words.counterpart_nouns:
            continue
        if candidate.dep_ in rules.labels.compounds | rules.labels.adjective_modifiers:
            continue
        if token.dep_ in rules.labels.conjuncts and token.head.i == candidate.i:
            return None
        if is_actorish(candidate, rules):
            return candidate
    return None


def _when(token: Token) -> bool:
    """A date before a name says when, not who ("[On 3 May 2021] Kenya's High Court"); a lone
    number the recogniser takes for a year may be a count ("2000 people"); a measure of time before
    a comparative says when too ("[Hours earlier] Maduro")."""
    if token.tag_ in ("JJR", "RBR") and any(c.dep_ == "npadvmod" for c in token.children):
        return True
    return token.ent_type_ in ("DATE", "TIME") and not (token.like_num and token.n_lefts + token.n_rights == 0)


def noun_phrase(head: Token, exclude: set[int] | None = None, ctx: DocContext | None = None) -> tuple[int, int]:
    """Token bounds [start, end) of a head's core noun phrase: left modifiers, head, no clauses
    (``ctx``: the Doc's, whose sentences it reads)."""
    exclude = exclude or set()
    start = head.i
    stack = [c for c in head.lefts if c.dep_ in LEFT_MODIFIERS]
    while stack:
        child = stack.pop()
        if child.i in exclude or _when(child):
            continue
        start = min(start, child.i)
        stack.extend(c for c in child.lefts if c.dep_ in LEFT_MODIFIERS or (child.dep_ != "poss" and c.dep_ in ("punct", "cc", "conj")))
    end = head.i + 1
    doc = head.doc
    start = max(start, min(_dateline_end(head, ctx), head.i))  # "WASHINGTON (Reuters) - Three U.S. soldiers"
    while start < head.i and (doc[start].is_punct or doc[start].i in exclude):
        start += 1
    ent = entity_of(head)
    if ent is not None:
        start, end = min(start, ent.start), max(end, ent.end)
    return start, end


PLACE_ENTS = {"GPE", "LOC", "FAC"}


def mention_extent(head: Token, start: int, end: int, rules: Rules, exclude: set[int] | None = None,
                   around: bool = False, placed: bool = False) -> tuple[int, int]:
    """The whole mention around a core noun phrase [start, end), as coders mark it: with the phrases
    after its head that name it (a locating "of" or "in" phrase, an apposition, a bracketed short
    name, a participle: "Lena Ortiz, a Chilean nurse held in Yemen", "the National
    Security Council (NSC)"), without relative clauses or dates. ``around``: a phrase that stands for
    an actor named in it ("dozens of supporters of X", "a military base") keeps only its apposition
    and the phrases that complete it, no participle, and with ``placed`` also those that say where it
    is by naming a place ("an army base in Kano state")."""
    exclude = exclude or set()
    preps = rules.words.naming_preps
    if fold(head.lemma_) in rules.titles or fold(head.text) in rules.titles:
        preps = preps | rules.words.title_preps  # "the ambassador to the UN"
    labels = rules.labels
    rights = [c for c in head.rights if c.right_edge.i >= end]  # and a phrase a name stops inside: "[the Government of] India"
    for k, child in enumerate(rights):
        sub = list(child.subtree)
        if any(t.i in exclude for t in sub):
            break
        if child.dep_ == "prep" and fold(child.text) in preps:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects or any(o.ent_type_ in ("DATE", "TIME") for o in objects) \
                    or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in sub) \
                    or any(fold(o.lemma_) in rules.noun_triggers for o in objects):
                break  # "accused the army of extrajudicial killings": what it is accused of is no name
            if around and fold(head.lemma_) in rules.noun_triggers:
                break  # "a Damascus warning of military action": an event noun's phrases name its part in it
            if head.ent_type_ == "PERSON" and all(o.pos_ == "NOUN" and not o.ent_type_ for o in objects):
                break  # "told Minister Anna Berg of the danger": a person's name ends at it (not "Musa of Somaliland")
            if fold(child.text) in rules.words.locating_preps and all(
                    o.tag_ == "NN" and not list(o.lefts) and fold(o.lemma_) not in rules.words.region_nouns
                    and o.ent_type_ not in PLACE_ENTS for o in objects):
                break  # "the gunmen in reaction", "the troops at night": a bare noun there says how or when
            if around and fold(child.text) not in rules.words.complement_preps \
                    and not (placed and any(t.ent_type_ in PLACE_ENTS for o in objects for t in o.subtree)):
                break
        elif child.dep_ in labels.appositions:
            if any(c.dep_ in labels.conjuncts for c in child.children) or fold(child.lemma_) in rules.noun_triggers \
                    or not all(t.is_punct for t in head.doc[end:child.left_edge.i]):
                break  # a list ("the United States, India and other governments"), an event told again
                # ("an army camp in Kabul, the third attack this month") or a phrase a clause away is no other name for it
            if any(t.dep_ in labels.relative_clauses or (t.pos_ == "VERB" and fold(t.lemma_) in rules.verb_triggers)
                   for t in sub):  # "a militia leader charged with war crimes": the name without its clause
                own_start, own_end = noun_phrase(child, exclude)
                end = closed(head.doc, start, max(end, mention_extent(child, own_start, own_end, rules, exclude)[1]))
                continue
            end = closed(head.doc, start, max(end, sub[-1].i + 1))
            continue
        elif child.dep_ == "acl" and child.tag_ == "VBN" and not around:
            if any(t.dep_ == "relcl" or (t.pos_ == "VERB" and fold(t.lemma_) in rules.verb_triggers) for t in sub):
                break  # a clause that tells an event of its own ("the gendarmerie attacked by ...") is no name
            if fold(child.lemma_) in rules.words.saying_verbs:
                break  # "..., the two governments announced on Monday": who says it, parsed as a participle
        elif child.dep_ in labels.punctuation and child.text in (",", "(") and k + 1 < len(rights) \
                and rights[k + 1].dep_ in labels.appositions:
            continue
        else:
            break
        end = max(end, sub[-1].i + 1)
    return start, end


def located_after(head: Token, end: int, rules: Rules, exclude: set[int] | None = None) -> int:
    """The end of a common-noun mention ending at ``end`` moved over the phrases right after it that
    say where its people or things are ("dozens of protesters [in the capital]", "the police [in
    Camarines Norte]", "fighters [across the border] [in northern Syria]"), which coders mark as part
    of it, when the parser hangs them on the verb or preposition above the noun rather than on it (a
    phrase on the noun itself is :func:`mention_extent`'s). Only a phrase whose object is a place:
    a place name, or a region noun ("in the north", "in the region"); never dates, nor what holds
    another argument; the place by its own phrase, up to a comma or bracket that lists or tells more
    ("in the village of Kala, two teachers ...", "in Dori (Seno)")."""
    exclude = exclude or set()
    doc = head.doc
    labels = rules.labels
    above = {t.i for t in head.ancestors}
    if any(t.text == "(" for t in doc[head.i:end]):
        return end  # "volunteer fighters (VDP)": a group that gives its own name is named by it, as a name is
    while end < len(doc):
        prep = doc[end]
        if prep.dep_ not in labels.preposition or fold(prep.text) not in rules.words.locating_preps \
                or prep.head.i not in above or prep.i in exclude:
            break
        objects = [c for c in prep.children if c.dep_ in labels.preposition_objects]
        if len(objects) != 1 or any(t.i in exclude for t in objects[0].subtree):
            break
        obj = objects[0]
        own_start, own_end = noun_phrase(obj, exclude)
        core = head.doc[own_start:own_end]
        if own_start != prep.i + 1 or any(t.ent_type_ in ("DATE", "TIME") for t in core) \
                or not (any(t.ent_type_ in PLACE_ENTS for t in core) or fold(obj.lemma_) in rules.words.region_nouns):
            break
        end = mention_extent(obj, own_start, own_end, rules, exclude, around=True, placed=True)[1]
        end = next((t.i for t in doc[own_end:end] if t.text in (",", "(")), end)
    return end


def shared_coordination(head: Token, exclude: set[int], rules: Rules) -> tuple[int, int] | None:
    """[start, end) of the coordination ``head`` is part of when its later conjuncts are bare nouns
    that share the first one's determiner, number or adjective ("a Cuban physician and nurse",
    "another 40 politicians and activists"): one mention, as coders mark it. None otherwise: names
    and conjuncts with modifiers of their own ("the army and its allies") are each their own."""
    labels = rules.labels
    first = head
    while first.dep_ in labels.conjuncts and first.head.i < first.i:
        first = first.head
    shared = labels.determiners | labels.numbers | labels.adjective_modifiers
    if first.pos_ != "NOUN" or first.ent_type_ or first.i in exclude or not any(c.dep_ in shared for c in first.lefts):
        return None
    chain, token = [], first
    while True:
        token = next((c for c in token.children if c.dep_ in labels.conjuncts), None)
        if token is None:
            break
        chain.append(token)
    if not chain or any(t.pos_ != "NOUN" or t.ent_type_ or t.i in exclude or any(c.dep_ in labels.modifiers for c in t.lefts)
                        for t in chain):
        return None
    last = chain[-1]
    return noun_phrase(first, exclude)[0], mention_extent(last, *noun_phrase(last, exclude), rules, exclude)[1]


def closed(doc, start: int, end: int) -> int:
    """The end of [start, end) moved past the bracket that closes one it opens ("(NSC)")."""
    words = [t.text for t in doc[start:end]]
    if end < len(doc) and doc[end].text == ")" and words.count("(") > words.count(")"):
        return end + 1
    return end


def apposed_to(head: Token, exclude: set[int], rules: Rules, ctx: DocContext | None = None) -> Token | None:
    """The noun a name or role stands in apposition to ("The US Ambassador, Stuart Symington",
    "Ali Kushayb, a militia leader"): the mention is both, from the first; None when there is none
    or it is a dateline, a list, another argument or a clause away."""
    anchor = head.head
    if head.dep_ not in rules.labels.appositions or anchor.i > head.i or anchor.i in exclude \
            or anchor.pos_ not in ("NOUN", "PROPN") or anchor.i < _dateline_end(head, ctx) \
            or any(c.dep_ in rules.labels.conjuncts for c in head.children):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in head.doc[anchor.i + 1:head.left_edge.i]):
        return None  # "Kenya and Uganda agreed ..., the countries announced": a clause away, no apposition
    return anchor


def build_mention(head: Token, rules: Rules, ctx: DocContext, exclude: set[int] | None = None,
                  depth: int = 0, fits: frozenset[str] | None = None) -> tuple[ActorRef | None, str | None]:
    """A typed actor mention for ``head`` and the quantity said of it, or (None, None) if not an actor.

    A pronoun ("it", "they", "we") is the actor it stands for, the nearest one of the classes
    ``fits`` (what the event's sense can take, when it is narrower than any actor), and a definite
    description ("the regional bloc") the named actor before it that it describes
    (:mod:`kg.extraction.coreference`). A description keeps its own words as its text; a pronoun
    takes its antecedent's words when the same sentence names it ("the army said it had ..."), as
    coders mark the named mention, else its own."""
    quantity = None
    head, quantity = _through_quantity(head, rules)
    doc = head.doc
    lower = fold(head.text)
    bare_count = head.like_num and head.pos_ == "NUM" and head.dep_ in rules.labels.subjects | rules.labels.passive_subjects
    counterpart = counterpart_of(head, rules) if (lower in rules.words.counterpart_nouns or bare_count) \
        and depth < MAX_DEPTH else None
    if counterpart is not None:  # "wounded 80 others", "were killed and 34 wounded": more of the people named before
        ref, _ = build_mention(counterpart, rules, ctx, depth=depth + 1)
        if ref is None:
            return None, None
        start, end = noun_phrase(head, exclude, ctx)
        span = doc[start:end]
        number = head if bare_count else next((c for c in head.children if c.dep_ in rules.labels.numbers), None)
        return ActorRef(**{**ref.__dict__, "text": span.text, "start": span.start_char, "end": span.end_char,
                           "alone": None}), (doc[number.left_edge.i : number.i + 1].text if number is not None else None)
    kind = pronoun_class(head, rules)
    if head.pos_ == "PRON" and kind is None:
        return None, None
    if kind is not None:
        ref = _antecedent(head, pronoun_candidates(head, rules, lambda t: is_actorish(t, rules)), rules, ctx, depth,
                          person=kind == "person", types=fits)
        if ref is not None:
            if kind == "person" and ref.type == "Actor":
                ref.type = "Person"  # a name "he" stands for is a person's
            sent = ctx.sentence(head)
            if not (sent.start_char <= ref.start and ref.end <= sent.end_char):
                ref.text, ref.start, ref.end = head.text, head.idx, head.idx + len(head.text)
            return ref, quantity
        if kind == "speaker" and depth < MAX_DEPTH:
            ref = _speaking_person(head, rules, ctx, depth)
            if ref is not None:
                return ref, quantity
        return ActorRef(text=head.text, label=head.text, type="Person" if kind == "person" else "Actor",
                        start=head.idx, end=head.idx + len(head.text), pronoun=True), quantity
    for child in head.children:
        if child.dep_ == "nummod" and quantity is None:
            sub = list(child.subtree)
            quantity = doc[sub[0].i : sub[-1].i + 1].text
    core = noun_phrase(head, exclude, ctx)
    start, end = core
    ent = entity_of(head)
    title = None
    if ent is not None and ent.label_ == "PERSON":
        start, end, title = _strip_title(ent, rules)
        if start >= end:
            return None, None
    text_start, text_end = mention_extent(head, *core, rules, exclude)
    text_start, text_end = min(text_start, start), max(text_end, end)
    anchor = apposed_to(head, exclude or set(), rules, ctx)
    if anchor is not None:
        text_start = min(text_start, noun_phrase(anchor, exclude, ctx)[0])
    while text_end - 1 > text_start and doc[text_end - 1].is_punct \
            and not (doc[text_end - 1].text == ")" and "(" in doc[text_start:text_end - 1].text):
        text_end -= 1
    text_end = closed(doc, text_start, text_end)
    if ent is None and head.pos_ == "NOUN":
        text_end = located_after(head, text_end, rules, exclude)
    while text_start < text_end - 1 and doc[text_start].is_punct:
        text_start += 1
    alone = None
    coordination = shared_coordination(head, exclude or set(), rules)
    if coordination is not None:
        own = doc[text_start:text_end]
        alone = (own.text, own.start_char, own.end_char)
        text_start, text_end = min(text_start, coordination[0]), max(text_end, coordination[1])
    span = doc[text_start:text_end]
    ref = _relational(head, rules, ctx, exclude, depth) if ent is None and depth < MAX_DEPTH else None
    ref = ref or _type_mention(head, ent, doc[start:end], rules, ctx)
    if ref is None:
        return None, None
    named = _named_in_apposition(head, rules, ctx, exclude, depth) if ent is None and depth < MAX_DEPTH else None
    if named is not None:  # "a local militia" beside "the Red Brigade": the name says who
        ref = named if named.type != "Actor" else ActorRef(**{**ref.__dict__, "label": named.label})
    elif ent is None and depth < MAX_DEPTH and _definite_description(head, rules):
        allowed = rules.anaphora[fold(head.lemma_) if fold(head.lemma_) in rules.anaphora else fold(head.text)]
        named = _antecedent(head, description_candidates(head, rules, lambda t: is_actorish(t, rules)), rules, ctx,
                            depth, types=allowed, described=True)
        if named is not None:
            ref = named
    ref.text = span.text
    ref.start, ref.end = span.start_char, span.end_char
    ref.alone = alone
    appositive = _apposition_title(head, rules)
    ref.title = " ".join(t for t in (title, appositive) if t) or None
    if ref.type == "Person" and ref.title:
        kind = _title_kind(ref.title, rules)
        if kind:
            ref.sector = kind.sector
    return ref, quantity


MAX_DEPTH = 3
COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "2": 2, "3": 3}


def numbered_description(head: Token, rules: Rules, ctx: DocContext) -> list[ActorRef] | None:
    """The actors a numbered plural description stands for ("the two countries", "the three
    nations"): as many distinct named actors of its kind, among those salient before it, as it
    counts, those the article has named most often first, each keeping the description's words as
    its text; None when it is no such description or the article names too few."""
    labels = rules.labels
    lemma = fold(head.lemma_)
    kinds = rules.numbered.get(lemma) or rules.anaphora.get(lemma)
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or kinds is None:
        return None
    counts = [COUNT_WORDS[fold(c.text)] for c in head.children
              if c.dep_ in labels.numbers | labels.determiners | {"predet"} and fold(c.text) in COUNT_WORDS]
    if not counts or not (fold(head.doc[head.left_edge.i].text) in ("the", "both", "these", "those")):
        return None
    start, end = noun_phrase(head)
    span = head.doc[start:end]
    found: dict[str, tuple[int, int, ActorRef]] = {}  # label -> (times named before, salience rank, mention)
    told = head.doc.text[:head.idx]
    for tried, candidate in enumerate(description_candidates(head, rules, lambda t: is_actorish(t, rules))):
        if tried >= 12:
            break
        if candidate.dep_ in labels.preposition_objects and fold(candidate.head.text) in rules.words.place_preps:
            continue  # "clashed in Khartoum": where, not who
        ref, _ = build_mention(candidate, rules, ctx, depth=MAX_DEPTH - 1)
        if ref is None or ref.pronoun or ref.place or ref.type not in kinds or ref.label in found:
            continue
        found[ref.label] = (told.count(candidate.text), -tried, ref)
    if len(found) < counts[0]:
        return None
    chosen = sorted(found.values(), key=lambda item: (item[0], item[1]), reverse=True)[:counts[0]]
    for _, _, ref in chosen:  # the parties the article names most, the most salient first among equals
        ref.text, ref.start, ref.end = span.text, span.start_char, span.end_char
    return [ref for _, _, ref in chosen]


def _antecedent(head: Token, candidates, rules: Rules, ctx: DocContext, depth: int, person: bool | None = None,
                types: frozenset[str] | None = None, described: bool = False) -> ActorRef | None:
    """The first candidate antecedent that is a typed, named actor of a fitting kind; for a definite
    description (``described``), also an organisation's name of no known kind ("the SPLM-IO ... the
    party"), which takes the description's kind when it names one."""
    if depth >= MAX_DEPTH:
        return None
    for tried, candidate in enumerate(candidates):
        if tried >= 12:
            break
        ref, _ = build_mention(candidate, rules, ctx, depth=depth + 1)
        if ref is None or ref.pronoun or ref.place:
            continue
        if person is True and ref.type != "Person" and fold(candidate.lemma_) not in rules.titles \
                and not (ref.type == "Actor" and candidate.pos_ == "PROPN" and candidate.ent_type_ in ("", "PERSON")
                         and candidate.is_title):
            continue  # (a name of no known kind may be a person's: "Bazoum says he is held")
        if person is False and ref.type == "Person":
            continue
        if types is not None and ref.type not in types:
            if not (described and ref.type == "Actor" and _organisation_name(candidate)):
                continue
            if len(types) == 1:
                ref.type = next(iter(types))
        return ref
    return None


def _speaking_person(pronoun: Token, rules: Rules, ctx: DocContext, depth: int) -> ActorRef | None:
    """Whom a first-person pronoun of a person's words stands for: "I" the person, "we" the
    country the person is of, when the text says which ("Guyana's Vice President Bharrat Jagdeo
    said: 'We have no plans'")."""
    speaker = next(pronoun_candidates(pronoun, rules, lambda t: is_actorish(t, rules)), None)
    ref = build_mention(speaker, rules, ctx, depth=depth + 1)[0] if speaker is not None else None
    if ref is None or ref.type != "Person":
        return None
    sent = ctx.sentence(pronoun)
    span = {"text": pronoun.text, "start": pronoun.idx, "end": pronoun.idx + len(pronoun.text)}
    if pronoun.morph.get("Number") == ["Sing"]:
        if sent.start_char <= ref.start and ref.end <= sent.end_char:
            span = {"text": ref.text, "start": ref.start, "end": ref.end}  # as coders mark the named mention
        return ActorRef(**{**ref.__dict__, **span})
    stated = _country_of_modifiers(speaker, rules, ctx)  # (not the article's country a person is taken to be of)
    place = rules.gazetteer.by_iso3.get(stated) if stated else None
    if place is None:
        return None
    return country_actor(place, **span)


def persons_country(head: Token, rules: Rules, ctx: DocContext, exclude: set[int]) -> tuple[ActorRef, None] | None:
    """A person's own country as the text says it ("Ruto said his country would not intervene"): the
    country the person is of, not the person."""
    noun, owner = head, head
    if head.dep_ in rules.labels.possessors:
        noun = head.head
    else:
        owner = next((c for c in head.children if c.dep_ in rules.labels.possessors), None)
    if owner is None or owner.pos_ != "PRON" or fold(noun.lemma_) not in rules.words.country_nouns:
        return None
    ref, _ = build_mention(owner, rules, ctx, exclude)
    place = rules.gazetteer.by_iso3.get(ref.country) if ref is not None and ref.type == "Person" and ref.country else None
    if place is None:
        return None
    span = noun.doc[min(owner.i, noun.i): noun.i + 1]
    return country_actor(place, span.text, span.start_char, span.end_char), None


def country_actor(place, text: str, start: int = 0, end: int = 0) -> ActorRef:
    """A country of the gazetteer as an actor."""
    return ActorRef(text=text, label=place.name, type="Country", sector="GOV", country=place.country, start=start, end=end)


def _seat_of_government(country, text: str, rules: Rules) -> ActorRef:
    """The government a capital's name stands for ("Kigali supports the rebels")."""
    demonym = rules.gazetteer.demonym(country.country)
    label = f"{demonym} government" if demonym else f"government of {country.name}"
    return ActorRef(text=text, label=label, type="Government", sector="GOV", country=country.country)


def _organisation_name(token: Token) -> bool:
    """A name the recogniser took for an organisation's, or left untyped in capitals ("SPLM-IO")."""
    return token.ent_type_ == "ORG" or (not token.ent_type_ and token.pos_ == "PROPN" and token.text[:2].isupper())


def _definite_description(head: Token, rules: Rules) -> bool:
    """A common noun that refers back: "the group", "the regional bloc", "this movement", with no
    name or people of its own among its modifiers ("the Malian junta" names its country)."""
    if head.pos_ not in ("NOUN", "PROPN") or not head.is_lower or head.ent_type_ \
            or (fold(head.lemma_) not in rules.anaphora and fold(head.text) not in rules.anaphora):
        return False
    labels = rules.labels
    determiners = [c for c in head.children if c.dep_ in labels.determiners]
    if not determiners or fold(determiners[0].text) not in ("the", "this", "that", "these", "those"):
        return False
    for child in head.lefts:
        if child.dep_ in labels.compounds | labels.adjective_modifiers | labels.possessors and \
                (child.ent_type_ in ENTITY_LABELS or child.pos_ == "PROPN" or rules.gazetteer.country_of_demonym(child.text)):
            return False
    return not any(c.dep_ in labels.appositions for c in head.children)


def _through_quantity(head: Token, rules: Rules) -> tuple[Token, str | None]:
    """Step from "dozens" in "dozens of soldiers" to "soldiers", keeping "dozens" as the quantity."""
    lemma = fold(head.lemma_)
    if head.pos_ == "PROPN" and not head.like_num:
        return head, None  # a name, not a count: "the Vengeance Units of HBDH"
    if lemma in rules.words.quantity_heads or head.like_num or head.ent_type_ == "CARDINAL":
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    left = [t for t in head.subtree if t.i <= head.i and t.dep_ != "det"]
                    quantity = head.doc[left[0].i : head.i + 1].text if left else head.text
                    return objects[0], quantity
    return head, None


def _strip_title(ent: Span, rules: Rules) -> tuple[int, int, str | None]:
    """Remove leading title words ("Gen", "President") from a person entity."""
    start = ent.start
    words = []
    while start < ent.end - 1:
        one = fold(ent.doc[start].text)
        two = fold(ent.doc[start : start + 2].text) if start + 2 <= ent.end - 1 else None
        if two and two in rules.titles:
            words.append(ent.doc[start : start + 2].text)
            start += 2
        elif one in rules.titles:
            words.append(ent.doc[start].text)
            start += 1
        else:
            break
    # titles just before the entity ("former Prime Minister Moussa Mara")
    before = ent.start - 1
    lead = []
    doc = ent.doc
    while before >= 0 and doc[before].pos_ in ("PROPN", "NOUN", "ADJ") and doc[before].ent_type_ in ("", "NORP"):
        lead.insert(0, doc[before].text)
        before -= 1
    lead_text = " ".join(lead)
    if lead_text and (fold(lead_text) in rules.titles or any(fold(" ".join(lead[i:])) in rules.titles for i in range(len(lead)))):
        words.insert(0, lead_text)
    return start, ent.end, " ".join(words) or None


def _related_to(head: Token, rules: Rules) -> Token | None:
    """Whom a noun for people named by whom they stand with names: "allies of Machar" -> Machar."""
    if head.pos_ != "NOUN" or (fold(head.lemma_) not in rules.words.relational_nouns
                               and fold(head.text) not in rules.words.relational_nouns):
        return None
    for child in head.children:
        if child.dep_ in rules.labels.preposition and fold(child.text) in ("of", "to"):
            for obj in child.children:
                if obj.dep_ in rules.labels.preposition_objects and is_actorish(obj, rules):
                    return obj
    return None


def _relational(head: Token, rules: Rules, ctx: DocContext, exclude: set[int] | None, depth: int) -> ActorRef | None:
    """"Allies of Machar", "relatives of the minister": a group of its own, named after whom it
    stands with, of its own kind when the noun names one."""
    related = _related_to(head, rules)
    if related is None:
        return None
    other, _ = build_mention(related, rules, ctx, exclude, depth + 1)
    if other is None or other.place or other.type == "Issue":
        return None
    kind, _ = group_kind(head, rules)
    label = f"{fold(head.text)} of {other.label}"
    if kind is not None:
        return ActorRef(text=head.text, label=label, type=kind.type, sector=kind.sector, country=other.country)
    return ActorRef(text=head.text, label=label, type="Actor", country=other.country)


def _named_in_apposition(head: Token, rules: Rules, ctx: DocContext, exclude: set[int] | None,
                         depth: int) -> ActorRef | None:
    """The named actor a common noun stands beside, as the apposition of a name or with a name as
    its own apposition ("the opposition party, the SPLM-IO", "the White Army, an ethnic militia")."""
    labels = rules.labels
    if head.pos_ != "NOUN":
        return None
    names = [c for c in head.children if c.dep_ in labels.appositions]
    if head.dep_ in labels.appositions:
        names.append(head.head)
    if not names:
        return None
    opening = ctx.dateline_end(head)
    for name in names:
        if name.pos_ != "PROPN" or (exclude and name.i in exclude) or name.i < opening:
            continue  # (a dateline's town is where the report comes from: "KABUL (AP) - Militants ...")
        ref, _ = build_mention(name, rules, ctx, exclude, depth + 1)
        if ref is not None and not ref.pronoun and not ref.place and ref.type != "Issue":
            return ref  # (a name of no known kind takes the kind of the noun beside it)
    return None


def _apposition_title(head: Token, rules: Rules) -> str | None:
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON" and child.pos_ in ("NOUN", "PROPN"):
            start, end = noun_phrase(child)
            words = [t for t in child.doc[start:end] if t.dep_ != "det"]
            if words:
                return child.doc[words[0].i : end].text
    return None


def _title_kind(title: str, rules: Rules) -> ActorKind | None:
    words = fold(title).split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            kind = rules.titles.get(" ".join(words[i:j]))
            if kind:
                return kind
    kind = rules.groups.get(words[-1]) if words else None
    return kind


def _of_a_wider_people(head: Token, rules: Rules) -> bool:
    """"Western officials", "European diplomats": a people that is no country says they are not the
    article's own."""
    return any(c.dep_ == "amod" and (c.ent_type_ == "NORP" or c.text[:1].isupper())
               and rules.gazetteer.country_of_demonym(c.text) is None for c in head.lefts)


def _backed_by_other(head: Token) -> bool:
    """"Iran-backed militants": a participle naming a backer says whose they are not."""
    return any(c.tag_ == "VBN" and c.dep_ == "amod" and any(t.ent_type_ in ("GPE", "NORP") for t in c.subtree)
               for c in head.lefts)


def _country_of_modifiers(head: Token, rules: Rules, ctx: DocContext) -> str | None:
    """The country a phrase's modifiers name: "Malian", "Mali's", "the country's", "in Mali", "in Lagos"."""
    gaz = rules.gazetteer
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            if child.tag_ == "VBN":
                continue  # "Iran-backed militants", "Russia-linked hackers": someone else's backing, not their country
            for token in child.subtree:
                if token.ent_type_ == "NORP" or token.pos_ == "ADJ":
                    iso3 = gaz.country_of_demonym(token.text)
                    if iso3:
                        return iso3
                if token.ent_type_ == "GPE":
                    place = gaz.country(token.text)
                    if place:
                        return place.country
                if fold(token.lemma_) in ("country", "nation", "state") and child.dep_ == "poss":
                    return ctx.country
    named = any(c.pos_ == "PROPN" for c in head.lefts)  # "the Tis Hazari court in Delhi": of its own name, not the town's
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                    name = entity_of(obj).text
                    place = gaz.country(name) or (gaz.city(name, ctx.country) if not named else None)
                    if place:
                        return place.country
    return None


def _local_people(head: Token, rules: Rules) -> str | None:
    """The name of a group named after a region or a people that is no country ("Tigray forces",
    "Kurdish fighters", "forces from Tigray"), as the text says it; None for a group of no such name."""
    gaz = rules.gazetteer
    for child in head.lefts:
        if child.dep_ in ("compound", "nmod", "amod") and (child.pos_ == "PROPN" or child.ent_type_ == "NORP") \
                and child.ent_type_ not in ("ORG", "PERSON") and not gaz.country_of_demonym(child.text) \
                and gaz.country(child.text) is None and fold(child.text) not in rules.organizations \
                and fold(child.lemma_) not in rules.groups and fold(child.text) not in rules.groups:
            return head.doc[child.i : head.i + 1].text  # (but "jihadist fighters" are of a kind, not a people)
    for child in head.rights:
        if child.dep_ == "prep" and fold(child.text) == "from":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and gaz.country(obj.text) is None \
                        and not gaz.country_of_demonym(obj.text) and obj.ent_type_ != "PERSON" \
                        and fold(obj.text) not in rules.organizations:  # ("Tigray" the model may take for one)
                    return f"{head.text} from {head.doc[obj.left_edge.i : obj.i + 1].text}"
    return None


def _type_mention(head: Token, ent: Span | None, span: Span, rules: Rules, ctx: DocContext) -> ActorRef | None:
    gaz = rules.gazetteer
    text = span.text
    if _named_as_a_place(head, ent, rules):  # "the town of Rubaya", "the Tillaberi region", whatever the recogniser says
        city = gaz.city(head.text, ctx.country)
        return ActorRef(text=text, label=head.text, type="Actor", country=city.country if city else ctx.country, place=True)
    if ent is not None:
        label_ = ent.label_
        capital = gaz.capital_of(ent.text) if label_ in ("PERSON", "ORG", "NORP") and len(ent) == 1 else None
        city = gaz.city(ent.text, ctx.country) if label_ == "PERSON" and len(ent) == 1 and capital is None \
            and fold(ent.text) not in ctx.full_name_words else None
        if capital is not None or (city is not None and (ctx.country is None or city.country == ctx.country)):
            label_ = "GPE"  # the small model takes "Kyiv" or "Goma" for a person, where no one of that name is
        elif label_ == "PERSON" and fold(_strip_determiner(ent).text) not in rules.organizations:
            country = _country_of_modifiers(head, rules, ctx) or ctx.country
            return ActorRef(text=text, label=text, type="Person", country=country)
        name = _strip_determiner(ent).text
        org = rules.organizations.get(fold(name)) or rules.organizations.get(fold(_strip_determiner(span).text))
        if org is not None:
            return ActorRef(text=text, label=org.name, type=org.type, sector=org.sector, country=org.country)
        if label_ == "GPE":
            place = gaz.country(ent.text)
            if place is not None:
                return country_actor(place, text)
            capital = gaz.capital_of(ent.text)
            if capital is not None:  # "Kigali supports the rebels": a capital speaks for its government
                return _seat_of_government(capital, text, rules)
            city = gaz.city(ent.text, ctx.country)
            if city is not None:  # a town is where things happen, not who does them
                return ActorRef(text=text, label=ent.text, type="Actor", country=city.country, place=True)
            return ActorRef(text=text, label=ent.text, type="Government", sector="GOV", country=ctx.country)
        if label_ == "NORP":
            kind, _ = group_kind(head, rules)
            if kind is None:
                kind = rules.groups.get(fold(ent.text)) or rules.groups.get(fold(head.lemma_))
            iso3 = gaz.country_of_demonym(ent.text)
            if kind is not None:
                country = iso3 or ctx.country
                return _group_ref(kind, country, rules, text)
            if iso3:
                place = gaz.by_iso3.get(iso3)
                return ActorRef(text=text, label=place.name if place else ent.text, type="Country", sector="GOV", country=iso3)
            return ActorRef(text=text, label=ent.text, type="Actor", country=ctx.country)
        if label_ in ("ORG", "FAC"):
            kind, _ = group_kind(head, rules)
            country = _country_of_modifiers(head, rules, ctx)
            if kind is not None and not _is_proper_name(ent, rules):
                return _group_ref(kind, country or ctx.country, rules, text)
            if kind is not None:  # "Rapid Support Forces": typed by its head noun, named by itself
                return ActorRef(text=text, label=name, type=kind.type, sector=kind.sector, country=country)
            if label_ == "FAC" and not _is_proper_name(ent, rules):
                return None
            return ActorRef(text=text, label=name, type="Organization", country=country)
    capital = gaz.capital_of(head.text) if head.pos_ == "PROPN" and not head.ent_type_ else None
    if capital is not None:  # "as Kyiv prepares a counteroffensive", untagged here, tagged a person elsewhere
        return _seat_of_government(capital, text, rules)
    if head.pos_ in ("PROPN", "NOUN") and fold(head.text) in ctx.person_words and not fold(head.text) in rules.titles:
        return ActorRef(text=text, label=head.text, type="Person", country=ctx.country)
    kind, _ = group_kind(head, rules)
    country = _country_of_modifiers(head, rules, ctx)
    named = _named_by_organization(head, rules)
    if kind is not None and named is not None:  # "ISGS militants", "Taliban fighters"
        return ActorRef(text=text, label=named.name, type=named.type, sector=named.sector, country=named.country or country)
    if kind is not None:
        local = _local_people(head, rules) if country is None and kind.sector not in ("IGO", "MED") else None
        if local is not None:  # "Tigray forces", "Nuer militias": named after their own region or people
            return ActorRef(text=text, label=local, type=kind.type, sector=kind.sector, country=ctx.country)
        if kind.sector not in ("IGO", "MED") and not _backed_by_other(head) and not _of_a_wider_people(head, rules):
            country = country or ctx.country
        return _group_ref(kind, country, rules, text)
    title = title_kind(head, rules)
    if title is not None:
        side = next((rules.groups[fold(c.lemma_)] for c in head.lefts if c.dep_ in ("compound", "amod")
                     and fold(c.lemma_) in rules.groups), None)
        if side is not None:  # "the rebel leader", "a militia commander": of the group's kind, not the state's
            return ActorRef(text=text, label=text, type=side.type, sector=side.sector, country=country or ctx.country,
                            generic=True)
        return ActorRef(text=text, label=text, type=title.type, sector=title.sector, country=country or ctx.country,
                        generic=True)  # a role, not a name: "the minister" of one report need not be another's
    if head.pos_ == "PROPN":  # a known organisation, whatever the recogniser took it for ("Minusma" as a place)
        org = rules.organizations.get(fold(text)) or rules.organizations.get(fold(head.text))
        if org is not None:
            return ActorRef(text=text, label=org.name, type=org.type, sector=org.sector, country=org.country)
    if head.pos_ == "PROPN" and not head.ent_type_:
        single = len(span) == 1 or span[0].pos_ == "DET" and len(span) == 2
        city = gaz.city(head.text, ctx.country) if single and gaz.country(head.text) is None else None
        if city is not None and (ctx.country is None or city.country == ctx.country):
            return ActorRef(text=text, label=head.text, type="Actor", country=city.country, place=True)  # "captured Kidal"
        return ActorRef(text=text, label=_strip_determiner(span).text, type="Actor", country=country)
    if country is not None and any(c.dep_ in ("amod", "compound") and gaz.country_of_demonym(c.text) for c in head.lefts):
        place = gaz.by_iso3.get(country)
        return ActorRef(text=text, label=place.name if place else country, type="Country", sector="GOV", country=country)
    return None


def _named_as_a_place(head: Token, ent: Span | None, rules: Rules) -> bool:
    """A proper name the gazetteer does not know that a place noun says is a place: "the town of
    X", "the X region" (a country or a region the gazetteer knows is typed by its entry)."""
    if head.pos_ != "PROPN" or rules.gazetteer.country(ent.text if ent is not None else head.text) is not None:
        return False
    if head.dep_ == "pobj" and fold(head.head.text) == "of" and head.head.head.pos_ == "NOUN":
        return fold(head.head.head.lemma_) in rules.words.region_nouns
    return head.dep_ == "compound" and head.head.pos_ == "NOUN" and fold(head.head.lemma_) in rules.words.region_nouns


def _named_by_organization(head: Token, rules: Rules):
    """A known organisation named by a modifier of a group noun ("ISGS" in "suspected ISGS
    militants") or by its "of" or "from" phrase ("the broadcasts of Radio France Internationale", "fighters of
    Boko Haram", "fighters from Hamas")."""
    doc = head.doc
    owners = [o for c in head.rights if c.dep_ == "prep" and fold(c.text) in ("of", "from")
              for o in c.children if o.dep_ == "pobj"]
    for child in [*head.lefts, *owners]:
        if child.dep_ not in ("compound", "amod", "nmod", "pobj"):
            continue
        ent = entity_of(child)
        names = [doc[child.left_edge.i : child.i + 1].text, child.text,
                 *(c.text for c in child.lefts if c.dep_ == "compound")]  # "BBC" in "the broadcasts of BBC Africa"
        if ent is not None:
            names.insert(0, _strip_determiner(ent).text)
        for name in names:
            org = rules.organizations.get(fold(name))
            if org is not None:
                return org
    return None


def _strip_determiner(span: Span) -> Span:
    """"The European Union" -> "European Union"."""
    start = span.start
    while start < span.end - 1 and span.doc[start].dep_ == "det" or (start < span.end - 1 and span.doc[start].lower_ == "the"):
        start += 1
    return span.doc[start : span.end]


def _is_proper_name(ent: Span, rules: Rules) -> bool:
    """An organisation's own name, not a description: has a name word that is not a place or people."""
    gaz = rules.gazetteer
    for token in ent:
        if token.pos_ != "PROPN" or token.is_stop:
            continue
        if gaz.country(token.text) or gaz.country_of_demonym(token.text):
            continue
        if group_kind(token, rules)[0] is not None or fold(token.lemma_) in rules.titles:
            continue
        return True
    return False


def of_country(label: str, country: str | None, rules: Rules) -> str:
    """A group's label with its country's demonym ("Malian soldiers"), or alone when none is known."""
    demonym = rules.gazetteer.demonym(country) if country else None
    return f"{demonym} {label}" if demonym else label


def _group_ref(kind: ActorKind, country: str | None, rules: Rules, text: str) -> ActorRef:
    """A kind of actor ("soldiers", "Malian civilians"), generic but for a state's own government."""
    label = of_country(kind.label or text, country, rules)
    return ActorRef(text=text, label=label, type=kind.type, sector=kind.sector, country=country,
                    generic=not (kind.type == "Government" and country))
