"""``kg stats`` and ``kg view`` on a store of hundreds of actors, through the command line: the
figures the store sums up, and a view cut to what a page can show."""
import gc
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from support.events import store_stories
    from support.many import many_stories

    from kg.api import KnowledgeGraph

    path = str(tmp_path_factory.mktemp("cli-large") / "store")
    graph = KnowledgeGraph(path)
    store_stories(graph.store, many_stories())
    del graph
    gc.collect()  # release the store so that the commands can open it
    return path


def test_stats_of_many_actors_say_betweenness_is_estimated(store):
    result = runner.invoke(app, ["stats", "--store", store, "--top", "5"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert re.search(r"60 article\(s\), \d+ event\(s\), 39\d actor\(s\)", out)
    assert "estimated from 300 sampled actors (seed 0)" in out
    actors = out.split("key actors")[1].split("dyads")[0]
    assert len(re.findall(r"│ Actor \d{3} ", actors)) == 5
    assert re.findall(r"│ Actor (\d{3}) ", actors)[0] < "012"  # one of the busy dozen leads


def test_view_past_max_claims_says_what_it_left_out(store, tmp_path):
    out = tmp_path / "view.html"
    result = runner.invoke(app, ["view", "--store", store, "--max-claims", "100", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"the 100 claims among the \d+ busiest actors, of 1,\d{3} claims", out.read_text(encoding="utf-8"))
    result = runner.invoke(app, ["view", "--store", store, "--max-claims", "0", "-o", str(out)])
    assert result.exit_code == 2 and "--max-claims" in result.output
