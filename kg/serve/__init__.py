"""Serve: the graph over the SPARQL 1.1 Protocol, with a query page and the network view.

:mod:`.service` is the endpoint's logic apart from HTTP (a query checked and run under a time
limit, a memory limit and a row cap, an update only with a token, a named query with its parameters
bound); :mod:`.pool` keeps the query processes that run them, killed and replaced past their time,
and :mod:`.worker` is what runs in each; :mod:`.http` is the HTTP side (waitress), with the page
and its static files in ``templates/``.

Takes a store; gives HTTP answers. May import: ``kg.views``, ``kg.network``, ``kg.store``,
``kg.sparql``, ``kg.errors``.
"""
