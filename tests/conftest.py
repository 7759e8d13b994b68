"""What the whole suite shares: costly fixtures that no test can change, the markers that say what a
test needs, and the property tests' profiles.

Markers (``pytest -m "not model and not slow and not browser"`` is the fast inner loop):

- ``model``: loads the real spaCy English pipeline. Checked: a test that requests a fixture built on
  the pipeline, or loads it while it runs, fails unless it is marked.
- ``browser``: drives headless Chromium.
- ``slow``: takes several seconds (real kg processes, large inputs).

Session fixtures hold only what never changes once made: the rules, the pipeline (an
:class:`~kg.extraction.extractor.Extractor` keeps nothing from one extraction to the next), the Mali
article's events and a store built from it. A test that writes to a store builds its own.

Hypothesis runs derandomized (the ``ci`` profile, the default), so every run of the suite tries the
same examples; ``HYPOTHESIS_PROFILE=explore`` draws new ones and more of them.
"""
import os

import pytest
from hypothesis import HealthCheck, settings
from support.data import MALI

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", derandomize=False, deadline=None, max_examples=1000,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Fixtures whose making loads the spaCy pipeline.
MODEL_FIXTURES = {"extractor"}


def pytest_collection_modifyitems(config, items):
    unmarked = [item.nodeid for item in items
                if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("model") is None]
    if unmarked:
        raise pytest.UsageError("tests that use the spaCy pipeline must be marked @pytest.mark.model: " + ", ".join(unmarked))


@pytest.fixture(autouse=True)
def _model_only_where_marked(request, monkeypatch):
    """A test not marked ``model`` that loads the pipeline fails, naming the marker it needs."""
    if request.node.get_closest_marker("model") is not None:
        return
    import kg.nlp.pipeline

    def refuse(*args, **kwargs):
        raise AssertionError(f"{request.node.nodeid} loads the spaCy pipeline: mark it @pytest.mark.model")

    monkeypatch.setattr(kg.nlp.pipeline, "load_spacy", refuse)


@pytest.fixture(scope="session")
def rules():
    from kg.rules.loader import Rules

    return Rules.load()


@pytest.fixture(scope="session")
def extractor(rules):
    from kg.extraction.extractor import Extractor

    return Extractor(rules=rules)


@pytest.fixture(scope="session")
def mali_events(extractor):
    from kg.ingest.reader import read_articles

    article = next(read_articles([MALI]))
    return article, extractor.events(article)


@pytest.fixture(scope="session")
def mali_store(tmp_path_factory, extractor):
    """The Mali article built into a store of its own; tests read it and never change what it holds."""
    from kg.api import KnowledgeGraph

    path = tmp_path_factory.mktemp("store") / "store"
    graph = KnowledgeGraph(str(path))
    graph.build([MALI], extractor=extractor)
    return graph


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test (Playwright's sync API allows one at a time)."""
    from playwright.sync_api import sync_playwright
    from support.browser import ARGS, chromium

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium(), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def sahel():
    """Two weeks of hand-coded Sahel news (tests/support/sahel.py) in a store of their own, built
    without the pipeline; tests read it and never change what it holds."""
    from support.events import store_stories
    from support.sahel import STORIES

    from kg.api import KnowledgeGraph

    graph = KnowledgeGraph(":memory:")
    store_stories(graph.store, STORIES)
    return graph


@pytest.fixture(scope="session")
def sahel_path(tmp_path_factory):
    """The same Sahel news in a store on disk, for commands run through the command line."""
    import gc

    from support.events import store_stories
    from support.sahel import STORIES

    from kg.api import KnowledgeGraph

    path = tmp_path_factory.mktemp("sahel") / "store"
    graph = KnowledgeGraph(str(path))
    store_stories(graph.store, STORIES)
    del graph
    gc.collect()  # release the store so that commands can open it
    return str(path)


@pytest.fixture
def open_page(browser):
    """Open kg pages in a fresh browser context each, watching for requests, errors and policy violations."""
    from support.browser import Opened

    opened = []

    def open_(path, kind: str = "view"):
        opened.append(Opened(browser, path, kind))
        return opened[-1]

    yield open_
    for page in opened:
        page.context.close()


@pytest.fixture(scope="session")
def many():
    """A made-up store of 400 actors and 1,200 claims (tests/support/many.py), built without the
    pipeline; tests read it and never change what it holds."""
    from support.events import store_stories
    from support.many import many_stories

    from kg.api import KnowledgeGraph

    graph = KnowledgeGraph(":memory:")
    store_stories(graph.store, many_stories())
    return graph
