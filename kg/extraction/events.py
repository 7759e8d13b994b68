"""Events of a sentence, then of an article: the records of the extraction contract.

:func:`sentence_events` (run by the ``kg_events`` component for each sentence) takes a sentence's
triggers and finds their participants, factuality, attribution, time and place, keeping only what
the text commits to and what each trigger's sense allows; one :class:`EventRecord` per trigger,
participant pair and time. :func:`extract_events` gathers an article's events (:func:`found_events`) and settles names
and IRIs (:func:`resolved_events`). Neither touches RDF beyond minting event IRIs.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extraction.arguments import (RELATIVE_PRONOUNS, Arguments, clause_subject, find_arguments, is_passive,
                                     relative_object)
from kg.extraction.factuality import Factuality, assess, own_negation
from kg.extraction.mentions import (DocContext, build_mention, country_actor, is_actorish, located_after, mention_extent,
                                    noun_phrase, numbered_description, of_country, persons_country)
from kg.extraction.triggers import DEMAND_KEY, Trigger
from kg.extraction.where_when import clause_tokens, place_of, times_of, without_descriptions
from kg.rdf.iris import event_iri
from kg.records import ActionRef, ActorRef, Article, EventRecord
from kg.resolve.resolver import Resolver, resolve_events
from kg.rules.loader import Rules
from kg.text import fold

GOVERNOR_WINDOW = 4
DEFINITE = ("the", "this", "these", "those", "that")


@dataclass
class Found:
    """A Doc's events before their names are resolved, with the persons the Doc names in full
    ((offset, name) pairs): all that name resolution reads, so that a build can settle an article's
    names again, once later articles have taught it more, without parsing the article again."""

    events: list[EventRecord]
    named: list[tuple[int, str]]


def found_events(doc: Doc, rules: Rules) -> Found:
    """The events of an article's Doc (found by the ``kg_events`` component), in text order, and
    the full names of the persons it names, unresolved."""
    if doc._.kg_events is None:
        raise ValueError("the Doc was not parsed by a pipeline with the kg_events component")
    events = [event for sentence in doc._.kg_events for event in sentence]
    named = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words = [t.text for t in ent if t.lower_.rstrip(".") not in rules.titles and t.pos_ == "PROPN"]
            if len(words) >= 2:
                named.append((ent.start_char, " ".join(words)))
    return Found(events, named)


def resolved_events(found: Found, article_id: str, resolver: Resolver | None = None) -> list[EventRecord]:
    """The events of ``found`` with their names resolved (in place) and their IRIs, one per IRI
    and place in the text.

    An event's IRI is made from its type, agent, target and date, so that reports of one happening
    meet. An event none of whose participants is an actor the text names (only kinds of actors,
    "gunmen killed civilians", or things) names no happening another report could be known to tell:
    its IRI is its article's own, unless it is dated and placed, when the place joins its identity."""
    events = found.events
    resolve_events(events, resolver or Resolver(), article_id, found.named)
    unique: dict[tuple, EventRecord] = {}
    for event in events:
        date = event.time.value if event.time else None
        scope = None
        if not event.identified():
            place = event.place
            scope = f"place:{place.geonames or place.label}:{place.country}" if date and place else f"article:{article_id}"
        event.iri = str(event_iri(event.action.type, event.actor.iri if event.actor else None,
                                  event.target.iri if event.target else None, date, scope))
        identity = (event.iri, event.start)
        if identity not in unique:
            unique[identity] = event
    return list(unique.values())


def extract_events(doc: Doc, article: Article, rules: Rules, resolver: Resolver | None = None) -> list[EventRecord]:
    """All events of an article's Doc, resolved and with IRIs, in text order."""
    return resolved_events(found_events(doc, rules), article.id, resolver)


@dataclass
class _Told:
    """What one trigger tells, before records are made: its type, participants and factuality."""

    trigger: Trigger
    type: str
    agents: list
    targets: list
    fact: Factuality
    args: Arguments
    exclude: set[int]
    derived: bool = False
    announced: bool = False  # a commitment or a speaker's own intention: a promise or a threat
    threat_of: str | None = None  # the PLOVER root of what a threat threatens
    words: frozenset[str] = frozenset()  # the lemmas of the words that tell it, when several do

    def __post_init__(self):
        self.words = self.words or frozenset({fold(self.trigger.token.lemma_)})


def sentence_events(sentence: Span, rules: Rules, ctx: DocContext, triggers: list[Trigger],
                    phrases: dict[int, frozenset[str]], published: str | None,
                    told_before: list[tuple] | None = None) -> list[EventRecord]:
    """The events one sentence tells, as records without resolved names or IRIs.

    An event the text does not commit to (only asked for, refused, failed, called off, or said by
    the narrator not to have happened) is not recorded; the word that says so is the event instead,
    with the participants of the event it governs: "called for sanctions against X" is a request
    about X, "will not release the pilots" a rejection, "called off the strike" a concession.
    """
    told: list[_Told] = []
    previous_targets: list = []
    targets_of: dict[int, list] = {}
    boilerplate = {i for i, names in phrases.items() if "boilerplate" in names}
    for trigger in triggers:
        if _in_boilerplate(trigger, boilerplate, rules) or _reports(trigger, rules):
            continue
        event_type, planner = _planned_form(trigger, rules)
        args = find_arguments(trigger, rules)
        exclude = {trigger.token.i, *trigger.consumed, *boilerplate}  # no mention reaches into "in a statement"
        if trigger.nominal and not args.agents and not args.targets and _described_again(trigger.token, rules):
            continue  # "The raids were the deadliest this year": what is said of an event told before
        agents = _mentions(args.agents, rules, ctx, exclude, _narrower(rules.participants[event_type].agent, rules))
        if _done_by_thing(trigger, event_type, agents, rules):
            continue  # "the decision violates the principles", "the deal calls for talks": no one's act
        placed = rules.event_types[event_type].plover in rules.words.place_target_roots  # "attacked a base in Gao"
        targets = _mentions([t for t in args.targets if not _speaker_of_trailing_report(t, rules)], rules, ctx, exclude,
                            placed=placed)
        event_type = _fitting_sense(trigger, event_type, agents, targets, rules)
        if targets and not trigger.nominal and all(_own_possessive(t, args.agents, rules) for t in args.targets) \
                and (rules.event_types[event_type].plover not in rules.words.foreign_object_roots
                     or all(ref.pronoun or ref.label in {a.label for a, _ in agents} for ref, _ in targets)):
            # "suspended its participation in talks": the agent's own part, not a target (but what
            # is attacked is someone else's: "accused the army of shelling its bases", the accuser's)
            targets = _own_act_targets(trigger, triggers, agents, rules, ctx, exclude)
            if not targets:
                args.issue = args.issue or next((c for c in trigger.token.children if c.dep_ in rules.labels.direct_objects), None)
        if len(args.targets) == 1 and not trigger.nominal and agents:
            targets = _where_own_envoy_serves(args.targets[0], rules, ctx, exclude) or targets
        info = rules.event_types[event_type]
        if info.plover in rules.words.event_object_roots and (event_type, fold(trigger.token.lemma_)) not in rules.weak:
            before = (told_before or []) + _told_participants(told, rules)
            about = _event_object_targets(trigger, triggers, agents, rules, ctx, exclude, before)
            alleging = rules.predicate("allegation").has(fold(trigger.token.lemma_), "verbs")  # "blamed the raid on the rebels"
            if not targets or (not alleging and any(ref.type != "Issue" for ref, _ in about)):
                targets = about or targets  # "condemned the detention of X": aimed at the detainers, when named
        if not targets and not trigger.nominal and trigger.token.dep_ in rules.labels.conjuncts \
                and info.plover in rules.words.inherited_target_roots:
            subject, theirs = clause_subject(trigger.token), clause_subject(trigger.token.head)
            if subject is not None and theirs is not None and subject.i == theirs.i:
                targets = targets_of.get(trigger.token.head.i, [])  # "accused Ukraine of X and threatened to retaliate"
        if not targets and trigger.key == DEMAND_KEY and args.targets:
            targets = [(_issue_ref(args.targets[0], exclude, rules), None)]  # "said the suspension should not ..."
        if not targets and args.issue is not None and info.plover in rules.words.issue_target_roots:
            targets = [(_issue_ref(args.issue, exclude, rules), None)]
        if trigger.nominal and not targets and info.plover == "ACCUSE":
            claimed = [s for c in trigger.token.children if c.dep_ in rules.labels.noun_clauses | rules.labels.open_clauses
                       and any(m.dep_ in rules.labels.markers for m in c.children)
                       for s in c.children if s.dep_ in rules.labels.subjects]
            targets = _mentions(claimed[:1], rules, ctx, exclude)  # "accusations that Kigali supports the rebels"
        if trigger.nominal and not agents and not targets and info.plover in rules.words.inherited_target_roots:
            targets = previous_targets  # "actions against X and Y, intensified by allegations of corruption"
        if targets:
            previous_targets = targets
            targets_of[trigger.token.i] = targets
        agents, targets = _without_places(event_type, agents, targets, rules)
        weak = (event_type, fold(trigger.token.lemma_)) in rules.weak
        if weak and not any(_typed(m) and m.type != "Issue" for m, _ in agents + targets):
            continue  # a word that tells this event only of actors: "fighting terrorism", "floods hit the region"
        if weak and _speaks_of(trigger, rules):
            continue  # "the envoy spoke of a climate of mistrust": speech about something, no meeting
        if targets and not rules.participants[event_type].things:
            targets = [t for t in targets if t[0].type != "Issue"]  # "exchanged fire across the LoC": not with it
            if not targets and not (event_type in rules.words.symmetric_types and len(agents) > 1):
                continue  # a sense done only to actors, told of a thing: "fighting corruption"
        if info.plover == "MOBILIZE" and _sends_a_person(trigger, rules):
            continue  # "Nigeria dispatched a former president to mediate": an envoy, no forces
        if targets and info.plover in rules.words.press_roots and _only_the_press(args.targets, rules):
            continue  # "the AU invited media to a briefing", "spoke to reporters": news being made
        if not _sense_allows(event_type, agents, targets, rules) or not _crowd_allows(trigger, event_type, agents, rules):
            continue  # a participant this sense cannot take: another word sense ("holds elections")
        fact = assess(planner or trigger.token, rules, phrases, args.agents + args.targets, ctx)
        if trigger.nominal and info.plover == "ACCUSE" and _rejected(trigger.token, rules):
            continue  # "denied allegations of arming X": the denial is the event, what it denies the claim
        if "dismissal" in fact.classes and fact.modality in ("asserted", "reported") and info.plover in COOPERATIVE:
            continue  # "efforts to dialogue with the junta had been rejected": talks refused did not take place
        if fact.commander is not None:  # "ECOWAS ordered the committee to activate its standby force"
            agents = _mentions([fact.commander], rules, ctx, exclude) or agents
        announced = fact.modality in ("planned", "hypothetical") and (
            "commitment" in fact.classes or (fact.deciding_class == "future" and fact.auxiliary and bool(agents))
            or _own_intention(fact, agents, rules, ctx, exclude))
        told.append(_Told(trigger, event_type, agents, targets, fact, args, exclude, announced=announced))
    told = _event_subjects(told, rules)
    told = _given_events(told, rules)
    told = _participle_adjuncts(told, rules)
    told = _hand_over(told, sentence, rules, ctx, phrases)
    told = _threat_contents(told, rules)
    told = _denials(told, rules, ctx)
    records: list[EventRecord] = []
    produced: set[tuple] = set()
    text = ctx.text(sentence)
    where = (text.strip(), sentence.start_char, sentence.start_char + len(text.rstrip()))
    for item in told:
        records += _records(item, sentence, where, rules, ctx, published, produced)
    if told_before is not None:  # what the next sentences may restate ("the strikes")
        told_before += _told_participants(told, rules)
    return _once(_without_restatements(records), rules)


def _told_participants(told: list["_Told"], rules: Rules) -> list[tuple]:
    """(type, words, actor, modality) of the events told, for the sentences that name them again:
    each event's agent, and for an event between equals its other party too ("the talks with the
    RSF began ...; the army suspended the talks": suspended with the RSF)."""
    found = []
    for item in told:
        refs = [ref for ref, _ in item.agents[:1]]
        if item.type in rules.words.symmetric_types:
            refs += [ref for ref, _ in item.targets[:1] if ref.type not in ("Issue", "Place") and not ref.place]
        found += [(item.type, item.words, ref, item.fact.modality) for ref in refs]
    return found


def _event_object_targets(trigger: Trigger, triggers: list[Trigger], agents: list, rules: Rules, ctx: DocContext,
                          exclude: set[int], before: list[tuple]) -> list:
    """Whom an event done about another event is aimed at ("denounced the strikes", "suspended the
    talks with the RSF"): the other event's agent as the text names it; a partner of talks or of a
    deal; for a definite noun that names no one ("the strikes", "an accusation Rwanda denied"), the
    agent of the latest event of its type or word told before in the article (``before``: type,
    the lemmas of its words, agent and modality of each, in text order); else the event itself, as
    the thing it is about."""
    labels = rules.labels
    nouns = {t.token.i: t for t in triggers if t.nominal}
    own = {ref.label for ref, _ in agents}
    roles = labels.direct_objects | (labels.passive_subjects if is_passive(trigger.token) else frozenset())
    gap = relative_object(trigger.token, rules)
    verb = trigger.token
    if verb.dep_ in labels.noun_clauses and verb.tag_ == "VBN":
        gap = verb.head  # "talks brokered by Qatar"
    for obj in [c for c in verb.children if c.dep_ in roles] + ([gap] if gap is not None else []):
        noun = nouns.get(obj.i)
        if noun is None:
            continue
        inner = find_arguments(noun, rules)
        found = [m for m in _mentions(inner.agents, rules, ctx, exclude) if m[0].label not in own and not m[0].place]
        if not found and rules.event_types[noun.type].plover in COOPERATIVE:
            found = [m for m in _mentions(inner.targets, rules, ctx, exclude) if m[0].label not in own and not m[0].place]
        if found:
            return found
        lemma = fold(obj.lemma_)
        definite = obj is gap or any(c.dep_ in labels.determiners and fold(c.text) in DEFINITE for c in obj.children)
        told = [(event_type, words, actor, modality) for event_type, words, actor, modality in before
                if actor.label not in own and modality in ("asserted", "reported", "alleged")] if definite else []
        # the latest told by the same word ("the strikes" after "airstrikes"), else of the same type
        by_word = [t for t in told if any(lemma in w or w in lemma for w in t[1])]
        named = (by_word or [t for t in told if t[0] == noun.type])[-1:]
        if named:
            start, end = noun_phrase(obj, exclude)
            span = obj.doc[start:end]
            return [(ActorRef(**{**named[0][2].__dict__, "text": span.text, "start": span.start_char,
                                 "end": span.end_char}), None)]
        if rules.event_types[trigger.type].plover in rules.words.issue_target_roots:
            return [(_issue_ref(obj, exclude, rules), None)]  # no one named: the event itself is what it is about
        return []
    return []


def _where_own_envoy_serves(target: Token, rules: Rules, ctx: DocContext, exclude: set[int]) -> list:
    """An agent's own envoy or troops, as what it recalls or pulls out, stand for the country they
    serve in: "recalled its ambassador in Ethiopia", "withdrew its ambassador from Niger" are aimed at
    Ethiopia and Niger."""
    if not any(c.dep_ in rules.labels.possessors and c.pos_ == "PRON" for c in target.children) \
            or not is_actorish(target, rules) or target.dep_ not in rules.labels.direct_objects:
        return []
    served = [o for c in (*target.children, *target.head.children)  # (or the verb's: "recalled its envoy to Kenya")
              if c.dep_ in rules.labels.preposition and fold(c.text) in ("to", "in", "from")
              for o in c.children if o.dep_ in rules.labels.preposition_objects]
    return [m for m in _mentions(served, rules, ctx, exclude) if m[0].type in ("Country", "Government") and not m[0].place]


def _own_act_targets(trigger: Trigger, triggers: list[Trigger], agents: list, rules: Rules, ctx: DocContext,
                     exclude: set[int]) -> list:
    """Whom the agent's own act that an event ends, eases or keeps up was aimed at: "lifted its
    blockade of Qatar", "eased its sanctions against Iran" are done to Qatar and Iran."""
    nouns = {t.token.i: t for t in triggers if t.nominal}
    own = {ref.label for ref, _ in agents}
    for obj in (c for c in trigger.token.children if c.dep_ in rules.labels.direct_objects and c.i in nouns):
        inner = find_arguments(nouns[obj.i], rules)
        return [m for m in _mentions(inner.targets, rules, ctx, exclude) if m[0].label not in own and not m[0].place]
    return []


def _speaker_of_trailing_report(head: Token, rules: Rules) -> bool:
    """"..., ministerial delegations from the three countries announced": a mention whose clause is
    a verb of saying is the source of what is said, never a participant of it."""
    labels, report = rules.labels, rules.predicate("report")
    objects_of_phrases = [o for p in head.children if p.dep_ in labels.preposition for o in p.children]

    def says(noun: Token) -> bool:  # a participle of saying with no object of its own after the noun
        return any(c.dep_ in labels.noun_clauses and c.i > noun.i and report.has(fold(c.lemma_), "verbs")
                   and not any(o.dep_ in labels.objects for o in c.children) for c in noun.children)

    return any(says(noun) for noun in (head, *objects_of_phrases))


def _speaks_of(trigger: Trigger, rules: Rules) -> bool:
    """A weak verb of speaking about something ("spoke of a crisis", "talked about the vote"), with
    no one it is spoken with or to."""
    if trigger.nominal or trigger.consumed or rules.event_types[trigger.type].plover != "CONSULT":
        return False
    labels = rules.labels
    preps = [fold(c.text) for c in trigger.token.children if c.dep_ in labels.preposition]
    objects = [c for c in trigger.token.children if c.dep_ in labels.objects]
    return not objects and any(p in ("of", "about", "regarding", "concerning") for p in preps) \
        and not any(p in ("with", "to") for p in preps)


def _own_possessive(target: Token, agents: list[Token], rules: Rules) -> bool:
    """A target that is only the possessive pronoun of the agent's own object ("its participation")."""
    return target.dep_ in rules.labels.possessors and target.pos_ == "PRON" and bool(agents) \
        and target.head.dep_ in rules.labels.direct_objects


def _event_subjects(told: list[_Told], rules: Rules) -> list[_Told]:
    """One event where a clause tells one by two words of one root: a verb and the event its
    subject names ("Pakistani airstrikes killed eight people", "mortars fired by the rebels wounded
    four soldiers") or the event named in its phrase of circumstance ("killed four guards in a
    car bombing", "were killed in an ambush by jihadists"). The event takes the participants
    either word gives and the more specific of their types (``specific_types``: the method of an
    attack before its outcome); a weak verb ("hit", "target") takes the noun's type."""
    by_token = {item.trigger.token.i: item for item in told}
    labels = rules.labels
    merged: set[int] = set()
    for item in told:
        if item.trigger.nominal:
            continue
        verb = item.trigger.token
        plover = rules.event_types[item.type].plover
        subject = clause_subject(verb)
        inner: list[_Told] = []
        if subject is not None:
            if subject.i in by_token and by_token[subject.i].trigger.nominal:
                inner.append(by_token[subject.i])
            inner += [by_token[c.i] for c in subject.children if c.dep_ in labels.noun_clauses and c.i in by_token
                      and all(ref.type == "Issue" for ref, _ in by_token[c.i].targets)]
        verbs = {verb.i, *(c.i for c in verb.children if c.dep_ in labels.conjuncts)}
        if verb.dep_ in labels.conjuncts:
            verbs.add(verb.head.i)
        circumstance = [other for other in told if other.trigger.nominal
                        and other.trigger.token.dep_ in labels.preposition_objects
                        and fold(other.trigger.token.head.text) in ("in", "during")
                        and other.trigger.token.head.head.i in verbs]
        inner = [other for other in inner + circumstance
                 if other is not item and rules.event_types[other.type].plover == plover]
        if not inner:
            continue
        item.agents = item.agents or next((other.agents for other in inner if other.agents), [])
        item.targets = item.targets or next((other.targets for other in inner if other.targets), [])
        fresh = [other for other in inner if other.trigger.token.i not in merged]
        if not fresh:
            continue  # "killed and wounded in a drone attack": the attack is told once, with the first
        if (item.type, fold(item.trigger.token.lemma_)) in rules.weak:
            item.type = fresh[0].type  # the verb only says what the subject's event did
        else:
            item.type = min([item.type] + [other.type for other in fresh], key=lambda t: _specificity(t, rules))
        merged |= {other.trigger.token.i for other in fresh}
        item.words = item.words.union(*(other.words for other in fresh))
    return [item for item in told if item.trigger.token.i not in merged]


def _given_events(told: list[_Told], rules: Rules) -> list[_Told]:
    """A verb of giving whose object is an event of another type gives that event, and is none of
    its own: "offered talks to the rebels" is talks offered to them, "extended recognition to
    Somaliland" a recognition, no aid. The event takes the verb's participants it lacks."""
    nouns = {item.trigger.token.i: item for item in told if item.trigger.nominal}
    giving = rules.words.theme_verbs & rules.words.support_verbs
    given: set[int] = set()
    for item in told:
        verb = item.trigger.token
        if item.trigger.nominal or fold(verb.lemma_) not in giving:
            continue
        objects = [nouns[c.i] for c in verb.children if c.dep_ in rules.labels.direct_objects and c.i in nouns]
        gift = next((noun for noun in objects if noun.type != item.type), None)
        if gift is None:
            continue
        gift.agents = gift.agents or item.agents
        gift.targets = gift.targets or item.targets
        given.add(verb.i)
    return [item for item in told if item.trigger.token.i not in given]


def _participle_adjuncts(told: list[_Told], rules: Rules) -> list[_Told]:
    """One event where a participle adjunct tells again, of one root, the event of the clause it
    hangs on, and says whom it was aimed at: "jets struck villages in the north, targeting Kurdish
    militants", "rebels shelled the town, hitting army positions" (a participle of another type,
    "stormed the base, killing 17 soldiers", tells an outcome of its own). The clause's event takes the
    participle's targets when its own name no actor (a place, a thing), and the more specific of
    the two types; the participle is no event of its own. A country the clause names is where,
    when the participle says whom ("struck Iraq, targeting Kurdish militants"). A participle hung on the verb of a
    source said between the two ("X launched strikes, the ministry said, targeting Y") is about
    what the source says, not about the source. When the clause names whom its event was done to,
    the participle is an event of its own ("attacked the rebels, killing five civilians")."""
    labels = rules.labels
    report = rules.predicate("report")
    merged: set[int] = set()
    for item in told:
        participle = item.trigger.token
        if item.trigger.nominal or participle.dep_ not in labels.adverbial_clauses or participle.tag_ != "VBG" \
                or any(c.dep_ in labels.subjects | labels.markers for c in participle.children):
            continue
        anchor = participle.head
        if anchor.pos_ == "VERB" and report.has(fold(anchor.lemma_), "verbs"):
            said = next((c for c in anchor.children if c.dep_ in labels.reported_clauses and c.i < anchor.i), None)
            anchor = said or anchor.head  # "..., the ministry said, targeting": what is said is the anchor
        plover = rules.event_types[item.type].plover
        aiming = (item.type, fold(participle.lemma_)) in rules.weak  # "targeting", "hitting": the same act aimed
        host = next((other for other in told if other is not item and other.trigger.token.i not in merged
                     and rules.event_types[other.type].plover == plover and (aiming or other.type == item.type)
                     and (other.trigger.token.i == anchor.i
                          or (other.trigger.nominal and other.trigger.token.head.i == anchor.i
                              and other.trigger.token.dep_ in labels.direct_objects))), None)
        if host is None:
            continue
        if anchor.i != participle.head.i:
            item.agents = host.agents or item.agents
        actors = [m for m in item.targets if not _where_or_what(m[0])]
        hosts = [m for m in host.targets if not _where_or_what(m[0])]
        if hosts:
            continue  # victims of its own ("killed six civilians, wounding 40 others"): an outcome of its own
        if actors:
            host.targets = actors
        host.agents = host.agents or item.agents
        host.type = min((host.type, item.type), key=lambda t: _specificity(t, rules))
        host.words = host.words | item.words
        merged.add(participle.i)
    return [item for item in told if item.trigger.token.i not in merged]


def _where_or_what(ref: ActorRef) -> bool:
    """A target that names no one the event is aimed at: a thing, a place or a whole country."""
    return ref.type in ("Issue", "Country") or ref.place


def _specificity(event_type: str, rules: Rules) -> int:
    order = rules.words.specific_types
    return order.index(event_type) if event_type in order else len(order)


def _rejected(noun: Token, rules: Rules) -> bool:
    """An accusation named as the object of a rejection ("denied the allegations", "an accusation
    Rwanda has denied")."""
    def rejecting(verb: Token) -> bool:
        key = fold(verb.lemma_)
        return verb.pos_ == "VERB" and key in rules.verb_triggers and rules.event_types[rules.verb_triggers[key]].plover == "REJECT"

    if noun.dep_ in rules.labels.objects and rejecting(noun.head):
        return True
    return any(rejecting(c) and relative_object(c, rules) is noun for c in noun.children)


def _hand_over(told: list[_Told], sentence: Span, rules: Rules, ctx: DocContext, phrases) -> list[_Told]:
    """Events the text does not commit to hand their participants to the word that governs them;
    a governing word that is no trigger of its own becomes the event (see :data:`DERIVED`)."""
    by_token = {item.trigger.token.i: item for item in told if item.fact.recorded}
    kept = [item for item in told if item.fact.recorded]
    for item in told:
        if item.fact.recorded or item.fact.effect not in DERIVED:
            continue
        governor = item.fact.governor
        own = by_token.get(governor.i) if governor is not None else None
        if own is not None and rules.event_types[own.type].plover == "THREATEN" and item.fact.effect == "not_happened":
            kept.remove(own)  # "vowed not to attack the town": a promise to refrain is no threat
            del by_token[governor.i]
            continue
        if own is not None:
            if not own.targets or all(t[0].label == a[0].label for t in own.targets for a in own.agents):
                # "called for sanctions against X": the request is about X; "lifted its blockade of Yemen": Yemen
                own.targets = [t for t in (item.targets or item.agents)
                               if not any(t[0].start == a[0].start for a in own.agents)]
            continue
        derived = _derived(item, governor, rules, ctx, phrases)
        if derived is not None:
            kept.append(derived)
            if governor is not None:
                by_token[governor.i] = derived
    return sorted(kept, key=lambda item: item.trigger.token.i)


def _own_intention(fact: Factuality, agents: list, rules: Rules, ctx: DocContext, exclude: set[int]) -> bool:
    """A source's own intention, said by the source: "the junta said they would kill him if ..."."""
    if fact.modality not in ("planned", "hypothetical") or fact.source_head is None or not agents:
        return False
    speakers = _mentions([fact.source_head], rules, ctx, exclude)
    return bool(speakers) and any(a.label == speakers[0][0].label for a, _ in agents)


def _threat_contents(told: list[_Told], rules: Rules) -> list[_Told]:
    """What a threat threatens is its content, not an event of its own: "vowed to intervene
    militarily in Niger" is one threat against Niger, of military force."""
    by_token = {item.trigger.token.i: item for item in told}
    kept = []
    for item in told:
        threats = [by_token[g.i] for g in item.fact.governors if g.i in by_token and by_token[g.i] is not item
                   and rules.event_types[by_token[g.i].type].plover == "THREATEN"]
        threat = threats[0] if threats else None
        if threat is not None and item.fact.modality in ("planned", "hypothetical"):
            if not threat.targets:
                threat.targets = [t for t in (item.targets or item.agents)
                                  if not any(t[0].start == a[0].start for a in threat.agents)]
            threat.threat_of = rules.event_types[item.type].plover
            continue
        kept.append(item)
    return kept


def _denials(told: list[_Told], rules: Rules, ctx: DocContext) -> list[_Told]:
    """A denial is an event too: who denies that an event happened rejects the claim ("Kigali said it
    played no part in the raid" is a denied raid and Kigali's rejection of the claim)."""
    by_token = {item.trigger.token.i: item for item in told}
    added = []
    for item in told:
        fact = item.fact
        if fact.effect != "denied" or fact.source_head is None or item.derived:
            continue
        word = fact.governor if fact.governor is not None else fact.source_head.head
        # the rejection is of the claim ("backing the M23 rebels"), whose maker the sentence seldom names
        about = [(_issue_ref(item.trigger.token, item.exclude, rules) if item.trigger.nominal
                  else _claim_ref(item.trigger.token, rules), None)]
        own = by_token.get(word.i)
        if own is not None:
            if rules.event_types[own.type].plover != "REJECT":  # "dismissed reports that ...": no dismissal from office
                own.type = "Reject"
                own.trigger = Trigger(word, "Reject", fold(word.lemma_), word.pos_ == "NOUN", own.trigger.consumed)
            denied_parts = {m.label for m, _ in item.targets + item.agents}
            if not own.targets or own.args.nearby or all(m.label in denied_parts for m, _ in own.targets):
                # "Rwanda denied backing the M23": Rwanda rejects the claim, not the M23
                own.targets = [t for t in about if not any(t[0].label == a[0].label for a in own.agents)]
            continue
        agents = _mentions([fact.source_head], rules, ctx, item.exclude)
        if not agents or word.pos_ not in ("VERB", "NOUN"):
            continue
        targets = [t for t in about if not any(t[0].label == a[0].label for a in agents)]
        said = assess(word, rules, {}, [])
        if said.effect in ("denied", "negated") and own_negation(word, rules):
            continue  # "has no plans for an offensive": an assurance about one's own intent, no rejection of anyone
        if not said.recorded:
            continue
        trigger = Trigger(word, "Reject", fold(word.lemma_), word.pos_ == "NOUN")
        denial = _Told(trigger, "Reject", agents, targets, said, Arguments(), {word.i}, derived=True)
        by_token[word.i] = denial
        added.append(denial)
    return sorted(told + added, key=lambda item: item.trigger.token.i)


#: What a governing word that undoes an event stands for, by the effect it has (a cancellation of
#: a cooperative event is a rejection; of a measure or a campaign, a concession).
DERIVED = {"not_happened": "Reject", "requested": "Request", "cancelled": "Release"}
COOPERATIVE = ("AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT")


def _derived(item: _Told, governor: Token | None, rules: Rules, ctx: DocContext, phrases) -> _Told | None:
    """The event a word that undoes ``item`` tells: a rejection, a request or a concession by the
    governing word's subject (or, for "will not", the event's own agent), about the event's target."""
    labels = rules.labels
    effect = item.fact.effect
    event_type = DERIVED[effect]
    if effect == "cancelled" and rules.event_types[item.type].plover in COOPERATIVE:
        event_type = "Reject"
    if governor is None:  # "will not release": the agent refuses
        if effect != "not_happened" or not item.agents or item.fact.deciding_class == "condition":
            return None  # (but "if the junta does not release him" is a condition, no refusal)
        trigger = Trigger(item.trigger.token, event_type, item.trigger.key, item.trigger.nominal, item.trigger.consumed)
        said = assess(item.trigger.token, rules, {}, [])
        fact = Factuality("factual", "reported" if said.source else "asserted", said.source, said.source_head, None)
        return _Told(trigger, event_type, item.agents, item.targets, fact, item.args, item.exclude, derived=True)
    cooperative = rules.event_types[item.type].plover in COOPERATIVE
    if governor.pos_ not in ("VERB", "NOUN") or (effect == "not_happened" and not cooperative):
        return None  # "failed to reach agreement" is a rejection; "have yet to", "prevented from" tell none
    subject = next((c for c in governor.children if c.dep_ in labels.subjects), None)
    agents = _mentions([subject], rules, ctx, item.exclude) if subject is not None else item.agents
    if not agents:
        return None
    addressee = next((c for c in governor.children if c.dep_ in labels.direct_objects | labels.indirect_objects
                      and c.i not in {t.i for t in item.args.targets}), None)
    targets = _mentions([addressee], rules, ctx, item.exclude) if addressee is not None and effect == "requested" else []
    targets = targets or [t for t in (item.targets or item.agents) if not any(t[0].start == a[0].start for a in agents)]
    fact = assess(governor, rules, phrases, [])
    if not fact.recorded:
        return None
    trigger = Trigger(governor, event_type, fold(governor.lemma_), governor.pos_ == "NOUN")
    return _Told(trigger, event_type, agents, targets, fact, item.args, {governor.i}, derived=True)


def _records(item: _Told, sentence: Span, where: tuple[str, int, int], rules: Rules, ctx: DocContext,
             published: str | None, produced: set[tuple]) -> list[EventRecord]:
    """The records of one event told: one per participant pair and time; ``where`` is the text of
    the sentence and its character bounds."""
    trigger, event_type, agents, targets, fact, args = item.trigger, item.type, item.agents, item.targets, item.fact, item.args
    info = rules.event_types[event_type]
    weak = (event_type, fold(trigger.token.lemma_)) in rules.weak
    if trigger.comments or not agents and not targets and (weak or info.plover not in rules.words.bare_event_roots):
        return []  # (a comment on an event told just before is that event: what it says is said of it)
    if event_type in rules.words.symmetric_types and weak and not trigger.nominal and any(
            c.dep_ in rules.labels.direct_objects and _kind_of_conflict(c, rules) for c in trigger.token.children):
        return []  # "binds the three countries to settle armed rebellions": a kind of conflict, no deal with anyone
    modality, attribution = fact.modality, fact.source
    if attribution is not None and fact.source_head is not None and fact.source_head.pos_ == "PRON":
        said_by, _ = build_mention(fact.source_head, rules, ctx)  # "..., he added": the speaker he stands for
        if said_by is not None and not said_by.pronoun:
            attribution = said_by.label
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
    if modality in ("planned", "hypothetical") and action.plover in rules.intent and item.announced \
            and event_type not in rules.planned_form.values():
        intent = rules.intent[action.plover]  # an announced intention is a threat or a promise
        action = ActionRef(**{**action.contract(), "plover": intent["plover"], "cameo": intent["cameo"]})
    if item.threat_of in rules.intent and rules.intent[item.threat_of]["plover"] == action.plover:
        action = ActionRef(**{**action.contract(), "cameo": rules.intent[item.threat_of]["cameo"]})
    arg_indices = {t.i for t in args.agents + args.targets}
    clause = clause_tokens(trigger.token, rules)
    place, place_word = place_of(clause, rules, ctx, item.exclude | arg_indices) or (None, None)
    times = times_of(without_descriptions(clause, trigger.token, rules), published) or [None]
    if not agents and not targets and place is None and times == [None]:
        return []  # "an explosion" with no one, nowhere and no time is not worth a fact
    symmetric = event_type in rules.words.symmetric_types and len(agents) > 1
    if symmetric and targets and (args.nearby or all(ref.type == "Issue" for ref, _ in targets) or args.targets and all(
            t.head.dep_ in rules.labels.preposition and fold(t.head.text) in rules.words.topic_preps for t in args.targets)):
        # "Chad and Niger agreed to share intelligence on the jihadists", "Rwanda and Congo signed a
        # peace agreement": each is the other's partner
        targets = []
    symmetric = symmetric and not targets
    if not targets and not symmetric and place is not None and place.text[:1].isupper() and (
            info.plover in rules.words.place_target_roots
            or (info.plover in rules.words.country_target_roots and rules.gazetteer.country(place.text) is not None)):
        targets = [(_place_actor(place, rules, place_word, item.exclude | arg_indices,
                                 placed=info.plover in rules.words.place_target_roots), None)]
    if symmetric:  # "Syrian troops and rebels clashed": a coordination split between the sides is no one mention
        agents = [(_alone(ref), quantity) for ref, quantity in agents]
    for crowd in ("riot", "protest"):
        if action.acled == rules.acled[crowd]["event_type"]:
            agents = [(_as_crowd(a, rules.acled[crowd], rules), q) for a, q in agents]
    if action.acled == rules.acled["riot"]["remote_event_type"]:
        agents = [(_as_armed(a, rules), q) for a, q in agents]
    records = []
    for agent, target, quantity in _pairs(event_type, agents, targets, rules):
        if agent is not None and target is not None and agent.label == target.label and agent.start == target.start:
            continue
        if agent is not None and target is not None and agent.label == target.label and fold(target.text).endswith(("self", "selves")):
            target = None  # "would defend itself": no one else
        for time in times:
            identity = (event_type, (agent.start, agent.label) if agent else None,
                        (target.start, target.label) if target else None, time.text if time else None)
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
                sentence=where[0],
                start=where[1],
                end=where[2],
                confidence=_confidence(agent, target, time, place) - (0.15 if args.nearby and target is not None else 0.0),
            )
            if trigger.restates:
                record.notes.append("restates")
            records.append(record)
    return records


def _once(records: list[EventRecord], rules: Rules) -> list[EventRecord]:
    """One event once in a sentence: of records of one type (or a bare attack and a kind of attack)
    whose participants are the same, or one's a part of the other's, the fullest is kept; the
    wounded of an attack told beside its dead are of that attack. A thing as
    the target of an event that is not done to things says less than a partner ("signed a
    memorandum with X": the signing with X)."""
    def names(ref: ActorRef | None, record: EventRecord) -> str | None:
        thing = ref is not None and ref.type == "Issue" and record.action.plover not in rules.words.place_target_roots
        return ref.label if ref is not None and not thing else None

    specific, bare = rules.words.specific_types, rules.words.specific_types[-1]

    def one_kind(mine: str, theirs: str) -> bool:  # (a bare attack beside a kind of attack is that attack)
        return mine == theirs or (bare in (mine, theirs) and mine in specific and theirs in specific)

    kept: list[EventRecord] = []
    for record in records:
        mine = (names(record.actor, record), names(record.target, record), record.time.value if record.time else None)
        covered = False
        for index, other in enumerate(kept):
            if not one_kind(record.action.type, other.action.type):
                continue
            theirs = (names(other.actor, other), names(other.target, other), other.time.value if other.time else None)
            if record.action.type != other.action.type and (record.target is None or other.target is None or (
                    record.target.start != other.target.start and not (record.quantity and other.quantity and mine == theirs))):
                continue  # a kind of attack and a bare one are one when done to the same mention, or to
                # counted victims of the same side ("killing six people and wounding 80 others")
            if other.action.type == bare != record.action.type and mine == theirs:
                kept[index] = record  # "killed them in an ambush and an attack": the ambush
                covered = True
                break
            if all(m is None or m == o for m, o in zip(mine, theirs)):
                covered = True  # nothing new
                break
            if all(o is None or m == o for m, o in zip(mine, theirs)):
                kept[index] = record  # says all the other says, and more
                covered = True
                break
        if not covered:
            kept.append(record)
    return kept


def _in_boilerplate(trigger: Trigger, boilerplate: set[int], rules: Rules) -> bool:
    """A trigger inside press boilerplate, or governing it ("speaking on condition of anonymity")."""
    token = trigger.token
    adjunct = rules.words.place_preps | rules.words.circumstance_words  # "in a statement", "without providing details"
    governed = [c for c in token.children if c.i > token.i and not (
        c.dep_ == "prep" and (fold(c.text) in adjunct or rules.predicate("negation").has(fold(c.text), "words")))]
    objects = [o for c in governed if c.dep_ == "prep" for o in c.children]  # "asked for a minute's silence"
    return token.i in boilerplate or any(c.i in boilerplate for c in (*governed, *objects))


def _reports(trigger: Trigger, rules: Rules) -> bool:
    """A verb of saying that introduces what is said ("told the AP that ...") reports an event; it is
    none itself (a threat, an accusation or a demand that is said stays an event)."""
    token, labels = trigger.token, rules.labels
    if trigger.nominal or not rules.predicate("report").has(fold(token.lemma_), "verbs"):
        return False
    if rules.event_types[trigger.type].plover in ("THREATEN", "ACCUSE", "REQUEST", "REJECT"):
        return False
    return any(c.dep_ in labels.reported_clauses and c.pos_ in ("VERB", "AUX") for c in token.children)


def _sends_a_person(trigger: Trigger, rules: Rules) -> bool:
    """Whether a verb of moving forces moves a person: a name or a title as its object."""
    if trigger.nominal or fold(trigger.token.lemma_) not in rules.words.theme_verbs:
        return False
    labels, verb = rules.labels, trigger.token
    moved = [c for c in verb.children if c.dep_ in labels.direct_objects and c.i not in trigger.consumed]
    moved += [s for c in verb.children if c.dep_ in labels.open_clauses | labels.adverbial_clauses and c.i > verb.i
              for s in c.children if s.dep_ in labels.subjects and s.i > verb.i]  # "dispatched X to mediate"
    return any(m.ent_type_ == "PERSON" or fold(m.lemma_) in rules.titles for m in moved)


def _only_the_press(heads: list[Token], rules: Rules) -> bool:
    """Whether the only other party of an exchange is the press, named by a common noun."""
    return bool(heads) and all(head.pos_ == "NOUN" and not head.ent_type_ and (
        fold(head.lemma_) in rules.words.press_nouns or fold(head.text) in rules.words.press_nouns) for head in heads)


def _kind_of_conflict(noun: Token, rules: Rules) -> bool:
    """A hostile event named as a kind, not as one that happened: a bare plural event noun
    ("armed rebellions", "coups"), with no determiner, possessor or number."""
    event_type = rules.noun_triggers.get(fold(noun.lemma_))
    if event_type is None or rules.event_types[event_type].plover in COOPERATIVE or noun.tag_ != "NNS":
        return False
    return not any(c.dep_ in rules.labels.determiners | rules.labels.possessors or c.like_num for c in noun.children)


def _described_again(noun: Token, rules: Rules) -> bool:
    """A definite event noun that is the subject of a copula: the sentence describes an event named
    before ("The raids were the deadliest this year"), it tells none of its own."""
    head = noun.head
    return noun.dep_ in rules.labels.subjects and head.lemma_ == "be" and head.pos_ == "AUX" \
        and any(c.dep_ in rules.labels.determiners and fold(c.text) in DEFINITE for c in noun.children) \
        and not any(c.dep_ in rules.labels.preposition for c in noun.children)  # ("the attack on the base was ...")


def _done_by_thing(trigger: Trigger, event_type: str, agents: list, rules: Rules) -> bool:
    """Whether a verb of a sense only actors perform has a thing or an event as its subject: a
    thing that names no actor, or an event whatever actor it names ("the seizure of the bank")."""
    if trigger.nominal or not rules.participants[event_type].agentive or is_passive(trigger.token):
        return False
    subject = clause_subject(trigger.token)
    clause = next((t for t in trigger.token.ancestors if t.dep_ in rules.labels.relative_clauses), None)
    if subject is not None and fold(subject.text) in RELATIVE_PRONOUNS and clause is not None:
        subject = clause.head  # "the ruling, which it said breaks the accord"
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or is_actorish(subject, rules):
        return False
    return not agents or fold(subject.lemma_) in rules.noun_triggers


def _sense_allows(event_type: str, agents, targets, rules: Rules) -> bool:
    """Whether every participant found is one this event type's sense can take (triggers.toml); a
    place only when the sense names no targets or names places."""
    allowed = rules.participants[event_type]
    if any(ref.type not in allowed.agent and not ref.pronoun for ref, _ in agents):
        return False
    if not allowed.places and any(ref.place or ref.type == "Place" for ref, _ in targets):
        return False
    return not any(ref.type not in allowed.target and ref.type not in ("Issue", "Place") and not ref.pronoun
                   for ref, _ in targets)


def _fitting_sense(trigger: Trigger, event_type: str, agents, targets, rules: Rules) -> str:
    """The sense a verb of several senses has here: the first, in triggers.toml's order, whose
    participant kinds take the actor and target found ("captured the town" a takeover, "captured
    the commander" an arrest); its first sense when none does."""
    senses = rules.verb_senses.get(trigger.key, ())
    if trigger.nominal or len(senses) < 2 or event_type != senses[0]:
        return event_type
    return next((sense for sense in senses if _fits(sense, agents, targets, rules)), event_type)


def _fits(event_type: str, agents, targets, rules: Rules) -> bool:
    """Whether a sense can take these participants: their kinds, and a thing as the only target
    only where the sense takes things."""
    only_things = bool(targets) and all(ref.type == "Issue" for ref, _ in targets)
    if only_things and not rules.participants[event_type].things:
        return False
    return _sense_allows(event_type, agents, targets, rules)


def _narrower(classes: frozenset[str], rules: Rules) -> frozenset[str] | None:
    """The classes a participant may be, when that is narrower than any actor."""
    return classes if classes != rules.kinds["actor"] else None


def _crowd_allows(trigger: Trigger, event_type: str, agents, rules: Rules) -> bool:
    """A word that tells this event only of a crowd ("protesters gathered") needs one as its agent."""
    if trigger.key not in rules.participants[event_type].crowd:
        return True
    return bool(agents) and all(ref.type in rules.kinds["people"] for ref, _ in agents)


def _without_places(event_type: str, agents: list, targets: list, rules: Rules) -> tuple[list, list]:
    """A place is no agent ("Goma" does nothing); it is a target only of the events that can be done
    to a place (an attack, a deployment), else it is where the event happened, not to whom."""
    takes_places = rules.event_types[event_type].plover in rules.words.place_target_roots
    return ([a for a in agents if not a[0].place],
            [t for t in targets if not t[0].place or takes_places])


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
    ("Russia and Turkey met") are each other's target, once for each pair."""
    if event_type in rules.words.symmetric_types and len(agents) > 1 and not targets:
        for i, (first, _) in enumerate(agents[:3]):
            for second, quantity in agents[i + 1:3]:
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
    return ActorRef(**{**ref.__dict__, "label": of_country(coding["agent_label"], ref.country, rules), "type": "Protesters",
                       "generic": True})


def _as_armed(ref: ActorRef, rules: Rules) -> ActorRef:
    """People who set off a bomb or shell a town are an armed group of their country, not civilians
    ("the men who bombed the church")."""
    if ref.type not in rules.acled["riot"]["agent_types"]:
        return ref
    kind = rules.groups[fold(rules.acled["riot"]["remote_agent_noun"])]
    return ActorRef(**{**ref.__dict__, "label": of_country(kind.label, ref.country, rules), "type": kind.type,
                       "sector": kind.sector, "generic": True})


def _issue_ref(head, exclude: set[int], rules: Rules) -> ActorRef:
    """The thing an event is about, as its target: "the referendum", "a travel restriction"."""
    start, core_end = noun_phrase(head, exclude)
    start, end = mention_extent(head, start, core_end, rules, exclude)  # "its participation in talks"
    span = head.doc[start:end]
    words = [t for t in head.doc[start:core_end] if t.dep_ not in rules.labels.determiners | rules.labels.possessors]
    label = head.doc[words[0].i : core_end].text if words else span.text
    return ActorRef(text=span.text, label=label, type="Issue", start=span.start_char, end=span.end_char)


def _claim_ref(verb: Token, rules: Rules) -> ActorRef:
    """A denied claim told by a verb, as the thing a denial rejects: the verb with what follows it
    in its clause and its subject ("backing the M23 rebels", "its soldiers had killed the villagers")."""
    labels = rules.labels
    after = [t for c in verb.rights if c.dep_ not in labels.punctuation | labels.conjuncts | labels.coordinators
             for t in c.subtree]
    end = max([verb.i] + [t.i for t in after]) + 1
    before = [t.i for c in verb.lefts if c.dep_ in labels.subjects | labels.passive_subjects | labels.auxiliaries
              | labels.negations for t in c.subtree]
    span = verb.doc[min([verb.i] + before):end]  # "its soldiers had killed the villagers"
    return ActorRef(text=span.text, label=span.text, type="Issue", start=span.start_char, end=span.end_char)


def _place_actor(place, rules: Rules, word: Token | None = None, exclude: set[int] = frozenset(),
                 placed: bool = False) -> ActorRef:
    """The place of an event standing as its target: a country, or the place by its name; its text
    the whole phrase that names it, as coders mark it ("northern Iraq", "Rwanda's Southern Province"),
    and, for events done to places (``placed``), from the thing it places when it only says where
    that thing is ("pounded positions in eastern Syria"); a country that receives what is given or
    agreed is the target by itself ("sent weapons to the fighters in Iraq")."""
    text = place.text
    if word is not None:
        start, end = noun_phrase(word, exclude)
        holder = _placed_thing(word, rules, exclude) if placed else None
        if holder is not None:
            start = noun_phrase(holder, exclude)[0]
        text = word.doc[start:end].text
    country = rules.gazetteer.country(place.text)
    if country is not None:
        return country_actor(country, text)
    return ActorRef(text=text, label=place.label, type="Actor", country=place.country)


def _placed_thing(word: Token, rules: Rules, exclude: set[int]) -> Token | None:
    """The common noun a place name's locating phrase hangs on ("positions" in "positions in
    eastern Syria"), when it is no event noun, no other part of the event, and not the object of a
    participle that tells of it ("explosions involving unknown weapons near ..."); None otherwise."""
    prep = word.head
    if word.dep_ not in rules.labels.preposition_objects or prep.dep_ not in rules.labels.preposition \
            or fold(prep.text) not in rules.words.locating_preps:
        return None
    holder = prep.head
    if holder.pos_ != "NOUN" or holder.i > prep.i or holder.i in exclude or fold(holder.lemma_) in rules.noun_triggers \
            or any(t.i in exclude for t in holder.doc[holder.i:prep.i]):
        return None
    governor = holder
    while governor.dep_ in rules.labels.conjuncts and governor.head.i < governor.i:
        governor = governor.head
    governor = governor.head.head if governor.dep_ in rules.labels.preposition_objects else governor.head
    if governor.i not in exclude and governor.dep_ in rules.labels.noun_clauses:
        return None  # "explosions involving unknown weapons near X": a thing told of, not the one the event is done to
    return holder


def _planned_form(trigger: Trigger, rules: Rules) -> tuple[str, Token | None]:
    """A Coup that a planning word governs ("plotting to overthrow") is a CoupPlot; the planning
    word is returned too: the plot is the event, so its factuality is the planning's."""
    planned = rules.planned_form.get(trigger.type)
    if planned is None:
        return trigger.type, None
    token = trigger.token
    future = rules.predicate("future")
    verbs, nouns = future.words.get("verbs", frozenset()), future.words.get("nouns", frozenset())
    for _ in range(GOVERNOR_WINDOW):
        if token.head.i == token.i:
            break
        token = token.head
        lemma = token.lemma_.lower()
        if (token.pos_ in ("VERB", "AUX") and lemma in verbs) or (token.pos_ == "NOUN" and lemma in nouns):
            return planned, token
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "pcomp", "advcl"):
            break
    return trigger.type, None


def _mentions(heads, rules: Rules, ctx: DocContext, exclude: set[int],
              fits: frozenset[str] | None = None, placed: bool = False) -> list[tuple[ActorRef, str | None]]:
    """The actor mentions of argument heads; a pronoun stands for the nearest actor of the classes
    ``fits`` when given ("since they seized power": the generals, not the governments that sanctioned them);
    ``placed``: the event is done to places, so a thing standing for an actor keeps where it is."""
    result = []
    for head in heads:
        numbered = numbered_description(head, rules, ctx)
        if numbered is not None:  # "the two countries agreed": the two named before, each a party
            result += [(ref, None) for ref in numbered]
            continue
        ref, quantity = persons_country(head, rules, ctx, exclude) or build_mention(head, rules, ctx, exclude, fits=fits)
        if ref is not None:
            _widen_text(ref, head, rules, exclude, placed)
            result.append((ref, quantity))
    return result


def _widen_text(ref: ActorRef, head, rules: Rules, exclude: set[int], placed: bool = False) -> None:
    """Give an actor found inside a larger argument the text of that argument: the target of
    "rejected French calls for a ceasefire" is France, said as "French calls". The argument keeps
    the phrases that complete it and its appositions ("its NATO ally Turkey"), and where it is only
    when ``placed``, for events done to places ("attacked an army base in Kano state"). The
    agent of a noun's by-phrase, and the participant in an event noun's "of" phrase, are mentions by
    themselves, as coders mark them: "accusations by the opposition" and "the demands of the
    teachers" are aimed at "the opposition" and "the teachers"."""
    outer = head
    while outer.head.i != outer.i and outer.head.i not in exclude:
        if any(c.i in exclude for c in outer.children):
            break  # "a Human Rights Watch report accusing ...": the report is the argument itself
        parent = outer.head
        if outer.dep_ in ("compound", "amod", "nmod", "poss") and parent.pos_ in ("NOUN", "PROPN"):
            candidate = parent
        elif outer.dep_ == "pobj" and parent.dep_ == "prep" and fold(parent.text) in rules.words.complement_preps \
                and parent.head.pos_ in ("NOUN", "PROPN") and parent.head.i not in exclude \
                and fold(parent.head.lemma_) not in rules.noun_triggers:
            candidate = parent.head
        else:
            break
        if is_actorish(candidate, rules) or candidate.i in exclude \
                or rules.predicate("future").has(fold(candidate.lemma_), "nouns"):
            break  # (the planner of "the junta's plans for an offensive" is "the junta")
        outer = candidate
    if outer is head:
        return
    doc = head.doc
    start, end = mention_extent(outer, *noun_phrase(outer, exclude), rules, exclude, around=True, placed=placed)
    if placed and outer.pos_ == "NOUN":  # "stormed a police station [in northern Mali]"
        end = located_after(outer, end, rules, exclude)
    start = min(start, head.left_edge.i) if head.i < outer.i else start
    end = max(end, head.i + 1)
    span = doc[start:end]
    ref.text, ref.start, ref.end = span.text, span.start_char, span.end_char


def _alone(ref: ActorRef) -> ActorRef:
    """A conjunct by its own words, when its text is the coordination it shares modifiers in."""
    if ref.alone is None:
        return ref
    text, start, end = ref.alone
    return ActorRef(**{**ref.__dict__, "text": text, "start": start, "end": end, "alone": None})


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

    if agent is not None and agent.type in codes["riot"]["agent_types"] and action.acled != codes["riot"]["remote_event_type"]:
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
