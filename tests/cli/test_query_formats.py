"""Query answers into pipes and files: TSV by default, CSV, JSON, a table
on request; every value whole, whatever the text holds."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.records import event, registered

AWKWARD = 'Team "Trump", Inc.\tline one\nline two'


@pytest.fixture
def stored(standing, events_file):
    path = events_file(
        registered("jack", holder="Jack Dorsey"),
        registered("TeamTrump", holder=AWKWARD, kind="campaign"),
        event(
            "account.suspended",
            "TeamTrump",
            "2021-01-09T01:50:00Z",
            reason="ban evasion, posting for @realDonaldTrump",
            permanent=True,
        ),
        event("account.locked", "jack", "2021-01-05T00:00:00Z", reason="spam"),
    )
    assert standing("replay", str(path)).exit_code == 0


def accounts_json(standing):
    return json.loads(standing("accounts", "--at", "2021-02-01", "--json").stdout)


def test_into_a_pipe_accounts_print_tab_separated_values_with_a_header(
    stored, standing
):
    result = standing("accounts", "--at", "2021-02-01")

    header, *rows = result.stdout.splitlines()
    assert header.split("\t")[:6] == [
        "account",
        "platform",
        "as_of",
        "exists",
        "kind",
        "status",
    ]
    assert len(rows) == 2
    assert all(len(row.split("\t")) == len(header.split("\t")) for row in rows)


def test_a_tab_or_newline_in_user_text_cannot_break_a_tsv_row(stored, standing):
    result = standing("accounts", "--at", "2021-02-01", "--format", "tsv")

    rows = [line.split("\t") for line in result.stdout.splitlines()]
    holders = {row[0]: row[rows[0].index("holder")] for row in rows[1:]}
    assert holders["@TeamTrump"] == r'Team "Trump", Inc.\x09line one\x0aline two'


def test_csv_reads_back_with_every_value_whole(stored, standing):
    result = standing("accounts", "--at", "2021-02-01", "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    expected = {row["account"]: row for row in accounts_json(standing)}
    assert [row["account"] for row in rows] == list(expected)
    team = next(row for row in rows if row["account"] == "@TeamTrump")
    assert team["reason"] == expected["@TeamTrump"]["reason"]
    assert team["status"] == "permanently_suspended"
    assert team["holder"] == r'Team "Trump", Inc.\x09line one\x0aline two'
    assert json.loads(team["strikes"]) == {}
    assert team["until"] == ""


def test_csv_rows_end_in_crlf_as_rfc_4180_says(stored, standing):
    result = standing("accounts", "--at", "2021-02-01", "--format", "csv")

    assert result.stdout_bytes.count(b"\r\n") == 3


def test_json_and_format_json_print_the_same_single_document(stored, standing):
    short = standing("accounts", "--at", "2021-02-01", "--json").stdout
    long = standing("accounts", "--at", "2021-02-01", "--format", "json").stdout

    assert short == long
    assert json.loads(short)[1]["holder"] == AWKWARD


def test_json_and_another_format_together_are_a_usage_error(stored, standing):
    result = standing("accounts", "--json", "--format", "csv")

    assert result.exit_code == 2
    assert "--json and --format csv" in result.stderr


def test_state_as_tsv_has_the_columns_of_its_json_object(stored, standing):
    as_json = json.loads(
        standing("state", "jack", "--at", "2021-02-01", "--json").stdout
    )
    as_tsv = standing("state", "jack", "--at", "2021-02-01", "-f", "tsv").stdout

    header, row = as_tsv.splitlines()
    assert header.split("\t") == list(as_json)
    assert row.split("\t")[header.split("\t").index("status")] == "locked"


def test_a_table_asked_for_into_a_pipe_is_as_wide_as_its_values(
    stored, standing, monkeypatch
):
    monkeypatch.delenv("COLUMNS", raising=False)
    reason = "ban evasion, posting for @realDonaldTrump"

    result = standing("state", "TeamTrump", "--at", "2021-02-01", "-f", "table")

    assert any(line.endswith(reason) for line in result.stdout.splitlines())


def test_history_tsv_lists_events_and_changes_in_order_with_their_kind(
    standing, events_file
):
    path = events_file(
        registered("jack"),
        event(
            "account.locked",
            "jack",
            "2021-01-02T00:00:00Z",
            reason="spam",
            duration="PT12H",
        ),
        event("post.published", "jack", "2021-01-03T00:00:00Z", post="p1"),
    )
    standing("replay", str(path))

    result = standing("history", "jack", "--format", "tsv")

    header, *rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert header == ["at", "kind", "type", "id", "recorded_at", "details"]
    assert [(row[0], row[1], row[2]) for row in rows] == [
        ("2021-01-01T00:00:00Z", "event", "account.registered"),
        ("2021-01-02T00:00:00Z", "event", "account.locked"),
        ("2021-01-02T12:00:00Z", "change", "lock.ran_out"),
        ("2021-01-03T00:00:00Z", "event", "post.published"),
    ]
    assert json.loads(rows[1][5]) == {"reason": "spam", "duration": "PT12H"}
    assert rows[2][3:5] == ["", ""]


def test_history_periods_as_csv(stored, standing):
    result = standing("history", "jack", "--periods", "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [(row["status"], row["from"], row["to"]) for row in rows] == [
        ("active", "2021-01-01T00:00:00Z", "2021-01-05T00:00:00Z"),
        ("locked", "2021-01-05T00:00:00Z", ""),
    ]
