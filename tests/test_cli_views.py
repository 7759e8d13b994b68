"""``kg view`` variants and ``kg stats`` tables through the command line."""
import gc
import json
import re

import pytest
from support.data import MALI
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory, extractor):
    from kg.api import KnowledgeGraph

    path = str(tmp_path_factory.mktemp("cli-views") / "store")
    graph = KnowledgeGraph(path)
    graph.build([MALI], extractor=extractor)
    del graph
    gc.collect()  # release the store so that the commands can open it
    return path


def page_data(path) -> dict:
    page = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))


def test_stats_prints_key_actors_dyads_and_event_types(store):
    result = runner.invoke(app, ["stats", "--store", store, "--top", "3"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "event types" in out and "Arrest" in out
    actors = out.split("key actors")[1].split("dyads")[0]
    assert actors.index("Malian military junta") < actors.index("Malian government")
    assert len(re.findall(r"│ (Malian|Mali |France|Russia)", actors)) == 3  # --top 3
    dyads = out.split("dyads")[1]
    assert re.search(r"Malian insurgents\s+│ Mali\s+│\s+1 │\s+-10\.0 │ conflict", dyads)


def test_view_ego_network(store, tmp_path):
    out = tmp_path / "ego.html"
    result = runner.invoke(app, ["view", "--store", store, "--actor", "malian military junta", "--hops", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(out)
    labels = {n["label"] for n in data["nodes"] if n["kind"] == "actor"}
    assert labels == {"Malian military junta", "Malian soldiers", "Moussa Mara", "Choguel Maiga", "Malian political parties"}
    assert data["centre"].endswith("/malian-military-junta")


def test_view_by_type_and_dates(store, tmp_path):
    out = tmp_path / "typed.html"
    assert runner.invoke(app, ["view", "--store", store, "--type", "Coup", "-o", str(out)]).exit_code == 0
    data = page_data(out)
    assert {e["etype"] for e in data["edges"]} == {"Coup", "CoupPlot"}  # a coup plot is a narrower coup
    out = tmp_path / "dated.html"
    assert runner.invoke(app, ["view", "--store", store, "--since", "2021", "--until", "2025-05", "-o", str(out)]).exit_code == 0
    assert sorted(e["date"] for e in page_data(out)["edges"]) == ["2021", "2025-05", "2025-05"]


def test_view_timeline(store, tmp_path):
    out = tmp_path / "timeline.html"
    result = runner.invoke(app, ["view", "--store", store, "--timeline", "--title", "Mali over time", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(out)
    assert len(data["events"]) == 21 and "<title>Mali over time</title>" in out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_view_errors_are_one_line(store, tmp_path):
    import subprocess
    import sys

    cases = [(["--actor", "Keita"], "no actor named 'Keita'"), (["--actor", "malian"], "ambiguous"),
             (["--since", "May 2025"], "is not a date"), (["--hops", "-1", "--actor", "Mali"], "greater than or equal to 0"),
             (["--hops", "x"], "valid integer")]
    for args, message in cases:
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "view", "--store", store, "-o", str(tmp_path / "x.html"), *args],
                              capture_output=True, text=True)
        assert proc.returncode == 2, (args, proc.stderr)
        assert message in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
        assert proc.stderr.startswith("kg:") or proc.stderr.startswith("Usage:"), proc.stderr


def test_the_readme_example_of_types_and_dates_draws_something(store, tmp_path):
    out = tmp_path / "coerce.html"
    result = runner.invoke(app, ["view", "--store", store, "--type", "COERCE", "--since", "2025", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [(e["etype"], e["date"]) for e in page_data(out)["edges"]] == [("Ban", "2025-05")]
    result = runner.invoke(app, ["view", "--store", store, "--type", "Arrest", "--since", "2025", "-o", str(tmp_path / "none.html")])
    assert "7 claim(s) of type Arrest, none of them dated" in str(result.exception) and result.exception.exit_code == 8


def test_view_map_writes_the_mali_map(store, tmp_path):
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["view", "--map", "--store", store, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(out)
    assert sorted((m["precise"], tuple(m["labels"])) for m in data["markers"]) == [
        (False, ("the north (Mali)", "the northern regions of the country (Mali)")), (True, ("Mali",))]
    result = runner.invoke(app, ["view", "--map", "--timeline", "--store", store, "-o", str(out)])
    assert "choose one of --timeline and --map" in str(result.exception)


def test_extract_table_shows_place_and_the_start_of_the_sentence():
    result = runner.invoke(app, ["extract", str(MALI), "--format", "table"])
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "actor" in line and "sentence" in line)
    assert [c.strip() for c in header.strip("┃ ").split("┃")] == ["actor", "action", "target", "modality", "source", "time", "place", "sentence"]
    row = next(line for line in result.output.splitlines() if "│ Mali " in line and "Arrest" in line)
    assert row.rstrip().endswith("│ Mali               │ Dozens of soldiers have been arr… │")  # cut to its column, with an ellipsis
