"""Evaluate: extraction scored against gold event data other people coded.

:mod:`.scoring` reads the gold formats (PLOVER-coded sentence pairs, ACLED event notes), runs the
extractor over their texts and scores the events it finds; :mod:`.reports` scores whole reports
against an analyst's central events and the claims they must not assert; :mod:`.cameo` scores
source and target spans against those coders marked; :mod:`.spans` is their shared span matching.
A developer tool: ``kg eval`` calls it; nothing else in kg depends on it.

May import: ``kg.extraction``, ``kg.records``, ``kg.files``, ``kg.text``, ``kg.errors``.
"""
