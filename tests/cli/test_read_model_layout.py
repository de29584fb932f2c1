"""A read model built by an earlier layout is never read: the next query
builds the current one from the stored events first, and drops the old."""

from __future__ import annotations

import json

from standing.projections.statements import ACCOUNTS, FIRST_LAYOUT, SEGMENTS, TRACKING
from tests.cli.records import event, registered
from tests.stores import run_sql, table_names

SUSPENDED = event(
    "account.suspended", "jack", "2021-01-08T00:00:00Z", reason="spam", permanent=True
)


def as_first_layout(db: str) -> None:
    """Leave the store as the first layout left it, its rows wrong for today's
    code: what an upgrade finds (its tables named as that layout named them)."""
    old_segments, old_accounts, old_tracking, _ = FIRST_LAYOUT
    run_sql(
        db,
        f"UPDATE {SEGMENTS} SET status='active', since=NULL, until=NULL",
        f"ALTER TABLE {SEGMENTS} RENAME TO {old_segments}",
        f"ALTER TABLE {ACCOUNTS} RENAME TO {old_accounts}",
        f"ALTER TABLE {TRACKING} RENAME TO {old_tracking}",
    )


def test_a_query_rebuilds_a_read_model_of_an_earlier_layout_before_answering(
    standing, events_file, db
):
    standing("replay", str(events_file(registered("jack"), SUSPENDED)))
    as_first_layout(db)

    result = standing("state", "jack", "--at", "2021-02-01", "--json")

    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["status"] == "permanently_suspended"
    assert answer["since"] == "2021-01-08T00:00:00Z"


def test_building_the_current_layout_drops_the_earlier_layouts_tables(
    standing, events_file, db
):
    standing("replay", str(events_file(registered("jack"), SUSPENDED)))
    as_first_layout(db)

    standing("state", "jack", "--json")

    tables = table_names(db)
    assert {SEGMENTS, ACCOUNTS, TRACKING} <= tables
    assert not tables & set(FIRST_LAYOUT)


def test_status_counts_every_event_behind_a_read_model_of_an_earlier_layout(
    standing, events_file, db
):
    standing("replay", str(events_file(registered("jack"), SUSPENDED)))
    as_first_layout(db)

    result = standing("projections", "status", "--json")

    (view,) = json.loads(result.stdout)
    assert view["position"] == 0
    assert view["behind"] == view["head"] > 0
