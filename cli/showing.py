"""How values read to a person: instants, statuses, an event's details.

Tables show instants compactly (`2021-01-07 23:00Z`: seconds only when not
zero); TSV, CSV and JSON keep ISO 8601 (`2021-01-07T23:00:00Z`) for machines.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from standing.domain.timefmt import iso, iso_duration

STATUS_STYLES = {
    "active": "green",
    "locked": "yellow",
    "suspended": "red",
    "permanently_suspended": "bold red",
    "archived": "blue",
}


def instant(at: datetime) -> str:
    """`2021-01-07 23:00Z`; `23:00:05Z` or `23:59:59.999999Z` when finer."""
    utc = at.astimezone(UTC)
    text = utc.strftime("%Y-%m-%d %H:%M")
    if utc.second or utc.microsecond:
        text += f":{utc.second:02d}"
    if utc.microsecond:
        text += f".{utc.microsecond:06d}".rstrip("0")
    return f"{text}Z"


def instant_text(text: str | None) -> str:
    """An ISO instant as the JSON gives it, shown compactly; None as `—`."""
    return instant(datetime.fromisoformat(text)) if text else "—"


def status_label(status: str | None) -> str:
    """`permanently suspended` for `permanently_suspended`."""
    return "not registered" if status is None else status.replace("_", " ")


def status_style(status: str | None) -> str:
    return STATUS_STYLES.get(status or "", "dim")


def value_text(value: Any) -> str:
    """A value from an event, in plain JSON-ish form: `true`, `[a, b]`, `PT12H`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return instant(value)
    if isinstance(value, timedelta):
        return iso_duration(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return f"[{', '.join(value_text(item) for item in items)}]"
    if isinstance(value, dict):
        pairs = (f"{key}: {value_text(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return str(value)


def details_text(details: dict[str, Any]) -> str:
    """`reason: spam; duration: PT12H` (pairs apart by `; `)."""
    return "; ".join(f"{key}: {value_text(value)}" for key, value in details.items())


def machine_value(value: Any) -> Any:
    """A value from an event, ready for JSON: instants and durations as ISO."""
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, timedelta):
        return iso_duration(value)
    if isinstance(value, list | tuple):
        return [machine_value(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(machine_value(item) for item in value)
    return value
