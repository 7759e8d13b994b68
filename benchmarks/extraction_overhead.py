"""How much time extraction adds to spaCy's own parsing, on the same texts.

    .venv/bin/python benchmarks/extraction_overhead.py [--corpus PATH] [--docs 300] [--repeat 3]

Parses the documents with the English pipeline's ``nlp.pipe`` without kg's event finder, times
the finder (the ``kg_events`` component: triggers, arguments, factuality, mentions) on its own over
the parsed Docs, then the rest of extraction (names, IRIs), and prints the times and the share
extraction adds (and, as a check, the pipe with the finder against the pipe without). ``--corpus`` takes any folder, file or JSONL of articles ``kg build`` reads (real
news is the honest measure); without it, the sentences of ``data/articles`` are shuffled into
documents of about eight sentences, none repeated within a document. Each time is the fastest of
``--repeat`` runs. Target: extraction adds at most 15% to the parsing time.
"""
from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts_of(corpus: str | None, n_docs: int, seed: int = 7) -> list[str]:
    """The documents to time: the articles of ``corpus``, else shuffled sample sentences."""
    from kg.ingest.reader import read_articles

    if corpus:
        return [a.text for a in read_articles([Path(corpus)])][:n_docs]
    articles = [a.text for a in read_articles([ROOT / "data" / "articles"])]
    sentences = sorted({s.strip() for text in articles for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " "))
                        if len(s) > 40})
    rng = random.Random(seed)
    return [" ".join(rng.sample(sentences, min(8, len(sentences)))) for _ in range(n_docs)]


def fastest(run, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="a folder, file or JSONL of articles (default: the sample sentences)")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from kg.extraction.component import NAME
    from kg.extraction.events import extract_events
    from kg.extraction.extractor import Extractor
    from kg.records import Article
    from kg.resolve.resolver import Resolver

    texts = texts_of(args.corpus, args.docs)
    extractor = Extractor()
    nlp = extractor.nlp
    list(nlp.pipe(texts[:20]))  # warm up

    def bare():
        with nlp.select_pipes(disable=[NAME]):
            return list(nlp.pipe(texts, batch_size=64))

    parse, parsed = fastest(bare, args.repeat)
    finding, docs = fastest(lambda: list(nlp.pipe(texts, batch_size=64)), args.repeat)
    finder = nlp.get_pipe(NAME)
    # the component alone over the parsed Docs: one measurement, not the difference of two
    # (on a shared machine the difference of two pipe runs can be off by more than it measures)
    component, _ = fastest(lambda: [finder(doc) for doc in parsed], args.repeat)

    def rest():
        resolver = Resolver()
        return sum(len(extract_events(doc, Article(id=f"doc-{i}", text=doc.text), extractor.rules, resolver))
                   for i, doc in enumerate(docs))

    resolving, events = fastest(rest, args.repeat)
    added = component + resolving
    tokens = sum(len(doc) for doc in docs)
    print(f"documents {len(docs)}, tokens {tokens:,}, events {events}")
    print(f"spaCy nlp.pipe             {parse:7.2f} s  ({tokens / parse:,.0f} tokens/s)")
    print(f"kg_events on parsed Docs   {component:7.2f} s")
    print(f"names and IRIs             {resolving:7.2f} s")
    print(f"extraction / spaCy         {added / parse:7.1%}  (target <= 15%)")
    print(f"  check: nlp.pipe with kg_events {finding:.2f} s, {(finding - parse + resolving) / parse:.1%} by difference")


if __name__ == "__main__":
    main()
