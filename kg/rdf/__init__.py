"""RDF: the vocabularies kg writes, its deterministic IRIs, the ontology, and records turned into quads.

:mod:`.vocab` is the one home of every namespace (the ontology's among them), the prefix table and
:func:`~kg.rdf.vocab.compact`; :mod:`.iris` mints IRIs from content; :mod:`.scheme` reads the
event-type scheme and actor classes out of ``ontology/conflict.ttl`` (package data beside this
module, with the SHACL shapes in ``ontology/shapes.ttl``); :mod:`.quads` turns event records into
Event and Assertion quads; :mod:`.terms` converts terms between rdflib and pyoxigraph;
:mod:`.ontology_doc` writes ``docs/ontology.md`` from the Turtle.

Takes records; gives quads. Pure: no store, no text processing. May import: ``kg.records``,
``kg.text``, ``kg.files`` (the reference document), ``kg.errors``.
"""
