"""standing: replay dated facts about social-media accounts and ask what their
standing was at any instant.

The Python API does what the command line does and returns plain Python
values (the JSON documents of SPEC section 5 as dicts and lists)::

    import standing

    store = standing.open_store("standing.db")  # or "postgresql://..."
    standing.replay(store, ["examples/january2021.jsonl"])
    standing.state(store, "@realDonaldTrump", at="2021-01-07T12:00:00-05:00")
    standing.accounts(store, at="2021-01-09", status="permanently suspended")
    standing.history(store, "@POTUS")
    store.close()

Instants are ISO 8601 text (a date alone is the end of that day), `now`,
relative (`-7d`), or a timezone-aware `datetime`. Errors are the domain's
(`standing.DomainError`: an unknown account, a refused fact) and the store's
(`standing.StoreUnavailable`), each with a readable message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

# `import standing` stays light: every `standing.cli...` import runs this
# module first, so a query's start-up must not load the store from here.
if TYPE_CHECKING:
    from standing.adapters.event_store import EventStore
    from standing.domain.identity import AccountKey
    from standing.projections import ReadModel

__all__ = [
    "DomainError",
    "EventStore",
    "InputError",
    "StoreUnavailable",
    "accounts",
    "history",
    "open_store",
    "replay",
    "state",
]
When = str | datetime | None
_LAZY = {
    "DomainError": "standing.domain.errors",
    "EventStore": "standing.adapters.event_store",
    "InputError": "standing.adapters.input",
    "StoreUnavailable": "standing.adapters.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'standing' has no attribute {name!r}")


def open_store(db: str | None = None) -> EventStore:
    """The store at `db` (a SQLite path, `sqlite:///PATH` or a PostgreSQL
    address), else `STANDING_DB`, else `standing.db`; made if missing."""
    from standing.adapters.opening import open_store as opened

    return opened(db)


def replay(
    store: EventStore,
    files: Sequence[str],
    *,
    tz: str | None = None,
    skip_invalid: bool = False,
) -> dict[str, Any]:
    """Replay event files into `store` as `standing replay --json` does, and
    bring the read models up to date. Returns the report: `applied`,
    `duplicates`, `rejected` and `errors` (file, line, id, message)."""
    from standing.adapters.input import parse_tz
    from standing.application.replay import replay as replayed
    from standing.projections import ReadModel

    zone = parse_tz(tz) if tz is not None else None
    report = replayed(store, list(files), zone, skip_invalid=skip_invalid)
    if report.stored:
        ReadModel(store).catch_up()
    return report.as_dict()


def state(
    store: EventStore,
    account: str,
    at: When = None,
    *,
    platform: str = "twitter",
    tz: str | None = None,
) -> dict[str, Any]:
    """The account's state at `at` (default: now), as `standing state --json`."""
    from standing.projections import ReadModel

    model = ReadModel(store)
    key = _known(model, account, platform)
    return model.standing(key, _instant(at, tz)).as_dict()


def accounts(
    store: EventStore,
    at: When = None,
    *,
    status: str | None = None,
    holder: str | None = None,
    platform: str | None = None,
    tz: str | None = None,
) -> list[dict[str, Any]]:
    """Every account's state at `at`, as `standing accounts --json`; `status`
    as printed or as in JSON, `holder` a part of the holder's name in any
    case, `platform` in any case."""
    from standing.cli import filters
    from standing.projections import ReadModel

    wanted = filters.status_named(status) if status is not None else None
    where = filters.platform_named(platform) if platform is not None else None
    rows = ReadModel(store).reader.accounts(
        _instant(at, tz), status=wanted, platform=where
    )
    if holder is not None:
        rows = [row for row in rows if filters.holder_matches(holder, row.holder)]
    return [row.as_dict() for row in rows]


def history(
    store: EventStore, account: str, *, platform: str = "twitter"
) -> dict[str, Any]:
    """The account's history, as `standing history --json`: its stored facts
    (`events`), what time alone did (`changes`) and its `periods`."""
    from standing.application import clock
    from standing.cli.histories import history_document
    from standing.projections import ReadModel

    model = ReadModel(store)
    key = _known(model, account, platform)
    return history_document(store, model.reader, key, clock.now())


def _known(model: ReadModel, account: str, platform: str) -> AccountKey:
    """The account's key, if the store knows the account (else the
    `UnknownAccount` naming close handles)."""
    from standing.domain.identity import AccountKey

    key = AccountKey.parse(account, platform.casefold())
    model.reader.require(key)
    return key


def _instant(at: When, tz: str | None) -> datetime:
    from datetime import UTC
    from zoneinfo import ZoneInfo

    from standing.adapters.input import InputError, parse_query_time, parse_tz
    from standing.application import clock

    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise InputError(f"{at.isoformat()} has no offset: give one, or a tz")
        return at.astimezone(UTC)
    now = clock.now()
    if at is None:
        return now
    zone = parse_tz(tz) if tz is not None else ZoneInfo("UTC")
    return parse_query_time(at, zone, now)
