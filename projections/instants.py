"""Instants stored as integers: microseconds since 1970-01-01 UTC.

Integers sort the same way in every database, so "as of T" is a range lookup.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def to_micros(at: datetime) -> int:
    return (at - EPOCH) // MICROSECOND


def from_micros(micros: int) -> datetime:
    return EPOCH + timedelta(microseconds=micros)


def maybe_micros(at: datetime | None) -> int | None:
    return None if at is None else to_micros(at)


def maybe_instant(micros: int | None) -> datetime | None:
    return None if micros is None else from_micros(micros)
