"""Regenerate the screenshots in docs/ from the bundled Mali article and the sample week of
data/sahel-week/ (headless Chromium).

    .venv/bin/python docs/screenshots.py
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
WAIT = """(name) => new Promise(resolve => {
  const pages = {view: () => window.kgView && window.kgView.still, timeline: () => window.kgTimeline && window.kgTimeline.ready,
                 map: () => window.kgMap && window.kgMap.ready, brief: () => window.kgBrief && window.kgBrief.ready};
  const done = pages[name];
  const tick = () => done() ? resolve(true) : setTimeout(tick, 20);
  tick();
})"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    from kg.api import KnowledgeGraph

    graph = KnowledgeGraph(":memory:")
    graph.build([ROOT / "data" / "articles" / "mali-coup-plot.md"])
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        view = graph.view(Path(tmp) / "view.html", "Mali: actors and claims")
        timeline = graph.view(Path(tmp) / "timeline.html", "Mali: events over time", timeline=True)
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 860}, device_scale_factor=1)
        page.goto(view.as_uri())
        page.evaluate(WAIT, "view")
        page.screenshot(path=DOCS / "mali-view.png")
        page.click("#modality-denied")
        page.evaluate("kgView.showEdge(kgView.edges.get().find(e => e.modality === 'denied').id)")
        page.evaluate("kgView.network.selectEdges([kgView.edges.get().find(e => e.modality === 'denied').id])")
        page.screenshot(path=DOCS / "mali-evidence.png")
        page.goto(timeline.as_uri())
        page.evaluate(WAIT, "timeline")
        page.evaluate("document.querySelector('#chart .mark[data-event*=\"coup-\"]').dispatchEvent(new MouseEvent('click'))")
        page.screenshot(path=DOCS / "mali-timeline.png")
        page.goto(graph.view(Path(tmp) / "map.html", "Mali: where it happened", map=True).as_uri())
        page.evaluate(WAIT, "map")
        page.locator("#map .kg-marker:not(.approx)").click()
        page.screenshot(path=DOCS / "mali-map.png")
        week = KnowledgeGraph(":memory:")
        week.build([ROOT / "data" / "sahel-week"])
        brief = week.brief(Path(tmp) / "brief.html", since="2025-08-04", until="2025-08-10")
        page.set_viewport_size({"width": 1200, "height": 1500})
        page.goto(brief.as_uri())
        page.evaluate(WAIT, "brief")
        page.screenshot(path=DOCS / "sahel-brief.png")
        browser.close()
    print("wrote", ", ".join(p.name for p in sorted(DOCS.glob("*.png"))))


if __name__ == "__main__":
    main()
