"""The archive of an outgoing tenure: when it exists and what it holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from standing.application.session import Session
from standing.domain.errors import RuleBroken, UnknownAccount
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import AccountKey
from standing.domain.restrictions import Status
from tests.unit.presidency import (
    BEFORE_DUE,
    DUE,
    SCHEDULED,
    SECOND,
    SUCCESSOR,
    T0,
    schedule,
)


def test_the_archive_is_created_on_the_platform_of_its_source(app, state):
    app.record(
        "account.registered",
        "mayor",
        at=T0,
        platform="mastodon",
        holder="Old Mayor",
        kind="institutional",
    )

    app.record(
        "account.transferred",
        "mayor",
        at=DUE,
        platform="mastodon",
        successor="New Mayor",
        archive_to="mayor2017",
    )

    assert state("mayor2017", DUE, platform="mastodon").status == Status.ARCHIVED
    assert not state("mayor2017", DUE).exists


def test_posts_of_the_old_tenure_can_be_removed_from_the_archive(potus, state):
    schedule(potus, archive_to="POTUS45")

    potus.record("post.removed", "POTUS45", at=DUE + SECOND, post="p1")

    assert state("POTUS45", DUE).posts == 2
    assert state("POTUS45", DUE + SECOND).posts == 1
    assert state("POTUS45", DUE + SECOND).status == Status.ARCHIVED


def test_the_archive_refuses_posts_removed_before_the_transfer(potus):
    schedule(potus, archive_to="POTUS45")

    with pytest.raises(RuleBroken, match=r"no post 'p2'.*rule post\.unknown"):
        potus.record("post.removed", "POTUS45", at=DUE + SECOND, post="p2")


def test_the_archive_accepts_nothing_but_removals(potus):
    schedule(potus, archive_to="POTUS45")

    with pytest.raises(RuleBroken, match=r"rule archived\.post\.published.*@POTUS45"):
        potus.record("post.published", "POTUS45", at=DUE + SECOND, post="p9")


def test_the_archive_does_not_exist_before_the_transfer(potus, state):
    schedule(potus, archive_to="POTUS45")

    with pytest.raises(UnknownAccount, match="unknown account @POTUS45"):
        potus.record("post.removed", "POTUS45", at=BEFORE_DUE, post="p1")

    assert not state("POTUS45", SCHEDULED).exists


def test_the_archive_handle_is_reserved_until_the_transfer(potus):
    schedule(potus, archive_to="POTUS45")

    with pytest.raises(RuleBroken, match=r"rule account\.reserved"):
        potus.record("account.registered", "POTUS45", at=SCHEDULED, holder="Someone")


def test_an_old_tenures_post_is_no_longer_on_the_account_after_the_transfer(
    potus,
):
    schedule(potus, archive_to="POTUS45")

    with pytest.raises(
        RuleBroken, match=r"'p1' was published in .* tenure .*rule post\.unknown"
    ):
        potus.record("post.removed", "POTUS", at=DUE, post="p1")


def test_an_event_at_the_transfer_instant_applies_to_the_new_tenure(potus, state):
    schedule(potus, archive_to="POTUS45")

    potus.record("post.published", "POTUS", at=DUE, post="first")
    potus.record("violation.recorded", "POTUS", at=DUE, policy="y")

    after = state("POTUS", DUE)
    assert after.holder == SUCCESSOR
    assert after.posts == 1
    assert after.strikes == {"y": 1}
    assert state("POTUS45", DUE).posts == 2


def test_a_whole_replay_in_one_session_opens_the_archive_on_first_use(potus, state):
    session = Session(potus)
    key, archive = AccountKey.parse("POTUS"), AccountKey.parse("POTUS45")
    facts = [
        Fact(
            "account.transfer_scheduled",
            key,
            SCHEDULED,
            FactRef("schedule"),
            {"successor": SUCCESSOR, "effective_at": DUE, "archive_to": "POTUS45"},
        ),
        Fact("post.removed", archive, DUE + SECOND, FactRef("rm"), {"post": "p3"}),
        Fact("post.published", key, DUE + 2 * SECOND, FactRef("new"), {"post": "n1"}),
    ]

    for fact in facts:
        session.apply(fact)
    session.save()

    assert state("POTUS45", DUE + SECOND).posts == 1
    assert state("POTUS", DUE + 2 * SECOND).posts == 1
    assert state("POTUS", DUE + 2 * SECOND).holder == SUCCESSOR


OBAMA, TRUMP = "Barack Obama", "Donald J. Trump"
INAUGURATIONS = {  # noon ET: Obama's second, Trump's and Biden's
    "obama": datetime(2013, 1, 20, 17, tzinfo=UTC),
    "trump": datetime(2017, 1, 20, 17, tzinfo=UTC),
    "biden": DUE,
}
TRUMP_POST = datetime(2018, 1, 1, tzinfo=UTC)


def _handover(kind: str, to: str, successor: str, archive_to: str) -> Fact:
    """@POTUS handed over at `to`'s inauguration, scheduled a week before."""
    at, fields = INAUGURATIONS[to], {"successor": successor, "archive_to": archive_to}
    if kind == "account.transfer_scheduled":
        at, fields["effective_at"] = at - timedelta(days=7), at
    return Fact(kind, AccountKey.parse("POTUS"), at, FactRef(f"to-{to}"), fields)


@pytest.mark.parametrize("kind", ["account.transferred", "account.transfer_scheduled"])
def test_two_handovers_stored_in_one_batch_keep_both_archives(app, state, kind):
    potus, start = AccountKey.parse("POTUS"), INAUGURATIONS["obama"]
    registered = {"holder": OBAMA, "kind": "institutional"}
    facts = [
        Fact("account.registered", potus, start, FactRef("r"), registered),
        Fact("post.published", potus, start + SECOND, FactRef("o1"), {"post": "o1"}),
        _handover(kind, "trump", TRUMP, "POTUS44"),
        Fact("post.published", potus, TRUMP_POST, FactRef("t1"), {"post": "t1"}),
        _handover(kind, "biden", SUCCESSOR, "POTUS45"),
    ]
    session = Session(app)
    for fact in facts:
        session.apply(fact)

    events, _ = session.collect()  # one batch, as a replay stores it
    app.insert(events)

    obama, trump = state("POTUS44", DUE), state("POTUS45", DUE)
    assert (obama.status, obama.holder, obama.posts) == (Status.ARCHIVED, OBAMA, 1)
    assert (trump.status, trump.holder, trump.posts) == (Status.ARCHIVED, TRUMP, 1)
    assert state("POTUS", DUE).holder == SUCCESSOR
