"""Views: interactive, self-contained HTML pages that work offline.

:mod:`.actor_network` draws the actor network (pyvis's bundled vis-network, inlined), with
filters, search and an evidence panel; :mod:`.timeline` draws events over time, one lane per event
type; :mod:`.map` draws where events happened on the world basemap of :mod:`.geo` (Natural
Earth's countries, packaged in ``basemap/``); :mod:`.brief` is the page of a brief (see
:mod:`kg.brief`); :mod:`.style` is their shared look (colours, shapes, dashes) and the evidence a
claim shows; :mod:`.page` assembles a page from ``templates/`` (frame, script, style, JSON data)
under a Content-Security-Policy that allows only the page's own scripts.

Takes claims and networkx graphs; gives HTML. Everything taken from article text travels as JSON
and is shown as text, never as markup. May import: ``kg.network``, ``kg.files``, ``kg.dates``,
``kg.errors``.
"""
