"""`standing state`, `standing accounts`, `standing history`.

Each opens the store for itself and closes it (`cli.reading`): `state` and
`accounts` through one plain connection, loading the projector only when the
read model is behind; only `history` loads the aggregate, and only what a
person reads loads `rich`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from standing.adapters.input import InputError
from standing.application import clock
from standing.cli import filters, options
from standing.cli.edge import reported
from standing.cli.formats import Format, FormatOption, Json, chosen, write_json
from standing.cli.history_output import print_history
from standing.cli.history_window import History, Window
from standing.cli.query_options import (
    Account,
    Count,
    From,
    Holder,
    Limit,
    Periods,
    Platform,
    PlatformFilter,
    Sort,
    Status,
    To,
)
from standing.projections.reading import opened, reading


def state_command(
    account: Account,
    at: options.At = None,
    platform: Platform = "twitter",
    tz: options.Tz = None,
    format: FormatOption = None,
    as_json: Json = False,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """What an account's state was at an instant (default: now)."""
    with reported(debug):
        shape = chosen(format, as_json)
        key = filters.key(account, platform)
        instant = _instant(at, tz)
        with reading(db) as reader:
            reader.require(key)
            standing = reader.standing(key, instant)
        if shape is Format.JSON:
            write_json(standing.as_dict())
        elif shape is Format.TABLE:
            from standing.cli.tables import (
                print_state,  # rich: only for a person to read
            )

            print_state(standing)
        else:
            from standing.cli.fleet_output import print_standings

            print_standings(shape, [standing])


def accounts_command(
    at: options.At = None,
    status: Status = None,
    holder: Holder = None,
    platform: PlatformFilter = None,
    sort: Sort = None,
    limit: Limit = None,
    count: Count = False,
    tz: options.Tz = None,
    format: FormatOption = None,
    as_json: Json = False,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """Every account as of an instant: filtered, sorted, or counted."""
    with reported(debug):
        shape = chosen(format, as_json)
        instant = _instant(at, tz)
        wanted = filters.status_named(status) if status is not None else None
        where = filters.platform_named(platform) if platform is not None else None
        order = filters.sort_named(sort) if sort is not None else None
        if count and (order or limit):
            raise InputError("--count counts every match: leave out --sort and --limit")
        with reading(db) as reader:
            rows = reader.accounts(instant, status=wanted, platform=where)
        from standing.cli.fleet import select
        from standing.cli.fleet_output import print_counts, print_fleet

        fleet = select(rows, instant, holder, order, limit)
        (print_counts if count else print_fleet)(shape, fleet)


def history_command(
    account: Account,
    platform: Platform = "twitter",
    start: From = None,
    end: To = None,
    tz: options.Tz = None,
    periods_only: Periods = False,
    format: FormatOption = None,
    as_json: Json = False,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """An account's events, what time alone did, and its periods."""
    with reported(debug):
        shape = chosen(format, as_json)
        key = filters.key(account, platform)
        window = _window(start, end, tz, clock.now())
        with opened(db) as app:
            from standing.projections.views import (
                ReadModel,  # the aggregate: history only
            )

            reader = ReadModel(app).reader
            reader.require(key)
            now = clock.now()
            periods = [
                period.as_dict()
                for period in reader.periods(key)
                if window.overlaps(period.from_, period.to)
            ]
            label = reader.standing(key, now).account
            entries = window.entries(_timeline(app.events_of(key), now))
            history = History(label, key.platform, entries, periods, window)
            print_history(shape, history, periods_only)


def _window(
    start: str | None, end: str | None, tz: str | None, now: datetime
) -> Window:
    """`--from` and `--to`, read as `--at` is; but a date alone starts a
    window at its start (as an event's date does), so both days are whole."""
    from datetime import date
    from zoneinfo import ZoneInfo

    from standing.adapters.input import parse_event_time, parse_query_time, parse_tz

    zone = parse_tz(tz) if tz is not None else ZoneInfo("UTC")

    def first(text: str) -> datetime:
        try:
            date.fromisoformat(text)
        except ValueError:
            return parse_query_time(text, zone, now)
        return parse_event_time(text, zone)

    return Window(
        first(start) if start is not None else None,
        parse_query_time(end, zone, now) if end is not None else None,
    )


def _instant(at: str | None, tz: str | None) -> datetime:
    if at is None and tz is None:
        return clock.now()
    from zoneinfo import ZoneInfo  # only to read a time or a zone

    from standing.adapters.input import parse_query_time, parse_tz

    zone = parse_tz(tz) if tz is not None else ZoneInfo("UTC")
    now = clock.now()  # the command's one clock reading
    return parse_query_time(at, zone, now) if at is not None else now


def _timeline(events: Any, now: datetime) -> Iterator[Any]:
    from standing.domain.timeline import timeline

    return timeline(events, until=now)
