"""Resolve: one actor per real-world actor, one event per happening.

:mod:`.resolver` gives every mention its canonical name and IRI (surnames to full names, pronouns
to their antecedents); :mod:`.ledger` keeps a multi-process build's name decisions the same as a
one-process build's; :mod:`.merge` points an article's events at the event other articles already
report (same type, participants and a compatible date).

Takes event records (and, for merging, anything with a SPARQL ``select``); gives the same records
with labels and IRIs settled. May import: ``kg.rdf``, ``kg.records``, ``kg.text``.
"""
