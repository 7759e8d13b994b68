"""Where the project's own sample data lies."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MALI = ROOT / "data" / "articles" / "mali-coup-plot.md"
