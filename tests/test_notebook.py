"""The analyst walkthrough runs from top to bottom and says what it should."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"

pytestmark = [pytest.mark.model, pytest.mark.slow]


def outputs(cell) -> str:
    text = []
    for out in cell.get("outputs", []):
        text.append(out.get("text", ""))
        data = out.get("data", {})
        text.append(data.get("text/plain", "") + data.get("text/html", ""))
    return "\n".join(text)


def test_walkthrough_runs_and_shows_queries_analytics_view_and_export(tmp_path, monkeypatch):
    import nbclient
    import nbformat

    monkeypatch.setenv("KG_OUT", str(tmp_path))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert not [o for c in cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    shown = [outputs(c) for c in cells]
    assert "built: 1 article(s)" in shown[0]
    assert "Asimi Goïta" in shown[1] and "<table" in shown[1]  # who-did-what as a DataFrame
    assert "denied" in shown[2] and "close sources" in shown[2]
    assert shown[3].count("<td>Arrest</td>") == 7
    first_row = next(line for line in shown[4].splitlines() if line.startswith("0 "))
    assert "Malian military junta" in first_row  # the most central actor first
    assert "cooperation" in shown[5] and "Russia" in shown[5]
    assert "France, Malian government, Russia" in shown[6]
    assert "Malian soldiers → Malian military junta → Moussa Mara" in shown[7]
    assert "<iframe srcdoc=" in shown[8] and "kgView" in shown[8] and "https://cdn" not in shown[8]
    assert "kgTimeline" in shown[9]
    assert "neither Dembele nor Sagara" in shown[10]
    assert (tmp_path / "mali-coup-plot.ttl").stat().st_size > 10_000
    assert (tmp_path / "mali-coup-plot.html").exists()
