"""A build that builds nothing says so, prints no speed and leaves no empty store behind."""
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_a_build_of_nothing_readable_creates_no_store(tmp_path):
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "report.pdf").write_bytes(b"%PDF-1.7 ...")
    (tmp_path / "papers" / "logo.png").write_bytes(b"\x89PNG...")
    store = tmp_path / "new" / "store"
    result = runner.invoke(app, ["build", str(tmp_path / "papers"), "--store", str(store)])
    assert result.exception.exit_code == 2  # the one input set aside
    assert "report.pdf: skipped: a PDF document, which kg cannot read" in str(result.exception)
    assert "nothing built: no input held an article kg could read; no store was created" in result.output
    assert "words/s" not in result.output and "articles/s" not in result.output
    assert not (tmp_path / "new").exists()


def test_an_existing_store_is_kept_when_a_build_adds_nothing(sahel_path, tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "empty.jsonl"), "--store", sahel_path])
    assert result.exception.exit_code == 2 and "is empty: no JSON lines to read" in str(result.exception)
    assert "no store was created" not in result.output
    assert runner.invoke(app, ["stats", "--store", sahel_path]).output.startswith("8 article(s)")
