"""Formatting instants and durations the same way everywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def iso(at: datetime) -> str:
    """An instant in UTC, to the second (or finer when it has a fraction), ending Z."""
    text = at.astimezone(UTC).replace(tzinfo=None).isoformat()
    return f"{text}Z"


def iso_duration(length: timedelta) -> str:
    """A duration as exact ISO 8601 text, e.g. ``PT12H``, ``P7D``, ``PT1.5S``."""
    hours, rest = divmod(length.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    fraction = f".{length.microseconds:06d}".rstrip("0") if length.microseconds else ""
    clock = "".join(
        f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M")) if value
    )
    if seconds or fraction:
        clock += f"{seconds}{fraction}S"
    day_part = f"{length.days}D" if length.days else ""
    if not clock:
        return f"P{day_part or '0D'}"
    return f"P{day_part}T{clock}"
