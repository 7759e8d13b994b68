"""Find the words that start events (verbs and nouns from ``kg/rules/triggers.toml``).

A trigger key is tried most specific first: a phrasal verb ("round up"), a verb with its object
("extend mandate", "seek assistance"), a noun compound ("coup plot"), a noun with its preposition
("action against"), then the bare lemma.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extraction.lemmas import lemma_forms
from kg.rules.loader import Rules
from kg.text import fold

OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")


@dataclass(frozen=True)
class Trigger:
    """A word that names an event, the key it matched and the type it gives."""

    token: Token
    type: str
    key: str
    nominal: bool
    consumed: tuple[int, ...] = ()  # tokens that are part of the trigger ("assistance" in "seek assistance")
    restates: bool = False  # a noun object of a verb naming the same kind of event ("granted asylum")

    @property
    def text(self) -> str:
        doc = self.token.doc
        indices = sorted((self.token.i, *self.consumed))
        if indices[-1] - indices[0] <= 3:
            return doc[indices[0] : indices[-1] + 1].text
        return self.token.text


def find_triggers(sentence: Span, rules: Rules) -> list[Trigger]:
    """All event triggers in a sentence, in order; a word that is part of a verb's trigger
    ("assistance" in "sought assistance") does not start an event of its own."""
    verbal = []
    for token in sentence:
        if (token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")) or (token.tag_ == "VBN" and token.dep_ == "amod"):
            trigger = _verb_trigger(token, rules)
            if trigger is not None:
                verbal.append(trigger)
    verbal += [t for t in (_demand_by_saying(token, rules) for token in sentence if token.pos_ == "VERB") if t]
    verbal.sort(key=lambda t: t.token.i)
    consumed = {i for t in verbal for i in t.consumed}
    nominal = []
    for token in sentence:
        if token.i in consumed or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("PERSON", "GPE", "NORP", "ORG", "DATE", "TIME"):
            continue
        trigger = _noun_trigger(token, rules)
        if trigger is not None:
            if _restates(trigger, verbal):
                trigger = Trigger(trigger.token, trigger.type, trigger.key, True, trigger.consumed, restates=True)
            nominal.append(trigger)
    return sorted(verbal + nominal, key=lambda t: t.token.i)


DEMAND_KEY = "say must"


def _demand_by_saying(token: Token, rules: Rules) -> Trigger | None:
    """"Russia says Israel must end attacks": saying that someone must do something is a demand."""
    if fold(token.lemma_) not in rules.words.saying_verbs:
        return None
    for clause in token.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        modal = any(fold(c.text) in rules.words.demand_modals for c in clause.children if c.dep_ == "aux")
        if modal and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return Trigger(token, "Request", DEMAND_KEY, False, (clause.i,))
    return None


def _restates(nominal: Trigger, verbal: list[Trigger]) -> bool:
    """A noun that is the object of a verb naming the same kind of event ("granted asylum")."""
    return any(v.token.i == nominal.token.head.i and v.type == nominal.type and nominal.token.dep_ in OBJECT_DEPS
               for v in verbal)


def _verb_trigger(token: Token, rules: Rules) -> Trigger | None:
    for lemma in lemma_forms(token):
        trigger = _verb_trigger_for(token, lemma, rules)
        if trigger is not None:
            return trigger
    return None


def _verb_trigger_for(token: Token, lemma: str, rules: Rules) -> Trigger | None:
    table = rules.verb_triggers
    for child in token.children:
        if child.dep_ == "prt":
            key = f"{lemma} {fold(child.text)}"
            if key in table:
                return Trigger(token, table[key], key, False, (child.i,))
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            for obj_word in (fold(child.lemma_), fold(child.text)):
                key = f"{lemma} {obj_word}"
                if key in table:
                    return Trigger(token, table[key], key, False, (child.i,))
            for mod in child.lefts:
                if mod.dep_ == "compound":
                    key = f"{lemma} {fold(mod.lemma_)}"
                    if key in table:
                        return Trigger(token, table[key], key, False, (child.i,))
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    key = f"{lemma} {fold(child.text)} {fold(obj.lemma_)}"
                    if key in table:
                        return Trigger(token, table[key], key, False, (child.i, obj.i))
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        key = f"{lemma} {fold(token.head.lemma_)}"  # "shells fired by ...": the noun is the object
        if key in table:
            return Trigger(token, table[key], key, False)
    for child in token.children:
        if child.dep_ == "prep":
            key = f"{lemma} {fold(child.text)}"  # "fire on", "shoot at"
            if key in table:
                return Trigger(token, table[key], key, False)
    if lemma in table:
        return Trigger(token, table[lemma], lemma, False)
    return None


def _noun_trigger(token: Token, rules: Rules) -> Trigger | None:
    lemma = fold(token.lemma_)
    text = fold(token.text)
    table = rules.noun_triggers
    for child in token.lefts:
        if child.dep_ in ("compound", "amod"):
            for key in (f"{fold(child.lemma_)} {lemma}", f"{fold(child.text)} {text}"):
                if key in table:
                    return Trigger(token, table[key], key, True, (child.i,))
    for child in token.rights:
        if child.dep_ == "prep":
            for key in (f"{lemma} {fold(child.text)}", f"{text} {fold(child.text)}"):
                if key in table:
                    return Trigger(token, table[key], key, True)
            for obj in child.children:
                if obj.dep_ == "pobj":
                    key = f"{lemma} {fold(child.text)} {fold(obj.lemma_)}"
                    if key in table:
                        return Trigger(token, table[key], key, True, (child.i, obj.i))
    for key in (lemma, text):
        if key in table:
            return Trigger(token, table[key], key, True)
    return None
