"""kg brief on the sample week of data/sahel-week/, extracted by the real pipeline."""
import pytest
from support.data import ROOT
from typer.testing import CliRunner

from kg.cli import app

pytestmark = [pytest.mark.model, pytest.mark.slow]
runner = CliRunner()


def test_the_sample_weeks_brief(tmp_path):
    store = str(tmp_path / "store")
    assert runner.invoke(app, ["build", str(ROOT / "data" / "sahel-week"), "--store", store, "-q"]).exit_code == 0
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", "--since", "2025-08-04", "--until", "2025-08-10", "--store", store, "-o", str(out)])
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    assert "5 article(s) published from 2025-08-04 to 2025-08-10" in md and "compared with 2025-07-28 to 2025-08-03 (2 article(s))" in md
    events = md.split("## Most important new events")[1].split("## Actors")[0]
    assert events.index("### Mali") < events.index("### Burkina Faso") and "### Niger" in events
    assert "- **Malian soldiers → arrest or detention → Moussa Mara** · Bamako · 2025-08-03 · 2 source(s): Sahel Wire; his party" in events
    contested = md.split("## Contested and unconfirmed")[1].split("## Corroborated events")[0]
    assert "Moussa Mara" in contested and "  - denies it: " in contested
    assert "The junta denied that Malian soldiers arrested Moussa Mara on 3 August 2025." in contested
    assert "killed dozens of villagers in Djibo" in contested  # alleged, and nobody says otherwise
