"""Brief: the report an analyst sends on Monday morning, of what was published in a period.

:mod:`.period` chooses the period (by default the last 7 days of published articles) and the one
before it to compare with; :mod:`.sections` reads the claims into the brief's sections: the most
important new events (ranked by how many independent sources say they happened, then by QuadClass
severity) grouped by country and type, new actors and the actors whose activity changed most,
contested claims side by side with who says what, corroborated events with their sources, and a
small timeline and map; :mod:`.markdown` writes it for e-mail and chat (the evidence as quotes);
the HTML page is :mod:`kg.views.brief`'s.

Takes claims (see :func:`kg.network.claims.claims`); gives a plain dict, Markdown or HTML. Every
line carries its evidence: the sentence, who says it, the article and its date. May import:
``kg.views``, ``kg.network``, ``kg.sparql``, ``kg.dates``, ``kg.text``, ``kg.files``, ``kg.errors``.
"""
