"""Serve: the graph over the SPARQL 1.1 Protocol, with a query page and the network view.

:mod:`.service` is the endpoint's logic apart from HTTP (run a query under a time limit and a row
cap, an update only with a token, a named query with its parameters bound); :mod:`.http` is the
HTTP server around it, with the page and its static files in ``templates/``.

Takes a store; gives HTTP answers. May import: ``kg.views``, ``kg.network``, ``kg.store``,
``kg.sparql``, ``kg.errors``.
"""
