"""How answers look: a status as styled text, an instant, an event as JSON.

The query tables themselves are in `cli.tables` and `cli.history_table`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rich.text import Text

from standing.cli.showing import STATUS_STYLES, instant, status_label
from standing.domain.timefmt import iso, iso_duration
from standing.domain.timeline import Entry

STYLES = STATUS_STYLES


def status_text(status: str | None) -> Text:
    if status is None:
        return Text("not registered", style="dim")
    return Text(status_label(status), style=STYLES.get(status, ""))


def when(at: datetime | str | None) -> str:
    """An instant as a table shows it, `2021-01-07 23:00Z`; None as `—`."""
    if at is None:
        return "—"
    return instant(datetime.fromisoformat(at) if isinstance(at, str) else at)


def plain(value: Any) -> Any:
    """A JSON-ready copy of a value from an event."""
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, timedelta):
        return iso_duration(value)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def entry_dict(entry: Entry) -> dict[str, Any]:
    return {
        "type": entry.type,
        "at": iso(entry.at),
        "recorded_at": iso(entry.recorded_at) if entry.recorded_at else None,
        "id": entry.id,
        **{key: plain(value) for key, value in entry.details.items()},
    }
