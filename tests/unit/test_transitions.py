"""SPEC section 4's table, row by row: what each status accepts and refuses."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from standing.domain import events as rules
from standing.domain.errors import Backdated, RuleBroken, UnknownAccount
from standing.domain.restrictions import Status

REGISTERED_AT = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)
POSTED_AT = REGISTERED_AT + timedelta(minutes=1)
ENTERED_AT = REGISTERED_AT + timedelta(hours=1)
# The event under test, at 18:21 in New York: 23:21 UTC.
EVENT_AT = datetime(2021, 1, 8, 18, 21, tzinfo=ZoneInfo("America/New_York"))
EVENT_AT_ISO = "2021-01-08T23:21:00Z"

ALL_TYPES = (
    "account.registered",
    "post.published",
    "post.removed",
    "violation.recorded",
    "account.locked",
    "account.unlocked",
    "account.suspended",
    "account.reinstated",
    "account.transfer_scheduled",
    "account.transferred",
    "account.archived",
)

# Copied from SPEC section 4, not from domain.machine.
SPEC_ALLOWED: dict[str, set[str]] = {
    "active": {
        "post.published",
        "post.removed",
        "violation.recorded",
        "account.locked",
        "account.suspended",
        "account.transfer_scheduled",
        "account.transferred",
        "account.archived",
    },
    "locked": {
        "post.removed",
        "violation.recorded",
        "account.locked",
        "account.suspended",
        "account.unlocked",
        "account.reinstated",
        "account.transfer_scheduled",
        "account.transferred",
    },
    "suspended": {
        "post.removed",
        "violation.recorded",
        "account.suspended",
        "account.reinstated",
        "account.transfer_scheduled",
        "account.transferred",
    },
    "permanently_suspended": {
        "post.removed",
        "violation.recorded",
        "account.reinstated",
    },
    "archived": {"post.removed"},
}

# How an account gets into each status, an hour after registering.
ENTER: dict[str, tuple[str, dict[str, Any]] | None] = {
    "active": None,
    "locked": ("account.locked", {"reason": "civic integrity"}),
    "suspended": (
        "account.suspended",
        {"reason": "spam", "duration": timedelta(days=30)},
    ),
    "permanently_suspended": (
        "account.suspended",
        {"reason": "glorification of violence", "permanent": True},
    ),
    "archived": ("account.archived", {"custodian": "NARA"}),
}

# Valid fields for each event type, so that an allowed event succeeds.
FIELDS: dict[str, dict[str, Any]] = {
    "account.registered": {"holder": "Someone Else"},
    "post.published": {"post": "p2"},
    "post.removed": {"post": "p1"},
    "violation.recorded": {"policy": "civic_integrity"},
    "account.locked": {"reason": "new lock", "duration": timedelta(hours=12)},
    "account.unlocked": {"reason": "appeal"},
    "account.suspended": {"reason": "new suspension"},
    "account.reinstated": {"reason": "appeal"},
    "account.transfer_scheduled": {
        "successor": "Next Holder",
        "effective_at": EVENT_AT + timedelta(days=1),
    },
    "account.transferred": {"successor": "Next Holder"},
    "account.archived": {"custodian": "NARA"},
}

# The status an allowed event leaves behind; absent: the status is unchanged.
AFTER: dict[str, str] = {
    "account.locked": "locked",
    "account.unlocked": "active",
    "account.suspended": "suspended",
    "account.reinstated": "active",
    "account.transferred": "active",
    "account.archived": "archived",
}

ALLOWED_CASES = [
    pytest.param(status, event_type, id=f"{status}-{event_type}")
    for status, allowed in SPEC_ALLOWED.items()
    for event_type in ALL_TYPES
    if event_type in allowed
]
REJECTED_CASES = [
    pytest.param(status, event_type, id=f"{status}-{event_type}")
    for status, allowed in SPEC_ALLOWED.items()
    for event_type in ALL_TYPES
    if event_type not in allowed
]


@pytest.fixture
def jack_in(app):
    """`jack_in(status)`: @jack (institutional, one live post p1) in `status`."""

    def enter(status: str) -> None:
        app.record(
            "account.registered",
            "jack",
            at=REGISTERED_AT,
            holder="Jack",
            kind="institutional",
        )
        app.record("post.published", "jack", at=POSTED_AT, post="p1")
        if ENTER[status] is not None:
            event_type, fields = ENTER[status]
            app.record(event_type, "jack", at=ENTERED_AT, **fields)

    return enter


@pytest.mark.parametrize("status", SPEC_ALLOWED)
def test_each_row_starts_from_an_account_in_its_status(jack_in, state, status):
    jack_in(status)

    assert state("jack", EVENT_AT).status == status


@pytest.mark.parametrize(("status", "event_type"), ALLOWED_CASES)
def test_an_allowed_event_is_applied(jack_in, app, state, status, event_type):
    jack_in(status)

    app.record(event_type, "jack", at=EVENT_AT, **FIELDS[event_type])

    assert state("jack", EVENT_AT).status == AFTER.get(event_type, status)


@pytest.mark.parametrize(("status", "event_type"), REJECTED_CASES)
def test_a_rejected_event_names_the_rule_account_instant_and_status(
    jack_in, app, status, event_type
):
    jack_in(status)
    rule = f"{status}.{event_type}"

    with pytest.raises(RuleBroken, match=re.escape(f"rule {rule}")) as caught:
        app.record(event_type, "jack", at=EVENT_AT, **FIELDS[event_type])

    message = str(caught.value)
    assert caught.value.rule == rule
    assert "@jack" in message
    assert EVENT_AT_ISO in message
    assert f"was {status.replace('_', ' ')} at" in message


def test_the_spec_table_covers_every_status_and_event_type():
    assert set(SPEC_ALLOWED) == {status.value for status in Status}
    assert set(ALL_TYPES) == set(rules.RECORD_TYPES)


@pytest.mark.parametrize("event_type", ALL_TYPES[1:])
def test_an_unregistered_account_accepts_nothing_but_registration(app, event_type):
    with pytest.raises(UnknownAccount, match="unknown account @jack"):
        app.record(event_type, "jack", at=EVENT_AT, **FIELDS[event_type])


def test_an_unregistered_account_can_be_registered(app, state):
    before = state("jack", EVENT_AT)

    app.record("account.registered", "@jack", at=EVENT_AT, holder="Jack")

    assert not before.exists
    assert before.status is None
    after = state("jack", EVENT_AT)
    assert after.exists
    assert after.status == Status.ACTIVE
    assert after.holder == "Jack"
    assert after.kind == "personal"


def test_a_refused_event_leaves_the_account_as_it_was(jack_in, app, state):
    jack_in("locked")

    with pytest.raises(RuleBroken):
        app.record("post.published", "jack", at=EVENT_AT, post="p2")

    after = state("jack", EVENT_AT)
    assert after.status == Status.LOCKED
    assert after.posts == 1


def test_a_fact_earlier_than_the_accounts_latest_is_rejected_as_backdated(jack_in, app):
    jack_in("active")

    with pytest.raises(Backdated, match="backdated: @jack"):
        app.record("post.published", "jack", at=REGISTERED_AT, post="p0")


def test_an_event_is_in_force_at_its_own_instant(jack_in, app, state):
    jack_in("active")

    app.record("account.locked", "jack", at=EVENT_AT, reason="r")

    assert state("jack", EVENT_AT - timedelta(microseconds=1)).status == "active"
    assert state("jack", EVENT_AT).status == Status.LOCKED
    assert state("jack", EVENT_AT).since == EVENT_AT
