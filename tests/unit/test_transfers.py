"""Transfers of institutional accounts, immediate and scheduled, and their archives."""

from __future__ import annotations

from datetime import timedelta

import pytest

from standing.domain.errors import RuleBroken, UnknownAccount
from standing.domain.restrictions import Status
from tests.unit.presidency import (
    BEFORE_DUE,
    DUE,
    OUTGOING,
    SCHEDULED,
    SECOND,
    SUCCESSOR,
    T0,
    schedule,
)


@pytest.mark.parametrize("kind", ["personal", "campaign", "organization"])
@pytest.mark.parametrize(
    ("event_type", "fields"),
    [
        ("account.transferred", {}),
        ("account.transfer_scheduled", {"effective_at": DUE}),
    ],
)
def test_only_institutional_accounts_can_be_transferred(
    app, state, kind, event_type, fields
):
    app.record("account.registered", "jack", at=T0, holder="Jack", kind=kind)

    with pytest.raises(
        RuleBroken, match=r"rule transfer\.institutional: @jack was active"
    ):
        app.record(event_type, "jack", at=SCHEDULED, successor="Jill", **fields)

    assert state("jack", DUE).holder == "Jack"


def test_an_immediate_transfer_hands_the_account_to_the_successor(potus, state):
    potus.record("account.transferred", "POTUS", at=DUE, successor=SUCCESSOR)

    before, after = state("POTUS", BEFORE_DUE), state("POTUS", DUE)
    assert (before.holder, before.previous_holder) == (OUTGOING, None)
    assert (before.posts, before.strikes) == (2, {"x": 1})
    assert after.status == Status.ACTIVE
    assert after.since == DUE
    assert (after.holder, after.previous_holder) == (SUCCESSOR, OUTGOING)
    assert (after.posts, after.strikes) == (0, {})


def test_a_scheduled_transfer_happens_at_its_effective_time(potus, state):
    schedule(potus)

    before, after = state("POTUS", BEFORE_DUE), state("POTUS", DUE)
    assert before.holder == OUTGOING
    assert before.posts == 2
    assert before.strikes == {"x": 1}
    assert after.holder == SUCCESSOR
    assert after.previous_holder == OUTGOING
    assert after.since == DUE
    assert after.posts == 0
    assert after.strikes == {}
    assert state("POTUS", DUE + timedelta(days=400)).holder == SUCCESSOR


def test_pending_shows_a_scheduled_transfer_until_it_happens(potus, state):
    schedule(potus, archive_to="POTUS45")

    assert state("POTUS", SCHEDULED - SECOND).as_dict()["pending"] == []
    assert state("POTUS", BEFORE_DUE).as_dict()["pending"] == [
        {
            "type": "transfer",
            "at": "2021-01-20T17:00:00Z",
            "successor": SUCCESSOR,
            "archive_to": "POTUS45",
        }
    ]
    assert state("POTUS", DUE).as_dict()["pending"] == []


@pytest.mark.parametrize(
    ("event_type", "fields", "status"),
    [
        ("account.locked", {"reason": "r"}, Status.LOCKED),
        (
            "account.locked",
            {"reason": "r", "duration": timedelta(days=30)},
            Status.LOCKED,
        ),
        (
            "account.suspended",
            {"reason": "r", "duration": timedelta(days=30)},
            Status.SUSPENDED,
        ),
        (
            "account.suspended",
            {"reason": "r", "until": DUE + timedelta(days=1)},
            Status.SUSPENDED,
        ),
    ],
)
@pytest.mark.parametrize("immediate", [True, False], ids=["immediate", "scheduled"])
def test_a_transfer_ends_a_lock_or_temporary_suspension(
    potus, state, event_type, fields, status, immediate
):
    restricted_at = DUE - timedelta(days=1)

    if immediate:
        potus.record(event_type, "POTUS", at=restricted_at, **fields)
        potus.record("account.transferred", "POTUS", at=DUE, successor=SUCCESSOR)
    else:
        schedule(potus)
        potus.record(event_type, "POTUS", at=restricted_at, **fields)

    assert state("POTUS", BEFORE_DUE).status == status
    after = state("POTUS", DUE)
    assert after.status == Status.ACTIVE
    assert after.reason is None
    assert after.until is None
    assert after.holder == SUCCESSOR


@pytest.mark.parametrize("immediate", [True, False], ids=["immediate", "scheduled"])
def test_the_outgoing_tenures_live_posts_move_to_the_archive(potus, state, immediate):
    if immediate:
        potus.record(
            "account.transferred",
            "POTUS",
            at=DUE,
            successor=SUCCESSOR,
            archive_to="@POTUS45",
        )
    else:
        schedule(potus, archive_to="@POTUS45")

    assert not state("POTUS45", BEFORE_DUE).exists
    archive = state("potus45", DUE)
    assert archive.exists
    assert archive.account == "@POTUS45"
    assert archive.platform == "twitter"
    assert archive.kind == "institutional"
    assert archive.status == Status.ARCHIVED
    assert archive.since == DUE
    assert archive.holder == OUTGOING
    assert archive.posts == 2
    assert state("POTUS", DUE).posts == 0


def test_a_second_transfer_archives_only_the_second_tenure(potus, state):
    schedule(potus, archive_to="POTUS45")
    potus.record("post.published", "POTUS", at=DUE + SECOND, post="b1")
    later = DUE + timedelta(days=4 * 365)

    potus.record(
        "account.transferred",
        "POTUS",
        at=later,
        successor="Third Holder",
        archive_to="POTUS46",
    )

    third = state("POTUS", later)
    assert (third.holder, third.previous_holder) == ("Third Holder", SUCCESSOR)
    assert state("POTUS46", later).holder == SUCCESSOR
    assert state("POTUS46", later).posts == 1
    assert state("POTUS45", later).holder == OUTGOING
    assert state("POTUS45", later).posts == 2


@pytest.mark.parametrize(
    ("event_type", "fields", "status"),
    [
        (
            "account.suspended",
            {"reason": "r", "permanent": True},
            Status.PERMANENTLY_SUSPENDED,
        ),
        ("account.archived", {"custodian": "NARA"}, Status.ARCHIVED),
    ],
)
def test_a_scheduled_transfer_lapses_if_it_falls_due_in_a_final_status(
    potus, state, event_type, fields, status
):
    schedule(potus, archive_to="POTUS45")

    potus.record(event_type, "POTUS", at=DUE - timedelta(days=1), **fields)

    for instant in (DUE, DUE + timedelta(days=30)):
        after = state("POTUS", instant)
        assert after.status == status
        assert after.holder == OUTGOING
        assert after.previous_holder is None
        assert after.posts == 2
        assert after.pending == ()
        assert not state("POTUS45", instant).exists


def test_nothing_can_be_recorded_on_the_archive_of_a_lapsed_transfer(potus):
    schedule(potus, archive_to="POTUS45")
    potus.record(
        "account.suspended", "POTUS", at=DUE - SECOND, reason="r", permanent=True
    )

    with pytest.raises(UnknownAccount, match="@POTUS45"):
        potus.record("post.removed", "POTUS45", at=DUE + SECOND, post="p1")


def test_a_lapsed_transfer_leaves_the_accounts_own_posts_in_place(potus, state):
    schedule(potus, archive_to="POTUS45")
    potus.record(
        "account.suspended", "POTUS", at=DUE - SECOND, reason="r", permanent=True
    )

    potus.record("post.removed", "POTUS", at=DUE + SECOND, post="p1")

    assert state("POTUS", DUE + SECOND).posts == 1


@pytest.mark.parametrize(
    ("event_type", "fields"),
    [
        ("account.transferred", {}),
        ("account.transfer_scheduled", {"effective_at": DUE}),
    ],
)
def test_transfer_of_a_permanently_suspended_account_is_rejected(
    potus, state, event_type, fields
):
    potus.record("account.suspended", "POTUS", at=SCHEDULED, reason="r", permanent=True)

    with pytest.raises(
        RuleBroken, match=rf"rule permanently_suspended\.{event_type}: @POTUS"
    ):
        potus.record(
            event_type, "POTUS", at=SCHEDULED + SECOND, successor=SUCCESSOR, **fields
        )

    assert state("POTUS", DUE).holder == OUTGOING


ITSELF = "archive_to must name another account"


@pytest.mark.parametrize(
    ("archive_to", "named"),
    [
        ("jack", "archive_to @jack names an existing account"),
        ("@JACK", "archive_to @jack names an existing account"),
        ("POTUS", ITSELF),
        ("potus", ITSELF),
    ],
)
@pytest.mark.parametrize("immediate", [True, False], ids=["immediate", "scheduled"])
def test_archive_to_naming_an_existing_account_is_an_error(
    potus, state, archive_to, named, immediate
):
    potus.record("account.registered", "jack", at=T0, holder="Jack")
    fields = {} if immediate else {"effective_at": DUE}
    event_type = "account.transferred" if immediate else "account.transfer_scheduled"

    with pytest.raises(
        RuleBroken, match=rf"^{named} \(rule transfer\.archive_to: @POTUS"
    ):
        potus.record(
            event_type,
            "POTUS",
            at=SCHEDULED,
            successor=SUCCESSOR,
            archive_to=archive_to,
            **fields,
        )

    assert state("POTUS", DUE).holder == OUTGOING
    assert state("jack", DUE).status == Status.ACTIVE


@pytest.mark.parametrize("effective_at", [SCHEDULED, SCHEDULED - SECOND])
def test_a_transfer_must_be_scheduled_for_a_later_instant(potus, effective_at):
    with pytest.raises(RuleBroken, match=r"rule transfer\.effective_at"):
        potus.record(
            "account.transfer_scheduled",
            "POTUS",
            at=SCHEDULED,
            successor=SUCCESSOR,
            effective_at=effective_at,
        )


@pytest.mark.parametrize("immediate", [True, False], ids=["immediate", "scheduled"])
@pytest.mark.parametrize("event_type", ["post.removed", "violation.recorded"])
def test_a_post_of_an_ended_tenure_is_refused_naming_that_tenure(
    potus, immediate, event_type
):
    if immediate:
        potus.record("account.transferred", "POTUS", at=DUE, successor=SUCCESSOR)
    else:
        schedule(potus)  # falls due at DUE, before anything records it
    fields = {"post": "p1"} | ({"policy": "x"} if event_type != "post.removed" else {})
    ended = f"p1' was published in {OUTGOING}'s tenure of @POTUS, which ended at "

    with pytest.raises(RuleBroken, match=f"{ended}2021-01-20T17:00:00Z"):
        potus.record(event_type, "POTUS", at=DUE, **fields)


@pytest.mark.parametrize("immediate", [True, False], ids=["immediate", "scheduled"])
def test_a_personal_account_naming_an_existing_archive_is_refused_for_its_kind(
    app, immediate
):
    app.record("account.registered", "jack", at=T0, holder="Jack")
    app.record("account.registered", "jill", at=T0, holder="Jill")
    fields = {} if immediate else {"effective_at": DUE}
    event_type = "account.transferred" if immediate else "account.transfer_scheduled"

    with pytest.raises(RuleBroken, match=r"rule transfer\.institutional: @jack"):
        app.record(
            event_type, "jack", at=SCHEDULED, successor="B", archive_to="jill", **fields
        )


def test_a_post_never_published_is_refused_as_such(potus):
    with pytest.raises(RuleBroken, match="no post 'p9' was published on @POTUS"):
        potus.record("post.removed", "POTUS", at=DUE, post="p9")


@pytest.mark.parametrize(
    ("days", "until", "expiry_pending"),
    [(10, DUE, False), (1, SCHEDULED + SECOND + timedelta(days=1), True)],
    ids=["transfer-first", "expiry-first"],
)
def test_a_lock_is_due_to_end_at_a_transfer_that_falls_due_first(
    potus, state, days, until, expiry_pending
):
    schedule(potus)
    potus.record(
        "account.locked",
        "POTUS",
        at=SCHEDULED + SECOND,
        reason="r",
        duration=timedelta(days=days),
    )

    locked = state("POTUS", SCHEDULED + SECOND)

    assert locked.until == until
    kinds = [item.type for item in locked.pending]
    assert kinds == (["lock_expiry", "transfer"] if expiry_pending else ["transfer"])


def test_a_transfer_that_would_lapse_does_not_end_a_permanent_suspension(potus, state):
    schedule(potus)
    potus.record(
        "account.suspended", "POTUS", at=SCHEDULED + SECOND, reason="r", permanent=True
    )

    assert state("POTUS", SCHEDULED + SECOND).until is None


def test_a_lock_at_the_instant_a_transfer_ends_the_last_starts_afresh(potus, state):
    schedule(potus)
    potus.record(
        "account.locked", "POTUS", at=SCHEDULED + SECOND, reason="r", until=DUE
    )
    potus.record("account.locked", "POTUS", at=DUE, reason="r")

    assert state("POTUS", DUE).since == DUE  # the new holder's lock, from DUE


@pytest.mark.parametrize("post", ["p1", "p2"], ids=["live", "removed"])
@pytest.mark.parametrize("immediate", [True, False], ids=["immediate", "scheduled"])
def test_a_post_id_of_an_ended_tenure_cannot_be_published_again(potus, immediate, post):
    if immediate:
        potus.record("account.transferred", "POTUS", at=DUE, successor=SUCCESSOR)
    else:
        schedule(potus)

    with pytest.raises(RuleBroken, match=rf"'{post}' was published in .*post ids"):
        potus.record("post.published", "POTUS", at=DUE, post=post)


def test_a_removed_post_of_an_ended_tenure_is_named_as_such_once_folded(potus):
    schedule(potus)
    potus.record("post.published", "POTUS", at=DUE, post="new")  # folds the transfer

    with pytest.raises(RuleBroken, match=f"'p2' was published in {OUTGOING}'s"):
        potus.record("post.removed", "POTUS", at=DUE, post="p2")
