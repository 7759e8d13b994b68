"""Normalise time expressions against the article's publication date, to the precision the text gives.

"in May" in an article published 2025-08 is ``2025-05``, not 2025-05-24; "2020" stays ``2020``;
"6 May 2020" is ``2020-05-06``; "until at least 2030" is an end point, not a date of the event;
durations ("another five years") are not dates at all.
"""
from __future__ import annotations

import datetime as dt
import re

from kg.records import TimeRef

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?P<day>[0-3]?\d)-{_MONTH}-(?P<year2>\d{{2}})\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)", re.I),
    re.compile(rf"\b{_MONTH}\b", re.I),
    re.compile(rf"\b{_YEAR}\b"),
]
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\b")
_DURATION = re.compile(r"^(?:another|a further|for|over|the past|the last|the next|some|about|nearly|almost)?\s*"
                       r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|hours?)$", re.I)
_END = re.compile(r"\b(?:until|till|through|to|by)\b(?:\s+at\s+least)?", re.I)
_RELATIVE = {"today": 0, "yesterday": -1, "tonight": 0, "overnight": 0, "last night": -1}


def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """Split an ISO publication date of any precision into (year, month, day)."""
    if not published:
        return None, None, None
    parts = [int(p) for p in published.split("-")]
    return tuple(parts + [None] * (3 - len(parts)))[:3]  # type: ignore[return-value]


def normalise(text: str, published: str | None = None) -> TimeRef | None:
    """Normalise one time expression; None when it is a duration or names no time at all."""
    clean = " ".join(text.split())
    if not clean or _DURATION.match(clean):
        return None
    year, month, day = parse_published(published)
    lower = clean.lower()
    end_match = _END.search(lower)
    value = _absolute(clean, year, month)
    if value is None:
        value = _relative(lower, year, month, day)
    if value is None:
        return TimeRef(text=clean, value=None) if _is_timeish(lower) else None
    if end_match and end_match.start() < 3:
        return TimeRef(text=clean, value=None, end=value)
    return TimeRef(text=clean, value=value)


def _absolute(text: str, pub_year: int | None, pub_month: int | None) -> str | None:
    iso = _ISO.search(text)
    if iso:
        return iso.group(0)
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
        if groups.get("year2"):
            year: int | None = 2000 + int(groups["year2"]) if int(groups["year2"]) < 50 else 1900 + int(groups["year2"])
        elif groups.get("year"):
            year = int(groups["year"])
        else:
            year = _year_for_month(month, pub_year, pub_month)
        day = int(groups["day"]) if groups.get("day") else None
        if day is not None and not 1 <= day <= 31:
            continue
        if year is None:
            return None
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return f"{year:04d}-{month:02d}"
    return None


def _year_for_month(month: int | None, pub_year: int | None, pub_month: int | None) -> int | None:
    """The year of a bare month name: the latest such month not after publication."""
    if pub_year is None or month is None:
        return None
    if pub_month is not None and month > pub_month:
        return pub_year - 1
    return pub_year


def _relative(lower: str, year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or month is None or day is None:
        if lower in ("this year",) and year:
            return f"{year:04d}"
        if lower in ("last year",) and year:
            return f"{year - 1:04d}"
        if lower in ("this month", "earlier this month") and year and month:
            return f"{year:04d}-{month:02d}"
        return None
    published = dt.date(year, month, day)
    for word, offset in _RELATIVE.items():
        if lower == word or lower.endswith(" " + word):
            return (published + dt.timedelta(days=offset)).isoformat()
    for index, name in enumerate(WEEKDAYS):
        if name in lower:
            # "on Monday" in a Monday's paper is that day; otherwise the latest such day before it
            delta = (published.weekday() - index) % 7
            if delta == 0 and ("last" in lower or "previous" in lower):
                delta = 7
            return (published - dt.timedelta(days=delta)).isoformat()
    if lower == "last year":
        return f"{year - 1:04d}"
    if lower == "this year":
        return f"{year:04d}"
    if lower in ("this month", "earlier this month"):
        return f"{year:04d}-{month:02d}"
    return None


def _is_timeish(lower: str) -> bool:
    return any(w in lower for w in ("night", "morning", "evening", "afternoon", "week", "month", "year", "day",
                                    "recent", "ago", "earlier", "later", "dawn", "midnight", "noon"))
