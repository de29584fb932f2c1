"""The tables a person reads at a terminal: accounts, counts, a state.

Every table goes through `cli.grid`: it fits the terminal's width (into a
pipe or a file, as wide as its values) and never cuts a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from standing.cli.escapes import literal
from standing.cli.formats import table_width
from standing.cli.grid import Column, Grid, write
from standing.cli.showing import (
    details_text,
    instant,
    instant_text,
    status_label,
    status_style,
)
from standing.cli.terminal import terminal
from standing.cli.wrapping import Painter
from standing.domain.standing import Pending, Standing

FLEET = Grid(
    [
        Column("account"),
        Column("platform", fold="account", label=""),
        Column("kind", fold="account", label=""),
        Column("status", wrap=True),
        Column("since"),
        Column("until", fold="since"),
        Column("holder", wrap=True),
        Column("posts", right=True),
        Column("strikes", right=True, fold="account"),
    ],
    folds=("kind", "platform", "strikes", "until"),
)


class Screen:
    """Where a table goes: the console, its width, its colours. A console
    given is used at its width; standard output's fits the terminal (into a
    pipe or a file: as wide as the values)."""

    def __init__(self, console: Any = None) -> None:
        self.console = console or terminal()
        self.width = console.width if console else table_width(self.console)
        self.paint = Painter(self.console)

    def print(self, lines: Iterable[str]) -> None:
        write(self.console, lines)

    def title(self, text: str) -> str:
        return self.paint(literal(text), "bold")


def print_fleet_table(
    title: str, rows: Sequence[Standing], console: Any = None
) -> None:
    screen = Screen(console)
    several = len({row.platform for row in rows}) > 1
    cells = ((standing_cells(row, several), "") for row in rows)
    lines = FLEET.lines(cells, screen.width, screen.paint, sample=len(rows))
    screen.print([screen.title(title), *lines])


def print_counts_table(
    title: str, summary: dict[str, Any], console: Any = None
) -> None:
    """Accounts per status, then per platform, one small table each."""
    screen = Screen(console)
    lines = [screen.title(title)]
    for group in ("status", "platform"):
        grid = Grid([Column(group), Column("accounts", right=True)])
        rows = [
            ([(_group_value(group, value), ""), (str(n), "")], "")
            for value, n in summary[f"by_{group}"].items()
        ]
        lines += ["", *grid.lines(rows, screen.width, screen.paint)]
    screen.print(lines)


def _group_value(group: str, value: str) -> str:
    return status_label(value) if group == "status" else value


STATE = Grid([Column("field"), Column("value", wrap=True)])


def print_state(standing: Standing, console: Any = None) -> None:
    """One account's state: a line a field, values wrapped between words."""
    screen = Screen(console)
    title = f"{standing.account} on {standing.platform}, as of "
    lines = [screen.title(title + instant(standing.as_of))]
    if not standing.exists:
        lines.append(screen.paint("  not registered at that instant", "dim"))
    else:
        rows = [([(label, "dim"), value], "") for label, value in _fields(standing)]
        lines += STATE.lines(rows, screen.width, screen.paint, header=False)
    screen.print(lines)


def _fields(standing: Standing) -> list[tuple[str, tuple[str, str]]]:
    """(label, (value, style)) for every field the standing has a value for."""
    status = standing.status.value if standing.status else None
    strikes = ", ".join(f"{k}: {v}" for k, v in sorted(standing.strikes.items()))
    fields = [
        ("status", (status_label(status), status_style(status))),
        ("since", (instant(standing.since) if standing.since else "—", "")),
        ("until", (instant(standing.until) if standing.until else "", "")),
        ("reason", (standing.reason or "—", "")),
        ("kind", (standing.kind or "—", "")),
        ("holder", (standing.holder or "—", "")),
        ("previous holder", (standing.previous_holder or "", "")),
        ("live posts", (str(standing.posts), "")),
        ("strikes", (strikes or "none", "")),
    ]
    fields += [("pending", (pending_text(item), "")) for item in standing.pending]
    return [(label, value) for label, value in fields if value[0]]


def pending_text(item: Pending) -> str:
    """`lock expiry at 2021-01-07 15:00Z`, `awaiting removal (posts: [t1])`."""
    details = {
        key: instant_text(value) if key == "until" else value
        for key, value in item.details.items()
        if value is not None
    }
    at = f" at {instant(item.at)}" if item.at else ""
    more = f" ({details_text(details)})" if details else ""
    return f"{item.type.replace('_', ' ')}{at}{more}"


def standing_cells(row: Standing, several_platforms: bool) -> list[tuple[str, str]]:
    """One account's table cells, in `cli.tables.FLEET` order."""
    status = row.status.value if row.status else None
    strikes = sum(row.strikes.values())
    return [
        (row.account, "bold"),
        (row.platform if several_platforms else "", ""),
        (row.kind or "", ""),
        (status_label(status), status_style(status)),
        (instant(row.since) if row.since else "", ""),
        (instant(row.until) if row.until else "", ""),
        (row.holder or "", ""),
        (str(row.posts), ""),
        (str(strikes) if strikes else "", ""),
    ]
