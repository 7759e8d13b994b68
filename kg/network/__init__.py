"""Network: the knowledge graph projected into networkx, and what analysts compute on it.

:mod:`.claims` reads every claim (one source's assertion about one event) from a store as a plain
dict; :mod:`.graphs` turns claims into the actor multigraph (one edge per claim), folds it into
weighted dyads and filters it by event type and date; :mod:`.analytics` ranks actors, finds
communities, paths and ego networks.

Takes a store; gives networkx graphs and plain dicts. Denied claims are kept as claims but never
count as ties. May import: ``kg.store`` (its protocol), ``kg.rdf``, ``kg.dates``, ``kg.text``, ``kg.errors``.
"""
