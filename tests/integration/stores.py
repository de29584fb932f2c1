"""Stores for the read-model tests: SQLite files, or PostgreSQL schemas."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from standing.application.service import StandingApplication

BASE = datetime(2021, 1, 6, tzinfo=UTC)


def sqlite_app(path: Path) -> StandingApplication:
    return StandingApplication(env=env_for(str(path)))


def env_for(url: str) -> dict[str, str]:
    """The persistence settings for a SQLite path or `postgresql://...?schema=S`."""
    if not url.startswith("postgresql://"):
        return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": url}
    parts = urlsplit(url)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": parts.path.lstrip("/"),
        "POSTGRES_HOST": parts.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(parts.port or 5432),
        "POSTGRES_USER": parts.username or "postgres",
        "POSTGRES_PASSWORD": parts.password or "",
        "POSTGRES_SCHEMA": parse_qs(parts.query)["schema"][0],
    }


def hours(count: float) -> datetime:
    """An instant `count` hours after the start of 2021-01-06 UTC."""
    return BASE + timedelta(hours=count)
