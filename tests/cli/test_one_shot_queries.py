"""A query opens the store for itself: it still sees every stored fact, and it
leaves nothing open behind it."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit
from uuid import uuid4

from typer.testing import CliRunner, Result

from standing.adapters.opening import open_store
from standing.application.service import StandingApplication
from standing.cli.main import app
from standing.projections import ReadModel
from standing.projections.reader import behind
from standing.projections.reading import reading
from tests.cli.records import registered
from tests.stores import fresh_store, postgres_base


def test_a_query_sees_a_fact_stored_after_the_read_model_was_current(
    standing, events_file, db
):
    standing("replay", str(events_file(registered("jack"))))
    post_behind_the_read_model(db)

    result = standing("state", "jack", "--at", "2021-03-01", "--json")

    assert json.loads(result.stdout)["posts"] == 1


def test_after_a_replay_a_query_finds_the_read_model_current(standing, events_file, db):
    standing("replay", str(events_file(registered("jack"), registered("jill"))))

    with reading(db) as reader:
        progress = reader.view.lag(reader.application_name)

    assert progress["position"] == progress["head"] == 2
    assert not behind(progress)


def test_a_query_on_a_postgresql_schema_without_tables_exits_3_and_creates_none(
    tmp_path,
):
    with fresh_store("postgres", tmp_path) as url:
        result = state(url, "jack")
        tables = tables_in_schema(url)

    assert result.exit_code == 3
    assert "no store at" in result.stderr
    assert tables == 0


def test_a_postgresql_query_that_catches_up_leaves_no_connection_open(
    tmp_path, events_file, monkeypatch
):
    with fresh_store("postgres", tmp_path) as url:
        store_with_read_model(url)
        post_behind_the_read_model(url, register=True)
        name = f"standing-test-{uuid4().hex[:12]}"
        monkeypatch.setenv("PGAPPNAME", name)  # libpq names the query's connections
        held = hold_what_is_opened(monkeypatch)  # so only closing can end them

        result = state(url, "jack")

        assert json.loads(result.stdout)["posts"] == 1
        assert connections_named(name) == 0
        assert held


def hold_what_is_opened(monkeypatch) -> list:
    """Keep every store and connection the query opens from being collected."""
    import psycopg

    import standing.projections.reading

    held: list = []

    def holding(open_: Callable[..., Any]) -> Callable[..., Any]:
        def open_and_hold(*args: Any, **kwargs: Any) -> Any:
            held.append(open_(*args, **kwargs))
            return held[-1]

        return open_and_hold

    monkeypatch.setattr(
        standing.projections.reading,
        "open_store",
        holding(standing.projections.reading.open_store),
    )
    monkeypatch.setattr(psycopg, "connect", holding(psycopg.connect))
    return held


def store_with_read_model(db: str) -> None:
    store = open_store(db)
    ReadModel(store).catch_up()
    store.close()


def tables_in_schema(url: str) -> int:
    import psycopg

    schema = parse_qs(urlsplit(url).query)["schema"][0]
    with psycopg.connect(postgres_base(), autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema=%s",
            (schema,),
        ).fetchone()
    return row[0] if row else 0


def post_behind_the_read_model(db: str, register: bool = False) -> None:
    """Store a post (and the account) without bringing the read model up to date."""
    store = open_store(db, kind=StandingApplication)
    if register:
        store.record("account.registered", "jack", at=at(1), holder="Jack")
    store.record("post.published", "jack", at=at(2), post="p1")
    store.close()


def at(month: int) -> datetime:
    return datetime(2021, month, 1, tzinfo=UTC)


def state(db: str, handle: str) -> Result:
    return CliRunner().invoke(app, ["state", handle, "--db", db, "--json"])


def connections_named(name: str) -> int:
    """Connections still open under `name` (a closed one may take a moment to go)."""
    import psycopg

    observer = {"autocommit": True, "application_name": "observer"}
    with psycopg.connect(postgres_base(), **observer) as connection:
        for _ in range(50):
            count = connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name=%s",
                (name,),
            ).fetchone()[0]
            if count == 0:
                break
            time.sleep(0.1)
    return count
