"""SPARQL: the named queries, parameters bound safely, the guard of a public endpoint, and results
written in the protocol's formats.

:mod:`.named` reads the queries of ``queries/*.rq`` (each says what it answers and which parameters
it takes); :mod:`.binding` binds parameters as a VALUES block written by Oxigraph, never pasted;
:mod:`.syntax` reads query text without parsing it (where WHERE opens, undeclared prefixes, syntax
errors as one line); :mod:`.guard` refuses what must not reach the engine (a shape past its limits, ``SERVICE``, text it
cannot read); :mod:`.sandbox` takes the network away from a process that runs queries, so that
federation is off in the engine too; :mod:`.results` is the one writer of each result format, for
``kg query`` and ``kg serve`` alike.

Takes query text and results from a store; gives bytes. May import: ``kg.rdf``, ``kg.dates``, ``kg.text``,
``kg.errors``.
"""
