"""Who a pronoun or a definite description stands for, within one article.

A participant said as "it", "they", "he", "we" or "the regional bloc" is resolved to the mention
of a named actor it refers to, by the preferences that hold in news prose (after Hobbs 1978 and
Lappin & Leass 1994, reduced to what a dependency parse gives):

- a pronoun in what a source says, as the subject of the said clause, is first the source
  ("Rwanda said it regretted the decision");
- first-person pronouns in what is said or quoted are the speaker ("we ask ...," the director said);
- the pronoun of a quotation's tag ("'...,' he added") is first the previous sentence's speaker,
  never someone the quotation names;
- the subject of a conjoined clause is first the subject of its first conjunct ("HRW said ..., and
  it called on ...");
- a pronoun object is never the subject of its own clause ("Niger closed its border with
  Rwanda, accusing it of ...": "it" is Rwanda);
- a possessive in a phrase before the main clause's subject looks ahead to it ("In its report,
  the watchdog said ...");
- otherwise the most salient mention before it: subjects over objects over the rest, the current
  sentence over earlier ones, each sentence back halving the weight.

This module orders the candidates by these preferences and filters them by person and number;
:mod:`kg.extraction.mentions` types each candidate and keeps the first whose kind fits.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from kg.extraction.memo import remembered
from kg.rules.loader import Rules
from kg.text import fold

#: Salience of a mention by the part it plays in its clause (after Lappin & Leass).
ROLE_WEIGHT = {"subject": 80, "object": 50, "other": 20}
RECENCY_WEIGHT = 100
#: How many sentences back a pronoun, and a definite description, may find its antecedent.
PRONOUN_REACH = 2
DESCRIPTION_REACH = 8
QUOTES = {'"', "“", "”", "«", "»", "‘", "’", "'"}


def pronoun_class(token: Token, rules: Rules) -> str | None:
    """"person" (he, her), "group" (it, its), "plural" (they, their), "speaker" (we, our, I), or None."""
    word = fold(token.text)
    words = rules.words
    if len(token.text) > 1 and token.text.isupper():
        return None  # "US" is a country, not "us"
    if word in words.person_pronouns:
        return "person"
    if word in words.first_person_pronouns:
        return "speaker"
    if word in words.group_pronouns:
        return "plural" if word.startswith(("they", "them", "their")) else "group"
    return None


def pronoun_candidates(pronoun: Token, rules: Rules, actorish: Callable[[Token], bool]) -> Iterator[Token]:
    """The mentions ``pronoun`` may stand for, most likely first (see the module docstring)."""
    kind = pronoun_class(pronoun, rules)
    if kind is None:
        return
    seen: set[int] = set()
    forbidden = _bound_subjects(pronoun, rules)

    def fresh(token: Token | None) -> bool:
        if token is None or token.i in seen or token.i == pronoun.i or token.i in forbidden:
            return False
        seen.add(token.i)
        return True

    tagged = _tag_speaker(pronoun, rules)
    if tagged is not None:
        forbidden |= tagged[1]  # whoever the quotation names is not who says it
        if fresh(tagged[0]) and _fits(tagged[0], kind, rules, actorish):
            yield tagged[0]
    speaker = _speaker(pronoun, rules)
    if kind == "speaker":
        if fresh(speaker):
            yield speaker
        return
    if _subject_like(pronoun, rules):
        if speaker is not None and fresh(speaker) and _fits(speaker, kind, rules, actorish):
            yield speaker
        parallel = _parallel_subject(pronoun, rules)
        if fresh(parallel) and _fits(parallel, kind, rules, actorish):
            yield parallel
    ahead = _cataphor(pronoun, rules)
    if fresh(ahead) and _fits(ahead, kind, rules, actorish):
        yield ahead
    for token in salient_before(pronoun, rules, actorish, PRONOUN_REACH):
        if token.i not in forbidden and fresh(token) and _fits(token, kind, rules, actorish):
            yield token


def description_candidates(head: Token, rules: Rules, actorish: Callable[[Token], bool]) -> Iterator[Token]:
    """Named mentions a definite description ("the group") may stand for, most likely first."""
    forbidden = _bound_subjects(head, rules)
    for token in salient_before(head, rules, actorish, DESCRIPTION_REACH):
        if token.i not in forbidden and _named(token):
            yield token


def salient_before(token: Token, rules: Rules, actorish: Callable[[Token], bool], reach: int) -> list[Token]:
    """Actor mentions before ``token`` in its sentence and the ``reach`` sentences before, by salience."""
    doc = token.doc
    sentence = token.sent
    scored: list[tuple[float, int, Token]] = []
    for distance in range(reach + 1):
        end = token.i if distance == 0 else sentence.end
        weight = 1.0 / (2 ** distance)
        for candidate in doc[sentence.start:end]:
            if _mention_head(candidate, rules, actorish):
                role = _role(candidate, rules)
                scored.append(((RECENCY_WEIGHT + ROLE_WEIGHT[role]) * weight, candidate.i, candidate))
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return [candidate for _, _, candidate in scored]


def _mention_head(token: Token, rules: Rules, actorish: Callable[[Token], bool]) -> bool:
    """A token that heads an actor mention of its own (not a modifier, not inside a longer name)."""
    labels = rules.labels
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in labels.compounds | labels.adjective_modifiers:
        return False
    if token.ent_iob_ in ("B", "I"):
        start, end = entity_bounds(token)
        if start <= token.head.i < end and token.head.i != token.i:
            return False  # a word inside a longer name
    return actorish(token) and not _in_dateline(token) and not _press_told(token, rules)


def _press_told(token: Token, rules: Rules) -> bool:
    """The press as the one a verb of saying tells ("told the Reuters news agency that ..."):
    the channel of what is said, no one it can speak of."""
    if token.dep_ not in rules.labels.objects:
        return False
    verb = fold(token.head.lemma_)
    if verb not in rules.words.saying_verbs and verb not in rules.predicate("report").words.get("verbs", ()):
        return False
    start, end = entity_bounds(token)
    name = fold(token.doc[start:end].text).removeprefix("the ")
    organization = rules.organizations.get(name)
    return (organization is not None and organization.type == "Media") or fold(token.lemma_) in rules.words.press_nouns \
        or fold(token.doc[token.i - 1: token.i + 1].text) in rules.words.press_nouns


def entity_bounds(token: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the named entity ``token`` lies in (itself when in none)."""
    doc = token.doc
    if token.ent_iob_ not in ("B", "I"):
        return token.i, token.i + 1
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _named(token: Token) -> bool:
    """A mention that names its actor, itself or by a modifier ("Al-Shabaab fighters")."""
    return any(t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or t.pos_ == "PROPN"
               for t in (token, *token.lefts) if t.i == token.i or t.dep_ in ("compound", "amod", "nmod", "poss"))


def _role(token: Token, rules: Rules) -> str:
    labels = rules.labels
    dep = token.dep_
    if dep in labels.conjuncts:
        head = token.head
        while head.dep_ in labels.conjuncts and head.head.i != head.i:
            head = head.head
        dep = head.dep_
    if dep in labels.subjects | labels.passive_subjects:
        return "subject"
    if dep in labels.objects:
        return "object"
    return "other"


def _fits(token: Token, kind: str, rules: Rules, actorish: Callable[[Token], bool]) -> bool:
    """Person and number agreement between a pronoun class and a mention head."""
    if token.pos_ == "PRON":
        return pronoun_class(token, rules) in (kind, "speaker") or kind == "plural"
    person = token.ent_type_ == "PERSON" or (fold(token.lemma_) in rules.titles and not token.ent_type_)
    plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ in rules.labels.conjuncts for c in token.children)
    if kind == "person":  # (a name the recogniser left untyped may be a person's: "Bazoum says he")
        return (person or token.pos_ == "PROPN" and not token.ent_type_ and token.is_title) and not plural
    if kind == "group":
        return not person and (not plural or token.ent_type_ == "ORG")
    return plural or (not person and token.ent_type_ in ("ORG", "NORP")) or fold(token.lemma_) in rules.groups


def _subject_like(token: Token, rules: Rules) -> bool:
    """A subject, or the possessor of a subject ("its troops attacked")."""
    labels = rules.labels
    if token.dep_ in labels.subjects | labels.passive_subjects:
        return True
    return token.dep_ in labels.possessors and token.head.dep_ in labels.subjects | labels.passive_subjects


def _clause_of(token: Token, rules: Rules) -> Token | None:
    """The verb whose clause a participant belongs to."""
    head = token.head
    steps = 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 6:
        head = head.head
        steps += 1
    return head if head.pos_ in ("VERB", "AUX") else None


def _own_subject(verb: Token, rules: Rules) -> Token | None:
    labels = rules.labels
    for child in verb.children:
        if child.dep_ in labels.subjects and child.dep_ != "expl":
            return child
    for child in verb.children:
        if child.dep_ in labels.passive_agents:
            return next((o for o in child.children if o.dep_ in labels.preposition_objects), None)
    return None


def _inherited_subject(verb: Token, rules: Rules, depth: int = 0) -> Token | None:
    """A verb's subject, or the one it shares through coordination, control or an adverbial clause."""
    labels = rules.labels
    own = _own_subject(verb, rules)
    if own is not None or depth > 4 or verb.head.i == verb.i:
        return own
    if verb.dep_ in labels.conjuncts | labels.open_clauses | labels.adverbial_clauses and verb.head.pos_ in ("VERB", "AUX"):
        return _inherited_subject(verb.head, rules, depth + 1)
    return None


def _bound_subjects(token: Token, rules: Rules) -> set[int]:
    """Indices a pronoun object cannot stand for: its own clause's subject (binding, principle B)."""
    labels = rules.labels
    if token.dep_ not in labels.objects | labels.preposition_objects:
        return set()
    verb = _clause_of(token, rules)
    subject = _inherited_subject(verb, rules) if verb is not None else None
    return {subject.i} if subject is not None else set()


def _report_verbs(rules: Rules) -> frozenset[str]:
    return rules.predicate("report").words.get("verbs", frozenset()) | rules.words.saying_verbs


def _speaker(token: Token, rules: Rules) -> Token | None:
    """Who says the clause ``token`` is in: the subject of the verb of saying it is reported under,
    or of the sentence's verb of saying outside a quotation, or the previous sentence's speaker
    when the sentence continues a quotation."""
    labels = rules.labels
    verbs = _report_verbs(rules)
    current = token
    for _ in range(12):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ in labels.reported_clauses and head.pos_ in ("VERB", "AUX") and fold(head.lemma_) in verbs:
            subject = _inherited_subject(head, rules)
            if subject is not None and subject.i != token.i:
                return subject
        current = head
    sentence = token.sent
    if any(t.text in QUOTES for t in sentence):
        for verb in sentence:
            if verb.pos_ in ("VERB", "AUX") and fold(verb.lemma_) in verbs and not _quoted(verb):
                subject = _inherited_subject(verb, rules)
                if subject is not None and subject.i != token.i and not _quoted(subject):
                    return subject
        if sentence.start > 0 and _quoted(token):
            previous = token.doc[sentence.start - 1].sent
            for verb in previous:
                if verb.pos_ in ("VERB", "AUX") and fold(verb.lemma_) in verbs and not _quoted(verb):
                    subject = _inherited_subject(verb, rules)
                    if subject is not None and not _quoted(subject):
                        return subject
    return None


def _tag_speaker(pronoun: Token, rules: Rules) -> tuple[Token | None, set[int]] | None:
    """For the subject of a quotation's tag ("'Maduro knows ...,' he added"): the speaker of the
    sentences before, whom the quotation goes on quoting, and the indices of the quotation in the
    pronoun's sentence, which the tag's pronoun never stands for. None when it is no such subject."""
    verb, verbs = pronoun.head, _report_verbs(rules)
    if pronoun.dep_ not in rules.labels.subjects or verb.pos_ not in ("VERB", "AUX") or fold(verb.lemma_) not in verbs:
        return None
    sentence = pronoun.sent
    marks = [t.i for t in sentence if t.i < pronoun.i and t.text in QUOTES]
    if not marks:
        return None
    # the last mark before the tag closes the quotation; it opened at the mark before it, or in an
    # earlier sentence
    opened = marks[-2] if len(marks) > 1 else sentence.start - 1
    inside = set(range(opened + 1, marks[-1]))
    earlier = sentence
    for _ in range(PRONOUN_REACH + 1):
        if earlier.start == 0:
            break
        earlier = pronoun.doc[earlier.start - 1].sent
        for said in earlier:
            if said.pos_ in ("VERB", "AUX") and fold(said.lemma_) in verbs and not _quoted(said):
                subject = _inherited_subject(said, rules)
                if subject is not None and not _quoted(subject):
                    return subject, inside
    return None, inside


def _quoted(token: Token) -> bool:
    """Whether a token lies inside quotation marks of its sentence (an open quote counts from the
    sentence start when the sentence opens with one)."""
    inside = False
    for t in token.sent:
        if t.i >= token.i:
            break
        if t.text in ('"', "'"):
            inside = not inside
        elif t.text in ("“", "«", "‘"):
            inside = True
        elif t.text in ("”", "»", "’") and t.dep_ == "punct":
            inside = False
    return inside


def _parallel_subject(pronoun: Token, rules: Rules) -> Token | None:
    """The subject of the first conjunct when the pronoun is the subject of a later one."""
    labels = rules.labels
    verb = pronoun.head if pronoun.dep_ in labels.subjects | labels.passive_subjects else pronoun.head.head
    if verb.dep_ in labels.conjuncts and verb.head.pos_ in ("VERB", "AUX"):
        return _inherited_subject(verb.head, rules)
    return None


def _cataphor(pronoun: Token, rules: Rules) -> Token | None:
    """A possessive before the main clause's subject ("In its report, the watchdog said") looks ahead."""
    if pronoun.dep_ not in rules.labels.possessors:
        return None
    root = pronoun.sent.root
    subject = _own_subject(root, rules)
    reported = any(c.dep_ in rules.labels.reported_clauses and c.left_edge.i <= pronoun.i <= c.right_edge.i
                   for c in root.children)  # ("told X of the threat during her visit, an official said": not his)
    if subject is not None and subject.i > pronoun.i and pronoun.i < root.i and subject.pos_ != "PRON" and not reported:
        inside_subject = subject.left_edge.i <= pronoun.i <= subject.right_edge.i
        return None if inside_subject else subject
    return None


def dateline_end(sentence) -> int:
    """The index of the first token after a news dateline opening ``sentence`` ("KIGALI, Rwanda
    (AA) -", "WASHINGTON (Reuters) -"), or the sentence start when it opens with none."""
    for dash in sentence[: min(len(sentence), 10)]:
        if dash.text == "-" and dash.i > 0 and not dash.doc[dash.i - 1].whitespace_ and not dash.whitespace_:
            return sentence.start  # "Iran-backed": a hyphen inside a word opens no dateline
        if dash.text in ("--", "—", "–", "-") or (dash.text.startswith("-") and len(dash.text) > 1):
            lead = sentence.doc[sentence.start: dash.i]
            if len(lead) and all(not t.is_lower for t in lead if t.is_alpha):
                return dash.i + 1 if dash.text in ("--", "—", "–", "-") else dash.i
            return sentence.start
        if dash.is_alpha and dash.is_lower:
            return sentence.start
    return sentence.start


def _in_dateline(token: Token) -> bool:
    """A word of a news dateline ("KIGALI, Rwanda (AA) -"): all capitals before a dash opening the sentence."""
    if token.is_alpha and token.is_lower:
        return False  # a lowercase word ends any dateline before it (without looking for its sentence)
    return remembered("in_dateline", token, lambda t: t.i < dateline_end(t.sent))
