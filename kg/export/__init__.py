"""Export: the graph written out for other tools, atomically.

:mod:`.formats` picks the writer of a format: RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD) from
the store, the actor network as GraphML or GEXF (:mod:`.network_files`, for Gephi, Cytoscape,
igraph), the events as an ACLED-style CSV table (:mod:`.events_csv`).

Takes a store; gives files. May import: ``kg.network``, ``kg.sparql``, ``kg.store``, ``kg.rdf``,
``kg.files``, ``kg.dates``, ``kg.errors``.
"""
