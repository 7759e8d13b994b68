"""NLP: the spaCy pipeline kg parses with, and the parsing of long articles in pieces.

:mod:`.pipeline` loads the pretrained English model and adds kg's own components (line breaks
start sentences; an entity ruler fed from the rules); :mod:`.pieces` cuts long articles at
paragraph and sentence breaks so that memory is bounded by the piece.

Takes Articles and rules; gives spaCy Docs. May import: ``kg.rules``, ``kg.ingest``,
``kg.records``, ``kg.errors``.
"""
