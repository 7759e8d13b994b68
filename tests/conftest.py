from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MALI = ROOT / "data" / "articles" / "mali-coup-plot.md"


@pytest.fixture(scope="session")
def rules():
    from kg.rules import Rules

    return Rules.load()


@pytest.fixture(scope="session")
def extractor(rules):
    from kg.api import Extractor

    return Extractor(rules=rules)


@pytest.fixture(scope="session")
def mali_events(extractor):
    from kg.read import read_articles

    article = next(read_articles([MALI]))
    return article, extractor.events(article)


@pytest.fixture(scope="session")
def mali_store(tmp_path_factory, extractor):
    from kg.api import KnowledgeGraph

    path = tmp_path_factory.mktemp("store") / "store"
    graph = KnowledgeGraph(str(path))
    graph.build([MALI], extractor=extractor)
    return graph


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test (Playwright's sync API allows one at a time)."""
    from playwright.sync_api import sync_playwright

    from test_browser import ARGS, chromium

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium(), args=ARGS)
        yield instance
        instance.close()
