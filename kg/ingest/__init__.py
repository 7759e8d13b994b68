"""Ingest: files, folders, globs, JSONL and saved HTML pages in, checked :class:`~kg.records.Article` s out.

Modules: :mod:`.paths` (inputs to files), :mod:`.decode` (bytes to safe text), :mod:`.published`
(publication dates), :mod:`.text_files`, :mod:`.jsonl` and :mod:`.html` (one reader per kind of
file), :mod:`.reader` (all of them in input order), :mod:`.checks` (is it prose, is it English),
:mod:`.limits` (how big an article may be) and :mod:`.intake` (set bad inputs aside, or stop).

Takes paths; gives Articles and, for every bad input, an :class:`~kg.errors.InputError` naming the
file and line. May import: ``kg.records``, ``kg.errors``, ``kg.text``, ``kg.dates``.
"""
