"""Dates at the precision the text gives them: ``2025``, ``2025-05`` or ``2025-05-14``.

kg never invents precision: "in May 2025" stays ``2025-05``. Comparing such dates means comparing
the periods they name; :func:`date_span` gives a period's first and last day, and every range
filter, timeline and export uses it.
"""
from __future__ import annotations

import calendar
import re

from kg.errors import InputError

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_span(value: str) -> tuple[str, str]:
    """The first and last day (ISO) a date of any precision covers.

    >>> date_span("2024")
    ('2024-01-01', '2024-12-31')
    >>> date_span("2024-02")
    ('2024-02-01', '2024-02-29')
    >>> date_span("2025-05-14")
    ('2025-05-14', '2025-05-14')
    """
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value, value


def check_date(value: str | None, option: str) -> str | None:
    """``value`` when it is a real date written YYYY, YYYY-MM or YYYY-MM-DD (or None); else an
    :class:`InputError` naming ``option``.

    >>> check_date("2025-02-30", "--since")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: --since '2025-02-30' is not a real date (February 2025 has 28 days)
    """
    if value is None:
        return None
    if not ISO_DATE.match(value):
        raise InputError(f"{option} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) >= 7 and not 1 <= int(value[5:7]) <= 12:
        raise InputError(f"{option} {value!r} is not a real date (a month is 01 to 12)")
    if len(value) == 10:
        year, month, day = int(value[:4]), int(value[5:7]), int(value[8:])
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise InputError(f"{option} {value!r} is not a real date ({calendar.month_name[month]} {year} has {days} days)")
    return value
