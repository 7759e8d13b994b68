"""Factuality: does the text say an event happened, and who says so?

From an event's trigger, the walk goes up the chain of words that govern it to the root of its
sentence, and each word contributes what its predicate class says (``predicates.toml``; after
De Facto, Saurí & Pustejovsky 2012, and Karttunen's implicative verbs): negation flips; "fail",
"refuse", "prevent" say it did not happen; "manage" says it did; "call for", "urge", "demand"
make it the content of a request; "call off", "suspend", "revoke" undo it; "if", "unless",
"could" make it hypothetical; "will", "plan", "vow" planned; "deny that" denied and "accuse of"
alleged, according to the subject; "say", "according to" reported, naming the source.

The innermost word that changes what the text commits to decides (what was only asked for stays
asked for, however many sources report the asking); the sources above it are still named. The
result tells the extractor whether to record the event at all: what did not happen, what was only
requested, cancelled or denied by the narrator's own negation is no event of its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.rules.loader import Labels, Predicate, Rules
from kg.text import fold

if TYPE_CHECKING:
    from kg.extraction.mentions import DocContext

#: Effects after which the event is not recorded: the text says it did not (or not yet) happen.
NOT_RECORDED = ("not_happened", "negated", "requested", "cancelled", "not_an_event")
#: The modality each recorded effect gives.
MODALITY = {"factual": "asserted", "reported": "reported", "alleged": "alleged", "denied": "denied",
            "planned": "planned", "hypothetical": "hypothetical"}
#: Classes read off the trigger's own modifiers, by the part of speech they list.
OWN_MODIFIERS = (("auxiliaries", "future"), ("auxiliaries", "possibility"), ("adverbs", "allegation"),
                 ("adverbs", "report"), ("adverbs", "possibility"), ("markers", "condition"))
MAX_STEPS = 12
WORD_KINDS = {"VERB": "verbs", "AUX": "auxiliaries", "NOUN": "nouns", "PROPN": "nouns", "ADJ": "adjectives",
              "ADV": "adverbs", "SCONJ": "markers", "ADP": "markers"}


@dataclass(frozen=True)
class Factuality:
    """What the text commits to about one event: the deciding effect, the modality to record (None
    when the event is not to be recorded), the source, and the word that decided."""

    effect: str
    modality: str | None
    source: str | None = None
    source_head: Token | None = None
    governor: Token | None = None
    deciding_class: str | None = None  # the predicate class that decided
    commander: Token | None = None  # who has it done, when a word of command governs it ("ordered")
    auxiliary: bool = False  # decided by an auxiliary ("will", "would"), not by a governing word
    classes: tuple[str, ...] = ()  # every predicate class met on the way up, innermost first
    governors: tuple[Token, ...] = ()  # the words of those classes

    @property
    def recorded(self) -> bool:
        return self.modality is not None


def phrase_classes(doc, matches) -> dict[int, frozenset[str]]:
    """Token index -> the predicate classes of the multiword phrases that cover it, from the
    ``(class name, start, end)`` matches of the predicates' phrases in ``doc``."""
    covered: dict[int, set[str]] = {}
    for name, start, end in matches:
        for i in range(start, end):
            covered.setdefault(i, set()).add(name)
    return {i: frozenset(names) for i, names in covered.items()}


def classes_of(token: Token, rules: Rules, phrases: dict[int, frozenset[str]]) -> list[Predicate]:
    """The predicate classes a word belongs to, by its lemma and part of speech, or by a phrase."""
    kind = WORD_KINDS.get(token.pos_)
    lemma, word = fold(token.lemma_), fold(token.text)
    found = [p for p in rules.predicates.values()
             if kind is not None and (p.has(lemma, kind) or p.has(word, kind))]
    found += [rules.predicates[name] for name in phrases.get(token.i, ()) if rules.predicates[name] not in found]
    return found


def assess(trigger: Token, rules: Rules, phrases: dict[int, frozenset[str]], arguments: list[Token] = (),
           ctx: DocContext | None = None) -> Factuality:
    """The factuality of the event ``trigger`` names; ``arguments`` are its participants' heads
    (a negated participant, "no soldiers were arrested", negates the event); ``ctx``, the Doc's,
    through which what is asked of the trigger's sentence is worked out once."""
    labels = rules.labels
    steps: list[tuple[str, Predicate, Token | None, bool]] = []
    negated = _participant_negated(arguments, rules) or own_negation(trigger, rules)
    children = list(trigger.children)
    first = trigger
    while first.dep_ in labels.conjuncts and first.head.pos_ in ("VERB", "AUX") and first.head.i < first.i:
        first = first.head
    if first is not trigger and trigger.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in labels.auxiliaries | labels.subjects | labels.passive_subjects for c in children):
        # "will restrict the movement of people and violate the principles": the auxiliary is shared
        children += [c for c in first.children if c.dep_ in labels.auxiliaries]
    for kind, name in OWN_MODIFIERS:
        predicate = rules.predicate(name)
        for child in children:
            if kind == "markers" and child.dep_ not in labels.markers:
                continue
            if kind == "auxiliaries" and child.dep_ not in labels.auxiliaries:
                continue
            if kind == "adverbs" and child.dep_ not in labels.adverbs:
                continue
            if predicate.has(fold(child.text), kind) or predicate.has(fold(child.lemma_), kind) \
                    or name in phrases.get(child.i, ()):
                steps.append((predicate.effect, predicate, None, kind == "auxiliaries"))  # the trigger's own
    allegation = rules.predicate("allegation")
    if trigger.pos_ in ("NOUN", "PROPN"):
        for child in children:
            if child.dep_ in labels.adjective_modifiers | labels.compounds and \
                    (allegation.has(fold(child.text), "adjectives") or allegation.has(fold(child.lemma_), "adjectives")):
                steps.append(("alleged", allegation, None, False))
            elif child.dep_ in labels.noun_clauses and child.tag_ == "VBN" and allegation.has(fold(child.lemma_), "verbs"):
                steps.append(("alleged", allegation, None, False))  # "the attack, blamed on the gang"
    if not _inherits_nothing(trigger, labels):
        steps += _governors(trigger, rules, phrases)
    return _combine(steps, negated, trigger, rules, ctx)


def own_negation(trigger: Token, rules: Rules) -> bool:
    """Whether a word is negated by its own modifiers: "not", "no", a curly "n’t"."""
    negation = rules.predicate("negation")
    # "don’t attack": the small model may take a curly "n’t" for a word of its auxiliary's
    near = [*trigger.children, *(g for c in trigger.children if c.dep_ in rules.labels.auxiliaries for g in c.children)]
    return any(c.dep_ in rules.labels.negations
               or (c.dep_ in rules.labels.determiners and negation.has(fold(c.text), "words"))
               or (c.head.dep_ in rules.labels.auxiliaries and fold(c.text).replace("’", "'") == "n't")
               for c in near)


def _participant_negated(arguments, rules: Rules) -> bool:
    """ "neither X nor Y have been arrested", "no soldiers were arrested", "none of them"."""
    negation = rules.predicate("negation")
    labels = rules.labels
    for argument in arguments:
        if fold(argument.text) in ("none", "nobody", "no one"):
            return True
        for child in argument.children:
            if child.dep_ in labels.correlatives | labels.determiners | labels.adverbs and negation.has(fold(child.text), "words"):
                return True
    return False


def _inherits_nothing(trigger: Token, labels: Labels) -> bool:
    """A participle modifying a noun ("the arrested soldiers") takes nothing from the noun's clause."""
    own_clause = any(c.dep_ in labels.subjects | labels.passive_subjects | labels.markers for c in trigger.children)
    return trigger.dep_ in labels.adjective_modifiers or (
        trigger.dep_ in labels.noun_clauses and trigger.tag_ == "VBN" and not own_clause)


def _governors(trigger: Token, rules: Rules, phrases: dict[int, frozenset[str]]) -> list[tuple]:
    """(effect, class, governor, by an auxiliary) for each governing word whose class governs by the relation the
    chain comes up through, innermost first."""
    labels = rules.labels
    found: list[tuple] = []
    seen_phrases: set[str] = set()
    token = trigger
    boundary = None  # where a cause or circumstance starts: above it only who tells it counts
    for _ in range(MAX_STEPS):
        if token.head.i == token.i:
            break
        relation, governor = token.dep_, token.head
        if relation in labels.relative_clauses and not any(c.dep_ in labels.markers for c in token.children) \
                and governor.pos_ != "PRON":
            break  # "soldiers who attacked the base were arrested": the attack is told as fact (but
            # "accusations that Kigali supports rebels", parsed as a relative clause, tells a claim)
        preposition = None
        if (governor.pos_ == "ADP" and fold(governor.text) in rules.words.circumstance_words) or (
                relation in labels.adverbial_clauses and any(
                c.dep_ in labels.markers and fold(c.text) in rules.words.circumstance_words for c in token.children)):
            # "suspended the broadcasts over their coverage of ...", "called off the talks after the
            # rebels attacked": a cause or circumstance is told as fact; only who tells it still counts
            boundary = len(found) if boundary is None else boundary
        if governor.pos_ == "ADP" and governor.head.i != governor.i:
            # through a preposition ("called for the release", "in case of an invasion")
            preposition = governor
            for predicate in classes_of(governor, rules, phrases):
                if predicate.phrases and predicate.name not in seen_phrases:  # "call for", "in the event of"
                    seen_phrases.add(predicate.name)
                    found.append((predicate.effect, predicate, governor.head, False))
            token, governor = governor, governor.head
        if relation in labels.conjuncts:
            token = governor  # a conjunct shares its first conjunct's governors, not its own modifiers
            continue
        if relation in labels.adverbial_clauses and any(c.tag_ == "TO" for c in token.children) \
                and not any(c.dep_ in labels.markers for c in token.children):
            # an infinitive of purpose is what is aimed at, not what happened ("deployed troops to
            # protect the town"; "rejected appeals to release him", however the parser hangs it)
            found.append(("planned", rules.predicate("future"), governor, False))
        condition = rules.predicate("condition")
        if governor.pos_ in ("VERB", "AUX") and any(
                c.dep_ in labels.markers and condition.has(fold(c.text), "markers") for c in governor.children):
            found.append(("hypothetical", condition, governor, False))  # "if neighbours attempt an intervention"
        own_act = relation in labels.noun_clauses and token.tag_ == "VBG" \
            and fold(governor.lemma_) in rules.words.document_nouns  # "a report accusing the army": the report's own act
        for predicate in () if own_act else classes_of(governor, rules, phrases):
            by_phrase = predicate.name in phrases.get(governor.i, ())
            if predicate.name == "negation" or predicate.effect == "not_an_event":
                continue  # boilerplate keeps words inside it from being events; it governs nothing
            if by_phrase and predicate.name in seen_phrases:
                continue
            if by_phrase or relation in predicate.relations:
                if by_phrase:
                    seen_phrases.add(predicate.name)
                found.append((predicate.effect, predicate, governor, False))
        carried = _carries(governor, rules) or (preposition is not None and fold(preposition.text) in rules.words.involvement_words)
        if relation in labels.objects | labels.preposition_objects and carried:
            if _negated_word(governor, rules):  # "did not launch an attack", "was not involved in the raid"
                found.append(("negate", rules.predicate("negation"), governor, False))
            found += _auxiliaries(governor, rules)  # "will begin a new operation"
        if relation in labels.open_clauses | labels.reported_clauses and fold(governor.lemma_) in rules.words.saying_verbs \
                and any(c.dep_ in labels.auxiliaries and fold(c.text) in rules.words.demand_modals for c in token.children):
            found.append(("requested", rules.predicate("request"), governor, True))  # "says Israel must end its strikes"
        if relation in labels.open_clauses | labels.reported_clauses and governor.pos_ in ("VERB", "AUX"):
            # the governing clause's own negation and auxiliaries
            if any(child.dep_ in labels.negations for child in governor.children):
                found.append(("negate", rules.predicate("negation"), governor, False))
            found += _auxiliaries(governor, rules)
        if governor.pos_ in ("NOUN", "PROPN") and own_negation(governor, rules) \
                and any(step[2] is not None and step[2].i == governor.i and step[0] != "negate" for step in found) \
                and not any(step[0] == "negate" and step[2] is not None and step[2].i == governor.i for step in found):
            found.append(("negate", rules.predicate("negation"), governor, False))  # "has no plans to attack"
        token = governor
    if boundary is not None:
        found = found[:boundary] + [step for step in found[boundary:] if step[0] in ("reported", "alleged")]
    return found


def _auxiliaries(verb: Token, rules: Rules) -> list[tuple]:
    """Steps for the future and possibility auxiliaries of a verb ("will", "would")."""
    steps = []
    for child in verb.children:
        if child.dep_ in rules.labels.auxiliaries:
            for name in ("future", "possibility"):
                predicate = rules.predicate(name)
                if predicate.has(fold(child.text), "auxiliaries"):
                    steps.append((predicate.effect, predicate, verb, True))
    return steps


def _carries(governor: Token, rules: Rules) -> bool:
    """A word that carries the event it governs as its own: a support verb ("launch an attack") or a
    word of involvement ("involved in", "responsibility for", "nothing to do with")."""
    lemma = fold(governor.lemma_)
    return lemma in rules.words.support_verbs or lemma in rules.words.involvement_words


def _negated_word(word: Token, rules: Rules) -> bool:
    """A word negated by its own modifiers ("not involved", "no role"), by the negative word its
    clause hangs on ("nothing to do with"), or by the verb it is the object or complement of ("did
    not claim responsibility", "was not responsible")."""
    negation = rules.predicate("negation")
    labels = rules.labels
    if own_negation(word, rules):
        return True
    if word.dep_ in labels.noun_clauses and negation.has(fold(word.head.text), "words"):
        return True
    if word.dep_ in labels.objects | labels.attributes and word.head.pos_ in ("VERB", "AUX"):
        return own_negation(word.head, rules)
    return False


def _combine(steps, negated: bool, trigger: Token, rules: Rules, ctx: DocContext | None = None) -> Factuality:
    """Fold the contributions, innermost first: the first that changes what the text commits to
    decides; sources above it are named."""
    status, source, source_head, decided_by = "factual", None, None, None
    deciding_class, commander, by_auxiliary = None, None, False
    classes = tuple(dict.fromkeys(predicate.name for _, predicate, _, _ in steps))
    governors = tuple(dict.fromkeys(g for _, _, g, _ in steps if g is not None))
    claimed = False  # a claim carries the event: an allegation or a report above it
    disowned = False  # the intention itself negated
    believed = False  # the source named so far holds a belief, which a speaker above it tells
    for effect, predicate, governor, auxiliary in steps:
        if predicate.claims_only and not claimed:
            continue  # "rejected appeals to release her": a refusal, which denies nothing
        claimed = claimed or (predicate.source and effect in ("alleged", "reported"))
        if effect == "negate":
            if status == "factual":
                negated = not negated
            elif status in ("planned", "hypothetical") and governor is not None and governor == decided_by:
                disowned = not disowned  # "we do not intend to invade", "has no plans for an offensive"
            continue
        if predicate.agent == "subject" and commander is None and governor is not None and status == "factual":
            commander = _subject(governor, rules)
        if predicate.source and governor is not None and (source is None or (believed and not predicate.belief)):
            speaker = _subject(governor, rules)  # (a speaker above a belief: "X knows that ...," he added)
            named = source_of(speaker, rules) if speaker is not None else None
            if source is None or named is not None:
                source_head, source, believed = speaker, named, predicate.belief
        if status != "factual" and not (status == "alleged" and effect == "denied"):
            continue  # (but "rejected claims that police tortured them" denies what was alleged)
        if effect == "factual":
            continue
        if effect == "reported":
            continue  # the event stays as it is told; only its source is named
        if effect == "requested" and governor is not None and _document_subject(governor, rules):
            effect, predicate = "planned", rules.predicate("future")  # "the agreement calls for X": X is planned
        status, decided_by, deciding_class, by_auxiliary = effect, governor, predicate.name, auxiliary
        if effect == "denied" and governor is not None:
            source_head = _subject(governor, rules)
            source = source_of(source_head, rules) if source_head is not None else None
    if source is None:
        if ctx is not None:
            named, head = ctx.of_sentence("according_to", ctx.sentence(trigger), lambda s: according_to(s, rules))
        else:
            named, head = according_to(trigger.sent, rules)
        source, source_head = named, head or source_head
    # reported even when the source is no one the text names ("initial reports suggested", "it said")
    reported = source is not None or any(effect == "reported" for effect, _, _, _ in steps)

    def result(effect: str, modality: str | None) -> Factuality:
        return Factuality(effect, modality, source, source_head, decided_by, deciding_class, commander,
                          by_auxiliary, classes, governors)

    if disowned and not negated:
        return result("denied", "denied") if reported else result("not_happened", None)
    if negated:
        if status in ("planned", "hypothetical"):
            return result("not_happened", None)  # "vowed not to attack", "will not release"
        if status == "factual" and reported:
            return result("denied", "denied")
        return result("negated", None)  # the narrator says it did not happen
    if status in NOT_RECORDED:
        return result(status, None)
    if status == "factual" and reported:
        return result("reported", "reported")
    return result(status, MODALITY[status])


def _document_subject(governor: Token, rules: Rules) -> bool:
    subject = _subject(governor, rules)
    return subject is not None and subject.pos_ == "NOUN" and fold(subject.lemma_) in rules.words.document_nouns


def _subject(governor: Token, rules: Rules) -> Token | None:
    """Who speaks through a verb: its active subject, or the agent of its passive ("by X"); the
    passive subject of "are alleged to" is the accused, not the source."""
    labels = rules.labels
    if governor.pos_ == "ADJ" and governor.dep_ in labels.open_clauses | labels.objects and governor.head.pos_ == "VERB":
        return _subject(governor.head, rules)  # "Ankara holds the PKK responsible": Ankara speaks, not the PKK
    if governor.pos_ == "ADJ" and governor.dep_ in labels.adjective_modifiers and governor.head.i < governor.i \
            and governor.head.dep_ in labels.objects and governor.head.head.pos_ == "VERB":
        return _subject(governor.head.head, rules)  # the same, parsed as "the militias responsible"
    subjects = [c for c in governor.children if c.dep_ in labels.subjects]
    for child in governor.children:
        if child.dep_ in labels.subjects:
            if child.tag_ in ("WP", "WDT") and len(subjects) > 1:
                continue  # "militants whom Ankara holds responsible", parsed with two subjects: Ankara speaks
            if _is_dateline(child):  # "NAIROBI, Kenya -- President Ruto ordered ...": the apposition acts
                child = next((c for c in child.subtree if c.dep_ in labels.appositions and not _is_dateline(c)), None)
                if child is None:
                    continue
            return child
        if child.dep_ in labels.passive_agents:
            return next((o for o in child.children if o.dep_ in labels.preposition_objects), None)
    if governor.dep_ in labels.conjuncts:
        return _subject(governor.head, rules)
    return None


def source_of(head: Token, rules: Rules) -> str | None:
    """A source as the text names it (a noun phrase), or None when it names none: a pronoun such as
    "it", a dateline, a date or weekday, or a document ("the agreement states") stands for no one, but
    the party it is of ("the UN report said"); unowned reports are hearsay, named as the text names them."""
    if fold(head.text) in ("it", "which", "that", "this") or head.ent_type_ in ("DATE", "TIME"):
        return None
    if head.pos_ not in ("NOUN", "PROPN", "PRON") or _is_dateline(head):
        return None
    if head.pos_ == "NOUN" and fold(head.lemma_) in rules.words.document_nouns:
        owner = _owner(head, rules)  # "the UN report said": the UN speaks; "the agreement states": no one
        if owner is not None:
            return source_of(owner, rules)
        return phrase(head, rules) if fold(head.lemma_) in rules.words.hearsay_nouns else None
    return phrase(head, rules)


def _owner(document: Token, rules: Rules) -> Token | None:
    """Who a document is of: its possessor ("the army's statement"), a name before it ("a UN report"),
    or the object of "of" or "by" after it ("a statement by the ministry")."""
    labels = rules.labels
    for child in document.children:
        if child.dep_ in labels.possessors and child.pos_ in ("NOUN", "PROPN"):
            return child
        if child.dep_ in labels.compounds and child.pos_ == "PROPN" and child.i < document.i:
            return child
        if child.dep_ in labels.preposition | labels.passive_agents and fold(child.text) in ("of", "by", "from"):
            obj = next((o for o in child.children if o.dep_ in labels.preposition_objects), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")):
                return obj
    return None


def _is_dateline(token: Token) -> bool:
    """A word of a dateline ("KIGALI, Rwanda (AA) -"): all capitals before a dash opening the sentence."""
    if token.is_alpha and token.is_lower:
        return False  # (without looking for its sentence)
    sentence = token.sent
    for dash in sentence[: min(len(sentence), 10)]:
        if dash.text in ("--", "—", "–", "-") and dash.i > token.i:
            lead = sentence.doc[sentence.start: dash.i]
            return all(not t.is_lower for t in lead if t.is_alpha)
        if dash.is_alpha and dash.is_lower:
            return False
    return False


def phrase(token: Token, rules: Rules) -> str:
    """The text of a noun phrase headed by ``token`` (its subtree, without trailing clauses)."""
    labels = rules.labels
    tokens = [t for t in token.subtree
              if not (t.dep_ in labels.noun_clauses | labels.punctuation and t.head == token)]
    lefts = [t for t in tokens if t.i <= token.i]
    while lefts and lefts[0].i < token.i and (lefts[0].is_punct or _is_dateline(lefts[0])):
        lefts = lefts[1:]  # "(Reuters) – Russia accused": the dateline is no part of the source
    start = lefts[0].i if lefts else token.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in labels.compounds | labels.appositions or (child.dep_ in labels.preposition and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    return token.doc[start:end].text


def according_to(sentence: Span, rules: Rules) -> tuple[str | None, Token | None]:
    """The source of "according to X", "citing X", "quoted by X" in a sentence, and its head."""
    labels = rules.labels
    for token in sentence:
        word = fold(token.text)
        if word == "according":
            to = next((c for c in token.children if c.dep_ in labels.preposition and c.lower_ == "to"), None)
            if to is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                to = token.doc[token.i + 1]
            if to is not None:
                obj = next((c for c in to.children if c.dep_ in labels.preposition_objects), None)
                if obj is not None:
                    return source_of(obj, rules), obj
        if word in ("citing", "quoting") and token.dep_ in labels.adverbial_clauses | labels.preposition | labels.noun_clauses:
            obj = next((c for c in token.children if c.dep_ in labels.direct_objects | labels.preposition_objects), None)
            if obj is not None:
                return source_of(obj, rules), obj
    return None, None
