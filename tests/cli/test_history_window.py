"""`standing history`: stored facts apart from what time alone did, and a
window of time with --from and --to."""

from __future__ import annotations

import json

import pytest

from tests.cli.records import event, registered


@pytest.fixture
def office(standing, events_file):
    path = events_file(
        registered("POTUS", at="2017-01-20T17:00:00Z", kind="institutional"),
        event("post.published", "POTUS", "2021-01-09T01:25:00Z", post="p1"),
        event(
            "account.suspended",
            "POTUS",
            "2021-01-10T00:00:00Z",
            reason="review",
            duration="P1D",
        ),
        event(
            "account.transfer_scheduled",
            "POTUS",
            "2021-01-11T17:00:00Z",
            successor="Biden",
            effective_at="2021-01-20T17:00:00Z",
            archive_to="POTUS45",
        ),
    )
    assert standing("replay", str(path)).exit_code == 0


def history(standing, *args):
    result = standing("history", "POTUS", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_events_hold_only_stored_facts_and_changes_what_time_alone_did(
    office, standing
):
    document = history(standing)

    assert all(event["recorded_at"] and event["id"] for event in document["events"])
    assert [(c["type"], c["at"]) for c in document["changes"]] == [
        ("suspension.ran_out", "2021-01-11T00:00:00Z"),
        ("transfer.took_effect", "2021-01-20T17:00:00Z"),
    ]


def test_a_date_alone_starts_the_window_at_its_start_and_ends_it_at_its_end(
    office, standing
):
    document = history(standing, "--from", "2021-01-10", "--to", "2021-01-11")

    assert [e["type"] for e in document["events"]] == [
        "account.suspended",
        "account.transfer_scheduled",
    ]
    assert [c["type"] for c in document["changes"]] == ["suspension.ran_out"]


def test_the_window_keeps_the_periods_it_meets(office, standing):
    document = history(
        standing, "--from", "2021-01-10T12:00:00Z", "--to", "2021-01-10T13:00:00Z"
    )

    assert document["events"] == document["changes"] == []
    assert [(p["status"], p["from"]) for p in document["periods"]] == [
        ("suspended", "2021-01-10T00:00:00Z")
    ]


def test_the_window_ends_are_included(office, standing):
    document = history(
        standing, "--from", "2021-01-09T01:25:00Z", "--to", "2021-01-10T00:00:00Z"
    )

    assert [e["at"] for e in document["events"]] == [
        "2021-01-09T01:25:00Z",
        "2021-01-10T00:00:00Z",
    ]


def test_an_unparsable_window_end_is_a_usage_error(office, standing):
    result = standing("history", "POTUS", "--from", "last week")

    assert result.exit_code == 2
    assert result.stderr.startswith("Error: invalid time 'last week'")


def test_the_table_says_what_time_alone_did_and_shows_the_window(office, standing):
    result = standing(
        "history", "POTUS", "--from", "2021-01-10", "--to", "2021-01-31", "-f", "table"
    )

    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "@POTUS on twitter from 2021-01-10 00:00Z to 2021-01-31 23:59:59.999999Z"
    )
    assert "time alone: the suspension ran out" in result.stdout
    assert "time alone: the scheduled transfer took effect" in result.stdout
    assert "(time)" not in result.stdout


def test_periods_only(office, standing):
    as_json = history(standing, "--periods")
    table = standing("history", "POTUS", "--periods", "-f", "table")

    assert set(as_json) == {"account", "platform", "periods"}
    assert "Events" not in table.stdout and "Periods" in table.stdout
