"""The time axis: tick spacing chosen by the window's length, from minutes
to centuries, labelled in UTC on two rows (the tick's own label, and the
day or year it falls in where that changes)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from standing.cli.picture.model import Window

MINUTE, HOUR, DAY, WEEK, MONTH, YEAR = "minute", "hour", "day", "week", "month", "year"
SECONDS = {
    MINUTE: 60,
    HOUR: 3600,
    DAY: 86400,
    WEEK: 7 * 86400,
    MONTH: 30.44 * 86400,
    YEAR: 365.25 * 86400,
}
STEPS = (
    *((MINUTE, n) for n in (1, 5, 15, 30)),
    *((HOUR, n) for n in (1, 3, 6, 12)),
    *((DAY, n) for n in (1, 2)),
    (WEEK, 1),
    *((MONTH, n) for n in (1, 3, 6)),
    *((YEAR, n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)),
)
LABEL_SPACING = 72  # pixels: room for the widest label, "00:00" or "Sep 30"
WEEK_START = datetime(2001, 1, 1, tzinfo=UTC)  # a Monday
# English names whatever the locale (strftime's follow it)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
MONTHS += ("Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class Mark:
    """A tick on the axis: its instant, label, and the context it starts
    (e.g. the date, when an hour tick falls on a new day), if any."""

    at: datetime
    label: str
    context: str | None = None


def step_for(window: Window, width: float) -> tuple[str, int]:
    """The finest step whose ticks stay `LABEL_SPACING` pixels apart."""
    per_second = width / window.seconds
    for unit, count in STEPS:
        if SECONDS[unit] * count * per_second >= LABEL_SPACING:
            return unit, count
    return STEPS[-1]


def marks(window: Window, width: float) -> list[Mark]:
    unit, count = step_for(window, width)
    found: list[Mark] = []
    previous: str | None = None
    for at in _ticks(window, unit, count):
        context = _context(at, unit)
        starts = context if context != previous else None
        found.append(Mark(at, _label(at, unit), starts))
        previous = context
    return found


def context_at(at: datetime, window: Window, width: float) -> str | None:
    """The context label at the window's start (the day or year it is in)."""
    return _context(at, step_for(window, width)[0])


def _ticks(window: Window, unit: str, count: int) -> Iterator[datetime]:
    at = _first(window.start.astimezone(UTC), unit, count)
    while at <= window.end:
        if at >= window.start:
            yield at
        at = _next(at, unit, count)


def _first(start: datetime, unit: str, count: int) -> datetime:
    """The last aligned instant at or before `start`."""
    day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit in (MINUTE, HOUR):
        size = timedelta(seconds=SECONDS[unit] * count)
        return day + ((start - day) // size) * size
    if unit == DAY:
        return day - timedelta(days=day.toordinal() % count)
    if unit == WEEK:
        return day - timedelta(days=(day - WEEK_START).days % 7)
    if unit == MONTH:
        return day.replace(day=1, month=(start.month - 1) // count * count + 1)
    year = max(1, start.year // count * count)
    return day.replace(year=year, month=1, day=1)


def _next(at: datetime, unit: str, count: int) -> datetime:
    if unit in (MINUTE, HOUR, DAY, WEEK):
        return at + timedelta(seconds=SECONDS[unit] * count)
    if unit == MONTH:
        months = at.year * 12 + at.month - 1 + count
        return at.replace(year=months // 12, month=months % 12 + 1)
    if at.year + count > 9999:
        return datetime.max.replace(tzinfo=UTC)
    return at.replace(year=at.year + count)


def _label(at: datetime, unit: str) -> str:
    if unit in (MINUTE, HOUR):
        return f"{at:%H:%M}"
    if unit in (DAY, WEEK):
        return f"{MONTHS[at.month - 1]} {at.day}"
    if unit == MONTH:
        return MONTHS[at.month - 1]
    return str(at.year)


def _context(at: datetime, unit: str) -> str | None:
    if unit in (MINUTE, HOUR):
        return f"{WEEKDAYS[at.weekday()]} {at.date().isoformat()}"
    if unit == YEAR:
        return None
    return str(at.year)
