"""`standing history` in each format, streamed: an account of any size
prints as its events are read, never held whole.

`events` are the stored facts; what time alone did (a lock or suspension
running out, a scheduled transfer taking effect or lapsing) is listed apart
as `changes`. TSV and CSV list both, in time order, a `kind` column telling
`event` from `change` and `details` holding a JSON object; with `--periods`
they list the periods instead.
"""

from __future__ import annotations

import json
from typing import Any

from standing.cli.formats import Format, output, write_rows
from standing.cli.history_window import History
from standing.cli.showing import machine_value
from standing.domain.timefmt import iso

EVENT_COLUMNS = ("at", "kind", "type", "id", "recorded_at", "details")
PERIOD_COLUMNS = ("status", "from", "to", "holder", "reason")


def print_history(format: Format, history: History, periods_only: bool) -> None:
    if format is Format.JSON:
        _print_json(history, periods_only)
    elif format is Format.TABLE:
        from standing.cli.history_table import print_history_table  # rich: for a person

        print_history_table(history, periods_only)
    elif periods_only:
        rows = ([period[key] for key in PERIOD_COLUMNS] for period in history.periods)
        write_rows(format, PERIOD_COLUMNS, rows)
    else:
        write_rows(format, EVENT_COLUMNS, map(_entry_row, history.entries))


def event_dict(entry: Any) -> dict[str, Any]:
    """A stored fact as JSON: type, at, recorded_at, id, then its fields."""
    return {
        "type": entry.type,
        "at": iso(entry.at),
        "recorded_at": iso(entry.recorded_at),
        "id": entry.id,
        **_details(entry),
    }


def change_dict(entry: Any) -> dict[str, Any]:
    """What time alone did, as JSON: type, at, then its details."""
    return {"type": entry.type, "at": iso(entry.at), **_details(entry)}


def _print_json(history: History, periods_only: bool) -> None:
    """One JSON document, written as the events are read."""
    out = output()
    head = {"account": history.account, "platform": history.platform}
    out.write(json.dumps(head)[:-1])
    if not periods_only:
        changes = []
        out.write(', "events": [')
        first = True
        for entry in history.entries:
            if entry.derived:
                changes.append(change_dict(entry))
                continue
            out.write(("" if first else ", ") + json.dumps(event_dict(entry)))
            first = False
        out.write(f'], "changes": {json.dumps(changes)}')
    out.write(f', "periods": {json.dumps(history.periods)}}}\n')
    out.flush()


def _entry_row(entry: Any) -> list[Any]:
    recorded = iso(entry.recorded_at) if entry.recorded_at else None
    kind = "change" if entry.derived else "event"
    return [iso(entry.at), kind, entry.type, entry.id, recorded, _details(entry)]


def _details(entry: Any) -> dict[str, Any]:
    return {key: machine_value(value) for key, value in entry.details.items()}
