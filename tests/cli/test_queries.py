"""`state`, `accounts`, `history`: the answers and their JSON shapes."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.records import event, registered

STATE_KEYS = {
    "account",
    "platform",
    "as_of",
    "exists",
    "kind",
    "status",
    "since",
    "until",
    "reason",
    "holder",
    "previous_holder",
    "posts",
    "strikes",
    "pending",
}


@pytest.fixture
def story(standing, events_file):
    path = events_file(
        registered("realDonaldTrump", at="2009-03-18T00:00:00Z", holder="Trump"),
        event("post.published", "realDonaldTrump", "2021-01-06T21:00:00Z", post="t1"),
        event(
            "account.locked",
            "realDonaldTrump",
            "2021-01-07T00:00:00Z",
            reason="civic integrity",
            duration="PT12H",
            require_removal=["t1"],
        ),
        event(
            "post.removed",
            "realDonaldTrump",
            "2021-01-07T03:00:00Z",
            post="t1",
            by="holder",
        ),
        event(
            "account.suspended",
            "realDonaldTrump",
            "2021-01-08T23:21:00Z",
            reason="incitement",
            permanent=True,
        ),
        registered(
            "POTUS", at="2017-01-20T17:00:00Z", holder="Trump", kind="institutional"
        ),
        event(
            "account.transfer_scheduled",
            "POTUS",
            "2021-01-11T00:00:00Z",
            successor="Biden",
            effective_at="2021-01-20T12:00:00-05:00",
            archive_to="POTUS45",
        ),
    )
    assert standing("replay", str(path)).exit_code == 0


def state(standing, *args):
    result = standing("state", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_state_json_has_exactly_the_spec_keys(story, standing):
    answer = state(standing, "@realDonaldTrump", "--at", "2021-01-07T10:00:00Z")

    assert set(answer) == STATE_KEYS
    assert answer["account"] == "@realDonaldTrump"
    assert answer["as_of"] == "2021-01-07T10:00:00Z"
    assert answer["status"] == "locked"
    assert answer["until"] == "2021-01-07T15:00:00Z"
    assert answer["pending"] == [{"type": "lock_expiry", "at": "2021-01-07T15:00:00Z"}]


def test_handles_are_matched_without_case_or_at_sign(story, standing):
    answer = state(standing, "REALDONALDTRUMP", "--at", "2021-01-09")

    assert answer["account"] == "@realDonaldTrump"
    assert answer["status"] == "permanently_suspended"


def test_a_date_alone_means_the_end_of_that_day(story, standing):
    answer = state(standing, "realDonaldTrump", "--at", "2021-01-08")

    assert answer["as_of"] == "2021-01-08T23:59:59.999999Z"
    assert answer["status"] == "permanently_suspended"


def test_a_naive_instant_is_read_in_the_given_zone(story, standing):
    answer = state(
        standing, "POTUS", "--at", "2021-01-20T12:00:00", "--tz", "America/New_York"
    )

    assert answer["as_of"] == "2021-01-20T17:00:00Z"
    assert answer["holder"] == "Biden"
    assert answer["previous_holder"] == "Trump"


def test_an_instant_before_registration_shows_no_status(story, standing):
    answer = state(standing, "POTUS45", "--at", "2021-01-20T16:59:59Z")

    assert answer["exists"] is False
    assert answer["status"] is None


def test_an_account_not_yet_registered_shows_its_handle_as_registered(story, standing):
    answer = state(standing, "realdonaldtrump", "--at", "2009-01-01")

    assert answer["exists"] is False
    assert answer["account"] == "@realDonaldTrump"


def test_the_archive_exists_from_the_transfer_on(story, standing):
    answer = state(standing, "POTUS45", "--at", "2021-01-20T17:00:00Z")

    assert answer["status"] == "archived"
    assert answer["holder"] == "Trump"


def test_an_unknown_account_exits_1_and_suggests_close_handles(story, standing):
    result = standing("state", "realDonaldTrum")

    assert result.exit_code == 1
    assert "unknown account @realDonaldTrum" in result.stderr
    assert "@realDonaldTrump" in result.stderr


def test_an_unparsable_time_exits_2(story, standing):
    result = standing("state", "POTUS", "--at", "last tuesday")

    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


def test_an_unknown_time_zone_exits_2(story, standing):
    result = standing("state", "POTUS", "--at", "2021-01-01", "--tz", "Mars/Olympus")

    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("command", "option", "words"),
    [
        ("state", "--at", "invalid time ''"),
        ("accounts", "--at", "invalid time ''"),
        ("state", "--tz", "unknown time zone ''"),
    ],
)
def test_an_empty_time_or_zone_exits_2_rather_than_meaning_now(
    story, standing, command, option, words
):
    args = [command, *(["POTUS"] if command == "state" else []), option, ""]

    result = standing(*args)

    assert result.exit_code == 2
    assert words in result.stderr


def test_replay_with_an_empty_zone_exits_2(standing, events_file):
    result = standing("replay", str(events_file(registered("jack"))), "--tz", "")

    assert result.exit_code == 2
    assert "unknown time zone ''" in result.stderr


def test_a_store_that_cannot_be_opened_exits_3(tmp_path):
    from typer.testing import CliRunner

    from standing.cli.main import app

    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("these are my notes, not a database\n")

    result = CliRunner().invoke(app, ["state", "jack", "--db", str(not_sqlite)])

    assert result.exit_code == 3
    assert "cannot open store" in result.stderr


def test_accounts_lists_every_account_as_of_an_instant(story, standing):
    result = standing("accounts", "--at", "2021-01-21", "--json")

    rows = {row["account"]: row["status"] for row in json.loads(result.stdout)}
    assert rows == {
        "@realDonaldTrump": "permanently_suspended",
        "@POTUS": "active",
        "@POTUS45": "archived",
    }


def test_accounts_filters_by_status_and_holder(story, standing):
    suspended = standing(
        "accounts", "--at", "2021-01-21", "--status", "permanently_suspended", "--json"
    )
    biden = standing("accounts", "--at", "2021-01-21", "--holder", "Biden", "--json")

    assert [r["account"] for r in json.loads(suspended.stdout)] == ["@realDonaldTrump"]
    assert [r["account"] for r in json.loads(biden.stdout)] == ["@POTUS"]


def test_history_lists_events_and_periods(story, standing):
    result = standing("history", "realDonaldTrump", "--json")

    document = json.loads(result.stdout)
    assert set(document) == {"account", "platform", "events", "changes", "periods"}
    stored = document["events"]
    assert all(e["recorded_at"] for e in stored)
    assert [e["type"] for e in stored] == [
        "account.registered",
        "post.published",
        "account.locked",
        "post.removed",
        "account.suspended",
    ]
    assert all(e["id"] for e in stored)
    assert [(p["status"], p["from"], p["to"]) for p in document["periods"]] == [
        ("active", "2009-03-18T00:00:00Z", "2021-01-07T00:00:00Z"),
        ("locked", "2021-01-07T00:00:00Z", "2021-01-07T15:00:00Z"),
        ("active", "2021-01-07T15:00:00Z", "2021-01-08T23:21:00Z"),
        ("permanently_suspended", "2021-01-08T23:21:00Z", None),
    ]


def test_history_lists_what_time_alone_did_apart_from_the_stored_facts(story, standing):
    result = standing("history", "realDonaldTrump", "--json")

    changes = json.loads(result.stdout)["changes"]
    assert changes == [{"type": "lock.ran_out", "at": "2021-01-07T15:00:00Z"}]


def test_history_lists_a_transfer_that_fell_due_as_a_change_with_its_details(
    story, standing
):
    result = standing("history", "POTUS", "--json")

    assert json.loads(result.stdout)["changes"] == [
        {
            "type": "transfer.took_effect",
            "at": "2021-01-20T17:00:00Z",
            "successor": "Biden",
            "archive_to": "POTUS45",
        }
    ]


def test_state_prints_a_readable_answer_in_a_terminal(story, standing):
    result = standing(
        "state", "realDonaldTrump", "--at", "2021-01-07T10:00:00Z", "-f", "table"
    )

    assert result.exit_code == 0
    assert "@realDonaldTrump on twitter, as of 2021-01-07 10:00Z" in result.stdout
    assert "locked" in result.stdout
    assert re.search(r"until +2021-01-07 15:00Z", result.stdout)


def test_demo_needs_no_setup(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from standing.cli.main import app

    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(app, ["demo", "--json"])

    assert result.exit_code == 0, result.output
    moments = json.loads(result.stdout)
    noon = moments[-1]["states"]
    by_handle = {s["account"]: s for s in noon}
    assert by_handle["@POTUS"]["holder"] == "Joseph R. Biden"
    assert by_handle["@POTUS45"]["status"] == "archived"
    assert by_handle["@realDonaldTrump"]["status"] == "permanently_suspended"
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_status_filter_is_a_usage_error(story, standing):
    result = standing("accounts", "--status", "lockd")

    assert result.exit_code == 2


def test_a_malformed_handle_or_platform_is_a_usage_error(story, standing):
    bad_handle = standing("state", "bad handle")
    bad_platform = standing("state", "jack", "--platform", "Twit ter")

    assert (bad_handle.exit_code, bad_platform.exit_code) == (2, 2)
    assert "invalid handle" in bad_handle.stderr
    assert "invalid platform" in bad_platform.stderr
