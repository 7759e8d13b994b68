"""Corpus-build throughput on text without repeats: kg build against bare spaCy, flat as the store grows.

The corpus is generated from the project's own knowledge (:mod:`diverse_corpus`: every trigger of
``kg/rules/`` in sentences with varied actors, targets, places and dates, none repeated within a
document), or read from ``--corpus PATH`` (a folder of articles or a JSONL file, as ``kg build``
reads them). Each measurement runs in a fresh process, so that its times and peak memory are its own:

1. bare spaCy: the English pipeline's ``nlp.pipe`` over the texts, nothing else (and with
   ``n_process=2``: what the machine's cores give spaCy at all);
2. ``kg extract``: extraction of every event, written as contract JSON, no store;
3. ``kg build`` into a new on-disk store, one process, with the SHACL check (the default) and
   without, and with two processes;
4. a ``--large``-document build: its time per 1,000 articles as the store grows (a table, and a plot
   written to ``docs/throughput-growth.svg`` with ``--plot``), its peak RSS against the
   ``--docs``-document build's;
5. a build of ``--docs`` new documents into that large store against the same into an empty store;
6. on the large store: every named query (median of 5), ``kg stats`` and ``kg view``.

Times are the median of ``--repeat`` runs, wall and CPU (this process and its workers). Each counts
loading its pipeline, as a user waiting for the command does: spaCy's model for bare spaCy, the
model with kg's rules for ``kg extract`` and ``kg build`` (printed apart, measured once more after the run).
``--stores PATH...`` measures only step 6, on stores built already (one column each), so that the
read side can be compared across store sizes without building them again.

    python benchmarks/throughput.py [--docs 1000] [--large 20000] [--repeat 3] [--corpus PATH] [--plot]
    python benchmarks/throughput.py --stores STORE [STORE ...] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERY_PARAMS = {"actor-timeline": {"actor": "Malian soldiers"}, "events-of-type": {"type": "Arrest"},
                "events-in-range": {"since": "2021", "until": "2022-06"}}


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the build's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def read_texts(corpus: Path) -> list:
    """The articles of ``corpus`` as kg reads them."""
    from kg.ingest.reader import read_articles

    return list(read_articles([corpus]))


def child(args: argparse.Namespace) -> None:
    """One measurement, in this (fresh) process: prints a JSON line with seconds, CPU and peak RSS."""
    if args.child == "query":
        return query_child(args.store, args.corpus)
    corpus = Path(args.corpus)
    out: dict = {}
    if args.child in ("spacy", "extract"):
        articles = read_texts(corpus)
        texts = [a.text for a in articles]
        if args.child == "spacy":
            from kg.nlp.pipeline import load_spacy
        else:
            from kg.extraction.extractor import Extractor
        # every measurement counts loading its pipeline, as kg build's does: spaCy's model alone,
        # or the model with kg's rules (gazetteer, entity patterns, lemma fixes)
        started, cpu = time.perf_counter(), cpu_seconds()
        if args.child == "spacy":
            for _ in load_spacy().pipe(texts, n_process=args.processes):
                pass
            out["seconds"], out["cpu"] = time.perf_counter() - started, cpu_seconds() - cpu
            out["load"] = _load_seconds(load_spacy)
        else:
            extractor = Extractor()
            with open(os.devnull, "w", encoding="utf-8") as sink:
                for article, events in extractor.stream(articles):
                    sink.write(json.dumps({"id": article.id, "events": [e.contract() for e in events]}) + "\n")
            out["seconds"], out["cpu"] = time.perf_counter() - started, cpu_seconds() - cpu
            out["load"] = _load_seconds(Extractor)
    else:
        from kg.api import KnowledgeGraph

        graph = KnowledgeGraph(args.store)
        marks: list[tuple[int, float, float]] = []

        def progress(summary) -> None:
            if summary.articles and summary.articles % args.every == 0 and (not marks or marks[-1][0] != summary.articles):
                marks.append((summary.articles, time.perf_counter(), cpu_seconds()))

        started, cpu = time.perf_counter(), cpu_seconds()
        summary = graph.build([corpus], processes=args.processes, validate=args.validate, progress=progress)
        out["articles"], out["merged"], out["quads"] = summary.articles, summary.merged, summary.quads
        out["marks"] = [(n, t - started, c - cpu) for n, t, c in marks]
        out["seconds"], out["cpu"] = time.perf_counter() - started, cpu_seconds() - cpu
    out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(out))


def _load_seconds(load) -> float:
    """How long ``load()`` takes once more in this process (its files are in the page cache by now)."""
    started = time.perf_counter()
    load()
    return time.perf_counter() - started


def run_child(kind: str, corpus: Path, *, processes: int = 1, validate: bool = True, store: Path | None = None,
              every: int = 1000) -> dict:
    args = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--processes", str(processes),
            "--every", str(every)]
    if validate:
        args.append("--validate")
    if store is not None:
        args += ["--store", str(store)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(kind: str, corpus: Path, repeat: int, **options) -> dict:
    """The median of ``repeat`` fresh-process runs (wall and CPU), with the highest peak RSS; a build
    goes into a new store each time."""
    runs = []
    for _ in range(repeat):
        store = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "store" if kind == "build" else None
        runs.append(run_child(kind, corpus, store=store, **options))
        if store is not None:
            shutil.rmtree(store.parent, ignore_errors=True)
    return {"seconds": statistics.median(r["seconds"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "rss": max(r["rss"] for r in runs), "runs": runs}


def line(name: str, m: dict, words: int) -> str:
    loads = [r["load"] for r in m.get("runs", ()) if "load" in r]
    load = f"  (loading the pipeline {statistics.median(loads):.1f} s)" if loads else ""
    return (f"{name:<38} {m['seconds']:8.1f} s wall {m['cpu']:8.1f} s CPU {words / m['seconds']:8,.0f} words/s  "
            f"peak RSS {m['rss'] / 2**20:6,.0f} MiB{load}")


def timed(command: list[str], repeat: int = 1) -> float:
    """Median wall time of a command."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def query_times(store: Path, limit: float = 60.0) -> dict[str, float | None]:
    """Median of 5 answers of every named query on ``store``, each query in a fresh process with a
    time limit (None: it failed, or did not answer within ``limit`` seconds)."""
    from kg.sparql.named import list_queries

    times: dict[str, float | None] = {}
    for named in list_queries():
        try:
            done = subprocess.run([sys.executable, __file__, "--child", "query", "--store", str(store),
                                   "--corpus", named.name], capture_output=True, text=True, cwd=ROOT, timeout=limit * 5)
            if done.returncode != 0:
                print(f"kg query --name {named.name} on {store}: {(done.stderr.strip().splitlines() or ['failed'])[-1]}")
                times[named.name] = None
                continue
            times[named.name] = json.loads(done.stdout.strip().splitlines()[-1])["seconds"]
        except subprocess.TimeoutExpired:
            times[named.name] = None
    return times


def query_child(store: str, name: str) -> None:
    """Prints the median of 5 answers of the named query ``name`` on ``store``."""
    from kg.api import KnowledgeGraph

    graph = KnowledgeGraph(store, read_only=True)
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        graph.named(name, QUERY_PARAMS.get(name, {}))
        runs.append(time.perf_counter() - started)
    print(json.dumps({"seconds": statistics.median(runs)}))


def store_size(store: Path) -> tuple[int, int]:
    """Articles and claims (assertions) in ``store``."""
    from kg.api import KnowledgeGraph
    from kg.rdf.vocab import KGO

    graph = KnowledgeGraph(store, read_only=True)
    return graph.store.count(f"?a a <{KGO.Article}>"), graph.store.count(f"?a <{KGO.asserts}> ?e")


def read_side(store: Path, repeat: int, out: Path) -> dict[str, float | None]:
    """Seconds of every named query (median of 5, in a fresh process), ``kg stats`` and ``kg view``
    (median of ``repeat`` runs of the command) on ``store``."""
    times = {f"kg query --name {name}": seconds for name, seconds in query_times(store).items()}
    kg = [sys.executable, "-m", "kg"]
    times["kg stats"] = timed(kg + ["stats", "--store", str(store)], repeat)
    times["kg view"] = timed(kg + ["view", "--store", str(store), "-o", str(out)], repeat)
    return times


def compare_stores(stores: list[Path], repeat: int) -> None:
    """Step 6 on stores built already: a table of seconds, one column per store."""
    folder = Path(tempfile.mkdtemp(prefix="kg-read-side-"))
    sizes = [store_size(store) for store in stores]
    columns = [read_side(store, repeat, folder / "view.html") for store in stores]
    heads = [f"{a:,} docs, {c:,} claims" for a, c in sizes]
    width = max(len(h) for h in heads) + 2
    print(f"{'seconds (queries: median of 5; stats, view: median of ' + str(repeat) + ')':<58}" + "".join(f"{h:>{width}}" for h in heads))
    for name in columns[0]:
        cells = [c[name] for c in columns]
        print(f"{name:<58}" + "".join(f"{'-' if v is None else format(v, '.2f'):>{width}}" for v in cells))
    shutil.rmtree(folder, ignore_errors=True)


def growth_plot(marks: list, every: int, path: Path) -> None:
    """A small SVG: seconds per ``every`` articles against articles already stored."""
    steps = [(n, t - (marks[i - 1][1] if i else 0.0)) for i, (n, t, _) in enumerate(marks)]
    width, height, pad = 480, 240, 40
    top = max(s for _, s in steps) * 1.2
    last = steps[-1][0]
    x = lambda n: pad + (width - 2 * pad) * n / last
    y = lambda s: height - pad - (height - 2 * pad) * s / top
    points = " ".join(f"{x(n):.1f},{y(s):.1f}" for n, s in steps)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="black"/>',
           f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="black"/>',
           f'<polyline points="{points}" fill="none" stroke="#1f77b4" stroke-width="2"/>',
           f'<text x="{width / 2}" y="{height - 8}" text-anchor="middle">articles in the store</text>',
           f'<text x="{pad}" y="{pad - 12}">seconds per {every:,} articles (kg build, one process)</text>',
           f'<text x="{pad - 4}" y="{y(0) + 4}" text-anchor="end">0</text>',
           f'<text x="{pad - 4}" y="{y(top / 1.2) + 4}" text-anchor="end">{top / 1.2:.0f}</text>',
           f'<text x="{x(last)}" y="{height - pad + 14}" text-anchor="middle">{last:,}</text>', "</svg>"]
    path.write_text("\n".join(svg) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="Documents of the generated corpus.")
    parser.add_argument("--large", type=int, default=20000, help="Documents of the growth and memory build (0: none).")
    parser.add_argument("--corpus", help="A folder or JSONL file of articles to use instead of the generated corpus.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each measurement; the median counts.")
    parser.add_argument("--every", type=int, default=1000, help="Articles per step of the growth table.")
    parser.add_argument("--plot", action="store_true", help="Write the growth plot to docs/throughput-growth.svg.")
    parser.add_argument("--stores", nargs="+", type=Path, help="Only time the named queries, kg stats and kg view on these built stores.")
    parser.add_argument("--child", choices=("spacy", "extract", "build", "query"), help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--validate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    if args.stores:
        missing = [str(p) for p in args.stores if not (p / "CURRENT").exists()]
        if missing:
            raise SystemExit(f"no kg store at {', '.join(missing)}: build one first with 'kg build'")
        return compare_stores(args.stores, args.repeat)

    from diverse_corpus import write_corpus

    folder = Path(tempfile.mkdtemp(prefix="kg-throughput-"))
    if args.corpus:
        corpus = Path(args.corpus)
        articles = read_texts(corpus)
        words, docs = sum(len(a.text.split()) for a in articles), len(articles)
    else:
        corpus, docs = folder / "corpus.jsonl", args.docs
        words = write_corpus(corpus, docs, args.seed)
    print(f"corpus: {docs} documents, {words:,} words ({words / docs:.0f} per document); {os.cpu_count()} cores")

    spacy = measure("spacy", corpus, args.repeat)
    print(line("bare spaCy nlp.pipe", spacy, words))
    extract = measure("extract", corpus, args.repeat)
    print(line("kg extract", extract, words))
    one = measure("build", corpus, args.repeat)
    print(line("kg build", one, words))
    bare = measure("build", corpus, args.repeat, validate=False)
    print(line("kg build --no-validate", bare, words))
    two = measure("build", corpus, args.repeat, processes=2)
    print(line("kg build --processes 2", two, words))
    spacy_two = measure("spacy", corpus, args.repeat, processes=2)
    print(line("bare spaCy nlp.pipe(n_process=2)", spacy_two, words))

    print()
    ratio = lambda a, b, key: a[key] / b[key]
    print(f"{'':<44} wall   CPU")
    for name, a, b, target in (("kg extract / bare spaCy", extract, spacy, "<= 1.15"),
                               ("kg build / bare spaCy", one, spacy, "<= 1.25"),
                               ("kg build --no-validate / bare spaCy", bare, spacy, ""),
                               ("SHACL check / bare spaCy", {"seconds": one["seconds"] - bare["seconds"], "cpu": one["cpu"] - bare["cpu"]}, spacy, "")):
        print(f"{name:<44} {ratio(a, b, 'seconds'):5.2f}  {ratio(a, b, 'cpu'):5.2f}  {('target ' + target) if target else ''}")
    print(f"{'speed-up 1 -> 2 processes, kg build':<44} {one['seconds'] / two['seconds']:5.2f}         target >= 1.7")
    print(f"{'speed-up 1 -> 2 processes, bare spaCy':<44} {spacy['seconds'] / spacy_two['seconds']:5.2f}         what the cores give spaCy alone")
    print(f"{'CPU of 2 processes / CPU of 1, kg build':<44} {two['cpu'] / one['cpu']:5.2f}")

    if not args.large:
        return
    large = folder / "large.jsonl"
    large_words = write_corpus(large, args.large, args.seed + 1)
    store = folder / "large-store"
    big = run_child("build", large, store=store, every=args.every)
    print()
    print(f"kg build of {args.large:,} documents ({large_words:,} words): {big['seconds']:.0f} s wall, {big['cpu']:.0f} s CPU, "
          f"peak RSS {big['rss'] / 2**20:,.0f} MiB = {big['rss'] / one['rss']:.2f}x the {docs}-document build's (target <= 1.3)")
    print(f"{'articles stored':>16} {'s per ' + format(args.every, ','):>12} {'CPU s':>8}")
    previous = (0, 0.0, 0.0)
    steps = []
    for n, t, c in big["marks"]:
        steps.append(t - previous[1])
        print(f"{n:>16,} {t - previous[1]:>12.1f} {c - previous[2]:>8.1f}")
        previous = (n, t, c)
    if len(steps) >= 2:
        print(f"last {args.every:,} / first {args.every:,}: {steps[-1] / steps[0]:.2f} (target <= 1.1)")
    if args.plot and big["marks"]:
        growth_plot(big["marks"], args.every, ROOT / "docs" / "throughput-growth.svg")
    fresh = folder / "fresh.jsonl"
    write_corpus(fresh, docs, args.seed + 2)
    into_empty = measure("build", fresh, 1)
    into_big = run_child("build", fresh, store=store)
    print(f"{docs} new documents into the {args.large:,}-document store: {into_big['seconds']:.1f} s wall "
          f"{into_big['cpu']:.1f} s CPU; into an empty store {into_empty['seconds']:.1f} s wall {into_empty['cpu']:.1f} s CPU: "
          f"{into_big['seconds'] / into_empty['seconds']:.2f}x wall, {into_big['cpu'] / into_empty['cpu']:.2f}x CPU (target <= 1.1)")

    print()
    print(f"on the store of {args.large + docs:,} documents (queries: median of 5; stats, view: median of {args.repeat}):")
    for name, seconds in read_side(store, args.repeat, folder / "view.html").items():
        print(f"  {name:<44} " + (f"{seconds:6.2f} s" if seconds is not None else "failed, or no answer in 5 x 60 s") + "   target < "
              + ("1 s" if name.startswith("kg query") else "10 s"))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
