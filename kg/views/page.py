"""Assemble kg's self-contained HTML pages: template + inlined vis-network + page script + JSON data.

Templates live in ``kg/templates/``: ``page.html`` is the frame; ``NAME.js`` and ``NAME.css`` are a
page's own script and style. Placeholders (``__KG_WORD__``) are filled in one pass, so nothing that
comes in with the data is ever read as a placeholder. The Content-Security-Policy allows exactly the
page's inline scripts (by SHA-256 hash) and nothing from anywhere else.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

from kg.files import write_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
_PLACEHOLDER = re.compile(r"__KG_([A-Z_]+)__")


def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def json_for_script(value: object) -> str:
    """JSON that cannot close or comment out the script element it is embedded in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _template(name: str) -> str:
    path = TEMPLATES / name
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def render_page(name: str, title: str, data: dict, *, subtitle: str = "", with_vis: bool = True,
                parts: tuple[str, ...] = ()) -> str:
    """The HTML of page ``name`` (``view``, ``timeline``, ``map``, ``brief``) showing ``data``;
    ``parts`` are shared templates (``mapdraw``) whose script and style come before the page's own."""
    vis_js, vis_css = vis_assets() if with_vis else ("", "")
    app = "\n".join(_template(f"{part}.js") for part in ("common", *parts, name))
    scripts = [s for s in (vis_js, app) if s]
    fill = {
        "TITLE": html.escape(title),
        "SUBTITLE": html.escape(subtitle),
        "CSP": " ".join(_script_hash(s) for s in scripts),
        "CSS": vis_css + "\n" + "".join(_template(f"{part}.css") for part in ("common", *parts, name)),
        "BODY": _template(f"{name}.html"),
        "DATA": json_for_script(data),
        "SCRIPTS": "".join(f"<script>{s}</script>\n" for s in scripts),
    }
    frame = (TEMPLATES / "page.html").read_text(encoding="utf-8")
    return _PLACEHOLDER.sub(lambda m: fill[m.group(1)], _PLACEHOLDER.sub(lambda m: fill[m.group(1)] if m.group(1) == "BODY" else m.group(0), frame))


def write_page(path: str | Path, text: str) -> Path:
    """Write a page atomically (temp file flushed to disk, then renamed)."""
    return write_text(path, text)
