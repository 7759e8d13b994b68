"""A news-like corpus without repeats, made from the project's own knowledge.

Every trigger of ``kg/rules/en/triggers.toml`` (verbs and nouns) is put in sentences whose actors
and targets come from ``actors.toml`` (groups with a demonym, titled persons with generated names,
named organisations), whose places are countries and cities, and whose dates vary; the sentence
frames vary too (past tense, reported speech, plans, denials, nominal events). Documents are
shuffled sentences, none repeated within a document, so a build meets new names and new events
all the time, as it does on real news.

    from diverse_corpus import write_corpus
    words = write_corpus(Path("corpus.jsonl"), docs=1000, seed=7)
"""
from __future__ import annotations

import json
import random
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "kg" / "rules" / "en"
WORDS_PER_DOC = 295

FIRST = ("Amadou Moussa Ibrahim Fatoumata Aminata Oumar Abdoulaye Mariam Seydou Boubacar Aissata Hamid "
         "Yusuf Leila Omar Khalid Samira Tariq Nadia Farid Elena Dmitri Olena Viktor Irina Sergei Anna Pavel "
         "Maria Jean Claire Pierre Sophie Luis Carmen Diego Isabel Mateo Lucia Chen Wei Li Mei Hiroshi Yuki "
         "Kwame Ama Kofi Efua Chidi Ngozi Tunde Zainab Ahmed Hassan Fatima Ali Noura Rami Daniel Sarah "
         "Michael Rebecca Thomas Grace Peter Ruth Samuel Esther").split()
LAST = ("Diallo Traore Keita Coulibaly Toure Sangare Konate Sissoko Camara Cisse Haidara Maiga Ouedraogo "
        "Kabore Sawadogo Bello Okafor Adeyemi Mensah Owusu Boateng Kamau Otieno Mwangi Haddad Mansour "
        "Nasser Khalil Rahimi Karimi Hosseini Petrov Ivanov Sokolov Kovalenko Shevchenko Bondarenko Dubois "
        "Lefebvre Moreau Laurent Garcia Martinez Lopez Hernandez Silva Santos Costa Wang Zhang Liu Tanaka "
        "Suzuki Sato Novak Horvat Kowalski Nowak Schmidt Weber Fischer Rossi Bianchi Romano Murphy Kelly "
        "Walsh Ndiaye Fall Sow Ba Mbeki Dlamini Nkosi Abebe Tesfaye Girma Osei Asante Darko Yilmaz Demir "
        "Kaya Celik Aziz Farouk Sadiq Qureshi").split()
CITIES = ("Bamako Gao Timbuktu Mopti Kidal Niamey Ouagadougou Dakar Abuja Lagos Maiduguri Kano Khartoum "
          "Omdurman Darfur Goma Bunia Kinshasa Mogadishu Nairobi Tripoli Benghazi Sanaa Aden "
          "Damascus Aleppo Idlib Baghdad Mosul Kabul Kandahar Kyiv Kharkiv Odesa Donetsk Moscow Yangon "
          "Mandalay Caracas Bogota Tehran Beirut Gaza Juba Bangui Ndjamena Conakry Abidjan").split()
COUNTRIES = ("Mali,Niger,Burkina Faso,Nigeria,Sudan,Somalia,Ethiopia,Kenya,Libya,Yemen,Syria,Iraq,Afghanistan,"
             "Ukraine,Russia,Myanmar,Venezuela,Colombia,Iran,Lebanon,Chad,Guinea,Senegal,Cameroon,Mozambique,"
             "France,Germany,Turkey,Egypt,Algeria,Morocco,Tunisia,Pakistan,India,China").split(",")
MONTHS = ("January February March April May June July August September October November December").split()
SOURCES = ("AFP", "Reuters", "the Associated Press", "the BBC", "Al Jazeera", "state television",
           "a local official", "witnesses", "a security source", "residents", "a military spokesman")
IRREGULAR = {"hold": "held", "take": "took", "seize": "seized", "shoot": "shot", "fight": "fought",
             "strike": "struck", "beat": "beat", "sell": "sold", "lead": "led", "flee": "fled",
             "give": "gave", "send": "sent", "meet": "met", "throw": "threw", "rise": "rose",
             "break": "broke", "blow": "blew", "steal": "stole", "speak": "spoke", "tell": "told",
             "set": "set", "put": "put", "cut": "cut", "hit": "hit", "shut": "shut", "let": "let",
             "bring": "brought", "buy": "bought", "keep": "kept", "win": "won", "lose": "lost",
             "begin": "began", "sink": "sank", "stand": "stood", "withdraw": "withdrew", "forbid": "forbade",
             "overthrow": "overthrew", "undertake": "undertook", "make": "made", "go": "went", "come": "came",
             "draw": "drew", "drive": "drove", "write": "wrote", "hide": "hid", "bind": "bound", "lay": "laid",
             "sign": "signed", "swear": "swore", "tear": "tore", "wage": "waged", "run": "ran", "see": "saw",
             "leave": "left", "light": "lit", "spread": "spread", "feed": "fed", "stick": "stuck"}


def past(verb: str) -> str:
    """The simple past of a trigger verb (phrasal verbs inflect their first word)."""
    head, _, rest = verb.partition(" ")
    if head in IRREGULAR:
        done = IRREGULAR[head]
    elif head.endswith("e"):
        done = head + "d"
    elif head.endswith("y") and head[-2:-1] not in tuple("aeiou"):
        done = head[:-1] + "ied"
    elif len(head) <= 4 and head[-1] in "bdgmnpt" and head[-2] in "aeiou" and head[-3:-2] not in tuple("aeiou"):
        done = head + head[-1] + "ed"
    else:
        done = head + "ed"
    return f"{done} {rest}".strip()


class Names:
    """Actors and places drawn at random: many distinct persons, groups of many nations, organisations."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        actors = tomllib.loads((RULES / "actors.toml").read_text(encoding="utf-8"))
        self.groups = [noun for group in actors["group"] for noun in group["nouns"][:6] if " " not in noun or len(noun) < 20]
        self.titles = [word for title in actors["title"] for word in title["words"] if len(word) > 3 and "." not in word]
        self.orgs = [name.split("|")[0] for org in actors["organization"] for name in org["names"]]
        self.demonyms = [line.split("\t")[0] for line in (RULES / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
                         if line and not line.startswith("#") and line.split("\t")[0][:1].isupper()
                         and not line.split("\t")[0].endswith("s")]

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(self.titles).title()} {rng.choice(FIRST)} {rng.choice(LAST)}"

    def actor(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            return self.person()
        if kind < 0.75:
            return f"{rng.choice(self.demonyms)} {rng.choice(self.groups)}"
        return rng.choice(self.orgs)

    def place(self) -> str:
        return self.rng.choice(CITIES if self.rng.random() < 0.6 else COUNTRIES)

    def date(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.5:
            return f"on {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2025)}"
        if kind < 0.8:
            return f"in {rng.choice(MONTHS)} {rng.randint(2019, 2025)}"
        return rng.choice(("on Monday", "on Tuesday", "last week", "overnight", "on Friday", "earlier this month"))


def triggers() -> tuple[list[str], list[str]]:
    """Every verb and noun trigger of the rules."""
    table = tomllib.loads((RULES / "triggers.toml").read_text(encoding="utf-8"))
    verbs = [v for entry in table.values() if isinstance(entry, dict) for v in entry.get("verbs", [])]
    nouns = [n for entry in table.values() if isinstance(entry, dict) for n in entry.get("nouns", [])]
    return verbs, nouns


def upper(text: str) -> str:
    """``text`` with its first letter upper-case, the rest as it is."""
    return text[:1].upper() + text[1:]


def sentence(rng: random.Random, names: Names, verbs: list[str], nouns: list[str]) -> str:
    """One news sentence around a random trigger."""
    a, b, place, when = names.actor(), names.actor(), names.place(), names.date()
    frame = rng.randrange(8)
    if frame < 5 or not nouns:
        verb = rng.choice(verbs)
        if frame == 0:
            return f"{a} {past(verb)} {b} in {place} {when}, according to {rng.choice(SOURCES)}."
        if frame == 1:
            return f"{upper(rng.choice(SOURCES))} said {a} had {past(verb)} {b} near {place} {when}."
        if frame == 2:
            return f"{a} vowed to {verb} {b} in {place}, {names.person()} told reporters {when}."
        if frame == 3:
            return f"{a} denied that it had {past(verb)} {b} in {place}."
        return f"{upper(when)}, {a} {past(verb)} {b} outside {place}."
    noun = rng.choice(nouns)
    if frame == 5:
        return f"The {noun} of {b} by {a} in {place} {when} drew condemnation from {names.actor()}."
    if frame == 6:
        return f"{a} announced a {noun} against {b} in {place} {when}."
    return f"Officials in {place} said the {noun} by {a} {when} had left {rng.randint(2, 90)} people dead."


def write_corpus(path: Path, docs: int, seed: int = 7, words_per_doc: int = WORDS_PER_DOC) -> int:
    """Write ``docs`` JSONL documents of about ``words_per_doc`` words of distinct sentences; returns
    the number of words."""
    rng = random.Random(seed)
    names = Names(rng)
    verbs, nouns = triggers()
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(docs):
            chosen, seen, words = [], set(), 0
            while words < words_per_doc:
                text = sentence(rng, names, verbs, nouns)
                if text in seen:
                    continue
                seen.add(text)
                chosen.append(text)
                words += len(text.split())
            total += words
            out.write(json.dumps({"id": f"doc-{seed}-{i:06d}", "title": f"Report {i}", "text": " ".join(chosen),
                                  "published": f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"})
                      + "\n")
    return total
