"""Build: a corpus read, extracted, checked, merged and stored, streamed in batches.

:mod:`.corpus` is the build itself (skip what is unchanged, extract, check against the shapes,
merge with what other articles report, store each article in one transaction); :mod:`.engines`
is where extraction runs (this process, local processes, a Dask cluster); :mod:`.shelf` keeps on
disk what resolving an article's names again takes; :mod:`.progress` is what ``kg build`` shows
while it runs and prints at the end.

Takes inputs and a store; gives a :class:`~kg.build.corpus.BuildSummary`. May import:
``kg.extraction``, ``kg.nlp``, ``kg.validate``, ``kg.store``, ``kg.resolve``, ``kg.rdf``,
``kg.ingest``, ``kg.records``, ``kg.errors``.
"""
