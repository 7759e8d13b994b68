"""Load the extraction knowledge in ``kg/rules/`` into one :class:`Rules` object.

Rules are data (TOML, TSV, spaCy JSONL patterns); this module only reads and indexes them, and
refuses rules that name event types or actor classes the ontology does not define.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import srsly

from kg.errors import RulesError
from kg.rdf.scheme import ONTOLOGY_FILE, EventType, actor_classes, event_types
from kg.rules.gazetteer import Gazetteer
from kg.text import fold

RULES_DIR = Path(__file__).resolve().parent
MODALITIES = ("asserted", "reported", "alleged", "denied", "planned", "hypothetical")


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
    """Word lists the argument finder consults (``kg/rules/arguments.toml``), folded to lowercase."""

    target_preps: frozenset[str]
    support_verbs: frozenset[str]
    undergo_verbs: frozenset[str]
    quantity_heads: frozenset[str]
    abstract_heads: frozenset[str]
    example_markers: frozenset[str]
    non_agent_nouns: frozenset[str]
    group_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    region_nouns: frozenset[str]
    theme_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    demand_modals: frozenset[str]
    causative_verbs: frozenset[str]
    issue_target_roots: frozenset[str]
    inherited_target_roots: frozenset[str]
    event_chain_nouns: frozenset[str]
    destination_preps: frozenset[str]
    complement_verbs: frozenset[str]
    bare_event_roots: frozenset[str]
    strong_target_preps: frozenset[str]
    place_target_roots: frozenset[str]
    symmetric_types: frozenset[str]


@dataclass
class Rules:
    """Everything the extractor knows, indexed for lookup by lemma or lowercase phrase."""

    event_types: dict[str, EventType]
    verb_triggers: dict[str, str]
    noun_triggers: dict[str, str]
    of_role: dict[str, str]
    poss_role: dict[str, str]
    weak: set[tuple[str, str]]
    planned_form: dict[str, str]
    words: ArgumentWords
    cues: dict[str, dict[str, frozenset[str]]]
    groups: dict[str, ActorKind]
    titles: dict[str, ActorKind]
    organizations: dict[str, Organization]
    gazetteer: Gazetteer
    organization_names: list[str] = field(default_factory=list)
    extra_patterns: list[dict] = field(default_factory=list)
    acled: dict = field(default_factory=dict)
    intent: dict = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path = RULES_DIR, ontology: Path = ONTOLOGY_FILE) -> "Rules":
        """Read and check the rules in ``directory`` against the ontology."""
        types = event_types(ontology)
        classes = actor_classes(ontology)
        triggers = _toml(directory / "triggers.toml")
        verb_triggers: dict[str, str] = {}
        noun_triggers: dict[str, str] = {}
        of_role: dict[str, str] = {}
        poss_role: dict[str, str] = {}
        weak: set[tuple[str, str]] = set()
        planned_form: dict[str, str] = {}
        for type_name, spec in triggers.items():
            if type_name not in types:
                raise RulesError(f"triggers.toml: [{type_name}] is not an event type of {ontology.name}")
            for verb in spec.get("verbs", []):
                verb_triggers.setdefault(verb.lower(), type_name)
            for noun in spec.get("nouns", []):
                noun_triggers.setdefault(noun.lower(), type_name)
            of_role[type_name] = _role(spec.get("of", "target"), type_name, "of")
            poss_role[type_name] = _role(spec.get("poss", "agent"), type_name, "poss")
            weak.update((type_name, w.lower()) for w in spec.get("weak", []))
            for base in spec.get("planned_form_of", []):
                if base not in types:
                    raise RulesError(f"triggers.toml: [{type_name}] planned_form_of names unknown type {base!r}")
                planned_form[base] = type_name
        words_raw = _toml(directory / "arguments.toml")
        try:
            words = ArgumentWords(**{k: frozenset(_word_form(k, v) for v in words_raw[k]) for k in ArgumentWords.__dataclass_fields__})
        except KeyError as exc:
            raise RulesError(f"arguments.toml: missing list {exc}") from None

        cues_raw = _toml(directory / "cues.toml")
        cues = {
            modality: {key: frozenset(fold(v) for v in values) for key, values in table.items()}
            for modality, table in cues_raw.items()
        }
        unknown = set(cues) - set(MODALITIES)
        if unknown:
            raise RulesError(f"cues.toml: unknown modality {sorted(unknown)}; use one of {MODALITIES}")

        actors = _toml(directory / "actors.toml")
        groups: dict[str, ActorKind] = {}
        for group in actors.get("group", []):
            kind = ActorKind(_class(group["type"], classes), group["sector"], group.get("label"))
            for noun in group["nouns"]:
                groups.setdefault(fold(noun), kind)
        titles: dict[str, ActorKind] = {}
        for title in actors.get("title", []):
            kind = ActorKind(_class(title["type"], classes), title["sector"])
            for word in title["words"]:
                titles.setdefault(fold(word), kind)
        organizations: dict[str, Organization] = {}
        organization_names: list[str] = []
        for org in actors.get("organization", []):
            for entry in org["names"]:
                names = [n.strip() for n in entry.split("|") if n.strip()]
                organization_names.extend(names)
                kind = Organization(names[0], _class(org["type"], classes), org["sector"], org.get("country"))
                for name in names:
                    organizations.setdefault(fold(name), kind)
        gazetteer = Gazetteer(directory / "places.tsv", directory / "demonyms.tsv")
        patterns_file = directory / "patterns.jsonl"
        extra = list(srsly.read_jsonl(patterns_file)) if patterns_file.exists() else []
        return cls(
            event_types=types,
            verb_triggers=verb_triggers,
            noun_triggers=noun_triggers,
            of_role=of_role,
            poss_role=poss_role,
            weak=weak,
            planned_form=planned_form,
            words=words,
            cues=cues,
            groups=groups,
            titles=titles,
            organizations=organizations,
            gazetteer=gazetteer,
            organization_names=organization_names,
            extra_patterns=extra,
            acled=_toml(directory / "acled.toml"),
            intent=_toml(directory / "intent.toml"),
        )

    def cue(self, modality: str, key: str) -> frozenset[str]:
        """The cue words of one kind for one modality (empty when the rules define none)."""
        return self.cues.get(modality, {}).get(key, frozenset())

    @property
    def entity_patterns(self) -> list[dict]:
        """spaCy entity-ruler patterns for countries, demonyms and known organisations.

        Short or all-capital names (``UN``, ``IS``, ``AU``) match case-sensitively, token by token,
        so that ordinary words ("is", "un") never become entities.
        """
        patterns: list[dict] = []
        seen: set[tuple[str, str]] = set()

        def add(label: str, text: str) -> None:
            if (label, text) in seen:
                return
            seen.add((label, text))
            if len(text) <= 4 or text.isupper():
                patterns.append({"label": label, "pattern": [{"ORTH": part} for part in text.split()]})
            else:
                patterns.append({"label": label, "pattern": text})

        for name in self.gazetteer.country_names:
            add("GPE", name)
        for demonym in self.gazetteer.demonyms_raw:
            add("NORP", demonym)
        for name in self.organization_names:
            add("ORG", name)
        return patterns + self.extra_patterns


def _word_form(key: str, value: str) -> str:
    """Words are matched folded; event-type and PLOVER names keep their case."""
    return value if key in ("place_target_roots", "symmetric_types", "bare_event_roots", "inherited_target_roots", "issue_target_roots") else fold(value)


def _toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise RulesError(f"rules file {path} is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path.name}: {exc}") from None


def _role(value: str, type_name: str, key: str) -> str:
    if value not in ("agent", "target"):
        raise RulesError(f"triggers.toml: [{type_name}] {key} must be 'agent' or 'target', not {value!r}")
    return value


def _class(name: str, classes: set[str]) -> str:
    if name not in classes:
        raise RulesError(f"actors.toml: {name!r} is not an actor class of the ontology")
    return name
