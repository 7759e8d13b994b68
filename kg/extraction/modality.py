"""How certain a sentence is about an event, and whom it attributes the claim to.

The trigger's own modifiers and every clause that governs it are read for cues from
``kg/rules/cues.toml``; the strongest wins: denied > alleged > planned > hypothetical > reported >
asserted. "According to X", a reporting verb's subject ("Sources indicate that ...") and a source
noun as subject give the attribution.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.rules.loader import Rules
from kg.text import fold

PRECEDENCE = ("denied", "alleged", "planned", "hypothetical", "reported", "asserted")
COMPLEMENTS = ("ccomp", "xcomp", "pcomp", "advcl", "conj", "dobj", "pobj", "prep", "acl", "relcl", "parataxis", "nsubjpass", "csubj", "oprd", "attr", "appos")
CLAUSE_LINKS = ("xcomp", "conj", "advcl", "pcomp", "prep", "dobj", "pobj", "acl")


def strongest(found: set[str]) -> str:
    """The modality that wins among those found."""
    for modality in PRECEDENCE:
        if modality in found:
            return modality
    return "asserted"


def phrase(token: Token) -> str:
    """The text of a noun phrase headed by ``token`` (its whole subtree, without trailing clauses)."""
    tokens = [t for t in token.subtree if not (t.dep_ in ("relcl", "acl", "punct") and t.head == token)]
    lefts = [t for t in tokens if t.i <= token.i]
    start = lefts[0].i if lefts else token.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos") or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    return token.doc[start:end].text


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _argument_negated(token: Token, rules: Rules, arguments: list[Token]) -> bool:
    """ "neither X nor Y have been arrested", "no soldiers were arrested", "none of them"."""
    negators = rules.cue("denied", "negators")
    for arg in arguments:
        for child in arg.children:
            if child.dep_ in ("preconj", "det", "advmod") and fold(child.text) in negators:
                return True
        if fold(arg.text) in ("none", "nobody", "no one"):
            return True
    return False


def modality_of(trigger: Token, sentence: Span, rules: Rules, arguments: list[Token] | None = None) -> tuple[str, str | None]:
    """The modality of the event ``trigger`` names and who the claim is attributed to (or None)."""
    found: set[str] = set()
    attribution: str | None = None
    cue = rules.cue
    arguments = arguments or []

    def read_modifiers(token: Token, own: bool) -> None:
        for child in token.children:
            word = fold(child.text)
            lemma = fold(child.lemma_)
            if child.dep_ == "neg":
                found.add("denied")
            elif child.dep_ == "advmod":
                if word in cue("alleged", "adverbs"):
                    found.add("alleged")
                elif word in cue("reported", "adverbs") and word != "according":
                    found.add("reported")
                elif word in cue("hypothetical", "adverbs"):
                    found.add("hypothetical")
            elif child.dep_ in ("aux", "auxpass"):
                if word in cue("hypothetical", "auxiliaries"):
                    found.add("hypothetical")
                elif word in cue("planned", "auxiliaries") or lemma in cue("planned", "auxiliaries"):
                    found.add("planned")
            elif child.dep_ == "mark" and word in cue("hypothetical", "markers"):
                found.add("hypothetical")
            elif own and child.dep_ in ("amod", "compound") and (word in cue("alleged", "adjectives") or lemma in cue("alleged", "adjectives")):
                found.add("alleged")

    read_modifiers(trigger, own=True)
    if _argument_negated(trigger, rules, arguments):
        found.add("denied")
    own_clause = any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trigger.children)
    # a participle modifying a noun inherits nothing from the noun's clause
    participle = trigger.dep_ == "amod" or (trigger.dep_ == "acl" and trigger.tag_ == "VBN" and not own_clause)
    if not participle:
        token = trigger
        steps = 0
        while token.head is not token and steps < 12:
            relation, governor = token.dep_, token.head
            steps += 1
            lemma = fold(governor.lemma_)
            if governor.pos_ in ("VERB", "AUX"):
                complement = relation in COMPLEMENTS and relation not in ("nsubjpass",)
                if complement and relation != "conj":
                    if lemma in cue("denied", "verbs"):
                        found.add("denied")
                    if lemma in cue("alleged", "verbs"):
                        found.add("alleged")
                    if lemma in cue("planned", "verbs") and relation in ("xcomp", "dobj", "ccomp"):
                        found.add("planned")
                    if lemma in cue("hypothetical", "verbs") and relation in ("ccomp", "xcomp"):
                        found.add("hypothetical")
                    if lemma in cue("reported", "verbs") and lemma not in cue("alleged", "verbs") and relation in ("ccomp", "parataxis", "xcomp", "advcl"):
                        found.add("reported")
                        subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                        if subject is not None and attribution is None and fold(subject.text) not in ("it", "which", "that"):
                            attribution = phrase(subject)
                    if relation in ("xcomp", "ccomp") and _negated(governor):
                        found.add("denied")
                if relation in CLAUSE_LINKS or relation in ("ccomp", "parataxis"):
                    read_modifiers(governor, own=False)
            elif governor.pos_ == "NOUN":
                if lemma in cue("alleged", "nouns") and relation in ("pobj", "prep", "acl", "compound"):
                    found.add("alleged")
                if lemma in cue("planned", "nouns") and relation in ("acl", "prep", "pobj", "compound"):
                    found.add("planned")
            token = governor
    source = according_to(sentence, rules)
    if source is not None:
        found.add("reported")
        attribution = attribution or source
    return strongest(found), attribution


def according_to(sentence: Span, rules: Rules) -> str | None:
    """The source of "According to X", "citing X", "quoted by X" in a sentence, if any."""
    for token in sentence:
        word = fold(token.text)
        if word == "according":
            to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if to is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                to = token.doc[token.i + 1]
            if to is not None:
                obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return phrase(obj)
        if word == "citing" and token.dep_ in ("advcl", "prep", "acl"):
            obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                return phrase(obj)
    return None
