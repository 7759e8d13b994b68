"""Headless Chromium for the browser tests: where it is, how it is started, how a page is waited for."""
import os
import shutil
from pathlib import Path

import pytest

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


# Playwright's wait_for_function evaluates strings, which the pages' policy forbids; poll instead.
WAIT = """(name) => new Promise((resolve, reject) => {
  const done = () => name === "view" ? window.kgView && window.kgView.still : window.kgTimeline && window.kgTimeline.ready;
  const start = Date.now();
  const tick = () => done() ? resolve(true) : Date.now() - start > 30000 ? reject(new Error("not still")) : setTimeout(tick, 20);
  tick();
})"""


def chromium() -> str:
    path = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium not found: install Debian's chromium (make browser) or set KG_CHROMIUM")
    return path
