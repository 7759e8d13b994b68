"""Mention texts as event coders mark them: the whole noun phrase the text names an actor by.

Each row: a sentence, the side ("actor" or "target"), and the text that must be among that side's
texts in the sentence's events; a row's text may also be one that must not be among them.
"""
import pytest

import kg

pytestmark = pytest.mark.model

PRESENT = [
    # a name that ends in a word of counting is a name, not a count of what its "of" phrase names
    ("The Freedom Hawks Units of the TAK carried out a bomb attack on the police station.", "actor",
     "The Freedom Hawks Units of the TAK"),
    # a pronoun whose antecedent the same sentence names is marked as that name
    ("The Kenyan army said it had killed four militants.", "actor", "The Kenyan army"),
    ("The Nigerian Air Force said it had bombed a rebel camp near the border.", "actor", "The Nigerian Air Force"),
    # a name in apposition to a role is one mention with it, from the role on
    ("The Ugandan envoy, Grace Mbabazi, met the Kenyan foreign minister in Nairobi.", "actor",
     "The Ugandan envoy, Grace Mbabazi"),
    ("The rebel commander Ibrahim Musa surrendered to the army.", "actor", "The rebel commander Ibrahim Musa"),
    # an apposition's own clause of an event stays out; the apposition does not
    ("Hassan Ali, a rebel leader accused of war crimes, surrendered to the army.", "actor", "Hassan Ali, a rebel leader"),
    # a bare count that shares a passive's auxiliary is more of the people named before it
    ("Five soldiers were killed and 12 abducted in the ambush.", "target", "12"),
    # "others" keep their own words, with their number
    ("Gunmen shot dead four villagers and abducted nine others.", "target", "nine others"),
    # a person's name ends at an "of" phrase of a common noun the parser hangs on it
    ("The envoys warned Minister Anna Berg of the danger.", "target", "Minister Anna Berg"),
    # a name the recogniser stops inside its "of" phrase goes on to the phrase's end
    ("The Parliament of South Africa condemned the raid.", "actor", "The Parliament of South Africa"),
    # a phrase that stands for the actor inside it keeps what completes it and its apposition
    ("Police detained dozens of supporters of the opposition leader.", "target",
     "dozens of supporters of the opposition leader"),
    ("Nigeria sent troops to its neighbour Niger.", "target", "its neighbour Niger"),
    # the agent in a noun's by-phrase is named by itself
    ("The government rejected accusations by the opposition that it had rigged the vote.", "target",
     "the opposition"),
    # and so is the participant in an event noun's "of" phrase
    ("The government rejected the demands of the striking teachers.", "target", "the striking teachers"),
    # an event noun that stands for the actor in it takes none of its own phrases, which name its parts
    ("Kenya rejected a Mogadishu warning of military action.", "target", "a Mogadishu warning"),
    # a thing that stands for the actor in it keeps where it is only when the event is done to places
    ("Gunmen attacked an army base in Kano state.", "target", "an army base in Kano state"),
    ("The minister criticised US strategy in Afghanistan.", "target", "US strategy"),
    # and no participle of its own
    ("China vetoed a UN draft resolution tabled by France.", "target", "a UN draft resolution"),
    # an apposition that tells the event again is not the mention's
    ("Gunmen attacked an army camp in northern Mali, the third attack this month.", "target",
     "an army camp in northern Mali"),
    # bare nouns that share the first conjunct's determiner, number or adjective are one mention with it
    ("The rebels released a Cuban physician and nurse on Friday.", "target", "a Cuban physician and nurse"),
    ("Police detained another 25 opposition lawmakers and students.", "target",
     "another 25 opposition lawmakers and students"),
    # and each side of a clash on its own
    ("Syrian troops and rebels clashed near the border.", "actor", "Syrian troops"),
    # a title's phrase naming whom its holder serves is part of the mention
    ("The army detained a spokesman for the rebels.", "target", "a spokesman for the rebels"),
    # a date before a name is no part of it; a number the recogniser takes for a year may be a count
    ("On 12 March 2019 Kenya's Supreme Court rejected an appeal by the opposition.", "actor", "Kenya's Supreme Court"),
    # a place standing as the target is the whole phrase that names it
    ("The US government provided aid in northern Iraq.", "target", "northern Iraq"),
    # a phrase placing a common noun's people or things is part of its mention, wherever the parser hangs it
    ("Police detained dozens of protesters in the capital on Sunday.", "target", "dozens of protesters in the capital"),
    ("Troops captured the mosque in Mosul on Sunday.", "target", "the mosque in Mosul"),
    ("Ethiopia threatened to attack rebel fighters across the border in eastern Sudan.", "target",
     "rebel fighters across the border in eastern Sudan"),
    # the place by its own phrase, not what a comma adds after it
    ("Gunmen raided a mosque in the village of Kala, two worshippers were killed.", "target",
     "a mosque in the village of Kala"),
    # a place standing as the target of an attack, from the thing it says where it is
    ("Gunmen attacked the cities in northern Nigeria with rockets.", "target", "the cities in northern Nigeria"),
    # a short name in brackets is part of the name
    ("The Movement for Democratic Change (MDC) accused the police of torture.", "actor",
     "The Movement for Democratic Change (MDC)"),
]

ABSENT = [
    # a measure of time before a comparative, and a bare noun after "in", say when or how, not who
    ("The rebel fighters in retaliation burned the market.", "actor", "The rebel fighters in retaliation"),
    # a name is named by itself, not by where it is; and a date says when, not which
    ("The minister met Emmanuel Macron in Paris.", "target", "Emmanuel Macron in Paris"),
    ("Police arrested the protesters in May.", "target", "the protesters in May"),
    # a group that gives its own name in brackets is named by it
    ("Jihadists attacked volunteer fighters (VDP) in the town of Dori.", "target",
     "volunteer fighters (VDP) in the town of Dori"),
    # the place is no thing's that a participle only tells of
    ("Observers reported explosions involving unknown weapons near Kala.", "target", "unknown weapons near Kala"),
    ("The Kenyan army said it had killed four militants.", "actor", "it"),
    ("Syrian troops and rebels clashed near the border.", "target", "Syrian troops and rebels"),
    # nor a noun a clause away that the parser hangs on the subject
    ("Ghana and Togo have agreed to a new border pact, the two governments announced on Monday, promising further talks.",
     "actor", "the two governments announced on Monday"),
    # a list is no apposition
    ("The United States, France and other governments sent aid to Nepal.", "actor", "The United States, France"),
]


@pytest.fixture(scope="module")
def texts(extractor):
    cache: dict[str, list[dict]] = {}

    def run(sentence: str, side: str) -> set[str]:
        if sentence not in cache:
            cache[sentence] = kg.extract(sentence, published="2025-08-04", extractor=extractor)
        return {e[side]["text"] for e in cache[sentence] if e[side]}

    return run


@pytest.mark.parametrize("sentence, side, text", PRESENT, ids=[f"{c[2]}" for c in PRESENT])
def test_mention_text(texts, sentence, side, text):
    assert text in texts(sentence, side)


@pytest.mark.parametrize("sentence, side, text", ABSENT, ids=[f"not {c[2]}" for c in ABSENT])
def test_mention_text_leaves_out(texts, sentence, side, text):
    assert text not in texts(sentence, side)
