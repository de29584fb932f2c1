"""Lengths of time as ISO 8601 durations (``PT12H``, ``P7D``, ``P1DT12H``)."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

from cli.input.errors import InputError

_NUMBER = r"\d+(?:[.,]\d+)?"
DURATION = re.compile(
    rf"(?P<sign>[-+])?P(?:(?P<years>{_NUMBER})Y)?(?:(?P<months>{_NUMBER})M)?"
    rf"(?:(?P<weeks>{_NUMBER})W)?(?:(?P<days>{_NUMBER})D)?"
    rf"(?:T(?=\d)(?:(?P<hours>{_NUMBER})H)?(?:(?P<minutes>{_NUMBER})M)?"
    rf"(?:(?P<seconds>{_NUMBER})S)?)?"
)
MICROSECONDS = {
    "weeks": 604_800_000_000,
    "days": 86_400_000_000,
    "hours": 3_600_000_000,
    "minutes": 60_000_000,
    "seconds": 1_000_000,
}
EXAMPLES = "e.g. PT12H, P7D, P1DT12H"


def parse_duration(text: str) -> timedelta:
    """A positive length of time; months and years are refused (no fixed length)."""
    found = DURATION.fullmatch(text.strip().upper())
    if found is None or text.strip().upper() in ("P", "-P", "+P"):
        raise InputError(f"invalid ISO 8601 duration {text!r} ({EXAMPLES})")
    if found["years"] or found["months"]:
        raise InputError(
            f"duration {text!r}: months and years have no fixed length; use days"
        )
    length = _length(found, text)
    if found["sign"] == "-" or not _written(found):
        raise InputError(f"duration {text!r} must be positive")
    if length <= timedelta(0):  # instants are kept to the microsecond
        raise InputError(f"duration {text!r} is shorter than a microsecond")
    return length


def _written(found: re.Match[str]) -> bool:
    """Whether any unit written is more than zero."""
    return any(
        Decimal(found[unit].replace(",", ".")) for unit in MICROSECONDS if found[unit]
    )


def _length(found: re.Match[str], text: str) -> timedelta:
    total = sum(
        Decimal(found[unit].replace(",", ".")) * scale
        for unit, scale in MICROSECONDS.items()
        if found[unit]
    )
    try:
        return timedelta(microseconds=int(total))  # finer digits dropped
    except OverflowError:
        raise InputError(f"duration {text!r} is too long") from None
