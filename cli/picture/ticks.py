"""A lane's ticks: stored facts as strokes, what time alone did as rings,
transfers as diamonds. Ticks closer than `BIN` pixels (of one kind) are drawn
as one, a heavier stroke whose tooltip tells each (a few) or counts them by
type (many)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from standing.cli.picture.model import CHANGE, FACT, TRANSFER, Lane, Tick
from standing.cli.picture.words import esc, iso, tip, when

if TYPE_CHECKING:
    from standing.cli.picture.model import Frame

TICKS_HEIGHT = 14
BIN = 3.0
ORDER = {FACT: 0, CHANGE: 1, TRANSFER: 2}
FEW = 4  # ticks drawn as one and told one by one; more are counted by type
MOST_TYPES = 6  # listed in the tooltip of a tick that stands for many


def ticks(lane: Lane, frame: Frame, top: float) -> Iterator[str]:
    bins: dict[tuple[int, int], list[Tick]] = {}
    for tick in lane.ticks:
        if frame.shows(tick.at):
            column = int(frame.x(tick.at) // BIN)
            bins.setdefault((ORDER.get(tick.kind, 0), column), []).append(tick)
    for key in sorted(bins):
        yield _tick(bins[key], frame, top)


def _tick(ticks: list[Tick], frame: Frame, top: float) -> str:
    kind, x = ticks[0].kind, frame.x(ticks[0].at)
    middle = top + TICKS_HEIGHT / 2
    heavy = ' stroke-width="3"' if len(ticks) > 1 else ""
    shape = {
        FACT: f'<line class="mark fact" x1="{x}" y1="{top + 1}" x2="{x}"'
        f' y2="{top + TICKS_HEIGHT - 1}"{heavy}/>',
        CHANGE: f'<circle class="mark change" cx="{x}" cy="{middle}" r="3.5"/>',
        TRANSFER: f'<path class="mark transfer" d="M{x} {top}l5 {TICKS_HEIGHT / 2}'
        f' -5 {TICKS_HEIGHT / 2} -5 {-TICKS_HEIGHT / 2}z"/>',
    }.get(kind, "")
    return (
        f'<g class="tick tick-{kind}" tabindex="0" data-type="{esc(ticks[0].type)}"'
        f' data-at="{iso(ticks[0].at)}" data-count="{len(ticks)}">'
        f"<title>{tip(_tick_tip(ticks))}</title>"
        f'<rect class="hit" x="{x - 4}" y="{top}" width="8" height="{TICKS_HEIGHT}"/>'
        f"{shape}</g>"
    )


def _tick_tip(ticks: list[Tick]) -> list[str]:
    if len(ticks) <= FEW:  # each told in full, a blank line between them
        told = [["", tick.type, when(tick.at), *_details(tick)] for tick in ticks]
        return [line for lines in told for line in lines][1:]
    counts: dict[str, int] = {}
    for tick in ticks:
        counts[tick.type] = counts.get(tick.type, 0) + 1
    common = sorted(counts.items(), key=lambda item: -item[1])
    lines = [f"{kind}: {count}" for kind, count in common[:MOST_TYPES]]
    if len(common) > MOST_TYPES:
        lines.append(f"and {len(common) - MOST_TYPES} other types")
    span = f"{when(ticks[0].at)} to {when(ticks[-1].at)}"
    return [f"{len(ticks)} events, {span}", *lines]


def _details(tick: Tick) -> list[str]:
    return [f"{name}: {value}" for name, value in tick.details]
