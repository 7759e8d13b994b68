"""The whole extractor on short real sentences: one case per construction news uses.

Each row: a sentence, then (actor label, event type, target label, modality) that must be among
its events. Labels are compared case-insensitively; None means "no actor/target".
"""
import pytest

import kg

pytestmark = pytest.mark.model

CASES = [
    # active voice, quantity and time against the publication date
    ("Police arrested three opposition leaders in Bamako on Monday.",
     ("police forces", "Arrest", "political parties", "asserted")),
    # passive with a by-agent
    ("The journalist was detained by intelligence agents.",
     ("police forces", "Arrest", "civilians", "asserted")),
    # passive with no agent
    ("The activists were detained overnight.", (None, "Arrest", "political parties", "asserted")),
    # clausal chain: accused of planning to overthrow -> an alleged coup plot
    ("The army accused the rebels of planning to overthrow the president.",
     ("soldiers", "Accuse", "insurgents", "asserted")),
    # nominal event with an "on" target and a support verb giving the agent
    ("The government announced a crackdown on independent media.",
     ("government", "Arrest", "media", "asserted")),
    # nominal event whose target is the actor inside a non-actor phrase ("an army base")
    ("Rebels launched an attack against an army base near Gao.",
     ("insurgents", "Attack", "soldiers", "asserted")),
    # coordination: two targets, titles stripped
    ("Soldiers arrested former Prime Minister Ahmed Salah and opposition leader Omar Diallo.",
     ("soldiers", "Arrest", "Ahmed Salah", "asserted")),
    ("Soldiers arrested former Prime Minister Ahmed Salah and opposition leader Omar Diallo.",
     ("soldiers", "Arrest", "Omar Diallo", "asserted")),
    # a common noun beside a name is the named actor, typed by the noun when the name is unknown
    ("Officials blamed the Blue Brigade, a local militia which attacked police posts near Tomba last week.",
     ("Blue Brigade", "Attack", "police forces", "asserted")),
    ("Forces fired on the ruling party, the UDPK, during the vote.",
     ("soldiers", "Attack", "UDPK", "asserted")),
    # people named by whom they stand with are a group of their own, never that actor
    ("Troops detained several allies of Ngoma on Sunday.",
     ("soldiers", "Arrest", "allies of Ngoma", "asserted")),
    ("Police detained supporters of the opposition leader Ali Musa.",
     ("police forces", "Arrest", "supporters of Ali Musa", "asserted")),
    # a longer title before a shorter group word: "army chief" is a rank, "chief" alone a village's
    ("Troops arrested the deputy army chief at dawn.", ("soldiers", "Arrest", "the deputy army chief", "asserted")),
    ("Gunmen killed the village chief near Gao.", ("armed men", "Killing", "civilians", "asserted")),
    # two phrases the parser merges into one ("[X's government and] Y forces") are each a party
    ("Sudan's government and Darfur forces signed a ceasefire.", ("Sudanese government", "Agree", "Darfur forces", "asserted")),
    ("Chad's army and Libyan forces signed a ceasefire.", ("Chadian soldiers", "Agree", "Libyan soldiers", "asserted")),
    ("Government and rebel forces clashed near the lake.", ("government", "ArmedClash", "insurgents", "asserted")),
    # a participle adjunct of the same attack says whom it was aimed at: the place or the country is where
    ("Syrian jets bombed farms near Idlib, targeting Turkmen fighters.", ("Syrian soldiers", "Bombing", "Turkmen insurgents", "asserted")),
    ("Russia struck Georgia at dawn, targeting Chechen militants.", ("Russia", "Attack", "Chechen militants", "asserted")),
    # and, hung on a source's verb said between the two, is about what the source says
    ("Kenya launched airstrikes near the border, the army said, targeting al-Shabaab camps.",
     ("Kenya", "Airstrike", "al-Shabaab", "reported")),
    # a participle that names other victims is an outcome of its own
    ("Soldiers attacked the militants, killing three villagers.", ("soldiers", "Killing", "civilians", "asserted")),
    # "others" are more people of the kind named before them, not a thing the event is done to
    ("Gunmen shot dead four villagers and wounded nine others.", ("armed men", "Killing", "civilians", "asserted")),
    ("A roadside bomb killed two soldiers, wounding three others.", (None, "Bombing", "soldiers", "asserted")),
    # a word that is a protest only when a crowd does it
    ("Hundreds of protesters gathered outside the parliament on Wednesday.",
     ("protesters", "Protest", None, "asserted")),
    # a dateline's town is no name for the noun after it
    ("NIAMEY, Niger (AP) - Jihadist fighters attacked a checkpoint near Tillaberi on Sunday, officials said.",
     ("Nigerien insurgents", "Attack", "checkpoint", "reported")),
    # an event counted ("dozens of strikes") takes its agent from the verb that carries it, through a relative pronoun
    ("Kenya, which has carried out dozens of air strikes against al-Shabaab, said it would continue.",
     ("Kenya", "Airstrike", "al-Shabaab", "asserted")),
    # a pronoun stands for the nearest actor the event's sense can take: governments stage no coup
    ("Western governments sanctioned the generals after they seized power in 2021.",
     ("soldiers", "Coup", None, "asserted")),
    # a group named after a region or a people that is no country keeps that name
    ("Tigray forces attacked the town on Monday.", ("Tigray forces", "Attack", None, "asserted")),
    ("Soldiers arrested Fulani herders near Mopti.", ("soldiers", "Arrest", "Fulani herders", "asserted")),
    # those accused of an event are its alleged agents
    ("Soldiers accused of the ambush were arrested on Monday.", ("soldiers", "Ambush", None, "alleged")),
    # symmetric event between the parties a phrase names
    ("The ministers of Kenya and Uganda met in Nairobi to discuss the border dispute.",
     ("Kenya", "Consult", "Uganda", "asserted")),
    # the direct object is what is moved; the target is where it goes
    ("Kenya deployed troops to Somalia.", ("Kenya", "Mobilize", "Somalia", "asserted")),
    # attribution and an allegation cue
    ("According to Reuters, the junta allegedly tortured detainees.",
     ("military junta", "Attack", "civilians", "alleged")),
    # hypothetical
    ("Militants could attack the capital if talks fail.", ("insurgents", "Attack", None, "hypothetical")),
    # a denial reaches the event it denies; "it" is the army
    ("The army denied that it had killed civilians.", ("soldiers", "Killing", "civilians", "denied")),
    # the organisation that names a group
    ("Suspected Boko Haram fighters abducted dozens of pupils.",
     ("Boko Haram", "Abduction", "civilians", "asserted")),
    # violence by a crowd is a riot in ACLED's terms
    ("Protesters set fire to government buildings in Kano.", ("rioters", "PropertyDestruction", None, "asserted")),
    # a nominal event "between" two parties: each is the other's partner
    ("Cooperation between Kenya and Ethiopia on border security has grown.", ("Kenya", "Cooperate", "Ethiopia", "asserted")),
    # a dateline is not the subject; its apposition is
    ("NAIROBI, Kenya -- President William Ruto ordered the release of all detained protesters.",
     ("William Ruto", "Release", "Kenyan protesters", "asserted")),  # an order given is an act: the release is his
    # a thing done to stands as the target, typed Issue
    ("Baghdad rejected the referendum as unconstitutional.", ("Iraqi government", "Reject", "referendum", "asserted")),  # a capital speaks for its government
    # a verb of several senses has the one whose participant kinds take what it is done to
    ("Insurgents captured Kidal on Sunday.", ("insurgents", "TerritoryTakeover", "Kidal", "asserted")),
    ("Rebels of the M23 group captured the town of Rubaya.", ("M23", "TerritoryTakeover", "Rubaya", "asserted")),
    ("Soldiers captured a rebel commander near the border.", ("soldiers", "Arrest", None, "asserted")),
    # a group "in" or "from" a city is of the city's country
    ("Police in Kano detained four traders at the market.", ("Nigerian police forces", "Arrest", "civilians", "asserted")),
    ("Gunmen from Maiduguri kidnapped a priest.", ("Nigerian armed men", "Abduction", "civilians", "asserted")),
    # what is moved is not the target; where it moves from is
    ("The United Nations withdrew peacekeepers from Sinai.", ("United Nations", "Withdraw", "Sinai", "asserted")),
    # an event noun that restates its verb adds no second event
    ("Germany granted asylum to the dissident.", ("Germany", "ProvideAid", "German political parties", "asserted")),
    # an intent to meet is coded as AGREE (CAMEO 036) and planned
    ("The minister said the government will meet the opposition next week.",
     ("government", "Consult", "political parties", "planned")),
    # a causative verb: its subject has the event done to its object
    ("An Italian judge has ordered six former officials jailed.", ("An Italian judge", "Arrest", "Italian government", "asserted")),
    # saying that someone must act is a demand on them
    ("Russia says Israel must end its strikes on Syria.", ("Russia", "Request", "Israel", "asserted")),
    # several subjects: the one nearest the verb acts
    ("On 3 May, in Lagos, Kaduna, workers demonstrated against unpaid wages.",
     ("protesters", "Protest", None, "asserted")),
    # holding someone responsible alleges the event of them, not of the one who holds
    ("Ankara holds the PKK responsible for the bombing.", ("PKK", "Bombing", None, "alleged")),
    ("The militia was blamed for the massacre.", ("armed men", "Attack", None, "alleged")),
    # what an accusation names is done by the one who denies it
    ("The party has denied allegations of arming the militia.",
     ("political parties", "ProvideAid", "armed men", "denied")),
    # taking part in an event: the noun names it
    ("Government troops engaged in heavy fighting with the rebels.", ("soldiers", "ArmedClash", "insurgents", "asserted")),
    # an event done about another event is aimed at those who take part in it
    ("Sudan's army suspended talks with the RSF.", ("Sudanese soldiers", "Sanction", "Rapid Support Forces", "asserted")),
    ("The government condemned the ambush by the militants on the convoy.",
     ("government", "Condemn", "insurgents", "asserted")),
    # coordinated parties that sign a thing are each other's partners
    ("Chad and Sudan signed a peace agreement on Friday.", ("Chad", "Agree", "Sudan", "asserted")),
    # an attack named in a phrase of circumstance is the doing of the verb's agent
    ("Militants killed four policemen in a suicide bombing.", ("insurgents", "SuicideBombing", "police forces", "asserted")),
    ("Some 60 villagers were executed by unknown gunmen during raids on three hamlets.",
     ("armed men", "Killing", "civilians", "asserted")),
    # and the other way round: killed in an attack by someone is killed by them
    ("Two soldiers were killed in an ambush by jihadists near Gao.", ("insurgents", "Ambush", "soldiers", "asserted")),
    # a seat of government speaks for its government
    ("The Kremlin accused Ukraine of sabotage.", ("Russian government", "Accuse", "Ukraine", "asserted")),
    # mediating talks, attending a meeting: the event is about the talks' parties, or the talks
    ("Putin attended a meeting with the Chinese ambassador in Moscow.", ("Putin", "Consult", "the Chinese ambassador", "asserted")),
    # the agent's own part is no target: what it suspended is
    ("Chad's junta has suspended its participation in negotiations over a truce.",
     ("Chadian military junta", "Sanction", "participation", "asserted")),
    # the object of a relative clause is the noun it describes
    ("Pakistan struck Baloch groups that Islamabad holds responsible for the bombing.",
     ("Pakistani government", "Accuse", "Baloch groups", "asserted")),
    ("Turkey struck Kurdish groups that Ankara blames for the bombing.", ("Kurdish groups", "Bombing", None, "alleged")),
    # people who set off a bomb are an armed group, people who storm a building a mob
    ("The men who bombed the church were arrested in Lagos.", ("armed men", "Bombing", "civilians", "asserted")),
    ("Youths attacked a police station in Dakar.", ("rioters", "Attack", "police forces", "asserted")),
    # a capital the recogniser leaves untagged, or takes for a person elsewhere, speaks for its government
    ("The envoy met Kyiv officials. Moscow said Kyiv was behind the raid, as Kyiv prepares to launch a counteroffensive.",
     ("Ukrainian government", "ArmedClash", None, "planned")),
    # a rebellion stands for the rebels only when a name, or "the", says whose
    ("The army crushed the rebellion.", ("soldiers", "Repression", "insurgents", "asserted")),
    ("The Tuareg rebellion attacked the garrison.", ("Tuareg rebellion", "Attack", None, "asserted")),
    # who calls for something is who it comes from, wherever the parser hangs the "from"
    ("The killing drew calls for an inquiry from the African Union.", ("African Union", "Request", None, "asserted")),
    # one's own envoy recalled stands for the country they serve in
    ("The Somali government recalled its ambassador in Ethiopia.", ("Somali government", "Expel", "Ethiopia", "asserted")),
    ("Kenya recalled its envoy to Somalia.", ("Kenya", "Expel", "Somalia", "asserted")),
    # a name in apposition says which force; a known organisation is one whatever the recogniser says
    ("The minister accused the force, Minusma, of fuelling tensions.",
     ("the minister", "Accuse", "MINUSMA", "asserted")),
    ("Mali asked Minusma to leave.", ("Mali", "Request", "MINUSMA", "asserted")),
    # fighters from an organisation are its fighters; forces from a region are named after it
    ("Fighters from Hamas attacked the base.", ("Hamas", "Attack", "base", "asserted")),
    ("The government and rebel forces from Darfur agreed to stop the fighting.",
     ("government", "Agree", "forces from Darfur", "asserted")),
    # a suspected group is no group of suspects
    ("Airstrikes targeted suspected Taliban hideouts.", (None, "Airstrike", "Taliban", "asserted")),
    # ending or easing its own act is done to whom that act was aimed at
    ("Algeria lifted its blockade of Morocco on Monday.", ("Algeria", "Release", "Morocco", "asserted")),
    ("The EU eased its sanctions against Belarus.", ("European Union", "Release", "Belarus", "asserted")),
    # who fights on someone's side does not fight them
    ("The militia fought on the side of the army against the jihadists.", ("armed men", "ArmedClash", "insurgents", "asserted")),
    # the "of" of some event nouns is the one done to, whatever their type's "of" says
    ("Ethiopia offered recognition of Somaliland.", ("Ethiopia", "Support", "Somaliland", "planned")),
    # a rejected thing in the passive is what the rejection is about
    ("All efforts at dialogue have been rejected by the junta.", ("military junta", "Reject", "efforts", "asserted")),
    # a recommendation that someone be made to act is a request about them
    ("The minister recommended that the army be withdrawn.", ("The minister", "Request", "soldiers", "asserted")),
    # "to" parsed as a dative still names the one given to
    ("The government gave support to the rebels.", ("government", "Support", "insurgents", "asserted")),
    # an intention a source disowns is denied
    ("The minister said the army does not plan to attack the town.", ("soldiers", "Attack", None, "denied")),
    # a document speaks for whoever owns or issued it
    ("Human Rights Watch published a report accusing the army of torture.",
     ("Human Rights Watch", "Accuse", "soldiers", "asserted")),
    # a cause or circumstance is told as fact, whatever the verb it hangs on does
    ("The army called off the talks after the rebels attacked a convoy.", ("insurgents", "Attack", None, "asserted")),
    ("The junta suspended the broadcasts over their coverage of an Amnesty report accusing the army of torture.",
     ("Amnesty International", "Accuse", "soldiers", "asserted")),
    # a verb joined to the one before it, with the same subject, is aimed where that one is
    ("Russia accused Ukraine of the attack and threatened to retaliate.", ("Russia", "Threaten", "Ukraine", "asserted")),
    # "he" after a name the recogniser left untyped stands for that name, a person
    ("Kabore, who was ousted in May, says he is being held at his home.", (None, "Arrest", "Kabore", "reported")),
    # the pronoun of a quotation's tag goes on quoting the speaker before, never someone the quotation names
    ('The Chadian minister said the talks had failed. "General Kaka knows that we will attack the rebels," he added.',
     ("the Chadian minister", "Attack", "Chadian insurgents", "planned")),
    # a participle of another type than its clause's event tells an outcome of its own
    ("Gunmen stormed a hotel in the capital, killing 12 civilians.", ("armed men", "Attack", "hotel", "asserted")),
    ("Gunmen stormed a hotel in the capital, killing 12 civilians.", ("armed men", "Killing", "civilians", "asserted")),
    # two sides fighting across a thing fight each other, not the thing
    ("Soldiers of Sudan and Chad exchanged fire across the border on Monday.", ("Sudan", "ArmedClash", "Chad", "asserted")),
    # closing a diplomatic mission cuts relations; closing a road or a border restricts movement
    ("Somalia closed the Kenyan consulates in Mogadishu.", ("Somalia", "ReduceRelations", "Kenyan government", "asserted")),
    # what is used does not act: its user does
    ("Officials said the navy used gunboats to shell the fishing villages.", ("soldiers", "Shelling", "fishing villages", "reported")),
    ("The rebels accused the army of using helicopters to bomb their camps.", ("soldiers", "Bombing", "insurgents", "alleged")),
    # a possessive pronoun that stands for someone other than the agent names the target
    ("The militia accused the police of raiding its offices.", ("police forces", "Attack", "armed men", "alleged")),
    # a possessive deep in what a trailing speaker says does not look ahead to the speaker
    ("Junta officials told Foreign Minister Anna Berg of the danger during her visit to Gao last week, a diplomat said.",
     ("Anna Berg", "Visit", None, "reported")),
    # rallying one's supporters or troops is a mobilisation, no protest; closing a mission's offices cuts relations
    ("The opposition leader rallied his supporters in the capital.", ("political parties", "Mobilize", None, "asserted")),
    ("Kenya ordered the closure of the Ugandan consulate in Mombasa.", ("Kenya", "ReduceRelations", None, "asserted")),
    # violating a truce is an act of fighting; violating a charter stays a rejection
    ("Militiamen violated the truce in Ituri on Sunday.", ("armed men", "Attack", None, "asserted")),
    ("The junta violated the charter of the bloc.", ("military junta", "Reject", None, "asserted")),
    # the press a speaker tells is the channel of what is said, no one a pronoun in it stands for
    ("A police spokesman told the Reuters news agency the raid answered the militia's attacks, including their "
     "occupation of the hospitals.", ("armed men", "TerritoryTakeover", "civilians", "reported")),
    # holding someone responsible: the one held is accused, also where the parser hangs "responsible" on
    # them, and in a relative clause whatever it makes of the relative word
    ("Kinshasa holds the militias responsible for the massacre.", ("Congolese government", "Accuse", "armed men", "asserted")),
    ("Kinshasa holds the militias responsible for the massacre.", ("armed men", "Attack", None, "alleged")),
    ("Troops shelled militias that Kinshasa holds responsible for the massacre.",
     ("Congolese government", "Accuse", "armed men", "asserted")),
    # a plural noun the small model tags as a verb is still the one held responsible
    ("Islamabad holds Baloch militants responsible for the bombing.",
     ("Pakistani government", "Accuse", "Baloch militants", "asserted")),
    # having someone jailed: the one jailed is the target, also as the subject of the participle
    ("A court ordered the two journalists jailed.", ("government", "Arrest", "civilians", "asserted")),
    # people named by what they do for a living are civilians, and protesters only when they protest
    ("Gunmen killed five workers at the mine.", ("armed men", "Killing", "civilians", "asserted")),
    ("Gunmen abducted 20 students from a school.", ("armed men", "Abduction", "civilians", "asserted")),
    ("Thousands of students marched in the capital.", ("protesters", "Protest", None, "asserted")),
    # a withdrawal with a clause of its own is still a withdrawal (only a result complement is no event)
    ("The troops left as the rebels advanced.", ("soldiers", "Withdraw", "insurgents", "asserted")),
]


@pytest.fixture(scope="module")
def extract(extractor):
    cache = {}

    def run(sentence):
        if sentence not in cache:
            cache[sentence] = kg.extract(sentence, published="2025-08-04", extractor=extractor)
        return cache[sentence]

    return run


def _label(ref):
    return ref["label"].lower() if ref else None


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_construction(extract, sentence, expected):
    actor, event_type, target, modality = expected
    events = extract(sentence)
    found = [
        (_label(e["actor"]), e["action"]["type"], _label(e["target"]), e["modality"]) for e in events
    ]
    want = (actor.lower() if actor else None, event_type, target.lower() if target else None, modality)
    if target is None:
        assert any(f[0] == want[0] and f[1:2] == want[1:2] and f[3] == want[3] for f in found), found
    else:
        assert want in found, found


def test_time_is_normalised_against_the_publication_date(extract):
    (event,) = [e for e in extract("Police arrested three opposition leaders in Bamako on Monday.")
                if e["action"]["type"] == "Arrest"]
    assert event["time"]["value"] == "2025-08-04"
    assert event["quantity"] == "three"
    assert event["place"]["label"] == "Bamako" and event["place"]["country"] == "MLI"


@pytest.mark.parametrize("sentence, event_type, when", [
    # a date in what describes a participant is that description's, not the event's
    ("Rwanda denied backing the FDLR, a militia founded by perpetrators of the 1994 genocide.", "Reject", None),
    ("Police arrested the man who attacked the church on Sunday.", "Arrest", None),
    ("Police arrested the man who attacked the church on Sunday.", "Attack", "2025-08-03"),
    # but an event's own description dates it
    ("The attack, which took place on Monday, killed five soldiers.", "Killing", "2025-08-04"),
])
def test_an_event_takes_its_own_date_not_a_participant_s(extract, sentence, event_type, when):
    events = [e for e in extract(sentence) if e["action"]["type"] == event_type]
    assert events and [(e["time"] or {}).get("value") for e in events] == [when], events


def test_quantity_on_a_passive_target(extract):
    (event,) = extract("About 50 soldiers were arrested.")
    assert event["quantity"] == "About 50"
    assert event["target"]["type"] == "MilitaryForce"


def test_amount_in_a_by_phrase_is_not_an_agent(extract):
    events = extract("The president's term was extended by five years.")
    assert [e["action"]["type"] for e in events] == ["ExtendRule"]
    assert all("years" not in ((e["actor"] or {}).get("text") or "") for e in events)


def test_attribution_names_the_source(extract):
    (event,) = [e for e in extract("According to Reuters, the junta allegedly tortured detainees.")]
    assert event["attributed_to"] == "Reuters"


def test_neither_nor_gives_two_denied_events_and_no_asserted_one(extract):
    events = [e for e in extract("Neither Salah nor Diallo has been arrested, according to their lawyers.")
              if e["action"]["type"] == "Arrest"]
    assert len(events) == 2
    assert {e["modality"] for e in events} == {"denied"}


def test_acled_codes_follow_who_did_what_to_whom(extract):
    (riot,) = [e for e in extract("Protesters set fire to government buildings in Kano.")]
    assert (riot["action"]["acled"], riot["action"]["acled_sub"]) == ("Riots", "Mob violence")
    battle = [e for e in extract("Rebels launched an attack against an army base near Gao.") if e["action"]["type"] == "Attack"]
    assert battle[0]["action"]["acled"] == "Battles"
    # a crowd called rioters riots; labourers who fight the police are a mob, not an army
    (blockade,) = extract("Rioters blocked the main road in Tripoli with burning tyres.")
    assert blockade["action"]["acled"] == "Riots", blockade
    clashes = extract("Hundreds of labourers clashed with police in Surat.")
    assert {e["action"]["acled"] for e in clashes} == {"Riots"}, clashes


def test_an_intent_to_cooperate_is_coded_agree(extract):
    (meet,) = [e for e in extract("The minister said the government will meet the opposition next week.")
               if e["action"]["type"] == "Consult"]
    assert (meet["action"]["plover"], meet["action"]["cameo"]) == ("AGREE", "036")
    assert meet["attributed_to"] == "The minister"


def test_a_restated_event_is_reported_once(extract):
    assert len(extract("Germany granted asylum to the dissident.")) == 1


def test_a_thing_is_typed_issue_and_a_moved_object_is_not_a_target(extract):
    (reject,) = extract("Baghdad rejected the referendum as unconstitutional.")
    assert reject["target"]["type"] == "Issue"
    (withdraw,) = extract("The United Nations withdrew peacekeepers from Sinai.")
    assert withdraw["target"]["label"] == "Sinai" and withdraw["actor"]["type"] == "InternationalOrganization"


def test_a_target_read_off_proximity_has_lower_confidence(extract):
    direct = extract("Soldiers opened fire on protesters in Bamako.")[0]
    (nearby,) = [e for e in extract("The government condemned the killing by militants of two aid workers.")
                 if e["action"]["type"] == "Condemn"]
    assert nearby["target"]["label"] == "insurgents"
    assert nearby["confidence"] < direct["confidence"]


def test_a_relative_word_is_no_part_of_the_source_s_name(extract):
    (attack,) = [e for e in extract("Troops shelled militias whom Kinshasa holds responsible for the massacre.")
                 if e["action"]["type"] == "Attack" and e["modality"] == "alleged"]
    assert attack["attributed_to"] == "Kinshasa"


def test_holding_responsible_names_the_holder_as_source(extract):
    (bombing,) = [e for e in extract("Ankara holds the PKK responsible for the bombing.") if e["action"]["type"] == "Bombing"]
    assert bombing["attributed_to"] == "Ankara"
    relative = extract("Jets struck Baloch separatists whom Islamabad holds responsible for the bomb attack.")
    (attack,) = [e for e in relative if e["action"]["type"] == "Bombing"]
    assert (attack["actor"]["text"], attack["modality"], attack["attributed_to"]) == ("Baloch separatists", "alleged", "Islamabad")


def test_a_denied_accusation_is_the_denial_not_an_accusation(extract):
    events = extract("The party has denied allegations of arming the militia.")
    assert "Accuse" not in [e["action"]["type"] for e in events]
    assert [e["modality"] for e in events if e["action"]["type"] == "Reject"] == ["asserted"]


def test_taking_part_in_a_dispute_is_no_clash(extract):
    assert not [e for e in extract("Chad and Sudan have been engaged in a dispute over water.")
                if e["action"]["plover"] == "ASSAULT"]


def test_a_numbered_description_stands_for_the_actors_named_before(extract):
    events = extract("Chad and Sudan argued for months over their frontier. The two countries met in Nairobi on Monday.")
    (meeting,) = [e for e in events if e["action"]["type"] == "Consult"]
    assert {meeting["actor"]["label"], meeting["target"]["label"]} == {"Chad", "Sudan"}
    assert meeting["actor"]["text"] == "The two countries"
    assert meeting["place"]["label"] == "Nairobi"


def test_a_definite_event_noun_is_the_event_told_before(extract):
    events = extract("Rebels shelled the airport in Goma on Sunday. The government condemned the shelling.")
    (condemn,) = [e for e in events if e["action"]["type"] == "Condemn"]
    assert (condemn["target"]["text"], condemn["target"]["label"]) == ("the shelling", "insurgents")
    (unknown,) = [e for e in extract("The government condemned the shelling.") if e["action"]["type"] == "Condemn"]
    assert (unknown["target"]["text"], unknown["target"]["type"]) == ("the shelling", "Issue")


def test_a_verb_that_only_says_what_an_event_noun_did_is_that_event(extract):
    events = extract("Ethiopian airstrikes targeted several rebel camps inside Sudan.")
    assert [(e["action"]["type"], e["actor"]["label"], e["target"]["label"]) for e in events] == \
        [("Airstrike", "Ethiopia", "insurgents")]
    (wounding,) = [e for e in extract("Mortars fired by the rebels wounded four soldiers.") if e["action"]["text"] == "wounded"]
    assert (wounding["actor"]["label"], wounding["target"]["label"]) == ("insurgents", "soldiers")


def test_a_relative_clause_without_an_object_is_about_its_noun(extract):
    events = extract("Kenya accused Uganda of arming the rebels, an accusation Uganda has denied.")
    (denial,) = [e for e in events if e["action"]["type"] == "Reject"]
    assert (denial["actor"]["label"], denial["target"]["label"]) == ("Uganda", "Kenya")


def test_parties_that_agree_somewhere_are_not_agreeing_with_the_place(extract):
    events = extract("Chad and Sudan argued for months over their frontier. "
                     "The two countries agreed last week in Ethiopia to refrain from any use of force.")
    (agree,) = [e for e in events if e["action"]["type"] == "Agree"]
    assert {agree["actor"]["label"], agree["target"]["label"]} == {"Chad", "Sudan"}


def test_a_backer_named_in_a_participle_is_not_the_group_s_country(extract):
    (attack,) = [e for e in extract("Iran-backed militants attacked the base.") if e["action"]["type"] == "Attack"]
    assert attack["actor"]["text"] == "Iran-backed militants"
    assert attack["actor"]["country"] is None and attack["actor"]["label"] == "insurgents"


def test_a_verb_of_result_with_a_complement_is_no_event(extract):
    assert all(e["action"]["plover"] != "YIELD" for e in extract("The blast left five dead."))
    assert not [e for e in extract("The shelling left the hospital badly damaged.") if e["action"]["type"] == "Withdraw"]
    (left,) = [e for e in extract("Troops left the town on Monday.") if e["action"]["type"] == "Withdraw"]
    assert left["actor"]["label"] == "soldiers"


def test_what_an_act_is_aimed_at_is_its_target_not_what_it_uses(extract):
    (attack,) = [e for e in extract("The rebels fired rockets at the airport.") if e["action"]["plover"] == "ASSAULT"]
    assert attack["target"]["text"] == "the airport"


def test_a_restated_event_is_found_by_its_word(extract):
    events = extract("Ethiopian airstrikes on rebel camps in Sudan killed ten people on Monday. On Tuesday rebels "
                     "killed two soldiers in an ambush. Sudan condemned the strikes.")
    (condemn,) = [e for e in events if e["action"]["type"] == "Condemn"]
    assert condemn["target"]["label"] == "Ethiopia"


def test_a_numbered_description_prefers_the_parties_the_article_names_most(extract):
    events = extract("Chad and Sudan argued for months. Chad closed its border with Sudan. "
                     "Egypt supported Chad. The two countries met in Cairo on Monday.")
    (meeting,) = [e for e in events if e["action"]["type"] == "Consult"]
    assert {meeting["actor"]["label"], meeting["target"]["label"]} == {"Chad", "Sudan"}


@pytest.mark.parametrize("sentence", [
    "Both sides agreed to a ceasefire on Tuesday.",
    "The two parties to the conflict agreed to a ceasefire on Tuesday.",
])
def test_counted_sides_are_the_warring_parties_named_before_not_a_mediator(extract, sentence):
    events = extract("Chad and the FNT fought for a year. The African Union mediated the talks in Addis Ababa. "
                     "The African Union urged calm. " + sentence)
    (deal,) = [e for e in events if e["action"]["type"] == "Agree"]
    assert {deal["actor"]["label"], deal["target"]["label"]} == {"Chad", "FNT"}


def test_a_dateline_weighs_in_the_country_a_report_is_about(extract):
    events = extract("BAMAKO, Mali (AP) - Soldiers arrested two former ministers on Tuesday. "
                     "Protesters later gathered outside the French embassy. France urged calm and "
                     "France asked its citizens to stay home.")
    (arrest,) = [e for e in events if e["action"]["type"] == "Arrest"]
    assert arrest["actor"]["country"] != "FRA" and not arrest["actor"]["label"].startswith("French")


@pytest.mark.parametrize("sentence", ["The bloc's leaders gathered in Lagos on Thursday.",
                                      "Police gathered evidence at the scene."])
def test_a_crowd_word_without_a_crowd_is_no_protest(extract, sentence):
    assert not [e for e in extract(sentence) if e["action"]["type"] == "Protest"]


def test_a_government_removing_an_official_stages_no_coup(extract):
    assert not [e for e in extract("The government ousted the governor of Kano.") if e["action"]["type"] == "Coup"]


def test_the_agent_s_own_possession_is_no_target(extract):
    events = extract("The army suspended its participation in the talks.")
    assert [(e["action"]["type"], e["target"]["type"]) for e in events] == [("Sanction", "Issue")], events


@pytest.mark.parametrize("sentence, event_type", [
    ("The president accused the army of arming the militia, an accusation the army has rejected.", "Accuse"),
    ("Gunmen attacked the convoy near Kidal, an attack the army blamed on the rebels.", "Attack"),
])
def test_a_noun_commenting_on_the_event_just_told_is_that_event(extract, sentence, event_type):
    events = extract(sentence)
    assert [e["action"]["type"] for e in events].count(event_type) == 1, events
    assert any(e["action"]["type"] not in (event_type,) and e["target"] for e in events), events


def test_a_definite_event_noun_names_the_other_party_of_the_talks_told_before(extract):
    events = extract("Talks with the Rapid Support Forces began in Jeddah in May. "
                     "The army said on Wednesday that it had decided to suspend the talks.")
    assert any(e["action"]["type"] == "Sanction" and e["target"] and e["target"]["label"] == "Rapid Support Forces"
               for e in events), events


def test_who_undergoes_an_event_a_noun_names_does_not_act_through_it(extract):
    events = extract("The opposition said that his detention had nullified the peace deal.")
    assert events and not [e for e in events if e["actor"] and e["action"]["type"] != "Arrest"], events


@pytest.mark.parametrize("sentence, event_type", [
    ("The government pledged more money to fight corruption in the region.", "ArmedClash"),
    ("Heavy floods hit the northern region on Monday.", "Attack"),
])
def test_a_sense_that_takes_only_actors_is_not_told_of_things(extract, sentence, event_type):
    assert not [e for e in extract(sentence) if e["action"]["type"] == event_type]


def test_a_definite_description_stands_for_an_organisation_named_before_of_no_known_kind(extract):
    events = extract("The SPLM-IO said its leader had been arrested. The party also denied backing the White Army.")
    assert any(e["action"]["type"] == "Support" and e["actor"] and e["actor"]["label"] == "SPLM-IO"
               and e["modality"] == "denied" for e in events), events
    events = extract("Kabore said the vote was rigged. The party also denied backing the rebels.")
    assert not any(e["actor"] and e["actor"]["label"] == "Kabore" for e in events), events


def test_a_broker_of_a_deal_is_no_party_to_it(extract):
    events = extract("The rebels agreed to a truce mediated by the African Union on Monday.")
    (deal,) = [e for e in events if e["action"]["type"] == "Agree"]
    assert deal["actor"]["label"] == "insurgents" and (deal["target"] or {}).get("label") != "African Union"


def test_who_fights_alongside_someone_is_on_their_side(extract):
    events = extract("Eritrean troops fought alongside Ethiopian forces in Tigray.")
    assert not [e for e in events if (e["target"] or {}).get("label") == "Ethiopian soldiers"]


def test_a_promise_to_refrain_is_no_threat(extract):
    assert not [e for e in extract("The rebels vowed not to attack the town.") if e["action"]["plover"] == "THREATEN"]
    assert [e["action"]["plover"] for e in extract("The rebels vowed to attack the town.")] == ["THREATEN"]


def test_a_particle_that_makes_another_word_keeps_the_bare_verb_s_sense_out(extract):
    events = extract("The army called off the talks after the rebels attacked a convoy.")
    assert "Consult" not in [e["action"]["type"] for e in events]


def test_speaking_of_something_is_no_meeting(extract):
    assert not [e for e in extract("The envoy spoke of a climate of mistrust between the army and the mission.")
                if e["action"]["plover"] == "CONSULT"]
    (talk,) = [e for e in extract("The minister spoke with the Chinese ambassador.") if e["action"]["plover"] == "CONSULT"]
    assert talk["target"]["text"] == "the Chinese ambassador"


def test_us_in_capitals_is_the_country(extract):
    (sanction,) = [e for e in extract("The US imposed sanctions on the general.") if e["action"]["type"] == "Sanction"]
    assert sanction["actor"]["label"] == "United States"


def test_names_that_share_the_head_of_a_thing_are_no_agents(extract):
    assert not [e for e in extract("The region where the Chad, Niger and Nigeria borders meet is poor.")
                if e["action"]["plover"] == "CONSULT"]


def test_one_attack_told_by_two_words_is_one_event_of_its_method(extract):
    events = extract("Militants killed four policemen in a suicide bombing.")
    assert [(e["action"]["type"], e["actor"]["label"], e["target"]["label"]) for e in events] == \
        [("SuicideBombing", "insurgents", "police forces")]
    (strike,) = extract("Ethiopian airstrikes killed at least eight people.")
    assert (strike["action"]["type"], strike["actor"]["label"]) == ("Airstrike", "Ethiopia")


def test_a_notion_a_description_or_a_motive_is_no_event(extract):
    assert not [e for e in extract("The decision violates the principles of regional cooperation.")
                if e["action"]["plover"] == "COOPERATE"]
    (condemn,) = extract("The opposition denounced the raids as an assault on the nation's independence.")
    assert condemn["action"]["type"] == "Condemn"
    assert not [e for e in extract("Chad recalled its ambassador in protest.") if e["action"]["plover"] == "PROTEST"]


def test_describing_something_is_no_act_on_it(extract):
    events = extract("The president called the deal illegal.")
    assert not [e for e in events if e["action"]["plover"] in ("CONSULT", "AGREE", "REQUEST")]


def test_a_reflexive_target_is_no_one_else(extract):
    events = extract("The army said it would defend itself.")
    assert all(e["target"] is None for e in events)


def test_condemning_an_event_aims_at_who_did_it_when_the_text_says(extract):
    events = extract("The junta detained the president in July. The bloc condemned the continuous detention of the president.")
    (condemn,) = [e for e in events if e["action"]["type"] == "Condemn"]
    assert condemn["target"]["label"] == "military junta"


def test_a_border_closed_with_a_neighbour_is_aimed_at_the_neighbour(extract):
    (ban,) = [e for e in extract("Niger closed its border with Benin.") if e["action"]["type"] == "Ban"]
    assert ban["target"]["label"] == "Benin"


def test_accusations_that_someone_did_something_are_against_them(extract):
    (accusation,) = [e for e in extract("Burundi closed its border following accusations that Kigali supports the rebels.")
                     if e["action"]["type"] == "Accuse"]
    assert accusation["target"]["label"] == "Rwandan government"


def test_an_adjunct_of_press_wording_keeps_the_event(extract):
    (attack,) = extract("The ministry said rebels attacked an army post, without providing details.")
    assert (attack["actor"]["label"], attack["modality"]) == ("insurgents", "reported")
    (condemn,) = extract("The army condemned the attack in a statement.")
    assert condemn["target"]["text"] == "the attack"


def test_fire_drawn_from_someone_is_theirs(extract):
    events = extract("The airstrikes drew return fire from the rebels.")
    (fire,) = [e for e in events if e["action"]["type"] == "ArmedClash"]
    assert fire["actor"]["label"] == "insurgents"


def test_objections_are_aimed_at_the_owner_of_what_is_objected_to(extract):
    (objection,) = extract("Malian objections to France's involvement grew.")
    assert (objection["actor"]["label"], objection["target"]["label"]) == ("Mali", "France")


def test_a_wider_people_is_not_the_article_s_country(extract):
    events = extract("Mali accused the army. Western officials have accused the mercenaries of abuses.")
    (western,) = [e for e in events if e["actor"]["text"] == "Western officials"]
    assert western["actor"]["country"] is None


def test_a_demand_about_a_thing_is_about_that_thing(extract):
    (demand,) = [e for e in extract("ECOWAS said the suspension of dialogue should not halt mediation.")
                 if e["action"]["type"] == "Request"]
    assert (demand["actor"]["label"], demand["target"]["type"]) == ("ECOWAS", "Issue")


def test_an_accusation_in_the_passive_needs_an_accused(extract):
    events = extract("Officers are alleged to have plotted a coup, with reports suggesting more could be implicated.")
    assert not [e for e in events if e["action"]["plover"] == "ACCUSE" and (e["target"] or {}).get("type") == "Issue"]


def test_signing_a_thing_with_someone_is_one_signing_with_them(extract):
    events = extract("The foreign minister signed a memorandum of understanding with the Puntland leader.")
    agreements = [e for e in events if e["action"]["type"] == "Agree"]
    assert [a["target"]["text"] for a in agreements] == ["the Puntland leader"]


def test_a_participle_adjunct_of_the_same_attack_is_no_second_attack(extract):
    events = extract("Syrian jets bombed farms near Idlib, targeting Turkmen fighters.")
    assert [(e["action"]["type"], e["target"]["text"]) for e in events] == [("Bombing", "Turkmen fighters")]


def test_a_result_the_model_tags_as_past_tense_is_still_a_result(extract):
    events = extract("The navy fired water cannon at the trawler, leaving it damaged.")
    assert "Withdraw" not in [e["action"]["type"] for e in events]


def test_rebellions_no_one_names_are_events_not_rebels(extract):
    events = extract("The five states pledged to settle armed rebellions together.")
    assert not [e for e in events if (e["target"] or {}).get("type") == "Insurgents"], events


def test_an_attack_told_by_two_words_is_one_event_of_the_more_specific_kind(extract):
    events = extract("Insurgents killed seven soldiers in an ambush and an attack near Gao.")
    assert [(e["action"]["type"], e["actor"]["label"], e["target"]["label"]) for e in events] == [
        ("Ambush", "insurgents", "soldiers")], events
    # coordinated event nouns under one verb are each the subject's
    raids = extract("Rebels carried out raids and ambushes in the north.")
    assert {(e["action"]["type"], e["actor"]["label"]) for e in raids} == {("Attack", "insurgents"), ("Ambush", "insurgents")}


def test_a_definite_event_noun_is_first_the_event_told_by_the_same_word(extract):
    events = extract("The Chadian strikes came a day after rebels killed five soldiers in an ambush and an attack. "
                     "The rebels denounced the strikes.")
    (condemn,) = [e for e in events if e["action"]["type"] == "Condemn"]
    assert condemn["target"]["label"] == "Chad", events


def test_a_clause_that_tells_another_event_gives_no_place(extract):
    events = extract("The Chadian airstrikes came a day after rebels ambushed a convoy in Tibesti.")
    (strikes,) = [e for e in events if e["action"]["text"] == "airstrikes"]
    assert strikes["place"] is None and strikes["target"] is None, strikes


def test_where_the_agents_come_from_is_not_where_the_event_is(extract):
    (attack,) = extract("Soldiers from Mali attacked the village.")
    assert attack["place"] is None and attack["target"]["text"] == "the village", attack


def test_a_town_the_model_takes_for_a_person_is_a_place(extract, extractor):
    sentence = "The M23 rebellion seized Goma."
    assert [(e.text, e.label_) for e in extractor.nlp(sentence).ents if e.text == "Goma"] == [("Goma", "PERSON")]
    (seizure,) = extract(sentence)
    assert (seizure["target"]["label"], seizure["target"]["type"]) == ("Goma", "Actor")
    # someone named in full in the same text keeps their name
    people = extract("Lincoln Moyo, a lawyer, was arrested on Monday. Police said Lincoln was held in Harare.")
    assert "Person" in {(e["target"] or {}).get("type") for e in people}, people


@pytest.mark.parametrize("sentence, event_type", [
    ("Zambia said the ruling violates the principles of the trade bloc.", "Reject"),
    ("Zambia regretted the ruling, which it said violates the treaty of the trade bloc.", "Reject"),
    ("The charter calls for the disarmament of the militias.", "Request"),
    ("The lawyers said the seizure of the bank had nullified the earlier accord.", "Reject"),
])
def test_a_sense_only_actors_perform_is_not_done_by_a_thing(extract, sentence, event_type):
    assert not [e for e in extract(sentence) if e["action"]["type"] == event_type]


@pytest.mark.parametrize("sentence, event_type, actor", [
    ("Militiamen violated the charter in Ituri.", "Reject", "Militiamen"),
    ("The regional council called for the disarmament of the militias.", "Request", "The regional council"),
])
def test_an_actor_performing_that_sense_still_does(extract, sentence, event_type, actor):
    assert [e["actor"]["text"] for e in extract(sentence) if e["action"]["type"] == event_type] == [actor]


@pytest.mark.parametrize("sentence, evacuated", [
    ("Twelve aid workers were evacuated from the camp by helicopter.", "Twelve aid workers"),
    ("The navy evacuated 400 civilians from the port.", "400 civilians"),
])
def test_the_evacuated_are_who_the_evacuation_helps(extract, sentence, evacuated):
    assert [e["target"]["text"] for e in extract(sentence) if e["action"]["type"] == "ProvideAid"] == [evacuated]


@pytest.mark.parametrize("sentence, kind, dead", [
    ("Two Kenyan soldiers were killed and at least nine wounded in a drone strike on a camp near Lamu.",
     "Airstrike", "Two Kenyan soldiers"),
    ("A car bomb exploded outside the ministry, killing four people and injuring 30 others.", "Bombing", "four people"),
])
def test_the_wounded_told_beside_the_dead_are_of_the_same_attack(extract, sentence, kind, dead):
    assert [(e["action"]["type"], e["target"]["text"]) for e in extract(sentence)] == [(kind, dead)]


@pytest.mark.parametrize("sentence, given, target", [
    ("The president offered talks to the armed groups in the north.", "Consult", "armed groups"),
    ("Ankara offered recognition to Kosovo.", "Support", "Kosovo"),
])
def test_a_giving_verb_whose_object_is_an_event_gives_that_event(extract, sentence, given, target):
    events = extract(sentence)
    assert [e["action"]["type"] for e in events] == [given], events
    assert target in events[0]["target"]["text"], events


@pytest.mark.parametrize("sentence", [
    "The regional bloc invited the media to a briefing by its envoy in Niamey.",
    "The defence minister spoke to reporters after the meeting.",
    "The general met journalists at the airbase on Tuesday.",
])
def test_an_exchange_with_the_press_alone_is_no_event(extract, sentence):
    assert extract(sentence) == []


def test_a_named_outlet_stays_a_party(extract):
    events = extract("The junta summoned the BBC correspondent in Ouagadougou.")
    assert [e["target"]["label"] for e in events] == ["BBC"], events


def test_what_a_thing_is_about_is_no_target(extract):
    events = extract("The broadcaster stands by its coverage about Ethiopia.")
    assert not [e for e in events if e["target"] and "Ethiopia" in e["target"]["text"]], events


def test_a_dateline_is_no_part_of_the_source(extract):
    events = extract("(AFP) – Chad accused Sudan on Monday of arming the rebels.")
    assert {e["attributed_to"] for e in events if e["modality"] == "alleged"} == {"Chad"}, events


def test_settling_a_kind_of_conflict_is_no_deal_between_the_settlers(extract):
    events = extract("Chad, Niger and Sudan signed a charter. It commits the three states to settle armed uprisings.")
    assert {e["action"]["text"] for e in events} == {"signed"}, events
    (deal,) = [e for e in extract("The army and the rebels settled the clashes in Kidal.") if e["action"]["type"] == "Agree"]
    assert (deal["actor"]["label"], deal["target"]["label"]) == ("soldiers", "insurgents")


@pytest.mark.parametrize("sentence, accused", [
    ("The militia has not commented on the allegations of the rights group.", "armed men"),
    ("The governor responded to the accusations on Tuesday.", "The governor"),
])
def test_who_answers_an_accusation_is_whom_it_is_against(extract, sentence, accused):
    events = [e for e in extract(sentence) if e["action"]["type"] == "Accuse"]
    assert [accused in (e["target"]["label"], e["target"]["text"]) for e in events] == [True], events


def test_the_means_used_is_no_target(extract):
    events = extract("The rebels accused the army of violating the agreement by using artillery.")
    (violation,) = [e for e in events if e["action"]["type"] == "Reject"]
    assert (violation["actor"]["label"], violation["target"]["text"]) == ("soldiers", "the agreement"), violation


def test_who_speaks_during_a_visit_is_the_visitor(extract):
    events = extract("The Kenyan president told a news conference during a visit to Uganda that talks would resume.")
    (visit,) = [e for e in events if e["action"]["type"] == "Visit"]
    assert (visit["actor"]["text"], visit["target"]["label"]) == ("The Kenyan president", "Uganda"), visit


@pytest.mark.parametrize("sentence, actor", [
    ("“I will not attack the rebels,” Colonel Assimi Goita said.", "Assimi Goita"),
    ("Chad's Foreign Minister Abderaman Koulamallah said: “We will not attack Sudan.”", "Chad"),
    ("Chad's Foreign Minister Abderaman Koulamallah said his country would not attack Sudan.", "Chad"),
])
def test_a_person_s_own_words_speak_for_the_person_and_their_country(extract, sentence, actor):
    assert [e["actor"]["label"] for e in extract(sentence)] == [actor]


@pytest.mark.parametrize("sentence", [
    "The general said the raid “leaves us no choice but to respond”.",
    "The navy fired water cannon at the trawler, leaving it badly damaged.",
    "The blast left five people dead in the market.",
])
def test_a_thing_leaving_someone_somewhere_is_no_withdrawal(extract, sentence):
    assert not [e for e in extract(sentence) if e["action"]["type"] == "Withdraw"]


@pytest.mark.parametrize("sentence, types", [
    ("Nigeria dispatched former President Goodluck Jonathan to mediate in the crisis.", {"Consult"}),
    ("The African Union dispatched an envoy to Juba.", {"Consult"}),
    ("Rwanda sent troops to Mozambique.", {"Mobilize"}),
])
def test_sending_a_person_is_a_mission_no_mobilisation(extract, sentence, types):
    assert {e["action"]["type"] for e in extract(sentence)} == types


def test_what_is_said_of_an_event_named_before_is_no_event_of_its_own(extract):
    events = extract("Kenyan jets bombed the camps on Monday. The raids were the first since 2019, when Kenya shelled Somali towns.")
    assert [e["action"]["text"] for e in events] == ["bombed", "shelled"], events


def test_a_ban_by_a_thing_is_no_one_s_act(extract):
    events = extract("The minister said the closure will restrict trade between the two countries.")
    assert not [e for e in events if e["action"]["type"] == "Ban"], events
