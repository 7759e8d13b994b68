"""Write files whole or not at all: a temporary file beside the target, flushed to disk and renamed.

Exports, views, extraction output and reports all write through :func:`atomic_write`, so a reader
(or a crash half-way) never sees half a file.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Callable

from kg.errors import KgError


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


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    return atomic_write(Path(path), lambda handle: handle.write(text.encode("utf-8")))
