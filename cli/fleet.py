"""A fleet of accounts as `standing accounts` shows it: filtered, sorted,
limited, or counted by status and platform."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from standing.cli.filters import STATUSES, holder_matches
from standing.domain.standing import Standing
from standing.domain.timefmt import iso


@dataclass(frozen=True, slots=True)
class Fleet:
    """The accounts shown, out of how many matched, and how they were asked for."""

    as_of: datetime
    rows: list[Standing]
    matched: int
    sort: str | None = None  # e.g. `-posts`

    @property
    def limited(self) -> bool:
        return len(self.rows) < self.matched


def select(
    rows: list[Standing],
    as_of: datetime,
    holder: str | None = None,
    sort: tuple[str, bool] | None = None,
    limit: int | None = None,
) -> Fleet:
    """The accounts whose holder holds `holder`, sorted, the first `limit`."""
    matching = [row for row in rows if holder_matches(holder, row.holder)]
    ordered = sorted_by(matching, *sort) if sort else matching
    shown = ordered[:limit] if limit is not None else ordered
    named = f"{'-' if sort[1] else ''}{sort[0]}" if sort else None
    return Fleet(as_of, shown, len(matching), named)


def sorted_by(rows: list[Standing], field: str, descending: bool) -> list[Standing]:
    """`rows` by `field`, then by handle; accounts without a value (no
    `until`) last either way."""
    value = KEYS[field]
    by_handle = sorted(rows, key=lambda row: (row.account.casefold(), row.platform))
    known = [row for row in by_handle if value(row) is not None]
    unknown = [row for row in by_handle if value(row) is None]
    return sorted(known, key=value, reverse=descending) + unknown


def counts(fleet: Fleet) -> dict[str, Any]:
    """How many accounts, per status (every status, even at 0) and platform."""
    statuses = Counter(row.status.value for row in fleet.rows if row.status)
    platforms = Counter(row.platform for row in fleet.rows)
    return {
        "as_of": iso(fleet.as_of),
        "accounts": len(fleet.rows),
        "by_status": {status: statuses[status] for status in STATUSES},
        "by_platform": dict(sorted(platforms.items())),
    }


KEYS: dict[str, Callable[[Standing], Any]] = {
    "handle": lambda row: (row.account.casefold(), row.platform),
    "platform": lambda row: row.platform,
    "kind": lambda row: row.kind,
    "status": lambda row: STATUSES.index(row.status.value) if row.status else None,
    "since": lambda row: row.since,
    "until": lambda row: row.until,
    "holder": lambda row: (row.holder or "").casefold() or None,
    "posts": lambda row: row.posts,
    "strikes": lambda row: sum(row.strikes.values()),
}
