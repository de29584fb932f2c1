"""`now` and instants relative to it (`-7d`, `+12h`), for queries (SPEC section 5).

A unit is a fixed length of time: a day is 24 hours whatever the zone, a
week 7 days. Months and years, whose length varies, are written as dates.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from standing.adapters.input.errors import InputError, shown

NOW = "now"
UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
RELATIVE = re.compile(r"([+-])(\d{1,12})([smhdw])", re.IGNORECASE)
FORMS = "now, or relative to now such as -7d, -12h, -30m, +2h (units s m h d w)"


def relative_instant(text: str, now: datetime) -> datetime | None:
    """The instant `text` names relative to `now` (the command's one clock
    reading), or None if it names none."""
    word = text.strip()
    if word.lower() == NOW:
        return now
    match = RELATIVE.fullmatch(word)
    if match is None:
        return None
    sign, count, unit = match.groups()
    amount = int(count) * (-1 if sign == "-" else 1)
    try:
        return now + timedelta(**{UNITS[unit.lower()]: amount})
    except OverflowError:
        raise InputError(f"time {shown(text)} is out of range") from None
