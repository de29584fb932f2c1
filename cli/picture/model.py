"""What a timeline picture shows: lanes of periods and ticks, over a window.

Plain values, no drawing: a lane is filled from an account's history (one
per account, `cli.picture.lanes`), or by whoever compares two worlds (a pair
of lanes per account, sharing a `group`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

FACT, CHANGE, TRANSFER = "fact", "change", "transfer"
SHORTEST_WINDOW = timedelta(hours=1)
MARGIN = 0.02  # of the window, each side the data (not the user) sets


@dataclass(frozen=True, slots=True)
class Span:
    """A period: one status (holder, reason) from `start` until `end`."""

    status: str
    start: datetime
    end: datetime | None  # None: still in force
    holder: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Tick:
    """Something that happened at an instant: a stored fact (`FACT`), what
    time alone did (`CHANGE`), or a step of a transfer (`TRANSFER`)."""

    at: datetime
    type: str
    kind: str = FACT
    details: tuple[tuple[str, str], ...] = ()  # (name, value) for the tooltip


@dataclass(frozen=True, slots=True)
class Lane:
    """One row of the picture. `group` joins lanes drawn as a set (e.g. the
    same account in two worlds); `title` names the lane within it."""

    title: str
    subtitle: str = ""
    account: str = ""
    platform: str = ""
    spans: tuple[Span, ...] = ()
    ticks: tuple[Tick, ...] = ()
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Window:
    """The stretch of time drawn, and where `now` is."""

    start: datetime
    end: datetime
    now: datetime | None = None

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("a window ends after it starts")

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


@dataclass(frozen=True, slots=True)
class Picture:
    """Everything one file shows: lanes, their window, and notes for the reader
    (e.g. how many accounts were left out)."""

    lanes: tuple[Lane, ...]
    window: Window
    title: str = "Timeline"
    notes: tuple[str, ...] = field(default=())
    marks: tuple[datetime, ...] = ()  # instants drawn across every lane


def window_for(
    lanes: list[Lane] | tuple[Lane, ...],
    now: datetime,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Window:
    """The window asked for; an end not given is taken from the lanes: from
    their first instant, until now (or their last instant, when later), with a
    small margin so nothing sits on the frame."""
    instants = [instant for lane in lanes for instant in _instants(lane)]
    first = min(instants, default=now)
    last = max([*instants, now])
    lo = start if start is not None else first
    hi = end if end is not None else last
    if start is None and end is not None:
        lo = min(lo, hi - SHORTEST_WINDOW)
    if end is None and start is not None:
        hi = max(hi, lo + SHORTEST_WINDOW)
    if hi - lo < SHORTEST_WINDOW and start is None and end is None:
        lo, hi = lo - SHORTEST_WINDOW / 2, hi + SHORTEST_WINDOW / 2
    margin = (hi - lo) * MARGIN
    return Window(
        _minute(lo - margin, up=False) if start is None else lo,
        _minute(hi + margin, up=True) if end is None else hi,
        now,
    )


def _minute(at: datetime, up: bool) -> datetime:
    """`at` on a whole minute: the window's edges read plainly."""
    down = at.replace(second=0, microsecond=0)
    return down + timedelta(minutes=1) if up and down != at else down


def _instants(lane: Lane) -> list[datetime]:
    found = [tick.at for tick in lane.ticks]
    for span in lane.spans:
        found.append(span.start)
        if span.end is not None:
            found.append(span.end)
    return found


@dataclass(frozen=True, slots=True)
class Frame:
    """Where the window's instants fall, in pixels."""

    window: Window
    left: float
    right: float

    def x(self, at: datetime) -> float:
        share = (at - self.window.start).total_seconds() / self.window.seconds
        return round(self.left + share * (self.right - self.left), 2)

    def shows(self, at: datetime) -> bool:
        return self.window.start <= at <= self.window.end
