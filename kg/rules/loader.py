"""Load the extraction knowledge of one language (``kg/rules/en/``) into one :class:`Rules` object.

Rules are data (TOML, TSV); this module only reads, checks and indexes them. It refuses, with the
file and the key named, anything it cannot use: an event type or actor class the ontology does not
define, a key or a list no code reads, a participant kind, relation group or effect it does not
know. A mistake in the rules is an error when they load, never a rule that silently does nothing.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from kg.errors import RulesError
from kg.rdf.scheme import ONTOLOGY_FILE, EventType, actor_classes, event_types
from kg.rules.gazetteer import Gazetteer
from kg.text import fold

RULES_DIR = Path(__file__).resolve().parent / "en"
MODALITIES = ("asserted", "reported", "alleged", "denied", "planned", "hypothetical")
EFFECTS = ("negate", "factual", "not_happened", "requested", "cancelled", "hypothetical", "planned", "denied",
           "alleged", "reported", "not_an_event")
#: Parts of speech a predicate class lists its words by (``words``: any part of speech).
WORD_CLASSES = ("verbs", "nouns", "adjectives", "adverbs", "auxiliaries", "markers", "words")
TRIGGER_KEYS = {"verbs", "nouns", "of", "poss", "weak", "planned_form_of", "agent", "target", "crowd", "agentive"}
PREDICATE_KEYS = {"effect", "phrases", "relations", "source", "agent", "claims_only", "belief", *WORD_CLASSES}
ACTOR_TABLES = {"group": {"type", "sector", "label", "nouns"}, "title": {"type", "sector", "words"},
                "organization": {"type", "sector", "country", "names"}}
#: Participant kinds every sense allows unless it says otherwise.
ANY_ACTOR = "actor"
ISSUE_KIND = "issue"
PLACE_KIND = "place"


@dataclass(frozen=True)
class ActorKind:
    """What a common noun or title says about an actor."""

    type: str
    sector: str
    label: str | None = None


@dataclass(frozen=True)
class Organization:
    """A named organisation from the rules."""

    name: str
    type: str
    sector: str
    country: str | None = None


@dataclass(frozen=True)
class ArgumentWords:
    """Word lists the argument finder consults (``arguments.toml``), folded to lowercase."""

    target_preps: frozenset[str]
    support_verbs: frozenset[str]
    undergo_verbs: frozenset[str]
    quantity_heads: frozenset[str]
    abstract_heads: frozenset[str]
    example_markers: frozenset[str]
    non_agent_nouns: frozenset[str]
    group_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    region_nouns: frozenset[str]
    theme_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    demand_modals: frozenset[str]
    causative_verbs: frozenset[str]
    issue_target_roots: frozenset[str]
    inherited_target_roots: frozenset[str]
    event_object_roots: frozenset[str]
    place_preps: frozenset[str]
    resultative_verbs: frozenset[str]
    circumstance_words: frozenset[str]
    patient_of_nouns: frozenset[str]
    specific_types: tuple[str, ...]
    notion_nouns: frozenset[str]
    relational_nouns: frozenset[str]
    attributing_verbs: frozenset[str]
    broker_verbs: frozenset[str]
    companion_preps: frozenset[str]
    companion_nouns: frozenset[str]
    named_event_groups: frozenset[str]
    sequence_markers: frozenset[str]
    instrument_verbs: frozenset[str]
    foreign_object_roots: frozenset[str]
    passive_issue_roots: frozenset[str]
    naming_verbs: frozenset[str]
    instrument_preps: frozenset[str]
    event_chain_nouns: frozenset[str]
    destination_preps: frozenset[str]
    complement_verbs: frozenset[str]
    involvement_words: frozenset[str]
    light_objects: frozenset[str]
    located_types: frozenset[str]
    document_nouns: frozenset[str]
    hearsay_nouns: frozenset[str]
    answerable_verbs: frozenset[str]
    topic_preps: frozenset[str]
    naming_preps: frozenset[str]
    complement_preps: frozenset[str]
    title_preps: frozenset[str]
    locating_preps: frozenset[str]
    bare_event_roots: frozenset[str]
    strong_target_preps: frozenset[str]
    place_target_roots: frozenset[str]
    country_target_roots: frozenset[str]
    symmetric_types: frozenset[str]
    counterpart_nouns: frozenset[str]
    press_roots: frozenset[str]
    press_nouns: frozenset[str]
    response_verbs: frozenset[str]
    country_nouns: frozenset[str]


@dataclass(frozen=True)
class Labels:
    """The dependency labels of the pipeline, in the groups ``syntax.toml`` names."""

    subjects: frozenset[str]
    passive_subjects: frozenset[str]
    passive_agents: frozenset[str]
    objects: frozenset[str]
    object_predicates: frozenset[str]
    direct_objects: frozenset[str]
    indirect_objects: frozenset[str]
    preposition: frozenset[str]
    preposition_objects: frozenset[str]
    preposition_clauses: frozenset[str]
    open_clauses: frozenset[str]
    infinitive_clauses: frozenset[str]
    reported_clauses: frozenset[str]
    adverbial_clauses: frozenset[str]
    purpose_clauses: frozenset[str]
    noun_clauses: frozenset[str]
    relative_clauses: frozenset[str]
    modifiers: frozenset[str]
    adjective_modifiers: frozenset[str]
    compounds: frozenset[str]
    possessors: frozenset[str]
    numbers: frozenset[str]
    appositions: frozenset[str]
    conjuncts: frozenset[str]
    coordinators: frozenset[str]
    correlatives: frozenset[str]
    particles: frozenset[str]
    negations: frozenset[str]
    auxiliaries: frozenset[str]
    markers: frozenset[str]
    adverbs: frozenset[str]
    attributes: frozenset[str]
    determiners: frozenset[str]
    punctuation: frozenset[str]


@dataclass(frozen=True)
class Predicate:
    """One predicate class of ``predicates.toml``: what its words do to the events they govern."""

    name: str
    effect: str
    words: dict[str, frozenset[str]]  # part of speech (WORD_CLASSES) -> folded lemmas
    phrases: tuple[str, ...] = ()
    relations: frozenset[str] = frozenset()  # dependency labels, from the groups named
    source: bool = False
    agent: str | None = None
    claims_only: bool = False  # acts only on an event a claim carries ("rejected claims that ...")
    belief: bool = False  # a belief or knowledge, whose source yields to a speaker who tells it

    def has(self, lemma: str, kind: str) -> bool:
        """Whether ``lemma`` is a word of this class as a ``kind`` (or under ``words``)."""
        return lemma in self.words.get(kind, ()) or lemma in self.words.get("words", ())


@dataclass(frozen=True)
class Participants:
    """What the actor and the target of an event type may be: participant kinds (``kinds`` in
    ``actors.toml``), each a set of ontology classes; ``weak`` lemmas need one they allow."""

    agent: frozenset[str]
    target: frozenset[str]
    crowd: frozenset[str] = frozenset()  # trigger keys that make this event only when a crowd does it
    things: bool = True  # a thing may be the target (the default; a sense naming its targets names "issue")
    places: bool = True  # a place may be the target (the default; a sense naming its targets names "place")
    agentive: bool = False  # only an actor does it: a thing as its subject tells of another sense


@dataclass
class Rules:
    """Everything the extractor knows, indexed for lookup by lemma or lowercase phrase."""

    event_types: dict[str, EventType]
    verb_triggers: dict[str, str]
    noun_triggers: dict[str, str]
    verb_senses: dict[str, tuple[str, ...]]  # every event type a verb key starts, in the file's order
    of_role: dict[str, str]
    poss_role: dict[str, str]
    weak: set[tuple[str, str]]
    planned_form: dict[str, str]
    words: ArgumentWords
    predicates: dict[str, Predicate]
    labels: Labels
    kinds: dict[str, frozenset[str]]
    participants: dict[str, Participants]
    anaphora: dict[str, frozenset[str]]
    numbered: dict[str, frozenset[str]]
    groups: dict[str, ActorKind]
    titles: dict[str, ActorKind]
    organizations: dict[str, Organization]
    gazetteer: Gazetteer
    organization_names: list[str] = field(default_factory=list)
    acled: dict = field(default_factory=dict)
    intent: dict = field(default_factory=dict)
    tag_fixes: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, directory: Path = RULES_DIR, ontology: Path = ONTOLOGY_FILE) -> "Rules":
        """Read and check the rules in ``directory`` against the ontology."""
        types = event_types(ontology)
        classes = actor_classes(ontology)
        actors = _toml(directory / "actors.toml")
        kinds = _kinds(actors.pop("kinds", {}), classes)
        anaphora = _anaphora(actors.pop("anaphora", {}), kinds)
        numbered = _anaphora(actors.pop("numbered", {}), kinds, "numbered")
        labels = _labels(_toml(directory / "syntax.toml"))
        triggers = _triggers(_toml(directory / "triggers.toml"), types, kinds)
        groups, titles, organizations, organization_names = _actors(actors, classes)
        return cls(
            event_types=types,
            **triggers,
            words=_argument_words(_toml(directory / "arguments.toml"), types),
            predicates=_predicates(_toml(directory / "predicates.toml"), labels),
            labels=labels,
            kinds=kinds,
            anaphora=anaphora,
            numbered=numbered,
            groups=groups,
            titles=titles,
            organizations=organizations,
            gazetteer=Gazetteer(directory / "places.tsv", directory / "demonyms.tsv"),
            organization_names=organization_names,
            acled=_toml(directory / "acled.toml"),
            intent=_intent(_toml(directory / "intent.toml"), types),
            tag_fixes=_tag_fixes(_toml(directory / "tags.toml")),
        )

    def predicate(self, name: str) -> Predicate:
        """A predicate class by name (the classes the code reads are checked when the rules load)."""
        return self.predicates[name]

    @property
    def verb_lemmas(self) -> set[str]:
        """Every verb the rules name by its lemma (trigger keys' first words, the argument finder's
        verb lists, the predicate classes' verbs): the lemmas the pipeline makes sure of."""
        words = self.words
        verbs = {key.split()[0] for key in self.verb_triggers}
        for listed in (words.support_verbs, words.undergo_verbs, words.theme_verbs, words.saying_verbs,
                       words.causative_verbs, words.complement_verbs):
            verbs |= {v.split()[0] for v in listed}
        for predicate in self.predicates.values():
            verbs |= {v.split()[0] for v in predicate.words.get("verbs", ())}
        return {v for v in verbs if v.isalpha()}

    def kind_of(self, actor_type: str) -> set[str]:
        """The participant kinds an actor class belongs to."""
        return {kind for kind, members in self.kinds.items() if actor_type in members}

    @property
    def entity_patterns(self) -> list[dict]:
        """spaCy entity-ruler patterns for countries, demonyms and known organisations.

        Short or all-capital names (``UN``, ``IS``, ``AU``) match case-sensitively, token by token,
        so that ordinary words ("is", "un") never become entities; those of one word are one
        pattern per label (``ORTH IN``), which the matcher tries once at each token instead of once
        for each name.
        """
        patterns: list[dict] = []
        words: dict[str, list[str]] = {}
        seen: set[tuple[str, str]] = set()

        def add(label: str, text: str) -> None:
            if (label, text) in seen:
                return
            seen.add((label, text))
            if len(text.split()) == 1 and (len(text) <= 4 or text.isupper()):
                words.setdefault(label, []).append(text)
            elif len(text) <= 4 or text.isupper():
                patterns.append({"label": label, "pattern": [{"ORTH": part} for part in text.split()]})
            else:
                patterns.append({"label": label, "pattern": text})

        for name in self.gazetteer.country_names:
            add("GPE", name)
        for demonym in self.gazetteer.demonyms_raw:
            add("NORP", demonym)
        for name in self.organization_names:
            add("ORG", name)
        patterns.extend({"label": label, "pattern": [{"ORTH": {"IN": names}}]} for label, names in words.items())
        return patterns


#: Predicate classes the factuality walk reads by name; the rules must define each.
REQUIRED_PREDICATES = ("negation", "success", "failure", "request", "cancellation", "condition", "possibility",
                       "future", "commitment", "command", "denial", "allegation", "report", "boilerplate")


def _toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise RulesError(f"rules file {path} is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path.name}: {exc}") from None


def _unknown(where: str, given, known) -> None:
    extra = sorted(set(given) - set(known))
    if extra:
        raise RulesError(f"{where}: {extra[0]!r} is read by no code; known: {', '.join(sorted(known))}")


def _word_list(where: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(f"{where} must be a list of words")
    return value


def _kinds(table: dict, classes: set[str]) -> dict[str, frozenset[str]]:
    """Participant kinds: a name for a set of actor classes (``actor``: every actor class)."""
    kinds = {ANY_ACTOR: frozenset(classes)}
    for kind, members in table.items():
        for member in _word_list(f"actors.toml: [kinds] {kind}", members):
            if member not in classes and member not in ("Issue", "Place"):
                raise RulesError(f"actors.toml: [kinds] {kind} names {member!r}, not an actor class of the ontology")
        kinds[kind] = frozenset(members)
    return kinds


def _labels(table: dict) -> Labels:
    names = [f.name for f in fields(Labels)]
    _unknown("syntax.toml", table, names)
    missing = [n for n in names if n not in table]
    if missing:
        raise RulesError(f"syntax.toml: the group {missing[0]!r} is missing")
    return Labels(**{n: frozenset(_word_list(f"syntax.toml: {n}", table[n])) for n in names})


def _anaphora(table: dict, kinds: dict[str, frozenset[str]], section: str = "anaphora") -> dict[str, frozenset[str]]:
    """Descriptions that refer back: head noun -> the actor classes its antecedent may be."""
    anaphora = {}
    for noun, named in table.items():
        classes: set[str] = set()
        for kind in _word_list(f"actors.toml: [{section}] {noun}", named):
            if kind not in kinds:
                raise RulesError(f"actors.toml: [{section}] {noun} names the kind {kind!r}; "
                                 f"known kinds ([kinds]): {', '.join(sorted(kinds))}")
            classes |= kinds[kind]
        anaphora[fold(noun)] = frozenset(classes)
    return anaphora


def _triggers(table: dict, types: dict[str, EventType], kinds: dict[str, frozenset[str]]) -> dict:
    verb_triggers: dict[str, str] = {}
    noun_triggers: dict[str, str] = {}
    verb_senses: dict[str, tuple[str, ...]] = {}
    of_role: dict[str, str] = {}
    poss_role: dict[str, str] = {}
    weak: set[tuple[str, str]] = set()
    planned_form: dict[str, str] = {}
    participants: dict[str, Participants] = {}
    for type_name, spec in table.items():
        if type_name not in types:
            raise RulesError(f"triggers.toml: [{type_name}] is not an event type of the ontology")
        _unknown(f"triggers.toml: [{type_name}]", spec, TRIGGER_KEYS)
        for verb in map(fold, _word_list(f"triggers.toml: [{type_name}] verbs", spec.get("verbs", []))):
            verb_triggers.setdefault(verb, type_name)
            if type_name not in verb_senses.setdefault(verb, ()):
                verb_senses[verb] += (type_name,)
        for noun in _word_list(f"triggers.toml: [{type_name}] nouns", spec.get("nouns", [])):
            noun_triggers.setdefault(fold(noun), type_name)
        of_role[type_name] = _role(spec.get("of", "target"), type_name, "of")
        poss_role[type_name] = _role(spec.get("poss", "agent"), type_name, "poss")
        weak.update((type_name, fold(w)) for w in _word_list(f"triggers.toml: [{type_name}] weak", spec.get("weak", [])))
        for base in spec.get("planned_form_of", []):
            if base not in types:
                raise RulesError(f"triggers.toml: [{type_name}] planned_form_of names unknown type {base!r}")
            planned_form[base] = type_name
        sides = {}
        for side in ("agent", "target"):
            named = _word_list(f"triggers.toml: [{type_name}] {side}", spec.get(side, [ANY_ACTOR]))
            for kind in named:
                if kind not in kinds:
                    raise RulesError(f"triggers.toml: [{type_name}] {side} names the kind {kind!r}; "
                                     f"known kinds (actors.toml [kinds]): {', '.join(sorted(kinds))}")
            sides[side] = frozenset(c for kind in named for c in kinds[kind])
        crowd = frozenset(fold(w) for w in _word_list(f"triggers.toml: [{type_name}] crowd", spec.get("crowd", [])))
        for word in crowd:
            verb_triggers.setdefault(word, type_name)
        things = "target" not in spec or ISSUE_KIND in spec["target"]
        places = "target" not in spec or PLACE_KIND in spec["target"]
        agentive = spec.get("agentive", False)
        if not isinstance(agentive, bool):
            raise RulesError(f"triggers.toml: [{type_name}] agentive must be true or false, not {agentive!r}")
        participants[type_name] = Participants(**sides, crowd=crowd, things=things, places=places, agentive=agentive)
    return {"verb_triggers": verb_triggers, "noun_triggers": noun_triggers, "verb_senses": verb_senses, "of_role": of_role,
            "poss_role": poss_role, "weak": weak, "planned_form": planned_form, "participants": participants}


def _role(value: str, type_name: str, key: str) -> str:
    if value not in ("agent", "target"):
        raise RulesError(f"triggers.toml: [{type_name}] {key} must be 'agent' or 'target', not {value!r}")
    return value


def _argument_words(table: dict, types: dict[str, EventType]) -> ArgumentWords:
    names = [f.name for f in fields(ArgumentWords)]
    _unknown("arguments.toml", table, names)
    missing = [n for n in names if n not in table]
    if missing:
        raise RulesError(f"arguments.toml: the list {missing[0]!r} is missing")
    verbatim = ("place_target_roots", "foreign_object_roots", "country_target_roots", "symmetric_types", "bare_event_roots", "inherited_target_roots",
                "event_object_roots", "specific_types", "passive_issue_roots",
                "issue_target_roots", "located_types", "press_roots")  # event-type and PLOVER names keep their case
    roots = {t.plover for t in types.values()}
    for name in verbatim:
        for value in table[name]:
            if value not in roots and value not in types:
                raise RulesError(f"arguments.toml: {name} names {value!r}, neither a PLOVER root nor an event type")
    ordered = ("specific_types",)  # an order of preference, not a set
    return ArgumentWords(**{n: (tuple if n in ordered else frozenset)(
        v if n in verbatim else fold(v) for v in _word_list(f"arguments.toml: {n}", table[n])) for n in names})


def _predicates(table: dict, labels: Labels) -> dict[str, Predicate]:
    predicates = {}
    groups = {f.name for f in fields(Labels)}
    for name, spec in table.items():
        where = f"predicates.toml: [{name}]"
        _unknown(where, spec, PREDICATE_KEYS)
        effect = spec.get("effect")
        if effect not in EFFECTS:
            raise RulesError(f"{where} effect must be one of {', '.join(EFFECTS)}, not {effect!r}")
        relations = set()
        for group in _word_list(f"{where} relations", spec.get("relations", [])):
            if group not in groups:
                raise RulesError(f"{where} relations names {group!r}, not a group of syntax.toml")
            relations |= getattr(labels, group)
        agent = spec.get("agent")
        if agent not in (None, "subject"):
            raise RulesError(f"{where} agent must be 'subject', not {agent!r}")
        predicates[name] = Predicate(
            name=name, effect=effect,
            words={kind: frozenset(fold(w) for w in _word_list(f"{where} {kind}", spec[kind]))
                   for kind in WORD_CLASSES if kind in spec},
            phrases=tuple(fold(p) for p in _word_list(f"{where} phrases", spec.get("phrases", []))),
            relations=frozenset(relations), source=bool(spec.get("source", False)), agent=agent,
            claims_only=bool(spec.get("claims_only", False)), belief=bool(spec.get("belief", False)))
    missing = [n for n in REQUIRED_PREDICATES if n not in predicates]
    if missing:
        raise RulesError(f"predicates.toml: the class [{missing[0]}] is missing")
    return predicates


def _actors(table: dict, classes: set[str]):
    _unknown("actors.toml", table, ACTOR_TABLES)
    for kind, allowed in ACTOR_TABLES.items():
        for entry in table.get(kind, []):
            _unknown(f"actors.toml: [[{kind}]] {entry.get('type', '')}", entry, allowed)
    groups: dict[str, ActorKind] = {}
    for group in table.get("group", []):
        kind = ActorKind(_class(group["type"], classes), group["sector"], group.get("label"))
        for noun in group["nouns"]:
            groups.setdefault(fold(noun), kind)
    titles: dict[str, ActorKind] = {}
    for title in table.get("title", []):
        kind = ActorKind(_class(title["type"], classes), title["sector"])
        for word in title["words"]:
            titles.setdefault(fold(word), kind)
    organizations: dict[str, Organization] = {}
    organization_names: list[str] = []
    for org in table.get("organization", []):
        for entry in org["names"]:
            names = [n.strip() for n in entry.split("|") if n.strip()]
            organization_names.extend(names)
            kind = Organization(names[0], _class(org["type"], classes), org["sector"], org.get("country"))
            for name in names:
                organizations.setdefault(fold(name), kind)
    return groups, titles, organizations, organization_names


def _class(name: str, classes: set[str]) -> str:
    if name not in classes:
        raise RulesError(f"actors.toml: {name!r} is not an actor class of the ontology")
    return name


#: What a tag fix may match on (one token's attributes after the parser) and what it may set.
TAG_FIX_MATCHES = frozenset({"TAG", "DEP", "LOWER"})
TAG_FIX_SETS = frozenset({"TAG", "POS", "MORPH"})


def _tag_fixes(table: dict) -> list[dict]:
    """``tags.toml`` as attribute-ruler patterns: one one-token pattern per fix, in the file's order."""
    _unknown("tags.toml", table, {"fix"})
    fixes = table.get("fix", [])
    if not isinstance(fixes, list):
        raise RulesError("tags.toml: fix must be a list of [[fix]] tables")
    patterns = []
    for number, fix in enumerate(fixes, 1):
        where = f"tags.toml: fix {number}"
        if not isinstance(fix, dict):
            raise RulesError(f"{where} must be a table with when and set")
        _unknown(where, fix, {"when", "set"})
        when, given = fix.get("when"), fix.get("set")
        if not isinstance(when, dict) or not when or not isinstance(given, dict) or not given:
            raise RulesError(f"{where} needs a when and a set table, neither empty")
        _unknown(f"{where} when", when, TAG_FIX_MATCHES)
        _unknown(f"{where} set", given, TAG_FIX_SETS)
        token = {}
        for name, value in when.items():
            if isinstance(value, str):
                token[name] = value
            else:
                token[name] = {"IN": _word_list(f"{where} when {name}", value)}
        if not all(isinstance(v, str) and v for v in given.values()):
            raise RulesError(f"{where} set: each value must be a string")
        patterns.append({"patterns": [[token]], "attrs": dict(given), "index": 0})
    return patterns


def _intent(table: dict, types: dict[str, EventType]) -> dict:
    roots = {t.plover for t in types.values()}
    for root, spec in table.items():
        if root not in roots:
            raise RulesError(f"intent.toml: [{root}] is not a PLOVER root")
        _unknown(f"intent.toml: [{root}]", spec, {"plover", "cameo"})
        if spec.get("plover") not in roots:
            raise RulesError(f"intent.toml: [{root}] plover must be a PLOVER root, not {spec.get('plover')!r}")
    return table
