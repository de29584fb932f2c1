"""A read model whose tables were dropped or emptied by hand, its tracked
position kept, is never read: the next query builds it again first."""

from __future__ import annotations

import json

import pytest

from standing.projections.statements import ACCOUNTS, SEGMENTS, TRACKING
from tests.cli.records import event, registered
from tests.stores import run_sql

SUSPENDED = event(
    "account.suspended", "jack", "2021-01-08T00:00:00Z", reason="spam", permanent=True
)
CHANGES = [
    pytest.param(f"DROP TABLE {SEGMENTS}", id="segments-dropped"),
    pytest.param(f"DROP TABLE {ACCOUNTS}", id="accounts-dropped"),
    pytest.param(f"DELETE FROM {SEGMENTS}", id="segments-emptied"),
    pytest.param(f"DELETE FROM {ACCOUNTS}", id="accounts-emptied"),
    pytest.param(f"DROP TABLE {TRACKING}", id="position-dropped"),
    pytest.param(f"DELETE FROM {TRACKING}", id="position-emptied"),
]


@pytest.fixture
def replayed(standing, events_file) -> None:
    result = standing("replay", str(events_file(registered("jack"), SUSPENDED)))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("change", CHANGES)
def test_accounts_lists_every_account_after_a_read_model_table_changed_by_hand(
    standing, db, replayed, change
):
    run_sql(db, change)

    result = standing("accounts", "--at", "2021-02-01", "--json")

    assert result.exit_code == 0, result.stderr
    assert [(a["account"], a["status"]) for a in json.loads(result.stdout)] == [
        ("@jack", "permanently_suspended")
    ]


@pytest.mark.parametrize("change", CHANGES)
def test_state_answers_after_a_read_model_table_changed_by_hand(
    standing, db, replayed, change
):
    run_sql(db, change)

    result = standing("state", "jack", "--at", "2021-02-01", "--json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "permanently_suspended"


@pytest.mark.parametrize("change", CHANGES[:4])
def test_status_counts_every_event_behind_a_read_model_emptied_by_hand(
    standing, db, replayed, change
):
    run_sql(db, change)

    result = standing("projections", "status", "--json")

    (view,) = json.loads(result.stdout)
    assert view["position"] == 0
    assert view["behind"] == view["head"] > 0
