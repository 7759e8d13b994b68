"""Write the graph out, atomically (temp file, then rename): RDF in standard formats, the actor
network as GraphML or GEXF, events as an ACLED-style CSV table."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Callable

import pyoxigraph as ox

from kg.errors import KgError, UsageError
from kg.store import KgStore

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


def writer(store: KgStore, fmt: str) -> Callable[[BinaryIO], None]:
    """The function that writes ``store`` as ``fmt`` to a binary handle."""
    if fmt == "graphml":
        from kg.network_export import write_graphml

        return lambda handle: write_graphml(store, handle)
    if fmt == "gexf":
        from kg.network_export import write_gexf

        return lambda handle: write_gexf(store, handle)
    if fmt == "csv":
        from kg.events_csv import write_events_csv

        return lambda handle: write_events_csv(store, handle)
    form = rdf_format(fmt)
    return lambda handle: store.dump(handle, form)


def export(store: KgStore, fmt: str, output: str | Path | None = None) -> Path | None:
    """Serialise the store as ``fmt`` to ``output`` (or stdout when None)."""
    write = writer(store, fmt)
    if output is None:
        buffer = io.BytesIO()
        write(buffer)
        sys.stdout.buffer.write(buffer.getvalue())
        return None
    return atomic_write(Path(output), write)


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Write ``path`` through a temporary file in the same folder, flushed to disk and renamed into
    place when complete: readers see the old file or the new one, never half of one. Temporary
    files that killed writers left behind are removed first."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path)
        with tmp.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete the temporary files of earlier writes of ``path`` whose process is gone."""
    removed = []
    for tmp in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        pid = tmp.name[len(path.name) + 2:-len(".tmp")]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed


def glob_escape(name: str) -> str:
    """``name`` with glob's special characters taken literally."""
    import glob

    return glob.escape(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
