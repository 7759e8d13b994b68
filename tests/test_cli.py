import json
import re

import pytest
from support.data import MALI
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("cli") / "store")
    result = runner.invoke(app, ["build", str(MALI), "--store", store])
    assert result.exit_code == 0, result.output
    assert "1 article(s)" in result.output
    return store


def test_extract_prints_one_contract_line_per_document(tmp_path):
    result = runner.invoke(app, ["extract", str(MALI), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [d["id"] for d in lines] == ["mali-coup-plot"]
    assert any(e["action"]["type"] == "Arrest" for e in lines[0]["events"])


def test_query_named_and_formats(built_store):
    result = runner.invoke(app, ["query", "--name", "who-did-what", "--format", "csv", "--store", built_store])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "actor,action,target,date,modality,attributed_to,article"
    assert "Asimi Goïta,coup d'etat,,2020,asserted" in result.stdout
    result = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/kg/ontology#Event> }",
                                 "--format", "json", "--store", built_store])
    assert int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) > 10


def test_export_and_view(built_store, tmp_path):
    result = runner.invoke(app, ["export", "--format", "ttl", "-o", str(tmp_path / "g.ttl"), "--store", built_store])
    assert result.exit_code == 0 and (tmp_path / "g.ttl").stat().st_size > 1000
    result = runner.invoke(app, ["view", "-o", str(tmp_path / "v.html"), "--store", built_store])
    assert result.exit_code == 0
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "Asimi Go" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?:", page)


@pytest.mark.parametrize("engine", [[], ["--pyshacl"]], ids=["sparql", "pyshacl"])
def test_validate_reports_the_store_conforms_with_either_engine(built_store, engine):
    result = runner.invoke(app, ["validate", "--store", built_store, *engine])
    assert result.exit_code == 0, result.output
    checked = int(re.search(r"\((\d+) triples checked\)", result.stdout).group(1))
    assert "conforms to the SHACL shapes of kg/rdf/ontology/shapes.ttl" in result.stdout and checked > 300


def test_stats(built_store):
    result = runner.invoke(app, ["stats", "--store", built_store])
    assert result.exit_code == 0
    assert re.search(r"1 article\(s\), \d+ event\(s\)", result.output)
    assert "denied" in result.output


@pytest.mark.slow
def test_bad_input_gets_one_line_and_nonzero_exit(tmp_path, built_store):
    import subprocess
    import sys

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ok"}\nnot json\n')
    cases = [
        (["extract", str(tmp_path / "missing.txt")], "no such file"),
        (["extract", str(empty)], "is empty"),
        (["extract", str(bad)], "bad.jsonl:2"),
        (["query", "--name", "nope", "--store", built_store], "no named query"),
        (["query", "SELEC x", "--store", built_store], "syntax"),
        (["stats", "--store", str(tmp_path / "none")], "no store"),
    ]
    for args, message in cases:
        proc = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)
        assert proc.returncode != 0, args
        assert message in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
