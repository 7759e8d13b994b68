"""Validate: graphs checked against the SHACL shapes, violations reported in plain words.

:mod:`.compile` turns every constraint of ``kg/rdf/ontology/shapes.ttl`` into one SPARQL query;
:mod:`.validators` runs them in Oxigraph over an article's quads (what every build does) or over a
whole store where it lies (``kg validate``), with pySHACL as the reference engine the tests hold
the queries to; :mod:`.report` turns results into :class:`~kg.validate.report.Violation` lines.

Takes quads or a store; gives violations. May import: ``kg.rdf``, ``kg.errors``.
"""
