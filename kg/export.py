"""Write the graph out in standard RDF formats, atomically (temp file, then rename)."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import KgStore

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_format(name: str) -> ox.RdfFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise KgError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}") from None


def export(store: KgStore, fmt: str, output: str | Path | None = None) -> Path | None:
    """Serialise the store as ``fmt`` to ``output`` (or stdout when None)."""
    form = rdf_format(fmt)
    if output is None:
        buffer = io.BytesIO()
        store.dump(buffer, form)
        sys.stdout.buffer.write(buffer.getvalue())
        return None
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            store.dump(handle, form)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
