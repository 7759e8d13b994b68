"""Find when and where an event happened: time expressions and places attached to its clause."""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extraction.coreference import entity_bounds
from kg.extraction.memo import remembered_of_doc
from kg.extraction.mentions import DocContext
from kg.extraction.timex import normalise
from kg.records import PlaceRef, TimeRef
from kg.rules.loader import Rules
from kg.text import fold


def clause_tokens(trigger: Token, rules: Rules) -> list[Token]:
    """Where an event's time and place are looked for: the trigger's own subtree, or its governing
    verb's when the trigger is a noun."""
    root = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if head.pos_ in ("VERB", "AUX"):
            root = head
    if root.i == trigger.i:
        return list(root.subtree)
    # (but not a clause of the verb's that tells an earlier or later event of its own subject: "the
    # raids came a day after militants shot four guards in northern Mali")
    labels = rules.labels
    other = {t.i for c in root.children if c.dep_ in labels.adverbial_clauses
             and any(g.dep_ in labels.subjects | labels.passive_subjects for g in c.children)
             and any(g.dep_ in labels.markers and fold(g.text) in rules.words.sequence_markers for g in c.children)
             for t in c.subtree}
    return [t for t in root.subtree if t.i not in other]


def without_descriptions(clause: list[Token], trigger: Token, rules: Rules) -> list[Token]:
    """An event's clause without what describes a participant (its relative clause, apposition or
    participle: "backing the FDLR, a militia formed after the 1994 genocide"), where its own time is
    looked for; unless that participant is an event itself ("the attack, which took place on
    Monday, killed"), and an infinitive of purpose stays ("a force to restore order in Niger")."""
    labels = rules.labels
    describers = labels.relative_clauses | labels.appositions

    def describing(token: Token) -> bool:  # its own relation first: most words describe no participant
        if not (token.dep_ in describers or (token.dep_ in labels.noun_clauses and token.tag_ in ("VBN", "VBG"))):
            return False
        if token.i == trigger.i or token.head.i == trigger.i or any(c.tag_ == "TO" for c in token.children):
            return False
        return token.head.pos_ in ("NOUN", "PROPN", "PRON") and fold(token.head.lemma_) not in rules.noun_triggers

    left_out = {t.i for token in clause if describing(token) for t in token.subtree}
    if trigger.i in left_out:
        return clause
    return [t for t in clause if t.i not in left_out]


def _is_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit() and 1800 <= int(token.text) <= 2100


def times_of(tokens: list[Token], published: str | None) -> list[TimeRef]:
    """Normalised times of an event told by the words of its clause (:func:`clause_tokens`);
    coordinated dates ("in 2020 and 2021") give one each."""
    if not tokens:
        return []
    doc = tokens[0].doc
    found: list[TimeRef] = []
    seen: set[int] = set()
    for ent in _entities_of(tokens):
        is_date = ent.label_ in ("DATE", "TIME") or (ent.label_ == "CARDINAL" and any(_is_year(t) for t in ent))
        if not is_date:
            continue
        start = ent.start
        prep = doc[start - 1] if start > 0 else None
        if prep is not None and fold(prep.text) in ("until", "till", "through"):
            start -= 1
        text = doc[start : ent.end].text
        ref = normalise(text, published)
        if ref is not None and not seen.intersection(range(ent.start, ent.end)):
            found.append(ref)
            seen.update(range(ent.start, ent.end))
    for token in tokens:
        if _is_year(token) and token.i not in seen:
            ref = normalise(token.text, published)
            if ref is not None:
                found.append(ref)
                seen.add(token.i)
    dated = [t for t in found if t.value]
    ends = [t for t in found if t.end and not t.value]
    if len(dated) > 1:
        return dated
    if dated:
        if ends:
            dated[0].end = ends[0].end
        return dated
    return found[:1]


def _entities_of(tokens: list[Token]) -> list[Span]:
    """The named entities that begin or end among ``tokens``, in text order."""
    if not tokens:
        return []
    doc = tokens[0].doc
    indices = {t.i for t in tokens}
    return [Span(doc, start, end, label=label) for start, end, label in remembered_of_doc("entities", doc, _entity_bounds)
            if start in indices or end - 1 in indices]


def _entity_bounds(doc) -> list[tuple[int, int, str]]:
    return [(ent.start, ent.end, ent.label_) for ent in doc.ents]


def place_of(tokens: list[Token], rules: Rules, ctx: DocContext,
             exclude: set[int]) -> tuple[PlaceRef, Token | None] | None:
    """The place of an event: a place name or region noun in a locative phrase of its clause
    (:func:`clause_tokens`), and the name's word (None for a region noun, whose place text is its
    whole phrase)."""
    gaz = rules.gazetteer
    for token in tokens:
        if token.i in exclude or token.dep_ != "pobj":
            continue
        prep = fold(token.head.text)
        if prep not in ("in", "at", "near", "across", "around", "inside", "outside", "throughout", "into", "from"):
            continue
        if prep == "from" and token.head.head.pos_ in ("NOUN", "PROPN") \
                and token.head.head.dep_ in rules.labels.subjects | rules.labels.passive_subjects:
            continue  # "soldiers from Mali attacked": where the agents come from, not where the event is
        doc = token.doc
        known = None
        if token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC"):
            known = gaz.place(doc[token.left_edge.i : token.i + 1].text, ctx.country)
        if known is not None:  # a place name the entity recogniser took for something else
            name = doc[token.left_edge.i : token.i + 1].text
            return PlaceRef(text=name, label=known.name, country=known.country, geonames=known.geonames, lat=known.lat,
                            lon=known.lon), token
        if token.ent_type_ in ("GPE", "LOC", "FAC"):
            name = doc[slice(*entity_bounds(token))].text
            place = gaz.place(name, ctx.country)
            if place is not None:
                return PlaceRef(text=name, label=place.name, country=place.country, geonames=place.geonames, lat=place.lat,
                                lon=place.lon), token
            return PlaceRef(text=name, label=name, country=ctx.country), token
        if fold(token.lemma_) in rules.words.region_nouns and token.pos_ == "NOUN":
            span = doc[token.left_edge.i : token.right_edge.i + 1]
            country = ctx.country
            for inner in span:
                if inner.ent_type_ == "GPE":
                    place = gaz.country(inner.text)
                    if place:
                        country = place.country
            place = gaz.by_iso3.get(country) if country else None
            text = span.text
            return PlaceRef(text=text, label=f"{text} ({place.name})" if place else text, country=country), None
    return None
