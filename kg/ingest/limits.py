"""How big one article may be, and how big a piece of it the parser sees at once.

spaCy's parser needs memory in proportion to the text it parses (about 3 MB per 1,000 characters
with ``en_core_web_sm``), so kg parses long articles in pieces of at most ``piece_chars``: memory
stays bounded by the piece, not the article. Articles longer than ``max_chars`` are refused with
the limit named, before their text is read into memory: a multi-megabyte "article" is nearly always
a scraping accident, and parsing it would take minutes.
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_CHARS = 500_000
PIECE_CHARS = 50_000


@dataclass(frozen=True)
class Limits:
    """Size limits for one article: refuse above ``max_chars``, parse in ``piece_chars`` pieces."""

    max_chars: int = MAX_CHARS
    piece_chars: int = PIECE_CHARS

    @property
    def max_bytes(self) -> int:
        """Bytes beyond which a UTF-8 text surely holds more than ``max_chars`` characters."""
        return 4 * self.max_chars
