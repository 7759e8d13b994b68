"""What a ``--store`` value names: a folder (the embedded store), ``:memory:``, or a SPARQL server URL."""
from __future__ import annotations

import os

MEMORY = ":memory:"
DEFAULT_STORE = ".kg/store"


def default_store_path() -> str:
    """``$KG_STORE`` when set, else ``.kg/store``."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def is_remote(spec: object) -> bool:
    """Whether a ``--store`` value names a SPARQL server rather than a folder."""
    return isinstance(spec, str) and spec.startswith(("http://", "https://"))
