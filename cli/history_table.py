"""`standing history` as a person reads it: the events and what time alone
did, in order, then the periods.

A change time alone made has no recorded time and no id: its row is in
italics and says so (`time alone: the lock ran out`). At narrow widths the
recorded time and the id fold under the details.
"""

from __future__ import annotations

from typing import Any

from standing.cli.grid import Column, Grid
from standing.cli.history_window import History
from standing.cli.showing import (
    details_text,
    instant,
    instant_text,
    status_label,
    status_style,
)
from standing.cli.tables import Screen

EVENTS = Grid(
    [
        Column("at"),
        Column("type"),
        Column("details", wrap=True, fold="type", label="", room=40),
        Column("recorded", fold="details"),
        Column("id", fold="details", atomic=True),
    ],
    folds=("recorded", "id", "details"),
)
PERIODS = Grid(
    [
        Column("from"),
        Column("to", fold="from"),
        Column("status", wrap=True),
        Column("holder", wrap=True),
        Column("reason", wrap=True),
    ],
    folds=("to",),
)
DONE_BY_TIME = {
    "lock.ran_out": "the lock ran out",
    "suspension.ran_out": "the suspension ran out",
    "transfer.took_effect": "the scheduled transfer took effect",
    "transfer.lapsed": "the scheduled transfer lapsed",
}


def print_history_table(
    history: History, periods_only: bool = False, console: Any = None
) -> None:
    screen = Screen(console)
    screen.print([screen.title(_title(history))])
    if not periods_only:
        rows = map(_entry_row, history.entries)
        screen.print(["", screen.title("Events"), *_lines(EVENTS, rows, screen)])
    periods = [_period_row(period) for period in history.periods]
    screen.print(["", screen.title("Periods"), *_lines(PERIODS, periods, screen)])


def _title(history: History) -> str:
    window = history.window
    within = "".join(
        f" {word} {instant(at)}"
        for word, at in (("from", window.start), ("to", window.end))
        if at is not None
    )
    return f"{history.account} on {history.platform}{within}"


def _lines(grid: Grid, rows: Any, screen: Screen) -> Any:
    return grid.lines(rows, screen.width, screen.paint)


def _entry_row(entry: Any) -> tuple[list[tuple[str, str]], str]:
    details = details_text(entry.details)
    if entry.derived:
        said = f"time alone: {DONE_BY_TIME.get(entry.type, entry.type)}"
        details = f"{said}; {details}" if details else said
        cells = [(instant(entry.at), ""), (entry.type, "magenta"), (details, "")]
        return [*cells, ("", ""), ("", "")], "italic"
    recorded = instant(entry.recorded_at.replace(microsecond=0))
    cells = [(instant(entry.at), ""), (entry.type, "cyan"), (details, "")]
    return [*cells, (recorded, "dim"), (entry.id or "", "dim")], ""


def _period_row(period: dict[str, Any]) -> tuple[list[tuple[str, str]], str]:
    status = period["status"]
    return [
        (instant_text(period["from"]), ""),
        (instant_text(period["to"]) if period["to"] else "ongoing", ""),
        (status_label(status), status_style(status)),
        (period["holder"] or "", ""),
        (period["reason"] or "", ""),
    ], ""
