"""No silent empty answers, and tables a terminal can show: the command line on the hand-coded
Sahel store (no spaCy pipeline needed)."""
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def test_query_list_shows_whole_descriptions_and_notes():
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "who-did-what Who did what to whom: every event with its agent, action, target (or the thing it was done to), " \
           "date, modality and source." in out
    assert "type=COERCE" in out  # events-of-type takes PLOVER roots
    assert "An event dated 2025-05 is in the range when any day of May 2025 is" in out  # a note after the parameters


def test_tables_compact_iris_and_cut_long_cells(sahel_path):
    query = ("SELECT ?event ?sentence WHERE { ?a <https://w3id.org/kg/ontology#asserts> ?event ; "
             "<https://w3id.org/kg/ontology#sentence> ?sentence } ORDER BY ?sentence")
    result = runner.invoke(app, ["query", query, "--store", sahel_path])
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/kg/id/event/" not in result.output and "event:arrest-" in result.output
    assert "│ Burkinabe soldiers killed dozens of villagers in Djibo on 6… │" in result.output
    assert "Human Rights Watch alleged." not in result.output
    csv = runner.invoke(app, ["query", query, "--store", sahel_path, "--format", "csv"])
    assert "Human Rights Watch alleged." in csv.output and "https://w3id.org/kg/id/event/" in csv.output  # files keep it all


@pytest.mark.slow
@pytest.mark.parametrize("args, message, code", [
    (["query", "--name", "events-of-type", "--param", "type=Arest"],
     "kg: query events-of-type: --param type: no event type 'Arest'; did you mean Arrest?", 5),
    (["query", "--name", "events-in-range", "--param", "since=May"],
     "kg: query events-in-range: --param since 'May' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", 5),
    (["query", "--name", "actor-timeline", "--param", "actor=Mousa Mra"],
     "kg: query actor-timeline: --param actor: no actor 'Mousa Mra' in the graph; did you mean Moussa Mara?", 5),
    (["view", "--type", "Arest"], "kg: --type: no event type 'Arest'; did you mean Arrest?", 2),
    (["view", "--actor", "Mousa Mra"], "kg: no actor named 'Mousa Mra' in the graph; did you mean Moussa Mara?", 2),
    (["view", "--type", "Coup"], "kg: nothing to draw: no claim of type Coup in the graph; its event types: "
                                 "Arrest, Attack, Ban, Consult, Killing, Protest, ProvideAid, Sanction, Threaten", 8),
    (["view", "--type", "Sanction", "--since", "2025"], "kg: nothing to draw: 1 claim(s) of type Sanction, none of them "
                                                        "dated: a date range (--since, --until) leaves undated claims out", 8),
    (["view", "--since", "2026"], "kg: nothing to draw: 14 claim(s), dated 2025-07-27 to 2025-08-08: none from 2026 to the end", 8),
    (["view", "--timeline", "--until", "2024"], "kg: nothing to draw: 14 claim(s), dated 2025-07-27 to 2025-08-08: "
                                                "none from the start to 2024", 8),
    (["view", "--since", "2025-08", "--until", "2025-07"], "kg: --since 2025-08 is after --until 2025-07", 2),
])
def test_answers_that_could_only_be_empty_are_errors_that_say_why(sahel_path, tmp_path, args, message, code):
    out = tmp_path / "view.html"
    proc = kg(*args, "--store", sahel_path, *(["-o", str(out)] if args[0] == "view" else []))
    assert (proc.returncode, proc.stderr.strip()) == (code, message)
    assert not out.exists()


def test_views_that_draw_something_still_work(sahel_path, tmp_path):
    result = runner.invoke(app, ["view", "--type", "coerce", "--since", "2025-08", "--store", sahel_path, "-o", str(tmp_path / "v.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "Moussa Mara" in page and "Malian political parties" in page and "JNIM" not in page


@pytest.mark.slow
def test_python_dash_m_kg_runs_the_command_line():
    proc = kg("--help")
    assert proc.returncode == 0 and "Build, query and view knowledge graphs" in proc.stdout
    for command in ("build", "query", "view", "brief", "export", "serve"):
        assert command in proc.stdout
