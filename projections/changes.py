"""What one batch of events changes in the read model, gathered in memory.

Per account, a batch ends up as one rewrite: "replace every segment from
`start` on by `segments`, and end the segment that contains `start` there".
Later events of the same account in the batch trim and extend it in memory,
so the database sees a few statements per account, not per event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from standing.projections.segments import FROM_AT, TO_AT, Segment, closed


@dataclass(slots=True)
class Rewrite:
    start: int
    segments: list[Segment]


@dataclass(slots=True)
class BatchChanges:
    rewrites: dict[str, Rewrite] = field(default_factory=dict)
    accounts: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def rewrite(self, account_id: str, start: int, segments: list[Segment]) -> None:
        current = self.rewrites.get(account_id)
        if current is None or start <= current.start:
            self.rewrites[account_id] = Rewrite(start, segments)
            return
        kept = current.segments
        while kept and kept[-1][FROM_AT] >= start:
            kept.pop()
        if kept and kept[-1][TO_AT] != start:
            kept[-1] = closed(kept[-1], start)
        kept.extend(segments)

    def register(self, account: tuple[Any, ...]) -> None:
        self.accounts[account[0]] = account

    def deletions(self) -> list[tuple[str, int]]:
        return [(account, rewrite.start) for account, rewrite in self.rewrites.items()]

    def closings(self) -> list[tuple[int, str, str, int]]:
        return [
            (rewrite.start, account, account, rewrite.start)
            for account, rewrite in self.rewrites.items()
        ]

    def insertions(self) -> list[Segment]:
        return [s for rewrite in self.rewrites.values() for s in rewrite.segments]
