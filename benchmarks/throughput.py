"""Corpus-build throughput: kg build against bare spaCy on the same texts, 1 and 2 processes, memory.

Makes a corpus of ``--docs`` documents of about 400 words from the project's own sample article
(its sentences shuffled and sampled per document, a different publication month per document),
then, each measurement in a fresh process so that times and peak memory are its own:

1. bare spaCy: the English pipeline's ``nlp.pipe`` over the texts, nothing else;
2. ``kg build`` into a new on-disk store, one process, as it runs by default (every article
   checked against the SHACL shapes) and with ``--no-validate``;
3. the same with ``--processes 2``, and bare spaCy's own ``nlp.pipe(n_process=2)`` for what the
   machine's cores give at all;
4. peak RSS of a ``--large``-document build against the ``--docs`` one (memory must stay flat).

It prints the times, words/s, peak RSS and the ratios the targets are stated in:
kg build / bare spaCy <= 1.2, speed-up from 1 to 2 processes >= 1.7, RSS(large) / RSS(docs) <= 1.5.

    python benchmarks/throughput.py [--docs 1000] [--large 10000] [--skip-large] [--repeat 3] [--seed 7]

Each time is the fastest of ``--repeat`` runs (the memory run on ``--large`` documents runs once).
Run on demand; on two cores a full run takes about an hour.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "articles" / "mali-coup-plot.md"
WORDS_PER_DOC = 400


def make_corpus(path: Path, docs: int, seed: int) -> int:
    """Write ``docs`` JSONL documents of about 400 words; returns the number of words."""
    sys.path.insert(0, str(ROOT))
    from kg.ingest.reader import read_articles

    article = next(read_articles([SAMPLE]))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", article.text) if s.strip()]
    rng = random.Random(seed)
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(docs):
            chosen, words = [], 0
            while words < WORDS_PER_DOC:
                sentence = rng.choice(sentences)
                chosen.append(sentence)
                words += len(sentence.split())
            total += words
            out.write(json.dumps({"id": f"doc-{i:06d}", "text": " ".join(chosen),
                                  "published": f"{rng.choice((2024, 2025))}-{rng.randint(1, 12):02d}"}) + "\n")
    return total


def child(args: argparse.Namespace) -> None:
    """One measurement, in this (fresh) process: prints a JSON line with seconds and peak RSS."""
    corpus = Path(args.corpus)
    if args.child == "spacy":
        from kg.nlp.pipeline import load_spacy

        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
        nlp = load_spacy()
        list(nlp.pipe(texts[:8]))  # warm up; kg build's time includes loading its pipeline, so this favours spaCy
        started = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=args.processes):
            pass
        seconds = time.perf_counter() - started
    else:
        from kg.api import KnowledgeGraph

        store = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "store"
        graph = KnowledgeGraph(str(store))
        started = time.perf_counter()
        summary = graph.build([corpus], processes=args.processes, validate=args.validate)
        seconds = time.perf_counter() - started
        assert summary.articles + summary.rejected == sum(1 for _ in corpus.open()), summary
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "rss": rss}))


def measure(corpus: Path, kind: str, processes: int = 1, validate: bool = False, repeat: int = 1) -> dict:
    """The fastest of ``repeat`` runs, each in a fresh process (the least disturbed by other load
    on the machine, as timeit takes), with the highest peak RSS among them."""
    args = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--processes", str(processes)]
    if validate:
        args.append("--validate")
    runs = []
    for _ in range(repeat):
        done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"{kind} run failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {"seconds": min(r["seconds"] for r in runs), "rss": max(r["rss"] for r in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--skip-large", action="store_true", help="Leave out the memory run on --large documents.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each measurement; the fastest counts.")
    parser.add_argument("--child", choices=("spacy", "build"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--validate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)

    folder = Path(tempfile.mkdtemp(prefix="kg-throughput-"))
    corpus = folder / "corpus.jsonl"
    words = make_corpus(corpus, args.docs, args.seed)
    print(f"corpus: {args.docs} documents, {words:,} words ({words / args.docs:.0f} per document)")

    spacy = measure(corpus, "spacy", repeat=args.repeat)
    print(f"bare spaCy nlp.pipe:                  {spacy['seconds']:8.1f} s  {words / spacy['seconds']:8,.0f} words/s")
    spacy_two = measure(corpus, "spacy", 2, repeat=args.repeat)
    print(f"bare spaCy nlp.pipe(n_process=2):     {spacy_two['seconds']:8.1f} s  {words / spacy_two['seconds']:8,.0f} words/s")
    one = measure(corpus, "build", 1, validate=True, repeat=args.repeat)
    print(f"kg build:                             {one['seconds']:8.1f} s  {words / one['seconds']:8,.0f} words/s  "
          f"peak RSS {one['rss'] / 2**20:,.0f} MiB")
    bare = measure(corpus, "build", 1, repeat=args.repeat)
    print(f"kg build --no-validate:               {bare['seconds']:8.1f} s  {words / bare['seconds']:8,.0f} words/s")
    two = measure(corpus, "build", 2, validate=True, repeat=args.repeat)
    print(f"kg build --processes 2:               {two['seconds']:8.1f} s  {words / two['seconds']:8,.0f} words/s")
    two_bare = measure(corpus, "build", 2, repeat=args.repeat)
    print(f"kg build --processes 2 --no-validate: {two_bare['seconds']:8.1f} s  {words / two_bare['seconds']:8,.0f} words/s")

    print()
    print(f"kg build / bare spaCy:                      {one['seconds'] / spacy['seconds']:5.2f}  (target <= 1.2)")
    print(f"kg build --no-validate / bare spaCy:        {bare['seconds'] / spacy['seconds']:5.2f}")
    print(f"speed-up 1 -> 2 processes:                  {one['seconds'] / two['seconds']:5.2f}  (target >= 1.7)")
    print(f"speed-up 1 -> 2 processes, --no-validate:   {bare['seconds'] / two_bare['seconds']:5.2f}")
    print(f"bare spaCy's own speed-up, n_process 1 -> 2: {spacy['seconds'] / spacy_two['seconds']:5.2f}  "
          "(what this machine's cores give spaCy alone)")
    if not args.skip_large:
        large = folder / "large.jsonl"
        make_corpus(large, args.large, args.seed + 1)
        big = measure(large, "build", 1, validate=True)
        print(f"peak RSS {args.large} / {args.docs} documents:        {big['rss'] / one['rss']:5.2f}  (target <= 1.5; "
              f"{big['rss'] / 2**20:,.0f} MiB against {one['rss'] / 2**20:,.0f} MiB, kg build in one process; "
              f"{args.large} documents in {big['seconds']:.0f} s)")

if __name__ == "__main__":
    main()
