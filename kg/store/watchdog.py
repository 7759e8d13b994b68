"""Bound the memory of a command that reads a store, and say in one line why it was stopped.

Oxigraph does not stop at a damaged table block inside an aggregate, a sort or a join: the scan
returns the same checksum error over and over and the operator collects them (with 4 KB overwritten
in one table file, ``kg stats`` allocated 24 GB before the system killed it). Streaming reads raise
the error at once; these never return. The engine releases the interpreter while it works, so a
thread of this process watches its resident memory, and past the limit it looks at the store with a
streaming scan, prints one line (the store is damaged, naming the file, or the command needed more
memory than it may use) and ends the process with exit code 4.
"""
from __future__ import annotations

import os
import sys
import threading
import time

import pyoxigraph as ox

from kg.store.location import MEMORY, is_remote

MEMORY_ENV = "KG_MEMORY_MB"


def memory_limit_mb() -> int:
    """``$KG_MEMORY_MB``, else half of this machine's memory."""
    given = os.environ.get(MEMORY_ENV, "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2 >> 20


def resident_mb() -> int:
    """Megabytes of memory this process holds now."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20


def damage(path: str) -> str | None:
    """What a streaming scan of every quad of the store at ``path`` finds wrong, or None."""
    try:
        for _ in ox.Store.read_only(path).quads_for_pattern(None, None, None, None):
            pass
    except (OSError, RuntimeError) as exc:
        return " ".join(str(exc).split())[:300]
    return None


def watch_memory(path: str, limit_mb: int | None = None, *, interval: float = 0.05) -> threading.Thread | None:
    """Watch this process while it reads the store at ``path``; None for a store with nothing to
    scan here (in memory, or a SPARQL server)."""
    if path == MEMORY or is_remote(path) or not os.path.exists("/proc/self/statm"):
        return None
    limit = limit_mb or memory_limit_mb()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if resident_mb() > limit:
                found = damage(path)
                if found:
                    line = f"store {path} is damaged and cannot be read ({found}); restore a copy or build it again"
                else:
                    line = (f"stopped after {limit:,} MB of memory reading store {path}: the command needs more "
                            f"(${MEMORY_ENV} raises the limit)")
                sys.stderr.write(f"kg: {line}\n")
                sys.stderr.flush()
                os._exit(4)

    thread = threading.Thread(target=watch, name="kg-memory", daemon=True)
    thread.start()
    return thread
