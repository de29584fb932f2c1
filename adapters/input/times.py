"""Instants as written in event files and queries (SPEC sections 3 and 5).

Every function returns an aware datetime in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from standing.adapters.input.errors import InputError, shown, suggestion
from standing.adapters.input.relative import FORMS, relative_instant

LONGEST_DATE = len("2021-01-08")
ONE_MICROSECOND = timedelta(microseconds=1)
EXAMPLE = "e.g. 2021-01-08T16:00:00Z or 2021-01-08"


def parse_event_time(text: str, tz: ZoneInfo | None) -> datetime:
    """An effective time: a date alone is the START of that day (in `tz`, else
    UTC); a time without an offset is read in `tz`, and rejected without one."""
    day = _date_alone(text)
    if day is not None:
        return _start_of(day, tz or UTC, text)
    moment = _moment(text)
    if moment.tzinfo is None:
        if tz is None:
            raise InputError(
                f"time {shown(text)} has no offset: "
                "add one (e.g. Z or -05:00) or pass --tz"
            )
        moment = _local(moment, tz, text)
    return _utc(moment, text)


def parse_query_time(text: str, tz: ZoneInfo, now: datetime) -> datetime:
    """A query instant: a date alone is the END of that day (its last
    microsecond, so everything on that date is seen); no offset means `tz`.
    `now` and relative instants (`-7d`) count from `now`: a command that
    reads several instants passes its one clock reading, so they agree."""
    relative = relative_instant(text, now)
    if relative is not None:
        return relative
    day = _date_alone(text)
    if day is not None:
        return _end_of(day, tz, text)
    moment = _moment(text, f"{EXAMPLE}, or {FORMS}")
    if moment.tzinfo is None:
        moment = _local(moment, tz, text)
    return _utc(moment, text)


def parse_tz(name: str) -> ZoneInfo:
    """The IANA time zone `name` (e.g. ``America/New_York``)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        hint = suggestion(name, available_timezones())
        raise InputError(
            f"unknown time zone {name!r}{hint}: use an IANA name such as "
            "UTC or America/New_York"
        ) from None


def _date_alone(text: str) -> date | None:
    if len(text) > LONGEST_DATE:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _moment(text: str, forms: str = EXAMPLE) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"invalid time {shown(text)}: expected ISO 8601, {forms}"
        ) from None


def _local(naive: datetime, tz: ZoneInfo, text: str) -> datetime:
    """`naive` read in `tz`; a repeated wall time is its first occurrence."""
    aware = naive.replace(tzinfo=tz)
    if _utc(aware, text).astimezone(tz).replace(tzinfo=None) != naive:
        raise InputError(
            f"time {shown(text)} does not exist in {tz.key}: the clocks skipped it; "
            "give an offset"
        )
    return aware


def _start_of(day: date, tz: tzinfo, text: str) -> datetime:
    # A midnight skipped by a clock change is read with the offset before the
    # change, which lands on the first instant of the day.
    return _utc(datetime.combine(day, time.min, tzinfo=tz), text)


def _end_of(day: date, tz: tzinfo, text: str) -> datetime:
    try:
        following = day + timedelta(days=1)
    except OverflowError:
        raise InputError(f"time {shown(text)} is out of range") from None
    return _start_of(following, tz, text) - ONE_MICROSECOND


def _utc(moment: datetime, text: str) -> datetime:
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise InputError(f"time {shown(text)} is out of range") from None
