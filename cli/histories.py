"""Accounts' histories as `standing history --json` prints them, built by the
same calls (the stored events through `domain.timeline`, the periods from the
read model): what a picture is drawn from."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from standing.cli.history_output import change_dict, event_dict
from standing.domain.identity import AccountKey
from standing.domain.timeline import timeline

if TYPE_CHECKING:
    from standing.adapters.event_store import EventStore
    from standing.projections.reader import Reader


def history_document(
    app: EventStore, reader: Reader, key: AccountKey, now: datetime
) -> dict[str, Any]:
    """`{"account", "platform", "events", "changes", "periods"}` of one
    account as of `now`, as `standing history --json` prints it: `events`
    the stored facts, `changes` what time alone did up to `now`."""
    entries = list(timeline(app.events_of(key), until=now))
    return {
        "account": reader.standing(key, now).account,
        "platform": key.platform,
        "events": [event_dict(entry) for entry in entries if not entry.derived],
        "changes": [change_dict(entry) for entry in entries if entry.derived],
        "periods": [period.as_dict() for period in reader.periods(key)],
    }
