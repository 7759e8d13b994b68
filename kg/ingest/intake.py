"""Take in many inputs and keep going past the bad ones: each bad file or JSONL line is set aside
with its reason, and the good articles flow on. ``strict`` makes the first bad one fatal instead:
every input is read and checked before the first article goes out, so a strict build that fails
has stored nothing.

The build and extract commands read through an :class:`Intake`, then report
:attr:`Intake.refused` at the end, one line each, ``file:line: reason``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.ingest.checks import Screen
from kg.ingest.limits import Limits
from kg.ingest.reader import read_items
from kg.records import Article


class Intake:
    """Reads, checks and collects: articles out, :class:`InputError` s kept in :attr:`refused`."""

    def __init__(self, *, strict: bool = False, limits: Limits = Limits(), screen: bool = True):
        self.strict = strict
        self.limits = limits
        self.screen = screen
        self.refused: list[InputError] = []

    def articles(self, inputs: Iterable[str | Path] | str | Path, *, published: str | None = None) -> Iterator[Article]:
        """The good articles of ``inputs`` in input order; bad ones go to :attr:`refused` (or, when
        strict, raise before any article is yielded)."""
        if isinstance(inputs, (str, Path)):
            inputs = [inputs]
        inputs = list(inputs)
        if self.strict:
            for _ in self._checked(inputs, published):
                pass
        yield from self._checked(inputs, published)

    def _checked(self, inputs: list, published: str | None) -> Iterator[Article]:
        checks = None
        for item in read_items(inputs, published=published, limits=self.limits):
            if isinstance(item, Article) and self.screen:
                if checks is None:
                    checks = Screen()
                try:
                    checks.check(item)
                except InputError as error:
                    item = error
            if isinstance(item, InputError):
                self.refuse(item)
                continue
            yield item

    def refuse(self, error: InputError) -> None:
        """Set an input aside (or, when strict, stop with its error)."""
        if self.strict:
            raise error
        self.refused.append(error)
