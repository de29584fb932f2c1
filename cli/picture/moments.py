"""Instants marked across every lane (`standing timeline --mark WHEN`): a
line down through the lanes, whose tooltip tells each lane's status then,
and a notch on the axis."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from standing.cli.picture.model import Lane, Picture
from standing.cli.picture.style import look
from standing.cli.picture.words import iso, tip, when

if TYPE_CHECKING:
    from standing.cli.picture.model import Frame

MOST_LANES = 40  # told in a mark's tooltip; the rest are counted


def lines(picture: Picture, frame: Frame, height: float) -> str:
    """The marked instants in the window, each a line through the lanes."""
    parts = []
    for at in _shown(picture, frame):
        x = frame.x(at)
        parts.append(
            f'<g class="marked" tabindex="0" data-at="{iso(at)}">'
            f"<title>{tip(_told(picture, at))}</title>"
            f'<rect class="hit" x="{x - 3}" y="0" width="6" height="{height}"/>'
            f'<line class="moment" x1="{x}" y1="0" x2="{x}" y2="{height}"/></g>'
        )
    return "".join(parts)


def notches(picture: Picture, frame: Frame, bottom: float) -> str:
    """A notch on the axis at each marked instant."""
    return "".join(
        f'<path class="moment-notch" d="M{frame.x(at) - 5} {bottom - 8}h10l-5 8z"/>'
        for at in _shown(picture, frame)
    )


def status_at(lane: Lane, at: datetime) -> str:
    """The lane's status (and holder) at `at`: a period is in force from its
    start, and no longer at its end."""
    for span in lane.spans:
        if span.start <= at and (span.end is None or at < span.end):
            holder = f", {span.holder}" if span.holder else ""
            return f"{look(span.status).name}{holder}"
    return "not registered"


def _told(picture: Picture, at: datetime) -> list[str]:
    told = [
        f"{lane.title if lane.group is None else f'{lane.group}: {lane.title}'}:"
        f" {status_at(lane, at)}"
        for lane in picture.lanes[:MOST_LANES]
    ]
    rest = len(picture.lanes) - MOST_LANES
    more = [f"and {rest:,} more lanes"] if rest > 0 else []
    return [f"at {when(at)}", *told, *more]


def _shown(picture: Picture, frame: Frame) -> list[datetime]:
    return sorted(at for at in picture.marks if frame.shows(at))
