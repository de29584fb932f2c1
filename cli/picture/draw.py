"""Lanes as SVG: a lane's title, its periods as patterned bars (labelled where
wide enough), holder changes as bars across them, and below them its ticks
(`cli.picture.ticks`).

Every period and tick carries its data (`data-status`, `data-from`, ...) and
a <title>, the browser's own tooltip. Where periods go: `cli.picture.placing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise

from standing.cli.picture import ticks
from standing.cli.picture.model import Frame, Lane, Span
from standing.cli.picture.placing import Placed, placed
from standing.cli.picture.style import look, paint
from standing.cli.picture.words import esc, iso, lasting, tip, when

TITLE_HEIGHT, BAR_HEIGHT, GAP, GROUP_HEIGHT = 18, 26, 12, 24
LANE_HEIGHT = TITLE_HEIGHT + BAR_HEIGHT + ticks.TICKS_HEIGHT + GAP
CHAR_WIDTH = 6.6  # a character at 12px, a little over


def lanes(drawn: tuple[Lane, ...], frame: Frame) -> tuple[str, float]:
    """The lanes one under the other, and the height they take."""
    parts: list[str] = []
    top, group = 0.0, None
    for lane in drawn:
        if lane.group is not None and lane.group != group:
            parts.append(
                f'<text class="lane-title group" x="{frame.left}" y="{top + 16}">'
                f"{esc(lane.group)}</text>"
            )
            top += GROUP_HEIGHT
        group = lane.group
        parts.append(_lane(lane, frame, top))
        top += LANE_HEIGHT
    return "".join(parts), top


def _lane(lane: Lane, frame: Frame, top: float) -> str:
    bar = top + TITLE_HEIGHT
    subtitle = f'<tspan class="sub" dx="8">{esc(lane.subtitle)}</tspan>'
    return "".join(
        [
            f'<g class="lane" data-account="{esc(lane.account)}"'
            f' data-platform="{esc(lane.platform)}" aria-label="{esc(lane.title)}">',
            f'<text class="lane-title" x="{frame.left}" y="{top + 13}">'
            f"{esc(lane.title)}{subtitle if lane.subtitle else ''}</text>",
            f'<rect class="bar" x="{frame.left}" y="{bar}"'
            f' width="{frame.right - frame.left}" height="{BAR_HEIGHT}"'
            ' fill="#f4f4f4" stroke="#c8c8c8"/>',
            _unregistered(lane, frame, bar),
            *_periods(lane, frame, bar),
            *_holder_changes(lane, frame, bar),
            *ticks.ticks(lane, frame, bar + BAR_HEIGHT),
            "</g>",
        ]
    )


def _unregistered(lane: Lane, frame: Frame, bar: float) -> str:
    first = min((span.start for span in lane.spans), default=frame.window.end)
    end = frame.x(min(first, frame.window.end)) if first > frame.window.start else 0
    if end - frame.left < 110:
        return ""
    middle = (frame.left + end) / 2
    return (
        f'<text class="sub" x="{middle}" y="{bar + 17}" text-anchor="middle"'
        ' font-style="italic">not registered</text>'
    )


def _periods(lane: Lane, frame: Frame, bar: float) -> Iterator[str]:
    several = len({span.holder for span in lane.spans}) > 1
    for placing in placed(lane, frame):
        span = placing.shown
        first, last = placing.spans[0], placing.spans[-1]
        yield _period(lane, placing, bar)
        if len(placing.spans) == 1:
            clipped = span.start < frame.window.start
            yield _label(span, placing.left, placing.right, bar, several, clipped)
        yield _continues(first.start, last.end, frame, bar)


def too_short(drawn: tuple[Lane, ...], frame: Frame) -> int:
    """How many periods in the window are drawn wider than they are."""
    return sum(
        len(placing.spans)
        for lane in drawn
        for placing in placed(lane, frame)
        if placing.narrow
    )


def _period(lane: Lane, placing: Placed, bar: float) -> str:
    span, last = placing.shown, placing.spans[-1]
    narrow = " narrow" if placing.narrow else ""
    to = f' data-to="{iso(last.end)}"' if last.end else ""
    count = len(placing.spans)
    several = f' data-count="{count}"' if count > 1 else ""
    lines = _period_tip(span) if count == 1 else _several_tip(placing.spans, span)
    return (
        f'<rect class="period{narrow}" x="{placing.left}" y="{bar}"'
        f' width="{placing.right - placing.left:.2f}" height="{BAR_HEIGHT}"'
        f' fill="{paint(span.status)}" data-account="{esc(lane.account)}"'
        f' data-status="{esc(span.status)}"'
        f' data-from="{iso(placing.spans[0].start)}"{to}{several}>'
        f"<title>{tip(lines)}</title></rect>"
    )


def _several_tip(spans: tuple[Span, ...], shown: Span) -> list[str]:
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.status] = counts.get(span.status, 0) + 1
    end = f"to {when(spans[-1].end)}" if spans[-1].end else "still in force"
    return [
        f"{len(spans)} periods too short to draw apart, shown as"
        f" {look(shown.status).name}",
        f"{when(spans[0].start)} {end}",
        *(f"{look(status).name}: {count}" for status, count in counts.items()),
    ]


def _period_tip(span: Span) -> list[str]:
    if span.end is None:
        lines = [f"since {when(span.start)}, still in force"]
    else:
        length = lasting(span.end - span.start)
        lines = [f"{when(span.start)} to {when(span.end)} ({length})"]
    if span.holder:
        lines.append(f"holder: {span.holder}")
    if span.reason:
        lines.append(f"reason: {span.reason}")
    return [look(span.status).name, *lines]


def _label(
    span: Span, left: float, right: float, bar: float, holders: bool, clipped: bool
) -> str:
    name, short = look(span.status).name, look(span.status).short
    choices = [f"{name} · {span.holder}"] if holders and span.holder else []
    inset = 11 if clipped else 4  # past the arrow at the window's edge
    room = right - left - inset - 4
    for text in [*choices, name, short]:
        if len(text) * CHAR_WIDTH <= room:
            return (
                f'<text class="label" x="{left + inset}" y="{bar + 17}"'
                f' pointer-events="none">{esc(text)}</text>'
            )
    return ""


def _continues(start: datetime, end: datetime | None, frame: Frame, bar: float) -> str:
    """A small arrow where a period runs on beyond the window's edge."""
    middle = bar + BAR_HEIGHT / 2
    arrows = []
    if start < frame.window.start:
        left = frame.left + 1
        arrows.append(f"M{left} {middle}l6 -5v10z")
    if end is None or end > frame.window.end:
        right = frame.right - 1
        arrows.append(f"M{right} {middle}l-6 -5v10z")
    if not arrows:
        return ""
    return f'<path class="clipped" d="{"".join(arrows)}" pointer-events="none"/>'


def _holder_changes(lane: Lane, frame: Frame, bar: float) -> Iterator[str]:
    spans = sorted(lane.spans, key=lambda span: span.start)
    for before, after in pairwise(spans):
        if before.holder == after.holder or not frame.shows(after.start):
            continue
        x = frame.x(after.start)
        lines = [
            "holder changed",
            when(after.start),
            f"{before.holder} → {after.holder}",
        ]
        yield (
            f'<g class="holder-change" tabindex="0" data-at="{iso(after.start)}">'
            f"<title>{tip(lines)}</title>"
            f'<line class="holder" x1="{x}" y1="{bar - 3}" x2="{x}"'
            f' y2="{bar + BAR_HEIGHT + 3}"/></g>'
        )
