"""Extraction: a parsed spaCy Doc in, event records out (the extraction contract of DESIGN.md).

:mod:`.component` is the spaCy pipeline component that runs the finder on each Doc: :mod:`.repair`
mends the parse first; :mod:`.events` walks the Doc's sentences and makes one
:class:`~kg.records.EventRecord` per trigger, participant set and time; :mod:`.triggers` finds
the words that start events, :mod:`.arguments` their agents and targets, :mod:`.mentions` turns
argument heads into typed actor mentions (with :mod:`.coreference` for pronouns and descriptions),
:mod:`.factuality` reads how certain the text is and whom it attributes the claim to,
:mod:`.where_when` and :mod:`.timex` the place and the date; :mod:`.memo` keeps what these ask
of a word more than once while a Doc is read. :mod:`.extractor` ties it together with the spaCy
pipeline and name resolution: articles in, resolved records out.

Never touches RDF beyond minting event IRIs. May import: ``kg.nlp``, ``kg.resolve``, ``kg.rules``,
``kg.rdf``, ``kg.ingest`` (size limits), ``kg.records``, ``kg.text``, ``kg.errors``.
"""
