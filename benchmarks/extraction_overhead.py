"""How much time extraction adds to spaCy's own parsing, on the project's sample articles.

    .venv/bin/python benchmarks/extraction_overhead.py [--docs 300]

Parses the sentences of ``data/articles`` (shuffled into documents of ~8 sentences, repeated to
``--docs`` documents) with ``nlp.pipe``, then runs kg's extraction over the parsed Docs, and
prints both times and their ratio. Target: extraction adds at most 15% to the parsing time.
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n_docs: int, seed: int = 7) -> list[str]:
    """Documents of shuffled sentences from the bundled articles (text only, no front matter)."""
    from kg.ingest.reader import read_articles

    articles = [a.text for a in read_articles([ROOT / "data" / "articles"])]
    sentences = [s.strip() + "." for text in articles for s in text.replace("\n", " ").split(". ") if len(s) > 40]
    rng = random.Random(seed)
    return [" ".join(rng.sample(sentences, min(8, len(sentences)))) for _ in range(n_docs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()

    from kg.extraction.events import extract_events
    from kg.extraction.extractor import Extractor
    from kg.records import Article

    texts = corpus(args.docs)
    extractor = Extractor()
    list(extractor.nlp.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    docs = list(extractor.nlp.pipe(texts, batch_size=64))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    events = 0
    for i, doc in enumerate(docs):
        events += len(extract_events(doc, Article(id=f"doc-{i}", text=doc.text), extractor.rules, extractor.resolver))
    extract = time.perf_counter() - start
    words = sum(len(doc) for doc in docs)
    print(f"documents {len(docs)}, tokens {words}, events {events}")
    print(f"spaCy nlp.pipe     {parse:7.2f} s  ({words / parse:,.0f} tokens/s)")
    print(f"kg extraction      {extract:7.2f} s")
    print(f"extraction / spaCy {extract / parse:7.1%}  (target <= 15%)")


if __name__ == "__main__":
    main()
