"""Check that the named queries answer as those of another revision do, and time both, on a store.

Each named query of ``kg/sparql/queries`` runs with the parameters below, as it is in this tree and
as it was at ``--ref`` (read with ``git show``), on the store ``--store`` opened read-only. Answers
must hold the same rows; the order may differ only between rows the query's ORDER BY ranks alike,
and a GROUP_CONCAT may list its values in another order (SPARQL leaves both open).

    python benchmarks/query_answers.py --store /path/to/store [--ref main] [--repeat 1]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAMETERS: dict[str, list[dict[str, str]]] = {
    "actor-timeline": [{"actor": "African Union"}, {"actor": "civilians"}, {"actor": "nobody"}],
    "events-of-type": [{"type": "Arrest"}, {"type": "COERCE"}],
    "events-in-range": [{}, {"since": "2021", "until": "2022-06"}, {"until": "2023-03-05"}],
    "events-by-place": [{}, {"country": "MLI"}, {"country": ""}],
}
SEPARATORS = (" | ", "; ", ", ")


def answer(store, text: str, params: dict[str, str]) -> tuple[list[str], list[tuple], float]:
    """Column names, rows (terms as N-Triples strings) and the seconds the query took."""
    import pyoxigraph as ox

    from kg.sparql.binding import bind

    started = time.perf_counter()
    result = store.query(bind(text, {k: ox.Literal(v) for k, v in params.items()}), use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    rows = [tuple(None if s[n] is None else str(s[n]) for n in names) for s in result]
    return names, rows, time.perf_counter() - started


def unordered(value: str | None) -> str | None:
    """A literal whose text is a GROUP_CONCAT, its parts sorted."""
    if not value or not value.startswith('"'):
        return value
    body, _, tail = value[1:].rpartition('"')
    for separator in SEPARATORS:
        if separator in body:
            return '"' + separator.join(sorted(body.split(separator))) + '"' + tail
    return value


def same(old: list[tuple], new: list[tuple]) -> bool:
    """The same rows, each GROUP_CONCAT taken as a set of values."""
    normal = lambda rows: sorted(tuple(unordered(v) or "" for v in row) for row in rows)
    return normal(old) == normal(new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="An existing kg store (opened read-only).")
    parser.add_argument("--ref", default="main", help="The revision whose queries are the reference.")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each query (the median is printed).")
    args = parser.parse_args()
    import pyoxigraph as ox

    from kg.sparql.named import QUERIES_DIR

    store = ox.Store.read_only(args.store)
    failed = []
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        relative = path.relative_to(ROOT).as_posix()
        shown = subprocess.run(["git", "show", f"{args.ref}:{relative}"], capture_output=True, text=True, cwd=ROOT)
        if shown.returncode != 0:
            print(f"{path.stem:<22} new at this revision")
            continue
        for params in PARAMETERS.get(path.stem, [{}]):
            old_times, new_times = [], []
            for _ in range(args.repeat):
                names, old, seconds = answer(store, shown.stdout, params)
                old_times.append(seconds)
                new_names, new, seconds = answer(store, path.read_text(encoding="utf-8"), params)
                new_times.append(seconds)
            ok = names == new_names and same(old, new)
            failed += [] if ok else [f"{path.stem} {params}"]
            given = " ".join(f"{k}={v}" for k, v in params.items())
            print(f"{path.stem:<22} {given:<28} {len(new):>7} rows  {args.ref} {statistics.median(old_times):7.3f} s"
                  f"  now {statistics.median(new_times):7.3f} s  {'same answer' if ok else 'DIFFERENT ANSWER'}")
    if failed:
        raise SystemExit(f"different answers: {', '.join(failed)}")


if __name__ == "__main__":
    main()
