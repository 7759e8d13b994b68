"""kg: knowledge graphs of political-military events from news text.

The public API, imported lazily so that ``import kg`` stays cheap::

    import kg
    events = kg.extract("Soldiers arrested the mayor.", published="2025-08")
    graph = kg.KnowledgeGraph(":memory:")
    graph.build(["data/articles/mali-coup-plot.md"])
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Extractor", "KnowledgeGraph", "build", "extract"]


def __getattr__(name: str):
    if name in __all__:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
