"""Headless Chromium for the browser tests: where it is, how it is started, how a page is waited for."""
import os
import shutil
from pathlib import Path

import pytest

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


# Playwright's wait_for_function evaluates strings, which the pages' policy forbids; poll instead.
WAIT = """(name) => new Promise((resolve, reject) => {
  const pages = {view: () => window.kgView && window.kgView.still, timeline: () => window.kgTimeline && window.kgTimeline.ready,
                 map: () => window.kgMap && window.kgMap.ready, brief: () => window.kgBrief && window.kgBrief.ready};
  const done = pages[name];
  const start = Date.now();
  const tick = () => done() ? resolve(true) : Date.now() - start > 30000 ? reject(new Error("not still")) : setTimeout(tick, 20);
  tick();
})"""


def chromium() -> str:
    path = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium not found: install Debian's chromium (make browser) or set KG_CHROMIUM")
    return path


WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""
# Anything markup from an article could have become: links to javascript:, event-handler attributes.
INJECTED = """[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name)
  || /^\\s*javascript:/i.test(a.value))).length"""




class Opened:
    """A page with what it tried to fetch from outside and the errors it raised."""

    def __init__(self, browser, path: Path, kind: str):
        self.context = browser.new_context(viewport={"width": 1400, "height": 860})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.add_init_script(WATCH)
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.goto(path.resolve().as_uri())
        self.page.evaluate(WAIT, kind)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def check_clean(self):
        assert self.outside == [], f"requests left the machine: {self.outside}"
        assert self.errors == []
        assert self.js("window.__violations") == []
        assert self.js("typeof window.__pwned") == "undefined"
