"""Extraction: a spaCy Doc in, event records out (the DESIGN extraction contract).

``extract_events`` is a plain generator over the sentences of a Doc. It finds triggers, their
arguments, modality, attribution, time and place, and yields one :class:`EventRecord` per
(trigger, agent, target, time); it never touches RDF.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span

from kg.extraction.arguments import clause_subject, find_arguments
from kg.extraction.mentions import DocContext, build_mention, is_actorish, main_country, noun_phrase, person_words
from kg.extraction.modality import modality_of
from kg.extraction.triggers import Trigger, find_triggers
from kg.extraction.where_when import place_of, times_of
from kg.rdf.iris import event_iri
from kg.records import ActionRef, ActorRef, Article, EventRecord
from kg.resolve.resolver import Resolver, resolve_events
from kg.rules.loader import Rules
from kg.text import fold

GOVERNOR_WINDOW = 4


def extract_events(doc: Doc, article: Article, rules: Rules, resolver: Resolver | None = None) -> list[EventRecord]:
    """All events of an article's Doc, resolved and with IRIs, in text order."""
    ctx = DocContext(country=main_country(doc, rules), person_words=person_words(doc))
    events: list[EventRecord] = []
    seen_sentences: set[str] = set()
    for sentence in doc.sents:
        key = " ".join(sentence.text.split())
        if not key or key in seen_sentences:
            continue  # repeated headlines and boilerplate lines
        seen_sentences.add(key)
        events.extend(_without_restatements(list(_sentence_events(sentence, article, rules, ctx))))
    resolver = resolver or Resolver()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words = [t.text for t in ent if t.lower_.rstrip(".") not in rules.titles and t.pos_ == "PROPN"]
            if len(words) >= 2:
                resolver.learn(" ".join(words))
    resolve_events(events, resolver)
    unique: dict[tuple, EventRecord] = {}
    for event in events:
        event.iri = str(
            event_iri(
                event.action.type,
                event.actor.iri if event.actor else None,
                event.target.iri if event.target else None,
                event.time.value if event.time else None,
            )
        )
        identity = (event.iri, event.start)
        if identity not in unique:
            unique[identity] = event
    return list(unique.values())


def _sentence_events(sentence: Span, article: Article, rules: Rules, ctx: DocContext) -> Iterator[EventRecord]:
    triggers = find_triggers(sentence, rules)
    produced: set[tuple] = set()
    previous_targets: list = []
    for trigger in triggers:
        event_type = _planned_form(trigger, rules)
        args = find_arguments(trigger, rules)
        exclude = {trigger.token.i, *trigger.consumed}
        agents = _mentions(args.agents, rules, ctx, exclude)
        targets = _mentions(args.targets, rules, ctx, exclude)
        info = rules.event_types[event_type]
        if not targets and args.issue is not None and info.plover in rules.words.issue_target_roots:
            targets = [(_issue_ref(args.issue, exclude), None)]
        if trigger.nominal and not agents and not targets and info.plover in rules.words.inherited_target_roots:
            targets = previous_targets  # "actions against X and Y, intensified by allegations of corruption"
        if targets:
            previous_targets = targets
        weak = (event_type, trigger.token.lemma_) in rules.weak
        if not agents and not targets and (weak or info.plover not in rules.words.bare_event_roots):
            continue
        if weak and not any(_typed(m) for m, _ in agents + targets):
            continue
        modality, attribution = modality_of(trigger.token, sentence, rules, args.agents + args.targets)
        action = ActionRef(
            text=trigger.text,
            lemma=trigger.token.lemma_.lower(),
            type=event_type,
            plover=info.plover,
            cameo=info.cameo,
            acled=info.acled,
            acled_sub=info.acled_sub,
        )
        action = _refine_acled(action, agents, targets, sentence, rules, args.agents)
        if modality == "planned" and action.plover in rules.intent and event_type not in rules.planned_form.values():
            intent = rules.intent[action.plover]
            action = ActionRef(**{**action.contract(), "plover": intent["plover"], "cameo": intent["cameo"]})
        arg_indices = {t.i for t in args.agents + args.targets}
        place = place_of(trigger.token, sentence, rules, ctx, exclude | arg_indices)
        times = times_of(trigger.token, sentence, article.published) or [None]
        if not agents and not targets and place is None and times == [None]:
            continue  # "an explosion" with no one, nowhere and no time is not worth a fact
        symmetric = event_type in rules.words.symmetric_types and len(agents) > 1
        if not targets and not symmetric and place is not None and place.text[:1].isupper() \
                and info.plover in rules.words.place_target_roots:
            targets = [(_place_actor(place, rules), None)]
        for crowd in ("riot", "protest"):
            if action.acled == rules.acled[crowd]["event_type"]:
                agents = [(_as_crowd(a, rules.acled[crowd], rules), q) for a, q in agents]
        for agent, target, quantity in _pairs(event_type, agents, targets, rules):
            if agent is not None and target is not None and agent.label == target.label and agent.start == target.start:
                continue
            for time in times:
                identity = (event_type, agent.start if agent else None, target.start if target else None, time.text if time else None)
                if identity in produced:
                    continue
                produced.add(identity)
                actor = _copy(agent)
                if actor is not None:
                    actor.is_agent = True
                record = EventRecord(
                    action=action,
                    actor=actor,
                    target=_copy(target),
                    quantity=quantity,
                    modality=modality,
                    attributed_to=attribution,
                    time=time,
                    place=place,
                    sentence=sentence.text.strip(),
                    start=sentence.start_char,
                    end=sentence.start_char + len(sentence.text.rstrip()),
                    confidence=_confidence(agent, target, time, place) - (0.15 if args.nearby and target is not None else 0.0),
                )
                if trigger.restates:
                    record.notes.append("restates")
                yield record


def _without_restatements(records: list[EventRecord]) -> list[EventRecord]:
    """Drop events read off a noun that only restates its verb's event ("granted asylum") when the
    verb's event already says as much (same type, and every participant the noun gives)."""
    kept = []
    for record in records:
        if "restates" in record.notes:
            record.notes.remove("restates")
            if any(other is not record and "restates" not in other.notes and other.action.type == record.action.type
                   and _covers(other.actor, record.actor) and _covers(other.target, record.target)
                   for other in records):
                continue
        kept.append(record)
    return kept


def _covers(mine: ActorRef | None, theirs: ActorRef | None) -> bool:
    return theirs is None or (mine is not None and mine.label == theirs.label)


def _pairs(event_type: str, agents, targets, rules: Rules):
    """(agent, target, quantity) combinations; coordinated participants of a symmetric event
    ("Russia and Turkey met") are each other's targets."""
    if event_type in rules.words.symmetric_types and len(agents) > 1:
        for i, (first, _) in enumerate(agents[:3]):
            for j, (second, quantity) in enumerate(agents[:3]):
                if i != j:
                    yield first, second, quantity
        return
    for agent, _ in agents or [(None, None)]:
        for target, quantity in targets or [(None, None)]:
            yield agent, target, quantity


def _as_crowd(ref: ActorRef, coding: dict, rules: Rules) -> ActorRef:
    """A crowd that riots or protests is, in ACLED's terms, rioters or protesters of its country."""
    if ref.type not in coding["agent_types"] or ref.type == "PoliticalParty" and ref.label != "political parties" \
            and not ref.label.endswith(" political parties"):
        return ref
    demonym = rules.gazetteer.demonym(ref.country) if ref.country else None
    label = coding["agent_label"]
    return ActorRef(**{**ref.__dict__, "label": f"{demonym} {label}" if demonym else label, "type": "Protesters"})


def _issue_ref(head, exclude: set[int]) -> ActorRef:
    """The thing an event is about, as its target: "the referendum", "a travel restriction"."""
    start, end = noun_phrase(head, exclude)
    span = head.doc[start:end]
    words = [t for t in span if t.dep_ != "det" and t.dep_ != "poss"]
    label = head.doc[words[0].i : end].text if words else span.text
    return ActorRef(text=span.text, label=label, type="Issue", start=span.start_char, end=span.end_char)


def _place_actor(place, rules: Rules) -> ActorRef:
    """The place of an event standing as its target: a country, or the place by its name."""
    country = rules.gazetteer.country(place.text)
    if country is not None:
        return ActorRef(text=place.text, label=country.name, type="Country", sector="GOV", country=country.country)
    return ActorRef(text=place.text, label=place.label, type="Actor", country=place.country)


def _planned_form(trigger: Trigger, rules: Rules) -> str:
    """A Coup that a planning word governs ("plotting to overthrow") is a CoupPlot."""
    planned = rules.planned_form.get(trigger.type)
    if planned is None:
        return trigger.type
    token = trigger.token
    verbs = rules.cue("planned", "verbs")
    nouns = rules.cue("planned", "nouns")
    for _ in range(GOVERNOR_WINDOW):
        if token.head is token:
            break
        token = token.head
        lemma = token.lemma_.lower()
        if (token.pos_ in ("VERB", "AUX") and lemma in verbs) or (token.pos_ == "NOUN" and lemma in nouns):
            return planned
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "pcomp", "advcl"):
            break
    return trigger.type


def _mentions(heads, rules: Rules, ctx: DocContext, exclude: set[int]) -> list[tuple[ActorRef, str | None]]:
    result = []
    for head in heads:
        ref, quantity = build_mention(head, rules, ctx, exclude)
        if ref is not None:
            _widen_text(ref, head, rules, exclude)
            result.append((ref, quantity))
    return result


def _widen_text(ref: ActorRef, head, rules: Rules, exclude: set[int]) -> None:
    """Give an actor found inside a larger argument the text of that argument: the target of
    "rejected U.S. calls for a truce" is the United States, said as "U.S. calls"."""
    outer = head
    while outer.head is not outer and outer.head.i not in exclude:
        parent = outer.head
        if outer.dep_ in ("compound", "amod", "nmod", "poss") and parent.pos_ in ("NOUN", "PROPN"):
            candidate = parent
        elif outer.dep_ == "pobj" and parent.dep_ == "prep" and parent.lower_ in ("of", "by") \
                and parent.head.pos_ in ("NOUN", "PROPN") and parent.head.i not in exclude:
            candidate = parent.head
        else:
            break
        if is_actorish(candidate, rules) or candidate.i in exclude:
            break
        outer = candidate
    if outer is head:
        return
    doc = head.doc
    start, end = noun_phrase(outer, exclude)
    start = min(start, head.left_edge.i) if head.i < outer.i else start
    end = max(end, head.i + 1)
    span = doc[start:end]
    ref.text, ref.start, ref.end = span.text, span.start_char, span.end_char


def _typed(ref: ActorRef) -> bool:
    return ref.type not in ("Actor",)


def _refine_acled(action: ActionRef, agents, targets, sentence: Span, rules: Rules, agent_heads=()) -> ActionRef:
    """Recode violence the way ACLED does, from who did it to whom (``kg/rules/acled.toml``)."""
    codes = rules.acled
    if action.type == "Protest":
        violent = set(codes["riot"]["violent_words"])
        heads = {t.i for t in agent_heads}
        violent_verbs = (
            t for t in sentence if t.pos_ == "VERB" and rules.verb_triggers.get(fold(t.lemma_)) is not None
            and (rules.event_types[rules.verb_triggers[fold(t.lemma_)]].plover == "ASSAULT"
                 or rules.verb_triggers[fold(t.lemma_)] == "PropertyDestruction")
            and (not heads or getattr(clause_subject(t), "i", None) in heads)  # done by the protesters
        )
        if any(fold(t.text) in violent for t in sentence) or any(True for _ in violent_verbs):
            return ActionRef(**{**action.contract(), "acled": codes["riot"]["event_type"],
                                "acled_sub": codes["riot"]["with_protest_sub_event_type"]})
        return action
    if action.plover != "ASSAULT" and action.type != "PropertyDestruction":
        return action
    agent = agents[0][0] if agents else None
    target = targets[0][0] if targets else None

    def recode(event_type: str, sub: str) -> ActionRef:
        return ActionRef(**{**action.contract(), "acled": event_type, "acled_sub": sub})

    if agent is not None and agent.type in codes["riot"]["agent_types"]:
        protest = any(rules.verb_triggers.get(fold(t.lemma_)) == "Protest" or rules.noun_triggers.get(fold(t.lemma_)) == "Protest"
                      for t in sentence)
        riot = codes["riot"]
        return recode(riot["event_type"], riot["with_protest_sub_event_type"] if protest else riot["sub_event_type"])
    if agent is not None and action.type in ("Attack", "Killing") and any(
        w in fold(agent.text) for w in codes["air"]["agent_words"]
    ):
        return recode(codes["air"]["event_type"], codes["air"]["sub_event_type"])
    if target is None or action.plover != "ASSAULT":
        return action
    if target.type in codes["civilians"]["target_types"] or target.sector in ("CVL", "MED"):
        if action.acled == codes["battle"]["event_type"]:
            return recode(codes["civilians"]["event_type"], codes["civilians"]["sub_event_type"])
    elif target.type in codes["battle"]["armed_types"] and action.acled == codes["civilians"]["event_type"] \
            and action.acled_sub == codes["civilians"]["sub_event_type"]:
        return recode(codes["battle"]["event_type"], codes["battle"]["sub_event_type"])
    return action


def _confidence(agent, target, time, place) -> float:
    score = 0.5
    score += 0.2 if agent is not None else 0.0
    score += 0.2 if target is not None else 0.0
    score += 0.05 if time is not None else 0.0
    score += 0.05 if place is not None else 0.0
    return min(score, 1.0)


def _copy(ref: ActorRef | None) -> ActorRef | None:
    if ref is None:
        return None
    return ActorRef(**ref.__dict__)
