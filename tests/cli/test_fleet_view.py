"""`standing accounts` as a fleet view: filters as people write them,
sorting, a limit, a count."""

from __future__ import annotations

import json

import pytest

from tests.cli.records import event, registered

AT = ("--at", "2021-02-01")


@pytest.fixture
def fleet(standing, events_file):
    path = events_file(
        registered("realDonaldTrump", holder="Donald J. Trump"),
        registered("TeamTrump", holder="Donald J. Trump for President, Inc."),
        registered("POTUS", holder="Joseph R. Biden", kind="institutional"),
        registered("jack", platform="mastodon", holder="Jack"),
        event("post.published", "POTUS", "2021-01-02T00:00:00Z", post="p1"),
        event("post.published", "POTUS", "2021-01-03T00:00:00Z", post="p2"),
        event(
            "post.published",
            "jack",
            "2021-01-02T00:00:00Z",
            post="p1",
            platform="mastodon",
        ),
        event("violation.recorded", "TeamTrump", "2021-01-04T00:00:00Z", policy="spam"),
        event("violation.recorded", "TeamTrump", "2021-01-05T00:00:00Z", policy="spam"),
        event(
            "account.suspended",
            "realDonaldTrump",
            "2021-01-08T23:21:00Z",
            reason="incitement",
            permanent=True,
        ),
    )
    assert standing("replay", str(path)).exit_code == 0


def handles(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [row["account"] for row in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "written",
    ["permanently suspended", "permanently_suspended", "Permanently-Suspended"],
)
def test_a_status_is_accepted_as_printed_as_in_json_and_in_any_case(
    fleet, standing, written
):
    result = standing("accounts", *AT, "--status", written, "--json")

    assert handles(result) == ["@realDonaldTrump"]


def test_an_unknown_status_is_a_usage_error_naming_the_statuses(fleet, standing):
    result = standing("accounts", "--status", "banned")

    assert result.exit_code == 2
    assert "unknown status 'banned'" in result.stderr
    assert "permanently suspended" in result.stderr


def test_platforms_are_matched_in_any_case_like_handles(fleet, standing):
    listed = standing("accounts", *AT, "--platform", "Mastodon", "--json")
    state = standing("state", "JACK", *AT, "--platform", "MASTODON", "--json")

    assert handles(listed) == ["@jack"]
    assert json.loads(state.stdout)["platform"] == "mastodon"


def test_a_holder_matches_by_part_of_its_name_in_any_case(fleet, standing):
    result = standing("accounts", *AT, "--holder", "trump", "--json")

    assert handles(result) == ["@realDonaldTrump", "@TeamTrump"]


def test_an_empty_result_says_no_accounts_match_on_stderr_and_exits_0(fleet, standing):
    table = standing("accounts", *AT, "--holder", "Obama", "-f", "table")
    as_json = standing("accounts", *AT, "--holder", "Obama", "--json")

    assert table.exit_code == as_json.exit_code == 0
    assert table.stdout == ""
    assert table.stderr.startswith("no accounts match")
    assert len(table.stderr.splitlines()) == 1
    assert (as_json.stdout, as_json.stderr) == ("[]\n", "")


def test_an_empty_tsv_still_has_its_header(fleet, standing):
    result = standing("accounts", *AT, "--holder", "Obama", "-f", "tsv")

    assert result.stdout.startswith("account\tplatform\t")
    assert len(result.stdout.splitlines()) == 1


def test_accounts_sort_by_a_field_and_descending_with_a_minus(fleet, standing):
    by_posts = standing("accounts", *AT, "--sort", "-posts", "--json")
    by_strikes = standing("accounts", *AT, "--sort=-strikes", "--json")
    by_holder = standing("accounts", *AT, "--sort", "holder", "--json")

    assert handles(by_posts)[:2] == ["@POTUS", "@jack"]
    assert handles(by_strikes)[0] == "@TeamTrump"
    assert handles(by_holder) == ["@realDonaldTrump", "@TeamTrump", "@jack", "@POTUS"]


def test_an_unknown_sort_field_is_a_usage_error(fleet, standing):
    result = standing("accounts", "--sort", "followers")

    assert result.exit_code == 2
    assert "cannot sort by 'followers'" in result.stderr


def test_a_limit_shows_the_first_accounts_and_the_table_says_of_how_many(
    fleet, standing
):
    limited = standing("accounts", *AT, "--sort", "-posts", "--limit", "1", "--json")
    table = standing("accounts", *AT, "--limit", "2", "-f", "table")

    assert handles(limited) == ["@POTUS"]
    assert table.stdout.splitlines()[0].startswith("first 2 of 4 accounts as of")


def test_count_gives_accounts_per_status_and_platform(fleet, standing):
    as_json = standing("accounts", *AT, "--count", "--json")
    as_tsv = standing("accounts", *AT, "--count", "-f", "tsv")

    summary = json.loads(as_json.stdout)
    assert summary["accounts"] == 4
    assert summary["by_status"] == {
        "active": 3,
        "locked": 0,
        "suspended": 0,
        "permanently_suspended": 1,
        "archived": 0,
    }
    assert summary["by_platform"] == {"mastodon": 1, "twitter": 3}
    assert "status\tpermanently_suspended\t1" in as_tsv.stdout.splitlines()
    assert "platform\ttwitter\t3" in as_tsv.stdout.splitlines()


def test_count_with_a_sort_or_a_limit_is_a_usage_error(fleet, standing):
    result = standing("accounts", "--count", "--limit", "3")

    assert result.exit_code == 2
