"""`import standing` answers as the command line does, with plain values."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import standing
from standing.cli.main import app

SCENARIO = str(Path(__file__).parents[2] / "examples" / "january2021.jsonl")


@pytest.fixture
def store(store_url):
    opened = standing.open_store(store_url)
    standing.replay(opened, [SCENARIO])
    yield opened
    opened.close()


def cli_json(store_url: str, *args: str) -> object:
    result = CliRunner().invoke(app, [*args, "--db", store_url, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_replay_reports_what_it_stored_and_stores_nothing_twice(store_url):
    store = standing.open_store(store_url)

    first = standing.replay(store, [SCENARIO])
    again = standing.replay(store, [SCENARIO])

    assert (first["applied"], first["rejected"]) == (30, 0)
    assert (again["applied"], again["duplicates"]) == (0, 30)
    store.close()


def test_a_state_is_the_document_the_command_line_prints(store, store_url):
    at = "2021-01-07T12:00:00-05:00"

    answer = standing.state(store, "realDonaldTrump", at=at)

    assert answer == cli_json(store_url, "state", "realDonaldTrump", "--at", at)
    assert (answer["status"], answer["until"]) == ("locked", "2021-01-08T00:00:00Z")


def test_an_instant_may_be_a_datetime_with_its_zone(store):
    at = datetime(2021, 1, 10, tzinfo=UTC)

    assert standing.state(store, "@TeamTrump", at=at)["status"] == (
        "permanently_suspended"
    )


def test_accounts_filter_as_the_command_line_does(store, store_url):
    answer = standing.accounts(store, at="2021-01-09", status="permanently suspended")

    expected = cli_json(
        store_url, "accounts", "--at", "2021-01-09", "--status", "permanently_suspended"
    )
    assert answer == expected
    assert [row["account"] for row in standing.accounts(store, holder="biden")] == [
        "@POTUS"
    ]


def test_a_history_holds_facts_changes_and_periods(store):
    answer = standing.history(store, "@POTUS")

    assert {"account", "platform", "events", "changes", "periods"} <= set(answer)
    assert all(event["recorded_at"] for event in answer["events"])
    assert [change["type"] for change in answer["changes"]] == ["transfer.took_effect"]


def test_an_unknown_account_is_a_domain_error_naming_it(store):
    with pytest.raises(standing.DomainError, match="unknown account @nobody"):
        standing.state(store, "@nobody")
