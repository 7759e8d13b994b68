"""The period a brief covers and the one before it, of the same length, to compare with.

Articles belong to a period by their publication date at its own precision: an article published
``2025-08`` belongs to every period that overlaps August 2025 (see :func:`kg.dates.date_span`).
Without ``since`` a brief covers the last 7 days of published articles, ending on the latest day
an article was published; ``until`` defaults to that day too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from kg.dates import check_date, date_span
from kg.errors import InputError, NothingToShow

DEFAULT_DAYS = 7


@dataclass(frozen=True)
class Period:
    """A run of days, first and last included (ISO dates)."""

    since: str
    until: str

    @property
    def days(self) -> int:
        return (date.fromisoformat(self.until) - date.fromisoformat(self.since)).days + 1

    def previous(self) -> "Period":
        """The period of the same length just before this one.

        >>> Period("2025-08-04", "2025-08-10").previous()
        Period(since='2025-07-28', until='2025-08-03')
        """
        start = date.fromisoformat(self.since)
        return Period((start - timedelta(days=self.days)).isoformat(), (start - timedelta(days=1)).isoformat())

    def holds(self, published: str) -> bool:
        """Whether an article published on ``published`` (any precision) belongs to this period."""
        if not published:
            return False
        first, last = date_span(published)
        return last >= self.since and first <= self.until

    def before(self, published: str) -> bool:
        """Whether an article published on ``published`` belongs wholly before this period."""
        return bool(published) and date_span(published)[1] < self.since


def choose_period(published: Iterable[str], since: str | None = None, until: str | None = None) -> tuple[Period, bool]:
    """The period a brief covers (and whether it is the default one) given the publication dates of
    the store's articles; an :class:`InputError` for dates that are not dates or run backwards,
    :class:`NothingToShow` when no article falls in it.

    >>> choose_period(["2025-08-01", "2025-08-10", "2025-07-02"])
    (Period(since='2025-08-04', until='2025-08-10'), True)
    >>> choose_period(["2025-08-01", "2025-08-10"], since="2025-08")[0]
    Period(since='2025-08-01', until='2025-08-10')
    """
    check_date(since, "--since")
    check_date(until, "--until")
    days = sorted(d for d in published if d)
    if not days:
        raise NothingToShow("nothing to brief: no article in the store has a publication date (a brief covers what was "
                            "published in a period; give articles a 'published' date)")
    latest = max(date_span(d)[1] for d in days)
    earliest = min(date_span(d)[0] for d in days)
    last = date_span(until)[1] if until else latest
    if since:
        first = date_span(since)[0]
        if not until:
            last = max(latest, first)
    else:
        first = (date.fromisoformat(last) - timedelta(days=DEFAULT_DAYS - 1)).isoformat()
    if first > last:
        raise InputError(f"--since {since or first} is after --until {until or last}")
    period = Period(first, last)
    if not any(period.holds(d) for d in days):
        raise NothingToShow(f"nothing to brief: no article was published from {first} to {last}; "
                            f"the store's articles were published from {earliest} to {latest}")
    return period, since is None and until is None
