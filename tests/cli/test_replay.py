"""`standing replay`: what a user sees when facts go in."""

from __future__ import annotations

import json

from tests.cli.records import event, registered


def test_replay_applies_facts_and_reports_counts_as_json(standing, events_file):
    path = events_file(
        registered("jack"),
        event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
    )

    result = standing("replay", str(path), "--json")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "applied": 2,
        "duplicates": 0,
        "rejected": 0,
        "errors": [],
    }


def test_replaying_the_same_file_twice_adds_nothing(standing, events_file):
    path = events_file(
        registered("jack"),
        event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
    )
    standing("replay", str(path))

    result = standing("replay", str(path), "--json")

    assert json.loads(result.stdout)["applied"] == 0
    assert json.loads(result.stdout)["duplicates"] == 2


def test_a_rejected_replay_still_counts_its_duplicates(standing, events_file):
    stored = events_file(registered("jack"))
    standing("replay", str(stored))
    unknown = event("post.published", "nobody", "2021-01-02T00:00:00Z", post="p1")

    result = standing("replay", str(stored), str(events_file(unknown)), "--json")

    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["applied"], report["duplicates"], report["rejected"]) == (0, 1, 1)


def test_unsorted_files_are_applied_in_order_of_time(standing, events_file):
    path = events_file(
        event(
            "account.locked",
            "jack",
            "2021-01-03T00:00:00Z",
            reason="spam",
            duration="PT12H",
        ),
        registered("jack"),
    )

    standing("replay", str(path))
    result = standing("state", "jack", "--at", "2021-01-03T06:00:00Z", "--json")

    assert json.loads(result.stdout)["status"] == "locked"


def test_facts_at_the_same_instant_keep_their_input_order(standing, events_file):
    path = events_file(
        registered("jack"),
        event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
        event("post.removed", "jack", "2021-01-02T00:00:00Z", post="p1"),
    )

    result = standing("replay", str(path), "--json")

    assert json.loads(result.stdout)["applied"] == 3


def test_dry_run_checks_but_stores_nothing(standing, events_file):
    standing("replay", str(events_file(registered("jill"))))
    path = events_file(registered("jack"))

    dry = standing("replay", str(path), "--dry-run", "--json")
    state = standing("state", "jack", "--json")

    assert json.loads(dry.stdout)["applied"] == 1
    assert state.exit_code == 1
    assert "unknown account @jack" in state.stderr


def test_skip_invalid_stores_the_valid_events_and_still_exits_1(standing, events_file):
    path = events_file(
        registered("jack"),
        event("post.removed", "jack", "2021-01-02T00:00:00Z", post="never"),
        event("post.published", "jack", "2021-01-03T00:00:00Z", post="p1"),
    )

    result = standing("replay", str(path), "--skip-invalid", "--json")
    state = standing("state", "jack", "--json")

    assert result.exit_code == 1
    assert json.loads(result.stdout)["applied"] == 2
    assert json.loads(result.stdout)["rejected"] == 1
    assert json.loads(state.stdout)["posts"] == 1


def test_skip_invalid_rejects_events_that_depend_on_a_rejected_one(
    standing, events_file
):
    path = events_file(
        registered("jack", holder=""),
        registered("jill", holder="Jill"),
        event("post.published", "jack", "2021-01-03T00:00:00Z", post="p1"),
    )

    result = standing("replay", str(path), "--skip-invalid", "--json")

    report = json.loads(result.stdout)
    assert report["applied"] == 1
    assert [e["line"] for e in report["errors"]] == [1, 3]


def test_reads_a_json_array_file(standing, tmp_path):
    path = tmp_path / "events.json"
    path.write_text(json.dumps([registered("jack"), registered("jill")], indent=2))

    result = standing("replay", str(path), "--json")

    assert json.loads(result.stdout)["applied"] == 2


def test_reads_json_lines_from_standard_input(standing):
    lines = json.dumps(registered("jack")) + "\n"

    result = standing("replay", "-", "--json", input=lines)

    assert json.loads(result.stdout)["applied"] == 1


def test_naive_times_are_read_in_the_given_zone(standing, events_file):
    path = events_file(registered("jack", at="2021-01-06T19:00:00"))

    standing("replay", str(path), "--tz", "America/New_York")
    result = standing("history", "jack", "--json")

    assert json.loads(result.stdout)["events"][0]["at"] == "2021-01-07T00:00:00Z"


def test_a_readable_summary_on_success(standing, events_file):
    path = events_file(registered("jack"))

    result = standing("replay", str(path))

    assert result.exit_code == 0
    assert "Applied 1 event(s)" in result.stdout


def test_a_dry_run_with_a_rejected_record_says_nothing_would_be_stored(
    standing, events_file
):
    path = events_file(
        registered("jack"), event("account.unlocked", "jack", "2021-01-02T00:00:00Z")
    )

    result = standing("replay", str(path), "--dry-run")

    assert result.exit_code == 1
    assert "a replay would store nothing" in result.stderr
