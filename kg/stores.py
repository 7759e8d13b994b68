"""Open the store a ``--store`` value names: a folder (embedded Oxigraph), ``:memory:``, or the URL
of a SPARQL 1.1 server (:mod:`kg.remote`)."""
from __future__ import annotations

import os
from pathlib import Path


def open_store(spec: str | Path | None = None, *, read_only: bool = False):
    """A :class:`kg.store.KgStore` or, for ``http(s)://`` URLs, a :class:`kg.remote.RemoteStore`.
    ``$KG_STORE`` is the default; ``$KG_STORE_TOKEN`` is sent as a bearer token to a server."""
    from kg.remote import RemoteStore, is_remote
    from kg.store import KgStore, default_store_path

    where = str(spec) if spec is not None else default_store_path()
    if is_remote(where):
        return RemoteStore.open(where, read_only=read_only, token=os.environ.get("KG_STORE_TOKEN") or None)
    return KgStore.open(where, read_only=read_only)
