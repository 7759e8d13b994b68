"""The writer of each export format: RDF in standard formats, the actor network as GraphML or GEXF,
events as an ACLED-style CSV table; to a file atomically (temp file, then rename) or to stdout."""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import BinaryIO, Callable

import pyoxigraph as ox

from kg.errors import UsageError
from kg.export.events_csv import check_date_fallback, write_events_csv
from kg.export.network_files import write_gexf, write_graphml
from kg.files import atomic_write
from kg.store import Store

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
OTHER_FORMATS = ("graphml", "gexf", "csv")
ALL_FORMATS = (*FORMATS, *OTHER_FORMATS)


def rdf_format(name: str) -> ox.RdfFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown export format {name!r}; use one of {', '.join(ALL_FORMATS)}") from None


def writer(store: Store, fmt: str, *, date_fallback: str | None = None) -> Callable[[BinaryIO], None]:
    """The function that writes ``store`` as ``fmt`` to a binary handle; ``date_fallback`` is for
    the CSV table only (see :mod:`kg.export.events_csv`)."""
    if date_fallback is not None and fmt != "csv":
        raise UsageError(f"--date-fallback is for --format csv, not {fmt}")
    if fmt == "graphml":
        return lambda handle: write_graphml(store, handle)
    if fmt == "gexf":
        return lambda handle: write_gexf(store, handle)
    if fmt == "csv":
        check_date_fallback(date_fallback)
        return lambda handle: write_events_csv(store, handle, date_fallback=date_fallback)
    form = rdf_format(fmt)
    return lambda handle: store.dump(handle, form)


def export(store: Store, fmt: str, output: str | Path | None = None, *, date_fallback: str | None = None) -> Path | None:
    """Serialise the store as ``fmt`` to ``output`` (or stdout when None)."""
    write = writer(store, fmt, date_fallback=date_fallback)
    if output is None:
        buffer = io.BytesIO()
        write(buffer)
        sys.stdout.buffer.write(buffer.getvalue())
        return None
    return atomic_write(Path(output), write)
