"""Extraction: a parsed spaCy Doc in, event records out (the extraction contract of DESIGN.md).

:mod:`.events` walks a Doc's sentences and yields one :class:`~kg.records.EventRecord` per
trigger, participant set and time; :mod:`.triggers` finds the words that start events,
:mod:`.arguments` their agents and targets, :mod:`.mentions` turns argument heads into typed actor
mentions, :mod:`.modality` reads how certain the text is and whom it attributes the claim to,
:mod:`.where_when` and :mod:`.timex` the place and the date. :mod:`.extractor` ties it together
with the spaCy pipeline and name resolution: articles in, resolved records out.

Never touches RDF beyond minting event IRIs. May import: ``kg.nlp``, ``kg.resolve``, ``kg.rules``,
``kg.rdf``, ``kg.ingest`` (size limits), ``kg.records``, ``kg.text``, ``kg.errors``.
"""
