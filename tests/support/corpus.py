"""Corpora for the tests. :data:`CORPUS`: three short articles that name one person in full and by
surname. :func:`write_corpus`: a varied corpus made from the bundled Mali article: each article has a lead sentence of its own
(names, places, dates and numbers vary) and three sentences of the Mali article, so every article
differs and most carry several events."""
from __future__ import annotations

import re
from pathlib import Path

from support.data import MALI

NAMES = ["Moussa Mara", "Choguel Maiga", "Abass Dembele", "Nema Sagara", "Oumar Diarra", "Ismael Wague",
         "Aminata Toure", "Ibrahim Keita", "Fatoumata Coulibaly", "Sadio Camara", "Modibo Sidibe", "Awa Traore"]
PLACES = ["Bamako", "Gao", "Mopti", "Timbuktu", "Kidal", "Sikasso", "Kayes", "Menaka", "Niono", "Koutiala"]
MONTHS = ["January", "February", "March", "April", "May", "June"]
LEADS = [
    "Malian soldiers arrested {name} in {place} on {day} {month} 2025.",
    "Rebels attacked an army post near {place} on {day} {month} 2025, killing {n} soldiers.",
    "The junta accused {name} of plotting a coup in {place} in {month} 2025.",
    "Police detained {name}, a journalist, in {place} on {day} {month} 2025.",
    "Protesters marched against the junta in {place} on {day} {month} 2025, according to {name}.",
]


def mali_sentences() -> list[str]:
    body = MALI.read_text(encoding="utf-8").split("---\n", 2)[2]
    return [s.strip() for line in body.splitlines() for s in re.split(r"(?<=[.!?])\s+", line) if len(s.split()) > 6 and s.strip()[-1] in ".!?"]


def article_text(i: int, sentences: list[str]) -> str:
    lead = LEADS[i % len(LEADS)].format(name=NAMES[i % len(NAMES)], place=PLACES[(i // 3) % len(PLACES)],
                                        day=1 + i % 28, month=MONTHS[(i // 7) % len(MONTHS)], n=2 + i % 40)
    picked = [sentences[(i * 7 + k * 5) % len(sentences)] for k in range(3)]
    return f"---\ntitle: Report {i}\npublished: 2025-08\nsource: Wire {i % 4}\n---\n{lead}\n\n" + " ".join(picked) + "\n"


def write_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` articles as ``article-000.md`` ... in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = mali_sentences()
    paths = []
    for i in range(count):
        path = folder / f"article-{i:03d}.md"
        path.write_text(article_text(i, sentences), encoding="utf-8")
        paths.append(path)
    return paths


CORPUS = [
    {"id": "full", "published": "2025-05-04", "source": "Sahel Wire",
     "text": "Gen Asimi Goïta met Russian officials in Bamako on 3 May 2025."},
    {"id": "short", "published": "2025-05-05", "source": "Bamako Daily",
     "text": "Goïta dissolved all political parties in May 2025. Malian soldiers arrested Moussa Mara on 1 August 2025."},
    {"id": "later", "published": "2025-08-09", "source": "AFP",
     "text": "Malian soldiers arrested Moussa Mara in August 2025, according to his party."},
    {"id": "other", "published": "2025-08-10",
     "text": "Protesters attacked the police station in Gao on Sunday. The junta denied that soldiers arrested Moussa Mara."},
]
