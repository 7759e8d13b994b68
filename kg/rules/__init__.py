"""Rules: the extraction knowledge as data, and the loader that reads and checks it.

The data files beside this module are what kg knows about English news: event triggers and their
senses (``triggers.toml``), factuality and attribution cues (``cues.toml``), the word lists the
argument finder consults (``arguments.toml``), actor kinds, titles and organisations
(``actors.toml``), ACLED's coding of violence (``acled.toml``), announced intentions
(``intent.toml``), country aliases and demonyms (``places.tsv``, ``demonyms.tsv``).
:mod:`.loader` reads them into one :class:`~kg.rules.loader.Rules` object and refuses rules that
name event types or actor classes the ontology lacks; :mod:`.gazetteer` links place names to
GeoNames.

May import: ``kg.rdf`` (the ontology the rules are checked against), ``kg.text``, ``kg.errors``.
"""
