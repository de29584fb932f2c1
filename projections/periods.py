"""Periods: the longest stretches with the same status, holder and reason."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from standing.domain.restrictions import Status
from standing.domain.timefmt import iso
from standing.projections.instants import from_micros, maybe_instant
from standing.projections.stored_text import shown


@dataclass(frozen=True, slots=True)
class Period:
    status: Status
    from_: datetime
    to: datetime | None
    holder: str | None
    reason: str | None

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of `history` (SPEC section 5)."""
        return {
            "status": self.status.value,
            "from": iso(self.from_),
            "to": iso(self.to) if self.to is not None else None,
            "holder": self.holder,
            "reason": self.reason,
        }


def periods_of(segments: Iterable[Mapping[str, Any]]) -> list[Period]:
    """Merge consecutive segments that share status, holder and reason."""
    periods: list[Period] = []
    for segment in segments:
        period = Period(
            Status(segment["status"]),
            from_micros(segment["from_at"]),
            maybe_instant(segment["to_at"]),
            shown(segment["holder"]),
            shown(segment["reason"]),
        )
        if periods and _same(periods[-1], period):
            periods[-1] = replace(periods[-1], to=period.to)
        else:
            periods.append(period)
    return periods


def _same(earlier: Period, later: Period) -> bool:
    return (earlier.status, earlier.holder, earlier.reason) == (
        later.status,
        later.holder,
        later.reason,
    ) and earlier.to == later.from_
