"""What a ``--store`` value names: a folder (the embedded store), ``:memory:``, or a SPARQL server URL."""
from __future__ import annotations

import os
from pathlib import Path

MEMORY = ":memory:"
DEFAULT_STORE = ".kg/store"


def default_store_path() -> str:
    """``$KG_STORE`` when set, else ``.kg/store``."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def is_remote(spec: object) -> bool:
    """Whether a ``--store`` value names a SPARQL server rather than a folder."""
    return isinstance(spec, str) and spec.startswith(("http://", "https://"))


def missing_folder(spec: str | None) -> Path | None:
    """The outermost folder that opening the embedded store ``spec`` for writing would create (None
    for a store that exists, ``:memory:`` or a server): what to remove when a build stored nothing."""
    where = spec if spec is not None else default_store_path()
    if where == MEMORY or is_remote(where):
        return None
    path = Path(where).absolute()
    if path.exists():
        return None
    while not path.parent.exists():
        path = path.parent
    return path
