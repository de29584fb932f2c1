"""How answers look in a terminal (rich) and as JSON."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from standing.cli.terminal import cell, literal
from standing.domain.standing import Standing
from standing.domain.timefmt import iso, iso_duration
from standing.domain.timeline import Entry

STYLES = {
    "active": "green",
    "locked": "yellow",
    "suspended": "red",
    "permanently_suspended": "bold red",
    "archived": "blue",
}


def status_text(status: str | None) -> Text:
    if status is None:
        return Text("not registered", style="dim")
    return Text(status.replace("_", " "), style=STYLES.get(status, ""))


def when(at: datetime | str | None) -> str:
    if at is None:
        return "—"
    return at if isinstance(at, str) else iso(at)


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


def print_standing(console: Console, standing: Standing) -> None:
    title = Text.assemble(
        (literal(standing.account), "bold"),
        f" on {literal(standing.platform)}, as of ",
        (iso(standing.as_of), "bold"),
    )
    console.print(title)
    if not standing.exists:
        console.print(Text("  not registered at that instant", style="dim"))
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for label, value in _standing_rows(standing):
        grid.add_row(label, value)
    console.print(grid)


def _standing_rows(standing: Standing) -> list[tuple[str, Text]]:
    status = status_text(standing.status.value if standing.status else None)
    status.append(f"  since {when(standing.since)}", style="default")
    if standing.until:
        status.append(f", until {when(standing.until)}", style="default")
    strikes = ", ".join(f"{k}: {v}" for k, v in sorted(standing.strikes.items()))
    rows: list[tuple[str, Text]] = [
        ("status", status),
        ("reason", cell(standing.reason or "—")),
        ("kind", cell(standing.kind or "—")),
        ("holder", cell(standing.holder or "—")),
    ]
    if standing.previous_holder:
        rows.append(("previous holder", cell(standing.previous_holder)))
    rows += [("live posts", cell(standing.posts)), ("strikes", cell(strikes or "none"))]
    rows += [
        ("pending", cell(_pending_text(item.as_dict()))) for item in standing.pending
    ]
    return rows


def _pending_text(item: dict[str, Any]) -> str:
    kind = item.pop("type").replace("_", " ")
    at = item.pop("at")
    rest = ", ".join(f"{k} {_short(v)}" for k, v in item.items() if v is not None)
    return f"{kind}{f' at {at}' if at else ''}{f' ({rest})' if rest else ''}"


def _short(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def standings_table(rows: list[Standing], as_of: datetime) -> Table:
    """One row an account; platform and until only when they tell something."""
    platforms = len({s.platform for s in rows}) > 1
    ends = any(s.until for s in rows)
    where = f" on {rows[0].platform}" if rows and not platforms else ""
    title = cell(f"Accounts{where} as of {iso(as_of)}")
    table = Table(title=title, title_justify="left")
    table.add_column("account", no_wrap=True)
    if platforms:
        table.add_column("platform", no_wrap=True)
    table.add_column("kind")
    table.add_column("status", no_wrap=True)
    table.add_column("since", no_wrap=True)
    if ends:
        table.add_column("until", no_wrap=True)
    table.add_column("holder", min_width=14)
    table.add_column("posts", justify="right")
    for s in rows:
        cells = [cell(s.account)]
        cells += [cell(s.platform)] if platforms else []
        cells += [cell(s.kind or ""), status_text(s.status.value if s.status else None)]
        cells += [cell(when(s.since))]
        cells += [cell(when(s.until) if s.until else "")] if ends else []
        table.add_row(*cells, cell(s.holder or ""), cell(s.posts))
    return table


def events_table(entries: list[Entry]) -> Table:
    table = Table(title="Events", title_justify="left")
    for column in ("at", "recorded", "type", "id", "details"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        details = ", ".join(f"{k}={_clip(plain(v))}" for k, v in entry.details.items())
        recorded = (
            when(entry.recorded_at.replace(microsecond=0))
            if entry.recorded_at
            else "(time)"
        )
        style = "italic dim" if entry.derived else ""
        values = (when(entry.at), recorded, entry.type, entry.id or "", details)
        table.add_row(*map(cell, values), style=style)
    return table


def _clip(value: Any, width: int = 40) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def periods_table(periods: list[dict[str, Any]]) -> Table:
    table = Table(title="Periods", title_justify="left")
    for column in ("from", "to", "status", "holder", "reason"):
        table.add_column(column, overflow="fold")
    for period in periods:
        table.add_row(
            cell(period["from"]),
            cell(period["to"] or "(now)"),
            status_text(period["status"]),
            cell(period["holder"] or ""),
            cell(period["reason"] or ""),
        )
    return table
