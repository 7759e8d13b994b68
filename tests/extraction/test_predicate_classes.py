"""Factuality, one table per predicate class of ``kg/rules/en/predicates.toml``, on sentences written
for the test: what each class does to the event it governs (its modality, or that it is not stored
as an event at all), and the constructions that decide who takes part.

A row: a sentence, the event type looked for, then the (actor label, target label, modality) it must
have, or ``ABSENT`` when no event of that type may be stored as having happened.
"""
from __future__ import annotations

import pytest

import kg
from kg.rules.loader import Rules

pytestmark = pytest.mark.model

ABSENT = "absent"
ANY = object()

CLASSES = {
    "negation": [
        ("“We don’t attack the capital,” the rebel leader said.", "Attack", ("the rebel leader", ANY, "denied")),
        # the narrator's "not": nothing happened, so nothing is stored
        ("Soldiers did not arrest the opposition leader Amadou Keita.", "Arrest", ABSENT),
        ("The rebels have never attacked the capital.", "Attack", ABSENT),
        # a source's "not": the claim is stored, denied, by that source
        ("The army said soldiers did not arrest the journalists.", "Arrest", ("soldiers", "civilians", "denied")),
        ("Officials said neither the army nor the police arrested the journalists.", "Arrest", (ANY, ANY, "denied")),
    ],
    "success": [
        ("Gunmen tried to storm the prison in Kano.", "Attack", (ANY, ANY, "asserted")),
        ("The police managed to arrest the kidnappers.", "Arrest", ("police forces", ANY, "asserted")),
    ],
    "failure": [
        ("The army failed to capture the rebel stronghold.", "Seize", ABSENT),
        ("Security forces prevented the protesters from marching on parliament.", "Protest", ABSENT),
        ("The authorities have yet to release the detained journalists.", "Release", ABSENT),
        ("The junta refused talks with the regional bloc.", "Consult", ABSENT),
        ("The bloc said all efforts to hold talks with the junta had been rejected.", "Consult", ABSENT),
        ("Police prevented an attack on the embassy.", "Attack", ABSENT),
        ("The governor banned demonstrations in the regional capital.", "Protest", ABSENT),
        ("The governor banned demonstrations in the regional capital.", "Ban", ("the governor", ANY, "asserted")),
    ],
    "request": [
        ("The United Nations called for the release of the detained activists.", "Release", ABSENT),
        ("The opposition urged the junta to free the prisoners.", "Release", ABSENT),
        ("The opposition urged the junta to free the prisoners.", "Request", ("political parties", "military junta", "asserted")),
        # saying that someone must do something asks for it: it did not happen
        ("The minister said the army must withdraw from the town.", "Withdraw", ABSENT),
        ("Chad says Sudan must end its raids on the border.", "Release", ABSENT),
    ],
    "cancellation": [
        ("The talks between the government and the rebels were called off.", "Consult", ABSENT),
        ("The court revoked the arrest warrant against the former minister.", "Arrest", ABSENT),
        ("Kenya suspended its military cooperation with Uganda.", "Cooperate", ABSENT),
    ],
    "breakdown": [
        ("Talks between the army and the rebels broke down on Monday.", "Consult", ABSENT),
        ("The alliance between Mali and France collapsed last year.", "Cooperate", ABSENT),
    ],
    "condition": [
        ("The rebels will attack the town if the army advances.", "Attack", ("insurgents", ANY, "planned")),
        ("Should the junta refuse, the bloc would impose sanctions on Niger.", "Sanction", (ANY, ANY, "hypothetical")),
        # a negated condition is no refusal: nothing was refused, nothing released
        ("The bloc threatened sanctions if the junta did not free the president.", "Reject", ABSENT),
    ],
    "possibility": [
        ("The militants could attack the capital within days.", "Attack", ("insurgents", ANY, "hypothetical")),
        ("Analysts fear a coup by the army.", "Coup", ("soldiers", None, "hypothetical")),
    ],
    "future": [
        ("The army plans to launch an offensive against the rebels.", "Attack", ("soldiers", "insurgents", "planned")),
        ("The government will deploy troops to the border region.", "Mobilize", ("government", ANY, "planned")),
        # an auxiliary shared by coordinated verbs makes each of them future
        ("The rebels will seize the mines and violate the charter of the regional bloc.", "Reject", (ANY, ANY, "planned")),
    ],
    "arrangement": [
        ("The troops are to withdraw from the northern town by Friday.", "Withdraw", ("soldiers", ANY, "planned")),
        ("The first task is to release the prisoners.", "Release", (None, "civilians", "planned")),
    ],
    "commitment": [
        ("The junta vowed to crush the insurgents.", "Attack", ABSENT),
        ("The rebels threatened to attack the capital.", "Threaten", ("insurgents", ANY, "asserted")),
    ],
    "command": [
        ("The president ordered the release of the detained students.", "Release", (ANY, ANY, "asserted")),
    ],
    "denial": [
        ("The army denied that its soldiers had killed the villagers.", "Killing", (ANY, ANY, "denied")),
    ],
    "dismissal": [
        ("The ministry rejected claims that police tortured the detainees.", "Attack", ("police forces", ANY, "denied")),
        ("The junta dismissed reports that troops had attacked the village.", "Attack", ("soldiers", ANY, "denied")),
        ("The junta dismissed reports that troops had attacked the village.", "Ban", ABSENT),
        # what is rejected is a thing: the request was made, and what it asked for did not happen
        ("The president rejected appeals to release the jailed journalist.", "Request", (None, ANY, "asserted")),
        ("The president rejected appeals to release the jailed journalist.", "Release", ABSENT),
    ],
    "allegation": [
        ("Police arrested three alleged jihadists in Mopti.", "Arrest", ("police forces", ANY, "asserted")),
        ("The soldiers allegedly executed two prisoners.", "Killing", ("soldiers", ANY, "alleged")),
        # an event laid on someone is theirs, and only alleged, in the active and the passive
        ("Police blamed the bombing on the Red Brigade.", "Bombing", ("Red Brigade", None, "alleged")),
        ("The ambush was blamed on jihadists.", "Ambush", ("insurgents", None, "alleged")),
        ("The raid, blamed on the Red Brigade, left three officers dead.", "Attack", ("Red Brigade", ANY, "alleged")),
    ],
    "report": [
        ("Witnesses said soldiers burned the market.", "PropertyDestruction", ("soldiers", ANY, "reported")),
        ("Initial reports said gunmen abducted the mayor.", "Abduction", (ANY, ANY, "reported")),
    ],
    "belief": [
        ("Police believe the rebels kidnapped the mayor.", "Abduction", ("insurgents", ANY, "reported")),
        ("The envoy said the army knows that militias burned the market.", "PropertyDestruction",
         ("armed men", ANY, "reported")),
    ],
    "boilerplate": [
        ("An official, speaking on condition of anonymity, said troops had left.", "Consult", ABSENT),
        ("The ministry declined to comment on the reports.", "Reject", ABSENT),
    ],
}

ROWS = [(name, *row) for name, rows in CLASSES.items() for row in rows]
HAPPENED = {"asserted", "reported", "alleged"}


@pytest.fixture(scope="module")
def extract(extractor):
    cache: dict[str, list] = {}

    def run(sentence: str) -> list[dict]:
        if sentence not in cache:
            cache[sentence] = kg.extract(sentence, published="2025-08-04", extractor=extractor)
        return cache[sentence]

    return run


def test_every_predicate_class_has_its_table():
    assert set(CLASSES) == set(Rules.load().predicates)


def _label(ref: dict | None) -> str | None:
    return ref["label"].lower() if ref else None


def _fits(want, got) -> bool:
    return want is ANY or (want.lower() if isinstance(want, str) else want) == got


@pytest.mark.parametrize("name, sentence, event_type, expected", ROWS, ids=[f"{r[0]}: {r[1][:45]}" for r in ROWS])
def test_predicate_class(extract, name, sentence, event_type, expected):
    events = [e for e in extract(sentence) if e["action"]["type"] == event_type]
    found = [(_label(e["actor"]), _label(e["target"]), e["modality"]) for e in events]
    if expected == ABSENT:
        assert not [f for f in found if f[2] in HAPPENED], found
        return
    actor, target, modality = expected
    assert any(_fits(actor, a) and _fits(target, t) and m == modality for a, t, m in found), found


# Who takes part, on constructions the classes above do not decide.
PARTICIPANTS = [
    # the object answers for the event in a "for"/"of" phrase
    ("The government blamed the rebels for the attack on the convoy.", "Attack", "insurgents"),
    ("The army accused the rebels of attacking the town.", "Attack", "insurgents"),
    ("Mali thanked Russia for its military support.", "ProvideAid", "russia"),
    # a document speaks for the party it is of, and for no one when it is of none
    ("A UN report said soldiers killed twenty civilians.", "Killing", "soldiers"),
]


@pytest.mark.parametrize("sentence, event_type, agent", PARTICIPANTS, ids=[p[0][:50] for p in PARTICIPANTS])
def test_who_takes_part(extract, sentence, event_type, agent):
    found = [_label(e["actor"]) for e in extract(sentence) if e["action"]["type"] == event_type]
    assert agent in found, found


@pytest.mark.parametrize("sentence, source", [
    ("Police believe the rebels kidnapped the mayor.", "Police"),
    # who tells what someone knows or believes is the source of it
    ("The envoy said the army knows that militias burned the market.", "The envoy"),
    ("A UN report said soldiers killed twenty civilians.", "UN"),
    ("A statement by the Defence Ministry said rebels attacked the base.", "the Defence Ministry"),
    ("The agreement states that the rebels will disarm.", None),
    ("Initial reports said gunmen abducted the mayor.", "Initial reports"),
])
def test_a_document_speaks_for_its_party_and_a_report_is_hearsay(extract, sentence, source):
    assert {e["attributed_to"] for e in extract(sentence) if e["action"]["type"] != "Reject"} == {source}


def test_a_pronoun_source_is_named_by_whom_it_stands_for(extract):
    events = extract('Colonel Abdoulaye Maiga spoke in Bamako. "The rebels attacked the town," he said.')
    assert [e["attributed_to"] for e in events if e["action"]["type"] == "Attack"] == ["Abdoulaye Maiga"], events


def test_a_denial_rejects_the_claim_not_the_denied_event_s_target(extract):
    (reject,) = [e for e in extract("Rwanda denied backing the M23 rebels.") if e["action"]["type"] == "Reject"]
    assert (reject["actor"]["label"], reject["target"]["type"], reject["target"]["text"]) == (
        "Rwanda", "Issue", "backing the M23 rebels")


@pytest.mark.parametrize("sentence, expected", [
    ("The two governments failed to reach an agreement on the border.", True),  # a failed agreement is a rejection
    ("The authorities have yet to issue a statement on the arrests.", False),  # not doing something rejects no one
])
def test_failing_only_rejects_what_is_cooperative(extract, sentence, expected):
    assert any(e["action"]["type"] == "Reject" for e in extract(sentence)) is expected


def test_the_planner_of_a_plan_for_an_event_is_its_agent(extract):
    events = extract("The junta's plans for an offensive against the rebels were leaked.")
    assert [(e["actor"]["text"], e["modality"]) for e in events if e["action"]["type"] == "Attack"] == [
        ("The junta", "planned")], events
    events = extract("The army has plans for an offensive against the rebels.")
    assert [(e["actor"]["label"], e["modality"]) for e in events if e["action"]["type"] == "Attack"] == [
        ("soldiers", "planned")], events


def test_no_plans_disown_the_intention(extract):
    """"has no plans to attack" is no planned attack; said by a source, the attack is denied, and the
    denial (the "no") is an assurance about one's own intent, no rejection of anyone."""
    assert not [e for e in extract("Guyana has no plans to attack Venezuela.") if e["action"]["type"] == "Attack"]
    events = extract("The minister said the army has no plans to attack the rebels.")
    assert [e["modality"] for e in events if e["action"]["type"] == "Attack"] == ["denied"], events
    assert not [e for e in events if e["action"]["type"] == "Reject"], events
