"""The brief as a page: its sections (see :mod:`kg.brief`) with every line's evidence, a small
timeline and a map of the period's events, self-contained and offline like the other views.

The brief's text travels as JSON and is shown as text, as in every kg page; the map is drawn by the
map view's own code on the countries around the events (:func:`kg.views.map.map_data` with ``crop``).
"""
from __future__ import annotations

from kg.views.map import map_data
from kg.views.page import render_page


def render_brief(brief: dict) -> str:
    """The HTML page of a brief (a dict of :func:`kg.brief.sections.make_brief`)."""
    data = {k: v for k, v in brief.items() if k != "claims"}
    data["map"] = map_data(brief["claims"], crop=True)
    data["map"]["showUnplaced"] = False
    return render_page("brief", brief["title"], data, with_vis=False, parts=("mapdraw",))
