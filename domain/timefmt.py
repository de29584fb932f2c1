"""Formatting instants and durations the same way everywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def iso(at: datetime) -> str:
    """An instant in UTC, to the second (or finer when it has a fraction), ending Z."""
    text = at.astimezone(UTC).replace(tzinfo=None).isoformat()
    return f"{text}Z"


def iso_duration(length: timedelta) -> str:
    """A duration as ISO 8601, e.g. ``PT12H`` or ``P7D``."""
    days, seconds = length.days, length.seconds
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    date_part = f"{days}D" if days else ""
    time_part = "".join(
        f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M")) if value
    )
    if secs or length.microseconds:
        fraction = secs + length.microseconds / 1_000_000
        time_part += f"{fraction:g}S"
    if not date_part and not time_part:
        return "PT0S"
    return f"P{date_part}" + (f"T{time_part}" if time_part else "")
