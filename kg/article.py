"""The Article record: one document as kg reads it, before any NLP."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """A document to extract events from.

    ``published`` is an ISO date string at the precision the source gives
    (``2025``, ``2025-08`` or ``2025-08-14``), or None when unknown.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = field(default=None, compare=False)

    @property
    def where(self) -> str:
        """Where the article came from, for messages: ``file:line``, ``file`` or its id."""
        if self.path and self.line is not None:
            return f"{self.path}:{self.line}"
        return self.path or self.id

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: tells a changed article from one already ingested."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
