"""Where a lane's periods go: each where its instants fall, and never
narrower than `MIN_WIDTH`, so a twelve-hour lock among years of activity
still shows, in its place. A short period pushes the next along by what it
lacks; once a few have pushed the rest more than `MOST_PUSHED`, the next
short ones are drawn with the bar before them, which shows the most severe
status among its periods (and counts them in its tooltip)."""

from __future__ import annotations

from dataclasses import dataclass

from standing.cli.picture.model import Frame, Lane, Span

MIN_WIDTH = 4.0
MOST_PUSHED = 3 * MIN_WIDTH  # beyond it, short periods are drawn together
SEVERITY = ("active", "archived", "locked", "suspended", "permanently_suspended")


@dataclass(frozen=True, slots=True)
class Placed:
    """One bar: a period, or several too short to draw apart."""

    spans: tuple[Span, ...]
    left: float
    right: float

    @property
    def shown(self) -> Span:
        """The period whose status the bar shows: the most severe."""
        return max(self.spans, key=_severity)

    @property
    def narrow(self) -> bool:
        return self.right - self.left <= MIN_WIDTH + 0.01 or len(self.spans) > 1


def placed(lane: Lane, frame: Frame) -> list[Placed]:
    """The lane's bars in the window, in time order, none over another."""
    window = frame.window
    found: list[Placed] = []
    edge = frame.left
    for span in sorted(lane.spans, key=lambda span: span.start):
        if span.start > window.end or (span.end or window.end) <= window.start:
            continue
        left, right = _left(span, frame), _right(span, frame)
        pushed = edge - left
        if right - left < MIN_WIDTH and pushed > MOST_PUSHED and found[-1].narrow:
            last = found[-1]  # too many to draw apart: drawn with the last
            found[-1] = Placed((*last.spans, span), last.left, max(last.right, right))
        else:
            left = max(left, edge)
            found.append(Placed((span,), left, max(right, left + MIN_WIDTH)))
        edge = found[-1].right
    return _back_inside(found, frame)


def _left(span: Span, frame: Frame) -> float:
    return frame.x(max(span.start, frame.window.start))


def _right(span: Span, frame: Frame) -> float:
    end = frame.window.end if span.end is None else min(span.end, frame.window.end)
    return frame.x(end)


def _back_inside(found: list[Placed], frame: Frame) -> list[Placed]:
    """Bars pushed past the right edge, pushed back: each ends where the
    next begins, narrow ones keeping `MIN_WIDTH`."""
    edge = frame.right
    for index in range(len(found) - 1, -1, -1):
        bar = found[index]
        if bar.right <= edge:
            break
        right = max(edge, frame.left + MIN_WIDTH)
        left = max(min(bar.left, right - MIN_WIDTH), frame.left)
        found[index] = Placed(bar.spans, left, right)
        edge = left
    return found


def _severity(span: Span) -> int:
    return SEVERITY.index(span.status) if span.status in SEVERITY else -1
