"""CLI fixtures: a fresh SQLite store per test and a runner bound to it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from standing.cli.main import app


@pytest.fixture
def db(store_url: str) -> str:
    """The store every CLI test runs against: SQLite, then PostgreSQL."""
    return store_url


@pytest.fixture
def standing(db: str) -> Callable[..., Result]:
    """Run `standing ARGS... --db <fresh store>` in-process."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, [*args, "--db", db], input=input)

    return run


@pytest.fixture
def events_file(tmp_path: Path) -> Callable[..., Path]:
    """Write records (dicts, or raw strings for malformed lines) as JSON Lines."""
    counter = iter(range(1000))

    def write(*records: dict[str, Any] | str, name: str | None = None) -> Path:
        path = tmp_path / (name or f"events{next(counter)}.jsonl")
        lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
