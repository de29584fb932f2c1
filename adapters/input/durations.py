"""Lengths of time as ISO 8601 durations (``PT12H``, ``P7D``, ``P1DT12H``)."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

from standing.adapters.input.errors import InputError, shown

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
# Longer numbers are never a length a lock or suspension takes (at most 100
# years), and converting one of a million digits takes seconds, or overflows.
MOST_DIGITS = 24


def parse_duration(text: str) -> timedelta:
    """A length of time, zero or more; months and years are refused (no fixed
    length). Zero is the domain's to judge: a lock waiting for removals may
    take `PT0S` ("until they are removed"), nothing else may."""
    found = DURATION.fullmatch(text.strip().upper())
    if found is None or text.strip().upper() in ("P", "-P", "+P"):
        raise InputError(f"invalid ISO 8601 duration {shown(text)} ({EXAMPLES})")
    if found["years"] or found["months"]:
        raise InputError(
            f"duration {shown(text)}: months and years have no fixed length; use days"
        )
    if any(len(found[unit] or "") > MOST_DIGITS for unit in MICROSECONDS):
        too_many = f"has a number of over {MOST_DIGITS} digits"
        raise InputError(f"duration {shown(text)} {too_many}")
    total = _microseconds(found)
    if found["sign"] == "-":
        raise InputError(f"duration {shown(text)} must be positive")
    if not total:
        return timedelta(0)
    if total < 1:  # instants are kept to the microsecond
        raise InputError(f"duration {shown(text)} is shorter than a microsecond")
    try:
        return timedelta(microseconds=int(total))  # finer digits dropped
    except OverflowError:
        raise InputError(f"duration {shown(text)} is too long") from None


def _microseconds(found: re.Match[str]) -> Decimal:
    """The length written, in microseconds (a fraction of one kept)."""
    return sum(
        (
            Decimal(found[unit].replace(",", ".")) * scale
            for unit, scale in MICROSECONDS.items()
            if found[unit]
        ),
        Decimal(0),
    )
