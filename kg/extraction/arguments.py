"""Find who did it (agent) and to whom (target) for a trigger, through the constructions news uses.

Constructions handled, each a small function below:
- active and passive clauses, passive with no agent, "by"-phrases that are amounts ("by five years");
- subjects shared through coordination, open complements and control ("plotting to overthrow",
  "allowing Goita to maintain"), relative clauses ("soldiers who mutinied");
- participles: "the arrested soldiers" (amod), "soldiers arrested overnight" (acl);
- nominal events: "the arrests of", "a crackdown on", "the junta's actions against", modifiers that
  name the agent ("Islamist insurgency"), support verbs ("came to power through a coup"),
  suffering subjects ("Mali grapples with an insurgency"), "X were among those caught up in ...";
- arguments that are not actors themselves but own one ("its relations with France");
- coordination and lists ("Mara and Maiga", "neither X nor Y", "figures such as X and Y").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extraction.memo import remembered
from kg.extraction.mentions import TIME_ENTS, is_actorish
from kg.extraction.triggers import DEMAND_KEY, Trigger, describes
from kg.rules.loader import Rules
from kg.text import fold

SUBJECTS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "dative", "oprd")
RELATIVE_PRONOUNS = ("who", "which", "that", "whom")


@dataclass
class Arguments:
    """Heads of the agent and target phrases of one trigger (each may be several, by coordination)."""

    agents: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    issue: Token | None = None  # what the event is about when no actor is its target ("rejected the referendum")
    nearby: bool = False  # the target is only the nearest actor after the trigger


def find_arguments(trigger: Trigger, rules: Rules) -> Arguments:
    """Agent and target heads of a trigger, expanded over coordination and lists."""
    if trigger.nominal:
        agent, target = _nominal_arguments(trigger, rules)
    else:
        agent, target = _verbal_arguments(trigger, rules)
    if agent is not None and _names_of_a_thing(agent, rules):
        agent = None  # "where the Chad, Niger and Nigeria borders meet": the borders meet
    nearby = False
    if target is None and agent is not None and is_actorish(agent, rules):
        target = _nearest_actor_after(trigger, agent, rules)
        nearby = target is not None
    elif agent is None and target is not None and not trigger.nominal and not is_passive(trigger.token):
        agent = _nearest_actor_before(trigger, target, rules)
        nearby = agent is not None
    return Arguments(
        agents=_expand(agent, rules) if agent is not None else [],
        targets=_expand(target, rules) if target is not None else [],
        issue=_issue(trigger, rules) if target is None else None,
        nearby=nearby,
    )


def _names_of_a_thing(head: Token, rules: Rules) -> bool:
    """Coordinated names sharing the head noun of their last conjunct ("the Chad, Niger and
    Niger borders") when that noun is a place or a thing: the names only modify it."""
    last = head
    while True:
        nxt = next((c for c in last.children if c.dep_ in rules.labels.conjuncts), None)
        if nxt is None:
            break
        last = nxt
    return last is not head and last.pos_ == "NOUN" and head.pos_ == "PROPN" \
        and any(c.dep_ in rules.labels.compounds for c in last.children) and not is_actorish(last, rules)


def _nearest_actor_before(trigger: Trigger, target: Token, rules: Rules, window: int = 8) -> Token | None:
    """An active verb whose subject the parse lost: the nearest actor named just before it."""
    verb = trigger.token
    taken = {t.i for t in target.subtree}
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - window) - 1, -1):
        token = verb.doc[i]
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in TIME_ENTS:
            continue
        if token.pos_ in ("VERB", "AUX"):
            break
        if is_actorish(token, rules) and not _is_place(token, rules) and token.dep_ not in ("compound", "amod", "poss") \
                and not _in_dateline(token):
            return token
    return None


def _nearest_actor_after(trigger: Trigger, agent: Token, rules: Rules, window: int = 10) -> Token | None:
    """When no construction gives a target, the first actor named after the trigger inside its own
    phrase (a looser reading, marked as such so its confidence is lower)."""
    root = trigger.token
    taken = {t.i for t in agent.subtree} | {root.i, *trigger.consumed}
    if not trigger.nominal and fold(root.lemma_) in rules.words.theme_verbs:
        taken |= {t.i for c in root.children if c.dep_ == "dobj" for t in c.subtree}  # what is moved
    taken |= {t.i for c in root.children if c.dep_ in rules.labels.preposition
              and (fold(c.text) in rules.words.companion_preps
                   or any(fold(o.lemma_) in rules.words.companion_nouns for o in c.children))
              for t in c.subtree}  # "fought alongside X", "on X's side": on X's side
    topic = rules.words.topic_preps - rules.words.target_preps
    for word in root.subtree:  # phrases whose actors are no party: a broker ("a truce mediated by the AU"),
        # what a thing is about ("its reporting about Burkina Faso"), a means ("by using artillery")
        if (word.dep_ == "acl" and fold(word.lemma_) in rules.words.broker_verbs) \
                or (word.dep_ in rules.labels.preposition and fold(word.text) in topic) \
                or (word.i != root.i and fold(word.lemma_) in rules.words.instrument_verbs):
            taken |= {t.i for t in word.subtree}
    for token in root.subtree:
        if token.i <= root.i or token.i > root.i + window or token.i in taken:
            continue
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            break
        if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in TIME_ENTS and is_actorish(token, rules) \
                and not _is_place(token, rules) and token.dep_ not in ("compound", "amod", "poss", "npadvmod", "nmod") \
                and not (token.dep_ in rules.labels.preposition_objects and fold(token.head.text) in rules.words.place_preps):
            return token  # (what stands in a place phrase, "in Tigray", is where, whatever the tagger says)
    return None


def _issue(trigger: Trigger, rules: Rules) -> Token | None:
    """The thing an active verbal event is done to when it names no actor: its direct object, when
    that is a plain noun phrase and not itself a time, an amount or an event."""
    if trigger.nominal:
        return None
    verb = trigger.token
    if fold(verb.lemma_) in rules.words.theme_verbs:
        return None
    if is_passive(verb):  # "every offer of talks has been turned down by the junta"
        if rules.event_types[trigger.type].plover not in rules.words.passive_issue_roots:
            return None
        subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)
        return subject if subject is not None and subject.pos_ == "NOUN" and not is_actorish(subject, rules) \
            and fold(subject.lemma_) not in rules.noun_triggers else None
    aimed = [o for c in verb.children if c.dep_ == "prep" and fold(c.text) in rules.words.instrument_preps
             for o in c.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
    candidates = [c for c in verb.children if c.dep_ == "dobj" and c.i not in trigger.consumed]
    if aimed and any(c.dep_ == "dobj" for c in verb.children):
        candidates = aimed  # "fired water cannon at the boat": the cannon is what it used
    for obj in candidates:
        if obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in TIME_ENTS or obj.ent_type_ == "CARDINAL":
            continue
        if (fold(obj.lemma_) in rules.noun_triggers and fold(obj.lemma_) not in rules.words.document_nouns) \
                or fold(obj.text) in RELATIVE_PRONOUNS:
            continue  # an event is no thing done to; a document is ("rejected the memorandum")
        return obj
    return None


# ----------------------------------------------------------------------------- verbs


def is_passive(verb: Token) -> bool:
    """Passive voice: a passive subject or auxiliary, or a bare past participle modifying a noun."""
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) and not any(
            c.dep_ == "aux" and fold(c.lemma_) == "have" for c in verb.children):
        return True  # a headline's "gendarmerie attacked by militants"
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl") and not any(
            c.dep_ in SUBJECTS or (c.dep_ == "aux" and fold(c.lemma_) == "have") for c in verb.children):
        return True  # "soldiers killed in the raid" (but "reports that troops had attacked" is active)
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and (
            not _own_subject(verb) or not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return is_passive(verb.head)  # (also with a subject that shares the auxiliary: "were killed and 34 wounded")
    return False


def _own_subject(verb: Token) -> Token | None:
    """A verb's subject; of several (a misparsed lead "in Cancun, Quintana Roo, workers
    demonstrated"), the one nearest before the verb."""
    subjects = []
    for child in verb.children:
        if child.dep_ not in SUBJECTS + PASSIVE_SUBJECTS or child.dep_ == "expl":
            continue
        if _in_dateline(child):  # "ISTANBUL -- President Erdogan gave ...": the apposition acts
            child = next((c for c in child.children if c.dep_ == "appos" and not _in_dateline(c)), None)
        if child is not None:
            subjects.append(child)
    before = [c for c in subjects if c.i < verb.i]
    if before:
        return before[-1]
    return subjects[0] if subjects else None


def _in_dateline(token: Token) -> bool:
    """A word of a news dateline ("THE HAGUE, Netherlands --", "KABUL (AP) -"): not a subject.

    A dateline opens the sentence, is all capitalised words, punctuation and parentheses, and
    ends at a dash.
    """
    if token.is_alpha and token.is_lower:
        return False  # (without looking for its sentence)
    return remembered("dateline_subject", token, _opens_with_dateline)


def _opens_with_dateline(token: Token) -> bool:
    sentence = token.sent
    for dash in sentence[: min(len(sentence), 10)]:
        if dash.text in ("--", "—", "–", "-") and dash.whitespace_ and dash.i > token.i:
            lead = sentence.doc[sentence.start : dash.i]
            return all(not t.is_lower for t in lead if t.is_alpha)
        if dash.is_alpha and dash.is_lower:
            return False
    return False


def clause_subject(verb: Token, depth: int = 0, rules: Rules | None = None) -> Token | None:
    """The subject of a verb, inherited through coordination, control and relative clauses; with
    ``rules``, a means is not its user ("used drones to attack": whoever used them attacks)."""
    if depth > 6:
        return None
    subject = _own_subject(verb)
    if subject is not None:
        if fold(subject.text) in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return subject
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return None
    if dep == "relcl":
        return head
    if dep == "acl" and head.pos_ == "NOUN" and any(c.tag_ == "TO" for c in verb.children):
        return _noun_agent(head, depth)  # "a failed attempt to seize the airport", "plans to attack"
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    if dep == "amod" and verb.tag_ == "VBN":
        return head
    if dep == "pcomp" and head.dep_ == "prep" and fold(head.text) in ("of", "from", "for", "with"):
        # object control through a preposition: "accused Paris of ignoring", "stopped X from leaving",
        # "charged the activists with inciting"; the parser may hang the preposition on the object
        if head.head.dep_ in ("dobj", "dative") and head.head.head.pos_ in ("VERB", "AUX"):
            return head.head
        obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and head.head.pos_ in ("VERB", "AUX"):
            return obj
    if dep == "pcomp" and head.dep_ == "prep":
        return clause_subject(head.head, depth + 1, rules) if head.head.pos_ in ("VERB", "AUX") else None
    if dep == "xcomp":
        user = clause_subject(head, depth + 1, rules) if rules is not None \
            and fold(head.lemma_) in rules.words.instrument_verbs else None
        if user is not None:
            return user
        # object control: "allowing Goita to maintain", "urged the junta to release"
        for child in head.children:
            if child.dep_ in ("dobj", "dative") and child.i < verb.i:
                return child
        return clause_subject(head, depth + 1, rules)
    if dep in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, depth + 1, rules)
    if dep in ("acomp", "attr") and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, depth + 1, rules)  # "X is willing to withdraw", "X was ready to sign"
    return None


def _noun_agent(noun: Token, depth: int = 0) -> Token | None:
    """Who does what a noun of intent or effort names: its possessor or "by"-phrase ("Kyiv's plan",
    "an attempt by X"), the object of the verb it hangs on ("accused Ukraine of an attempt to"), or
    that verb's subject ("X made an attempt to", "X announced plans to")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and fold(child.text) == "by":
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and fold(head.text) in ("of", "for"):
        if head.head.pos_ in ("VERB", "AUX"):
            obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative")), None)
            return obj if obj is not None else clause_subject(head.head, depth + 1)
        if head.head.dep_ in ("dobj", "dative"):  # "accused [the rebels of an attempt]", as parsed
            return head.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, depth + 1)
    return None


def _agent_phrase(verb: Token, rules: Rules) -> Token | None:
    """The object of a passive "by"-phrase, unless it is an amount or a time ("by five years")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    if obj.ent_type_ in TIME_ENTS or obj.ent_type_ == "CARDINAL" or fold(obj.lemma_) in rules.words.non_agent_nouns:
                        return None
                    return obj
    return None


def _counts_actors(token: Token, rules: Rules) -> bool:
    """"Dozens" in "dozens of soldiers": a count whose "of"-phrase names the actors."""
    return fold(token.lemma_) in rules.words.quantity_heads or token.like_num or token.ent_type_ == "CARDINAL"


def _recipient_within(phrase: Token, rules: Rules) -> Token | None:
    """The actor or place a "to/for"-phrase anywhere inside a moved thing's phrase names."""
    for token in phrase.subtree:
        if token.dep_ == "prep" and fold(token.text) in ("to", "for", "into") and token.i > phrase.i:
            for obj in token.children:
                if obj.dep_ == "pobj":
                    found = actor_within(obj, rules)
                    if found is not None:
                        return found
                    if _is_place(obj, rules) or obj.ent_type_ in ("GPE", "LOC"):
                        return obj
    return None


def _complement_target(verb: Token, rules: Rules, depth: int = 0) -> Token | None:
    """The target of the clause a verb of consent or refusal governs ("agreed to extend the
    mission in Kosovo" -> Kosovo; "refused to meet the envoy" -> the envoy)."""
    for child in verb.children:
        if child.dep_ not in ("xcomp", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        own_subject = _own_subject(child)
        if child.dep_ == "ccomp" and own_subject is not None and is_actorish(own_subject, rules):
            return own_subject  # "demanded that the government resign"
        _, found = _verbal_arguments(Trigger(child, "", fold(child.lemma_), False), rules)
        if found is not None:
            return found
        for obj in child.children:
            if obj.dep_ in ("dobj", "dative"):
                found = _prep_target(obj, rules, actors_only=True, places=True)
                if found is not None:
                    return found
        found = _prep_target(child, rules, actors_only=True, places=True)
        if found is None and depth < 1:
            found = _complement_target(child, rules, depth + 1)
        if found is not None:
            return found
    return None


def _prep_target(head: Token, rules: Rules, skip: tuple[str, ...] = (), actors_only: bool = False,
                 places: bool = False) -> Token | None:
    """The object of the first target preposition under ``head`` ("on X", "against X", "with X").

    With ``actors_only``, an object that is not an actor is replaced by the actor it is about
    ("strikes against Hamas targets" -> Hamas) or skipped.
    """
    best, best_strong = None, False
    for child in head.children:
        word = fold(child.text)
        allowed = word in rules.words.target_preps or (places and word in rules.words.destination_preps)
        prepositional = child.dep_ == "prep" or (child.dep_ in rules.labels.indirect_objects and child.pos_ == "ADP")
        if prepositional and allowed and word not in skip:  # "gave support to the rebels" parses "to" as dative
            for obj in child.children:
                if obj.dep_ == "pobj" and fold(obj.lemma_) in rules.words.companion_nouns:
                    continue  # "fought on the side of the army": the army is on the agent's side
                if obj.dep_ == "pobj" and obj.ent_type_ not in TIME_ENTS and (places or not _is_place(obj, rules)):
                    if places and _is_place(obj, rules) and fold(child.text) in rules.words.destination_preps:
                        pass  # a destination or theatre named as a place stands as the target
                    elif actors_only:
                        obj = actor_within(obj, rules)
                        if obj is None:
                            continue
                    strong = fold(child.text) in rules.words.strong_target_preps
                    if best is None or (strong and not best_strong):
                        best, best_strong = obj, strong
    return best


def _is_place(token: Token, rules: Rules) -> bool:
    if token.ent_type_ in ("LOC", "FAC"):
        return True
    if token.ent_type_ == "GPE":
        return fold(token.head.text) in rules.words.place_preps
    return fold(token.lemma_) in rules.words.region_nouns


def _verbal_arguments(trigger: Trigger, rules: Rules) -> tuple[Token | None, Token | None]:
    verb = trigger.token
    consumed = set(trigger.consumed)
    if trigger.key == DEMAND_KEY:  # "Egypt says Ethiopia must stop the filling": Egypt -> Ethiopia
        clause = verb.doc[trigger.consumed[0]]
        return _resolve_relative(clause_subject(verb)), _own_subject(clause)
    if verb.pos_ == "VERB" and (verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.dep_ == "acl"):
        # "the judge ordered nine ex-ministers jailed": the object is the patient, the orderer acts
        # (also where the small model tags the participle a past tense)
        governor = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else verb.head
        patient = verb.head if verb.dep_ == "acl" else next(
            (c for c in governor.children if c.dep_ in ("dobj", "nsubj") and governor.i < c.i < verb.i), None) or next(
            (c for c in verb.children if c.dep_ in SUBJECTS and governor.i < c.i < verb.i), None)  # "[them] jailed"
        if patient is not None and verb.dep_ in ("acl", "xcomp", "oprd", "ccomp") \
                and fold(governor.lemma_) in rules.words.causative_verbs:
            return _resolve_relative(clause_subject(governor)), patient
    subject = clause_subject(verb, rules=rules)
    if is_passive(verb):
        target = subject if subject is not None and subject.i not in consumed else None
        if target is not None and (target.like_num or target.ent_type_ == "CARDINAL") \
                and not any(c.dep_ == "prep" and fold(c.text) == "of" for c in target.children):
            pass  # "three were killed and 34 wounded": the count stands for its people
        elif target is not None and target.pos_ == "NOUN" and not target.text[:1].isupper() \
                and not is_actorish(target, rules) and not _counts_actors(target, rules):
            # "the bookmark was returned to Spanish authorities": the thing moved is not the target
            target = _prep_target(verb, rules, skip=("by",), actors_only=True)
        if fold(verb.lemma_) in rules.words.theme_verbs:
            target = _prep_target(verb, rules, actors_only=True)
        agent = _agent_phrase(verb, rules)
        if target is None and subject is not None and subject.i in consumed:
            agent = agent or _owner(subject, rules)
    else:
        agent = _accused_of(verb, rules) or subject
        target = None
        theme = fold(verb.lemma_) in rules.words.theme_verbs
        for child in verb.children:
            kept = child.i not in consumed or is_actorish(child, rules)  # "summoned France's ambassador"
            if child.dep_ == "dative" or (child.dep_ in OBJECTS and kept and not theme):
                target = actor_within(_resolve_relative(child), rules)  # "the groups that Ankara blames"
                for sibling in (c for c in child.children if c.dep_ == "conj"):
                    target = target or actor_within(sibling, rules)  # "the act and the threats made by X"
                break
            if theme and child.dep_ == "dobj" and target is None:
                target = _recipient_within(child, rules)  # "a loan to Ukraine", "$2 million in aid to Fiji"
            if theme and child.dep_ == "dobj" and agent is None:
                agent = _owner(child, rules)  # "withdraw its troops"
        for index in consumed:  # "rejected an Armenian proposal", "held talks with Kenyatta"
            part = verb.doc[index]
            if target is None and part.dep_ in OBJECTS:
                target = next((c for c in part.lefts if c.dep_ in ("poss", "amod", "compound")
                               and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") and is_actorish(c, rules)), None)
            target = target or _prep_target(part, rules, skip=("of",), actors_only=True)
        if target is not None and target.dep_ in rules.labels.possessors and target.pos_ == "PRON":
            # "closed its border with Rwanda": the one it is closed against, not its owner
            target = _prep_target(verb, rules, actors_only=True) or target
        if target is None:
            target = _prep_target(verb, rules, actors_only=True, places=theme)
        if target is None:
            target = _object_of_participle(verb, rules)
        if target is None and relative_object(verb, rules) is not None and is_actorish(verb.head, rules):
            target = verb.head  # "the man the police arrested"
        if target is None and fold(verb.lemma_) in rules.words.complement_verbs:
            target = _complement_target(verb, rules)
        if agent is None:
            for index in consumed:
                agent = agent or _owner(verb.doc[index], rules)
    if agent is not None and agent.pos_ == "NOUN" and fold(agent.lemma_) in rules.words.document_nouns:
        agent = _document_owner(agent, rules) or agent
    if agent is not None and not is_actorish(agent, rules) and fold(agent.text) not in RELATIVE_PRONOUNS:
        # "Pakistani airstrikes targeted", but not "where the Mali and Niger borders meet", nor
        # "his detention nullified the deal": who undergoes the event a noun names does not act
        lemma = fold(agent.lemma_)
        within = None if lemma in rules.words.region_nouns else actor_within(agent, rules)
        undergoes = within is not None and within.dep_ in rules.labels.possessors and within.head.i == agent.i \
            and rules.poss_role.get(rules.noun_triggers.get(lemma, ""), "agent") == "target"
        agent = None if undergoes or lemma in rules.words.region_nouns else within or agent
    return _resolve_relative(agent), _resolve_relative(target)


def _document_owner(document: Token, rules: Rules) -> Token | None:
    """Who speaks through a document: its owner ("HRW's report", "a Human Rights Watch report") or
    whoever issued it ("the ministry issued a statement rejecting ...")."""
    owner = _owner(document, rules)
    if owner is not None:
        return owner
    named = next((c for c in document.children if c.dep_ in rules.labels.compounds and is_actorish(c, rules)), None)
    if named is not None:
        return named
    if document.dep_ in rules.labels.direct_objects and document.head.pos_ == "VERB":
        return clause_subject(document.head)
    return None


def relative_object(verb: Token, rules: Rules, clause: bool = False) -> Token | None:
    """The noun a relative clause without an object of its own is about, as the verb's object:
    "an accusation Rwanda has denied", "the man the police arrested", whatever the parser made of
    the relative word ("groups [that] Ankara holds responsible"). With ``clause``, also when the verb
    governs a clause (which the parser may make of what is said of the object)."""
    labels = rules.labels
    if verb.dep_ not in labels.relative_clauses or is_passive(verb):
        return None
    subject = _own_subject(verb)
    if subject is None or fold(subject.text) in RELATIVE_PRONOUNS:
        return None
    if any(c.dep_ in labels.objects - labels.object_predicates or (not clause and c.dep_ in labels.open_clauses)
           for c in verb.children):
        return None  # (a predicate of the object, "holds [responsible]", leaves the object's place open)
    return verb.head


def _accused_of(verb: Token, rules: Rules) -> Token | None:
    """"X denied allegations of backing Y", "X faces accusations of arming Y": what an accusation
    names under "of" is done by the one who denies it or faces it."""
    labels = rules.labels
    preposition = verb.head
    if verb.dep_ not in labels.preposition_clauses or fold(preposition.text) != "of":
        return None
    noun = preposition.head
    if noun.pos_ != "NOUN" or not rules.predicate("allegation").has(fold(noun.lemma_), "nouns") \
            or noun.dep_ not in labels.objects or noun.head.pos_ != "VERB":
        return None
    holder = noun.head
    lemma = fold(holder.lemma_)
    if lemma in rules.words.undergo_verbs or any(rules.predicate(name).has(lemma, "verbs") for name in ("denial", "dismissal")):
        return clause_subject(holder)
    return None


def _object_of_participle(verb: Token, rules: Rules) -> Token | None:
    """"would kill deposed President X": the small parser makes the adjectival participle a verb of
    its own and gives it the object; the object belongs to the verb before it."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    participle = doc[verb.i + 1]
    if participle.tag_ != "VBN" or participle.head.i not in (verb.i, verb.head.i):
        return None
    obj = next((c for c in participle.children if c.dep_ == "dobj"), None)
    return actor_within(obj, rules) if obj is not None else None


def actor_within(token: Token, rules: Rules, depth: int = 0) -> Token | None:
    """The actor a non-actor phrase is about: "a U.S. court decision" -> court, "Trump's ban" ->
    Trump, "a bid by Sharon" -> Sharon, "the draft proposed by the Council" -> the Council."""
    if is_actorish(token, rules):
        return token
    if depth > 2 or token.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    children = list(token.children)
    partnered = any(c.dep_ == "prep" and fold(c.text) == "with" for c in children)
    for child in children:
        if child.dep_ == "poss" and is_actorish(child, rules) and not (partnered and child.pos_ == "PRON"):
            return child  # (but "closed its border with Rwanda": the partner, not its own)
    for child in children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < token.i and is_actorish(child, rules):
            return child
    for child in children:
        if child.dep_ in rules.labels.appositions and child.pos_ == "PROPN" and is_actorish(child, rules):
            return child  # "accused the force, Minusma, of ...": the force the name says
    for child in children:
        through_target = fold(child.text) in rules.words.strong_target_preps and fold(token.lemma_) not in rules.noun_triggers
        partner = fold(child.text) == "with" and fold(token.lemma_) not in rules.noun_triggers  # "its border with Rwanda"
        if child.dep_ == "prep" and (fold(child.text) in ("of", "by", "from", "for") or through_target or partner):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = actor_within(obj, rules, depth + 1)
                    if found is not None:
                        return found
        if child.dep_ == "acl" and child.tag_ == "VBN" and fold(child.lemma_) not in rules.words.broker_verbs:
            agent = _agent_phrase(child, rules)  # (but "a truce mediated by the AU": the broker is no party)
            if agent is not None and is_actorish(agent, rules):
                return agent
    return None


def _owner(token: Token, rules: Rules) -> Token | None:
    """The possessor of a non-actor noun ("the junta's transition period" -> the junta)."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
    return None


def _resolve_relative(token: Token | None) -> Token | None:
    if token is not None and fold(token.text) in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


# ----------------------------------------------------------------------------- nouns


def _nominal_arguments(trigger: Trigger, rules: Rules) -> tuple[Token | None, Token | None]:
    noun = trigger.token
    agent = target = None
    of_role = "target" if fold(noun.lemma_) in rules.words.patient_of_nouns else rules.of_role.get(trigger.type, "target")
    if noun.dep_ == "pobj" and fold(noun.head.text) == "in":
        of_role = "target"  # "marched in support of the mayor", "in solidarity of": the one supported
    poss_role = rules.poss_role.get(trigger.type, "agent")
    consumed = set(trigger.consumed)
    for child in noun.children:
        if child.i in consumed:
            continue
        if child.dep_ == "poss" and child.ent_type_ in TIME_ENTS:
            continue  # "last week's attack": a time, not its agent
        if child.dep_ == "poss":
            if poss_role == "agent":
                agent = agent or child
            else:
                target = target or child
        elif child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            if not is_actorish(obj, rules):
                inner_agent, inner_target = _look_through(obj, rules)
                agent = agent or inner_agent
                target = target or inner_target
            elif of_role == "agent":
                agent = agent or obj
            else:
                target = target or obj
        elif child.dep_ == "prep" and child.lower_ in ("between", "among", "amongst"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and is_actorish(obj, rules):  # "cooperation between X and Y": both take part
                agent = agent or obj
        elif child.dep_ == "prep" and child.lower_ == "by":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and is_actorish(obj, rules):
                agent = agent or obj
        elif child.dep_ == "prep" and child.lower_ == "from" and not governed_by_undergo_verb(noun, rules):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and is_actorish(obj, rules) and not _is_place(obj, rules):
                agent = agent or obj  # "return fire from the rebels", "calls from the UN"
        elif _names_actor(child, rules) and not (trigger.type in rules.words.located_types
                                                  and _names_country(child, rules)):
            if poss_role == "target" and of_role == "target" and child.ent_type_ == "PERSON":
                target = target or child
            else:
                agent = agent or child
    if agent is None and rules.predicate("request").has(fold(noun.lemma_), "nouns"):
        # "calls for calm from regional leaders": the parser hangs the callers on what is called for
        agent = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
                      for content in c.children if content.dep_ == "pobj"
                      for f in content.children if f.dep_ == "prep" and f.lower_ == "from"
                      for o in f.children if o.dep_ == "pobj" and is_actorish(o, rules) and not _is_place(o, rules)), None)
        target = None if agent is not None and target is not None and target.i == agent.i else target
    laid_on = _laid_on(noun, rules)
    if laid_on is not None:  # "blamed the bombing on the PKK": the PKK did it, it was not done to them
        agent = laid_on
        target = target if target is None or target.i != laid_on.i else None
    governed_by_undergo = governed_by_undergo_verb(noun, rules)
    if target is None:
        obj = _prep_target(noun, rules, skip=("of", "by", "from") if governed_by_undergo else ("of", "by"))
        if obj is not None:
            if is_actorish(obj, rules):
                target = obj
            elif fold(obj.lemma_) in rules.words.abstract_heads or _owner(obj, rules) is not None:
                inner_agent, inner_target = _look_through(obj, rules)
                target = inner_agent or inner_target
            else:
                target = actor_within(obj, rules)  # "an attack against an army base" -> the army
    if target is None and agent is not None and agent.dep_ == "pobj" and fold(agent.head.text) == "by":
        target = _prep_target(agent, rules, skip=("of", "by")) if any(
            fold(c.text) in rules.words.strong_target_preps for c in agent.children if c.dep_ == "prep") else None
    if agent is not None and agent.dep_ == "poss" and agent.pos_ == "PRON" and noun.dep_ == "pobj" \
            and fold(noun.head.head.lemma_) in rules.words.answerable_verbs:
        agent = None  # "thanked Russia for its support": the one thanked is the one who supported
    if target is None and rules.event_types[trigger.type].plover == "ACCUSE":
        target = _answerer(noun, agent, rules)
    if agent is None or target is None:
        governor_agent, governor_target = _from_governor(noun, rules)
        agent = agent or governor_agent
        target = target or governor_target
    if agent is not None and target is not None and agent.i == target.i:
        target = None
    return _resolve_relative(agent), _resolve_relative(target)


def governed_by_undergo_verb(noun: Token, rules: Rules) -> bool:
    """"Iran faces criticism from the U.N.": a noun its verb's subject suffers."""
    return noun.dep_ in ("dobj", "pobj") and fold(
        (noun.head.head if noun.dep_ == "pobj" else noun.head).lemma_) in rules.words.undergo_verbs


def _names_actor(child: Token, rules: Rules) -> bool:
    """A modifier of a nominal event that names its agent: "Islamist insurgency", "army raid"."""
    if child.dep_ == "amod":
        return child.ent_type_ in ("NORP", "ORG", "GPE")
    return child.dep_ in ("compound", "nmod") and is_actorish(child, rules)


def _names_country(token: Token, rules: Rules) -> bool:
    gazetteer = rules.gazetteer
    return gazetteer.country(token.text) is not None or gazetteer.country_of_demonym(token.text) is not None


def _look_through(obj: Token, rules: Rules) -> tuple[Token | None, Token | None]:
    """Arguments of an abstract noun: its owner is the agent, its "with/against" object the target."""
    owner = _owner(obj, rules)
    inner = _prep_target(obj, rules, skip=("of",))
    if inner is not None and not is_actorish(inner, rules):
        inner = None
    if owner is None:
        for child in obj.children:
            if child.dep_ in ("amod", "compound") and is_actorish(child, rules):
                owner = child
    return owner, inner


def _laid_on(noun: Token, rules: Rules) -> Token | None:
    """Who an event noun is laid on by a verb that attributes it ("blamed the bombing on the PKK",
    "attributed the killings to the army"): the actor of its "on" or "to" phrase, on the noun or the verb."""
    verb = noun.head
    laid = [c for c in noun.children if c.dep_ in rules.labels.noun_clauses and c.tag_ == "VBN"
            and fold(c.lemma_) in rules.words.attributing_verbs]  # "the attack, blamed on the gang"
    if laid:
        verb = laid[0]
    elif noun.dep_ not in rules.labels.direct_objects | rules.labels.passive_subjects \
            or fold(verb.lemma_) not in rules.words.attributing_verbs:
        return None
    for child in (*noun.children, *verb.children):
        if child.dep_ in rules.labels.preposition and fold(child.text) in ("on", "to", "upon"):
            for obj in child.children:
                if obj.dep_ in rules.labels.preposition_objects and is_actorish(obj, rules):
                    return obj
    return None


def _answerer(noun: Token, agent: Token | None, rules: Rules) -> Token | None:
    """Who answers an accusation is whom it is against: "the militia has not responded to the French
    allegations", "the ministry rejected the accusations"."""
    verb = noun.head.head if noun.dep_ in rules.labels.preposition_objects and noun.head.dep_ in rules.labels.preposition \
        else noun.head if noun.dep_ in rules.labels.direct_objects else None
    if verb is None or verb.pos_ != "VERB" or fold(verb.lemma_) not in rules.words.response_verbs:
        return None
    subject = clause_subject(verb)
    if subject is None or not is_actorish(subject, rules) or (agent is not None and subject.i == agent.i):
        return None
    return subject


def _from_governor(noun: Token, rules: Rules) -> tuple[Token | None, Token | None]:
    """Arguments a nominal event takes from the verb that governs it.

    - support verbs: "X launched an attack", "X came to power through a coup" -> X is the agent;
    - suffering verbs: "Mali grapples with an insurgency" -> Mali is the target;
    - participles: "those caught up in the crackdown", "soldiers killed in the raid" -> the target.
    """
    while noun.dep_ in rules.labels.conjuncts and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head  # "killed four guards in a car bombing and gun attack": both theirs
    head = noun.head
    if noun.dep_ == "pobj" and fold(head.text) == "of" and (
            fold(head.head.lemma_) in rules.words.event_chain_nouns or fold(head.head.lemma_) in rules.words.quantity_heads
            or head.head.like_num):
        noun, head = head.head, head.head.head  # "began a new round of exercises", "carried out dozens of strikes"
    plan = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else None
    if plan is not None and plan.pos_ == "NOUN" and rules.predicate("future").has(fold(plan.lemma_), "nouns"):
        # "her country has no plans for military action", "the junta's plans for an offensive": the planner's
        planner = _owner(plan, rules) or (clause_subject(plan.head) if plan.dep_ in OBJECTS
                                          and plan.head.pos_ in ("VERB", "AUX") else None)
        if planner is not None:
            return planner, None
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        involved = _involved(head, rules)
        if involved is not None:
            return involved, None
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        preposition = fold(head.text)
        verb = head.head
    elif noun.dep_ in ("dobj", "nsubjpass", "attr"):
        preposition = None
        verb = head
    else:
        return None, None
    if verb.pos_ not in ("VERB", "AUX") or describes(verb, rules):
        return None, None  # "called the deal illegal": the deal is not the caller's
    lemma = fold(verb.lemma_)
    if lemma in rules.words.undergo_verbs:
        # "Iran faces criticism from the U.N.": the subject suffers, the "from/by" phrase acts
        source = next((o for c in (*noun.children, *verb.children) if c.dep_ == "prep" and fold(c.text) in ("from", "by")
                       for o in c.children if o.dep_ == "pobj" and is_actorish(o, rules)), None)  # "drew fire from X"
        return source, clause_subject(verb)
    if preposition in ("for", "of", "with") and lemma in rules.words.answerable_verbs:
        # "blamed the rebels for the attack", "arrested X for the killing", "thanked Russia for its aid":
        # the object answers for the event
        objects = (actor_within(_resolve_relative(c), rules) for c in verb.children if c.dep_ in ("dobj", "dative"))
        answerable = next((o for o in objects if o is not None), None)  # (also "the groups that X blames for")
        if answerable is None and head.head.dep_ in ("dobj", "dative") and is_actorish(head.head, rules):
            answerable = head.head  # the preposition hung on the object: "accused the rebels of the killing"
        if answerable is None and verb.dep_ in rules.labels.noun_clauses and verb.tag_ == "VBN" \
                and is_actorish(verb.head, rules):
            answerable = verb.head  # "soldiers accused of the massacre"
        if answerable is not None:
            return answerable, None
    if preposition == "under" and clause_subject(verb) is not None:
        return None, clause_subject(verb)  # "two villages were under Turkish bombardment", "came under fire"
    if preposition in ("for", "toward", "towards") and clause_subject(verb) is not None:
        return clause_subject(verb), None  # "mobilized troops for a war against Iraq"
    violent = lemma in rules.verb_triggers and rules.event_types[rules.verb_triggers[lemma]].plover == "ASSAULT"
    if preposition in ("in", "during") and violent:
        # "militants killed four guards in a car bombing", "60 villagers were shot by
        # gunmen during attacks on the villages": who did the one did the other, to the same victims
        if is_passive(verb):
            victim = clause_subject(verb)
            return _agent_phrase(verb, rules), _among(victim) if victim is not None else None
        return clause_subject(verb), next((c for c in verb.children if c.dep_ in OBJECTS), None)
    if preposition == "during" and not is_actorish(noun, rules) and not is_passive(verb) \
            and fold(noun.lemma_) in rules.noun_triggers \
            and rules.event_types[rules.noun_triggers[fold(noun.lemma_)]].plover == "CONSULT":
        return clause_subject(verb), None  # "the president told reporters during a visit to Oslo"
    if preposition == "in" and verb.tag_ == "VBN":
        victim = clause_subject(verb)
        return None, _among(victim) if victim is not None else None
    rejecting = noun.dep_ == "dobj" and lemma in rules.verb_triggers \
        and rules.event_types[rules.verb_triggers[lemma]].plover == "REJECT"
    if rejecting and any(rules.predicate(name).has(fold(noun.lemma_), "nouns") for name in ("request", "commitment")):
        return None, clause_subject(verb)  # "rejected appeals to release her": the appeals were made to the rejecter
    if rejecting and fold(noun.lemma_) in rules.words.document_nouns:
        return None, None  # "rejected the memorandum": someone else's agreement, not the rejecter's
    if lemma in rules.words.complement_verbs and (preposition in (None, "to", "on") and noun.dep_ != "nsubjpass"):
        return clause_subject(verb), None  # "agreed to an end of the fighting", "refused talks"
    if lemma in rules.words.support_verbs:
        if noun.dep_ == "nsubjpass":  # "the war game was staged by X and Y"
            return _agent_phrase(verb, rules), None
        # "granted a pardon to X", "imposed sanctions ... on X": the verb carries the target
        return clause_subject(verb), _prep_target(verb, rules, skip=("of", "by"), actors_only=True)
    return None, None


def _involved(preposition: Token, rules: Rules) -> Token | None:
    """Who takes part in an event named under a word of involvement: "Kigali played no part in the
    raid", "X was behind the raid", "claimed responsibility for the bombing", "had nothing to do
    with the raid", "is responsible for the ambush"."""
    words = rules.words.involvement_words
    holder = preposition.head
    if fold(preposition.text) not in words and fold(holder.lemma_) not in words:
        return None
    if holder.pos_ in ("VERB", "AUX"):
        if holder.dep_ in ("relcl", "acl") and holder.head.pos_ in ("PRON", "NOUN"):
            holder = holder.head  # "nothing to do with", "no connection to"
        else:
            return clause_subject(holder)
    if holder.pos_ in ("NOUN", "PRON"):
        owner = _owner(holder, rules)
        if owner is not None:
            return owner
        if holder.dep_ in OBJECTS + ("attr",) and holder.head.pos_ in ("VERB", "AUX"):
            return clause_subject(holder.head)
        return None
    if holder.pos_ == "ADJ" and holder.dep_ in rules.labels.adjective_modifiers and holder.head.i < holder.i \
            and holder.head.dep_ in OBJECTS:
        return holder.head  # "holds the militias responsible", parsed as "the militias responsible"
    if holder.pos_ == "ADJ" and holder.head.pos_ in ("VERB", "AUX"):
        # "holds the PKK responsible", "groups that Ankara holds responsible": the adjective is said of
        # its own subject or of the verb's object, not of the one who holds
        said_of = next((c for c in holder.children if c.dep_ in SUBJECTS), None) or next(
            (c for c in holder.head.children if c.dep_ in OBJECTS and c.i != holder.i), None) or relative_object(holder.head, rules, clause=True) \
            if holder.dep_ != "acomp" else None
        return said_of if said_of is not None else clause_subject(holder.head)
    return None


def _among(token: Token) -> Token:
    """"X were among those caught": a demonstrative under "among" stands for the copula's subject."""
    if fold(token.text) in ("those", "them", "these") and token.dep_ == "pobj" and fold(token.head.text) == "among":
        verb = token.head.head
        subject = _own_subject(verb)
        if subject is not None:
            return subject
    return token


# ----------------------------------------------------------------------------- coordination and lists


def _expand(head: Token, rules: Rules) -> list[Token]:
    """The actors a phrase names: itself, its conjuncts, or the members it lists ("such as X and Y")."""
    members = _listed_members(head, rules)
    if members:
        return members
    for child in head.children:  # "the ministers of Kenya and Uganda": each country is a party
        if child.dep_ == "prep" and fold(child.text) == "of":
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("GPE", "NORP", "ORG") and any(c.dep_ == "conj" for c in obj.children):
                return _expand(obj, rules)
    heads = [head]
    for child in head.children:  # "Pakistan and Afghanistan's intelligence services": two parties
        if child.dep_ == "poss" and any(c.dep_ == "conj" for c in child.children):
            heads.append(child)
    stack = [head]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                heads.append(child)
                stack.append(child)
    # "Moussa Mara and Choguel Maiga" can be parsed with "Mara" inside a compound of "Maiga"
    for child in head.lefts:
        if child.dep_ == "compound" and child.ent_type_ == "PERSON" and head.ent_type_ == "PERSON":
            if any(c.dep_ == "cc" for c in child.children) or any(t.dep_ == "cc" for t in child.subtree):
                heads.append(child)
    return sorted(set(heads), key=lambda t: t.i)


def _listed_members(head: Token, rules: Rules) -> list[Token]:
    """Named members of a generic phrase: "figures such as X and Y", "soldiers, including X"."""
    for child in head.children:
        if child.dep_ == "prep":
            marker = fold(child.text)
            doc = child.doc
            pairs = (fold(doc[child.i : child.i + 2].text), fold(doc[max(child.i - 1, 0) : child.i + 1].text))
            if marker in rules.words.example_markers or any(p in rules.words.example_markers for p in pairs):
                obj = next((c for c in child.subtree if c.dep_ == "pobj"), None)
                if obj is not None:
                    return _expand(obj, rules)
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            return _expand(child, rules)
    return []
