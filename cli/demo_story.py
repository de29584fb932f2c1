"""`standing demo` in a terminal: the January 2021 story, moment by moment.

Six accounts side by side do not fit 80 columns, so each moment is a short
block instead: its time and what happened, then the accounts whose standing
changed since the moment before (every account at the first), each with its
status and those of its other lines that changed. A line is never cut: a
long one wraps at its words, under itself, and an instant stays whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from rich.console import Console
from rich.text import Text

from standing.cli.paging import Screens
from standing.cli.render import status_text
from standing.cli.terminal import literal
from standing.domain.standing import Standing

GAP = 2  # columns between a handle and its lines
MINIMUM = 20  # columns a line keeps, however narrow the terminal
KEPT = "\u2423"  # stands for a space no line breaks at, until it is wrapped


@dataclass(frozen=True)
class Moment:
    at: datetime
    label: str  # when, as people said it: "Jan 7, noon ET"
    happened: str


def print_story(
    screens: Screens, moments: Sequence[Moment], grid: Sequence[Sequence[Standing]]
) -> None:
    """Each moment's block: the accounts whose lines changed since the last
    moment, with their status and the lines that changed."""
    console, before = screens.console, {}
    width = max(len(literal(s.account)) for row in grid for s in row) + GAP
    for moment, row in zip(moments, grid, strict=True):
        with screens.block():
            _print_beside(console, "", [_heading(moment)])
            for standing in row:
                lines, shown = account_lines(standing), before.get(standing.account)
                if lines != shown:
                    new = [line for line in lines[1:] if line not in (shown or [])]
                    handle = literal(standing.account).ljust(width)
                    _print_beside(console, handle, [lines[0], *new])
                before[standing.account] = lines
            console.print()


def _heading(moment: Moment) -> Text:
    return Text.assemble(
        (moment.label, "bold"), f" ({_whole(moment.at)}): {moment.happened}"
    )


def _print_beside(console: Console, first: str, lines: list[Text]) -> None:
    """`lines`, each wrapped at its words to the room left beside `first`
    (printed before the first of them, blanks before the others)."""
    room = max(console.width - len(first), MINIMUM)
    for line in lines:
        for part in line.wrap(console, room):
            part.rstrip()
            whole = Text(part.plain.replace(KEPT, " "), part.style, spans=part.spans)
            console.print(Text(first) + whole)
            first = " " * len(first)


def account_lines(standing: Standing) -> list[Text]:
    """Its status and what goes with it (until when, awaiting what, held by
    whom); then, dimmed, why (the reason of a lock or suspension) and its
    strikes."""
    text = status_text(standing.status.value if standing.status else None)
    if not standing.exists:
        return [text.append(" yet")]
    if standing.until:
        text.append(f" until {_whole(standing.until)}")
    elif any(item.type == "awaiting_removal" for item in standing.pending):
        text.append(", until its posts are removed")
    elif standing.status and standing.status.value != "active" and standing.since:
        text.append(f" since {_whole(standing.since)}")
    if standing.kind == "institutional" and standing.holder:
        text.append(f", held by {literal(standing.holder)}")
    lines = [text]
    for item in standing.pending:
        if item.type == "transfer" and item.at is not None:
            successor = literal(str(item.details.get("successor")))
            lines.append(Text(f"passes to {successor} at {_whole(item.at)}"))
    if standing.reason:
        lines.append(Text(literal(standing.reason), style="dim"))
    if standing.strikes:
        counts = ", ".join(
            f"{literal(p)} {n}" for p, n in sorted(standing.strikes.items())
        )
        lines.append(Text(f"strikes: {counts}", style="dim"))
    return lines


def _whole(at: datetime) -> str:
    """`compact(at)` that a line never breaks at its space (`KEPT` until then)."""
    return compact(at).replace(" ", KEPT)


def compact(at: datetime) -> str:
    """An instant in UTC, short and in one piece: `2021-01-08 00:00Z`
    (seconds only when there are some)."""
    shape = "%Y-%m-%d %H:%M:%SZ" if at.second else "%Y-%m-%d %H:%MZ"
    return at.astimezone(UTC).strftime(shape)
