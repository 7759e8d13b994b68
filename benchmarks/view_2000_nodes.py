"""How long a 2,000-actor network view takes to become still in headless Chromium.

Builds a synthetic actor graph in the shape of kg's (scale-free ties, actor types, event types with
their PLOVER roots and QuadClass, modalities including denied ones, dates, sentences), writes the
view, opens it in Debian's Chromium and waits for the page's ``kg:still`` signal: the layout has
stabilised, physics is off and the frozen layout has been drawn. Prints seconds from navigation
start to still, several runs, and checks that nothing moves afterwards.

    .venv/bin/python benchmarks/view_2000_nodes.py [--nodes 2000] [--runs 3] [--keep out/bench.html]
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx

ACTOR_TYPES = ["Person", "Government", "MilitaryForce", "ArmedGroup", "Insurgents", "PoliticalParty",
               "Civilians", "Country", "InternationalOrganization", "Media"]
EVENT_TYPES = [  # notation, label, PLOVER root, QuadClass, Goldstein-style score
    ("Attack", "attack", "ASSAULT", 4, -10.0), ("Arrest", "arrest or detention", "COERCE", 4, -7.5),
    ("Accuse", "accusation", "ACCUSE", 3, -2.0), ("Threaten", "threat", "THREATEN", 3, -6.0),
    ("Meet", "meeting", "CONSULT", 1, 1.0), ("Agree", "agreement", "AGREE", 1, 4.0),
    ("Aid", "aid", "AID", 2, 7.0), ("Protest", "protest", "PROTEST", 4, -6.5),
]
MODALITIES = ["asserted"] * 6 + ["reported"] * 3 + ["alleged", "planned", "denied"]


def synthetic_graph(nodes: int, seed: int = 7) -> nx.MultiDiGraph:
    """A MultiDiGraph shaped like :func:`kg.network.actor_multigraph` output."""
    rng = random.Random(seed)
    ties = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    graph = nx.MultiDiGraph()
    for n in ties:
        graph.add_node(f"https://w3id.org/kg/id/actor/a{n}", label=f"Actor {n}", type=rng.choice(ACTOR_TYPES), country="")
    for i, (u, v) in enumerate(ties.edges()):
        if rng.random() < 0.5:
            u, v = v, u
        for j in range(1 + (rng.random() < 0.15)):  # some pairs carry two claims
            kind, label, plover, quad, score = rng.choice(EVENT_TYPES)
            date = rng.choice(["", "", f"{rng.randint(2018, 2025)}", f"2025-{rng.randint(1, 12):02d}"])
            graph.add_edge(f"https://w3id.org/kg/id/actor/a{u}", f"https://w3id.org/kg/id/actor/a{v}", key=f"c{i}-{j}",
                           event=f"e{i}-{j}", assertion=f"c{i}-{j}", type=kind, action=label, plover=plover,
                           quad_class=quad, goldstein=score, broader="", modality=rng.choice(MODALITIES), date=date,
                           place="", sentence=f"Actor {u} and actor {v}: {label} number {i}.", action_text=label,
                           confidence=0.8, source="", article=f"doc-{i % 50}", article_title="", published="", url="")
    return graph


def time_to_still(browser, path: Path) -> tuple[float, int, int]:
    """Seconds from navigation start to the page's kg:still, and the drawn node and edge counts."""
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    page = context.new_page()
    outside = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (outside.append(r.request.url), r.abort()))
    page.goto(path.resolve().as_uri(), wait_until="commit")
    seconds = page.evaluate("""() => new Promise(resolve => {
        const done = () => window.kgView && window.kgView.still;
        const tick = () => done() ? resolve(window.kgView.stillAt / 1000) : setTimeout(tick, 10);
        tick();
    })""")
    drawn = page.evaluate("kgView.drawn()")
    before = page.evaluate("kgView.network.getPositions()")
    page.wait_for_timeout(1000)
    moved = page.evaluate("kgView.network.getPositions()") != before
    context.close()
    if outside or moved:
        raise SystemExit(f"bad run: requests {outside}, moved after still: {moved}")
    return seconds, drawn["nodes"], drawn["edges"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    from kg.views.actor_network import write_view

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also keep the view here")
    args = parser.parse_args()

    graph = synthetic_graph(args.nodes)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.html"
        started = time.perf_counter()
        write_view(graph, path, f"synthetic network of {args.nodes} actors")
        written = time.perf_counter() - started
        if args.keep:
            args.keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, args.keep)
        print(f"graph: {graph.number_of_nodes()} actors, {graph.number_of_edges()} claims; "
              f"view written in {written:.2f} s ({path.stat().st_size / 1e6:.1f} MB)")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                                       "--disable-component-update", "--no-first-run"])
            results = [time_to_still(browser, path) for _ in range(args.runs)]
            browser.close()
    times = [r[0] for r in results]
    print(f"drawn: {results[0][1]} nodes, {results[0][2]} edges (denied claims hidden)")
    print("time to still (s): " + ", ".join(f"{t:.2f}" for t in times) + f"; median {statistics.median(times):.2f}")


if __name__ == "__main__":
    main()
