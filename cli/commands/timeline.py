"""`standing timeline`: accounts' standing over time, as one HTML file."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

from standing.adapters.input import InputError
from standing.application import clock
from standing.cli import options
from standing.cli.edge import reported
from standing.cli.timelines import LIMIT, every_account, named_accounts, picture
from standing.domain.errors import InvalidIdentity
from standing.domain.identity import DEFAULT_PLATFORM, AccountKey
from standing.projections.reading import opened

Accounts = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ACCOUNT", help="Handles, with or without @.", show_default=False
    ),
]
All = Annotated[bool, typer.Option("--all", help="Every account of the store.")]
Out = Annotated[
    str | None,
    typer.Option(
        "--out",
        "-o",
        metavar="FILE.html",
        help="File to write; - for standard output (the default into a pipe).",
        show_default=False,
    ),
]
From = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="WHEN",
        help="Window start (a date alone: its start). Default: the first fact.",
        show_default=False,
    ),
]
To = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="WHEN",
        help="Window end (a date alone: its end). Default: now, or the last fact.",
        show_default=False,
    ),
]
Platform = Annotated[
    str | None,
    typer.Option(
        "--platform",
        "-p",
        metavar="PLATFORM",
        help="Platform of the accounts named (default twitter); with --all, only it.",
        show_default=False,
    ),
]
Marks = Annotated[
    list[str] | None,
    typer.Option(
        "--mark",
        metavar="WHEN",
        help="An instant to mark across every lane, its tooltip telling each"
        " account's status then (as --at reads it; repeat for more).",
        show_default=False,
    ),
]
Limit = Annotated[
    int,
    typer.Option(min=1, metavar="N", help="With --all: at most this many accounts."),
]
Offset = Annotated[
    int,
    typer.Option(
        min=0, metavar="N", help="With --all: skip this many first (next page)."
    ),
]


def timeline_command(
    accounts: Accounts = None,
    every: All = False,
    out: Out = None,
    start: From = None,
    end: To = None,
    platform: Platform = None,
    mark: Marks = None,
    limit: Limit = LIMIT,
    offset: Offset = 0,
    tz: options.Tz = None,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """Draw accounts' periods and facts over time, as one HTML file (no network
    needed to view it): a lane per account."""
    with reported(debug):
        if bool(accounts) == every:
            raise InputError("name the accounts to draw, or pass --all (not both)")
        if out is None and sys.stdout.isatty():
            raise InputError("give the file to write: -o FILE.html")
        now = clock.now()
        window = _window(start, end, tz, now)
        marks = _marks(mark or [], tz, now)
        with opened(db) as app:
            if every:
                drawn = every_account(app, _platform(platform), limit, offset, now)
            else:
                keys = [_key(handle, platform) for handle in accounts or []]
                drawn = named_accounts(app, keys, now)
        from standing.cli.picture import render

        document = render(picture(drawn, now, *window, marks))
        where = _write(out, document)
    if where is not None:
        from standing.cli.edge import stderr

        count = len(drawn.histories)
        stderr.print(f"Wrote {count} account{'s' * (count != 1)} to {where}")


def _window(
    start: str | None, end: str | None, tz: str | None, now: datetime
) -> tuple[datetime | None, datetime | None]:
    from zoneinfo import ZoneInfo

    from standing.adapters.input import parse_event_time, parse_query_time, parse_tz

    zone = parse_tz(tz) if tz is not None else ZoneInfo("UTC")
    first = last = None
    if start is not None:  # a date alone: from its start, so it is drawn whole
        if _date_alone(start):
            first = parse_event_time(start, zone)
        else:
            first = parse_query_time(start, zone, now)
    if end is not None:  # a date alone: to its end, the next day's start
        last = parse_query_time(end, zone, now)
        last += timedelta(microseconds=1) if _date_alone(end) else timedelta(0)
    if first is not None and last is not None and first >= last:
        raise InputError(f"--from {start} is not before --to {end}")
    return first, last


def _marks(texts: list[str], tz: str | None, now: datetime) -> tuple[datetime, ...]:
    from zoneinfo import ZoneInfo

    from standing.adapters.input import parse_query_time, parse_tz

    zone = parse_tz(tz) if tz is not None else ZoneInfo("UTC")
    return tuple(parse_query_time(text, zone, now) for text in texts)


def _date_alone(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) <= len("2021-01-08")


def _key(handle: str, platform: str | None) -> AccountKey:
    try:
        return AccountKey.parse(handle, _platform(platform) or DEFAULT_PLATFORM)
    except InvalidIdentity as error:
        raise InputError(str(error)) from None


def _platform(platform: str | None) -> str | None:
    if platform is None:
        return None
    try:
        return AccountKey.parse("x", platform.lower()).platform
    except InvalidIdentity as error:
        raise InputError(str(error)) from None


def _write(out: str | None, document: str) -> Path | None:
    """The file written (whole or not at all), or None for standard output."""
    if out is None or out == "-":
        sys.stdout.write(document)
        sys.stdout.flush()
        return None
    target = Path(out).absolute()
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(document)
        os.chmod(temporary, 0o666 & ~_umask())  # as an ordinary new file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
