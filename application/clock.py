"""The one place that reads the clock: when facts are recorded, and what
"now" means for a query that names no instant."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)
