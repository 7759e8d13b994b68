"""Publication dates of documents: normalised to their own precision, refused when malformed or in
the future (a date in the future anchors "on Monday" and "last May" to the wrong year)."""
from __future__ import annotations

import datetime as dt
import re

from kg.dates import ISO_DATE
from kg.errors import InputError


def normalise_published(value: object, *, where: str | None = None, line: int | None = None) -> str | None:
    """Return ``value`` as an ISO date at its own precision (YYYY, YYYY-MM or YYYY-MM-DD).

    Accepts dates, datetimes and strings such as ``2025-08`` or ``2025-08-14T10:00:00Z``.
    Raises :class:`InputError` for anything else, naming ``where`` and ``line``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if "T" in text or " " in text:
        text = re.split(r"[T ]", text, maxsplit=1)[0]
    if not ISO_DATE.match(text):
        raise InputError(f"published date {_shown(value)} is not YYYY, YYYY-MM or YYYY-MM-DD", path=where, line=line)
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise InputError(f"published date {_shown(value)} is not a real date ({exc})", path=where, line=line) from None
    return text



def check_not_future(published: str | None, *, today: dt.date | None = None, where: str | None = None,
                     line: int | None = None) -> str | None:
    """Refuse a publication date (``YYYY[-MM[-DD]]``) that starts after tomorrow: a date in the
    future anchors "on Monday" and "last May" to the wrong year. One day of slack covers time zones."""
    if published is None:
        return None
    parts = [int(p) for p in published.split("-")]
    start = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    today = today or dt.date.today()
    if start > today + dt.timedelta(days=1):
        raise InputError(f"published date {published!r} is in the future (today is {today.isoformat()})", path=where, line=line)
    return published



def published_date(value: object, *, where: str | None = None, line: int | None = None) -> str | None:
    """A document's publication date, normalised and checked not to lie in the future."""
    return check_not_future(normalise_published(value, where=where, line=line), where=where, line=line)



def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…'"
