"""Values a build may need again before it ends, kept in a temporary file instead of in memory.

A build keeps, for every article that resolved a surname alone, what resolving its names again
takes (:class:`kg.extraction.extractor.Unresolved`): a 20,000-article build holding them in memory
would grow by tens of megabytes. On the shelf each costs memory only for its key and place in the
file; the file goes when the shelf is closed (or the process ends).
"""
from __future__ import annotations

import pickle
import tempfile
import zlib
from typing import Any


class Shelf:
    """A key-value store on a temporary file: each value pickled and compressed, appended."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="kg-build-")
        self.places: dict[str, tuple[int, int]] = {}

    def put(self, key: str, value: Any) -> None:
        """Keep ``value`` under ``key`` (a value put again under the same key replaces the first)."""
        blob = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self.file.seek(0, 2)
        self.places[key] = (self.file.tell(), len(blob))
        self.file.write(blob)

    def get(self, key: str) -> Any:
        """The value kept under ``key`` (KeyError when none is)."""
        offset, length = self.places[key]
        self.file.seek(offset)
        return pickle.loads(zlib.decompress(self.file.read(length)))

    def discard(self, key: str) -> None:
        """Forget ``key`` (its bytes stay in the file until the shelf is closed)."""
        self.places.pop(key, None)

    def __contains__(self, key: str) -> bool:
        return key in self.places

    def __len__(self) -> int:
        return len(self.places)

    def close(self) -> None:
        """Remove the file."""
        self.file.close()
        self.places.clear()
