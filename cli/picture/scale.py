"""The time axis drawn: a sticky strip of labels above the lanes, and the
grid lines (and the `now` line) that run down through them."""

from __future__ import annotations

from standing.cli.picture.axis import context_at, marks
from standing.cli.picture.model import Frame
from standing.cli.picture.words import esc, iso

AXIS_HEIGHT = 44
CONTEXT_Y, LABEL_Y = 14, 31
EDGE_ROOM = 24  # half the widest tick label
CONTEXT_ROOM = 120  # pixels the context label at the left edge takes


def axis(frame: Frame, width: float, extra: str = "") -> str:
    """The axis as its own <svg> (it stays at the top while lanes scroll)."""
    found = marks(frame.window, frame.right - frame.left)
    parts = [
        f'<svg class="axis" width="{width}" height="{AXIS_HEIGHT}"'
        f' viewBox="0 0 {width} {AXIS_HEIGHT}" aria-label="time axis, UTC"'
        f' data-window-from="{iso(frame.window.start)}"'
        f' data-window-to="{iso(frame.window.end)}"'
        f' data-left="{frame.left}" data-right="{frame.right}">',
        f'<line class="grid major" x1="{frame.left}" y1="{AXIS_HEIGHT - 0.5}"'
        f' x2="{frame.right}" y2="{AXIS_HEIGHT - 0.5}"/>',
    ]
    first = context_at(frame.window.start, frame.window, frame.right - frame.left)
    changes = [mark for mark in found if mark.context]
    if first and not (changes and frame.x(changes[0].at) - frame.left < CONTEXT_ROOM):
        parts.append(_text("context", frame.left, CONTEXT_Y, first, "start"))
    for mark in found:
        x = frame.x(mark.at)
        parts.append(
            f'<line class="grid{" major" if mark.context else ""}" x1="{x}"'
            f' y1="{AXIS_HEIGHT - 8}" x2="{x}" y2="{AXIS_HEIGHT}"/>'
        )
        parts.append(_text("tick-label", x, LABEL_Y, mark.label, _anchor(x, width)))
        if mark.context:
            anchor = "end" if x > width - CONTEXT_ROOM else "start"
            parts.append(_text("context", x, CONTEXT_Y, mark.context, anchor))
    parts.append(_now(frame, AXIS_HEIGHT, label=True))
    parts.append(f"{extra}</svg>")
    return "".join(parts)


def grid(frame: Frame, height: float) -> str:
    """Vertical lines at the axis's ticks, through every lane."""
    lines = [
        f'<line class="grid{" major" if mark.context else ""}" x1="{frame.x(mark.at)}"'
        f' y1="0" x2="{frame.x(mark.at)}" y2="{height}"/>'
        for mark in marks(frame.window, frame.right - frame.left)
    ]
    return "".join(lines)


def now_line(frame: Frame, height: float) -> str:
    return _now(frame, height, label=False)


def _now(frame: Frame, height: float, label: bool) -> str:
    now = frame.window.now
    if now is None or not frame.shows(now):
        return ""
    x = frame.x(now)
    if not label:
        return f'<line class="now" x1="{x}" y1="0" x2="{x}" y2="{height}"/>'
    # under the tick labels, on the side of the line with room
    side = ("end", x - 3) if x > frame.right - 30 else ("start", x + 3)
    text = _text("now-label", side[1], AXIS_HEIGHT - 2, "now", side[0])
    return f'<line class="now" x1="{x}" y1="0" x2="{x}" y2="{height}"/>{text}'


def _anchor(x: float, width: float) -> str:
    """Centred on its tick, unless that would cut it at an edge."""
    if x < EDGE_ROOM:
        return "start"
    return "end" if x > width - EDGE_ROOM else "middle"


def _text(kind: str, x: float, y: float, text: str, anchor: str) -> str:
    return (
        f'<text class="{kind}" x="{x}" y="{y}" text-anchor="{anchor}">'
        f"{esc(text)}</text>"
    )
