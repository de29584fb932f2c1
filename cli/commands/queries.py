"""`standing state`, `standing accounts`, `standing history`.

Each opens the store for itself and closes it (`cli.reading`): `state` and
`accounts` through one plain connection, loading the projector only when the
read model is behind; only `history` loads the aggregate, and only what a
person reads loads `rich`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any

import typer

from standing.adapters.input import InputError
from standing.cli import options
from standing.cli.edge import reported
from standing.domain.errors import InvalidIdentity, UnknownAccount
from standing.domain.identity import AccountKey
from standing.domain.restrictions import Status
from standing.projections.reader import Reader
from standing.projections.reading import opened, reading

Account = Annotated[str, typer.Argument(help="Handle, with or without @.")]


def state_command(
    account: Account,
    at: options.At = None,
    platform: options.Platform = "twitter",
    tz: options.Tz = None,
    as_json: options.Json = False,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """What an account's state was at an instant (default: now)."""
    with reported(debug):
        key = _key(account, platform)
        instant = _instant(at, tz)
        with reading(db) as reader:
            _require_known(reader, key)
            standing = reader.standing(key, instant)
        if as_json:
            typer.echo(json.dumps(standing.as_dict()))
        else:
            from standing.cli.render import (
                print_standing,  # rich: only for a person to read
            )

            print_standing(_console(), standing)


def accounts_command(
    at: options.At = None,
    status: Annotated[
        Status | None, typer.Option(help="Only this status.", case_sensitive=False)
    ] = None,
    holder: Annotated[str | None, typer.Option(help="Only this holder.")] = None,
    platform: Annotated[str | None, typer.Option(help="Only this platform.")] = None,
    tz: options.Tz = None,
    as_json: options.Json = False,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """Every account as of an instant, optionally filtered."""
    with reported(debug):
        instant = _instant(at, tz)
        if platform is not None:
            _key("x", platform)
        with reading(db) as reader:
            rows = reader.accounts(
                instant,
                status=status.value if status else None,
                holder=holder,
                platform=platform,
            )
        if as_json:
            typer.echo(json.dumps([row.as_dict() for row in rows]))
        else:
            from standing.cli.render import standings_table

            _console().print(standings_table(rows, instant))


def history_command(
    account: Account,
    platform: options.Platform = "twitter",
    as_json: options.Json = False,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """An account's events (effective and recorded times, ids) and its periods."""
    with reported(debug):
        key = _key(account, platform)
        with opened(db) as app:
            from standing.projections.views import (
                ReadModel,  # the aggregate: history only
            )

            reader = ReadModel(app).reader
            _require_known(reader, key)
            entries = _timeline(app.events_of(key))
            periods = [period.as_dict() for period in reader.periods(key)]
            label = reader.standing(key, datetime.now(UTC)).account
        if as_json:
            document = {
                "account": label,
                "platform": key.platform,
                "events": [_entry_dict(e) for e in entries],
                "periods": periods,
            }
            typer.echo(json.dumps(document))
        else:
            _print_history(label, key.platform, entries, periods)


def _print_history(
    label: str, platform: str, entries: list[Any], periods: list[dict[str, Any]]
) -> None:
    from rich.text import Text

    from standing.cli.render import events_table, periods_table
    from standing.cli.terminal import literal

    console = _console()
    console.print(Text.assemble((literal(label), "bold"), f" on {literal(platform)}"))
    console.print(events_table(entries))
    console.print(periods_table(periods))


def _key(account: str, platform: str) -> AccountKey:
    """The account named on the command line; a malformed name is a usage error."""
    try:
        return AccountKey.parse(account, platform)
    except InvalidIdentity as error:
        raise InputError(str(error)) from None


def _instant(at: str | None, tz: str | None) -> datetime:
    if at is None and tz is None:
        return datetime.now(UTC)
    from zoneinfo import ZoneInfo  # only to read a time or a zone

    from standing.adapters.input import parse_query_time, parse_tz

    zone = parse_tz(tz) if tz is not None else ZoneInfo("UTC")
    return parse_query_time(at, zone) if at is not None else datetime.now(UTC)


def _require_known(reader: Reader, key: AccountKey) -> None:
    if reader.known(key):
        return
    close = reader.suggest(key)
    hint = f" on {key.platform}"
    if close:
        hint += f"; did you mean {', '.join(close)}?"
    raise UnknownAccount(f"{key}{hint}")


def _timeline(events: Any) -> list[Any]:
    from standing.domain.timeline import timeline

    return list(timeline(events, until=datetime.now(UTC)))


def _console() -> Any:
    from standing.cli.terminal import terminal

    return terminal()


def _entry_dict(entry: Any) -> dict[str, Any]:
    from standing.cli.render import entry_dict

    return entry_dict(entry)
