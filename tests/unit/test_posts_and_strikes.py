"""Posts (unique per account, removed once) and strikes (counted per policy)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from standing.application.session import Tracked, tracked
from standing.domain import events as ev
from standing.domain.errors import Backdated, ConflictingFact, RuleBroken
from standing.domain.facts import FactRef
from standing.domain.identity import AccountKey
from standing.domain.restrictions import Status

T0 = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def jack(app):
    app.record("account.registered", "jack", at=T0, holder="Jack")
    return app


def test_live_posts_count_publications_minus_removals(jack, state):
    for n, post in enumerate(("p1", "p2", "p3"), start=1):
        jack.record("post.published", "jack", at=at(n), post=post)

    jack.record("post.removed", "jack", at=at(10), post="p2")

    assert state("jack", at(0)).posts == 0
    assert state("jack", at(2)).posts == 2
    assert state("jack", at(9)).posts == 3
    assert state("jack", at(10)).posts == 2


def test_a_post_id_cannot_be_published_twice_on_one_account(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1", text="first")

    with pytest.raises(RuleBroken, match=r"'p1' already exists.*rule post\.unique"):
        jack.record("post.published", "jack", at=at(2), post="p1", text="again")

    assert state("jack", at(2)).posts == 1


def test_a_removed_post_id_cannot_be_published_again(jack):
    jack.record("post.published", "jack", at=at(1), post="p1")
    jack.record("post.removed", "jack", at=at(2), post="p1")

    with pytest.raises(RuleBroken, match=r"rule post\.unique"):
        jack.record("post.published", "jack", at=at(3), post="p1")


def test_the_same_post_id_may_exist_on_two_accounts(jack, app, state):
    app.record("account.registered", "jill", at=T0, holder="Jill")
    jack.record("post.published", "jack", at=at(1), post="p1")

    app.record("post.published", "jill", at=at(1), post="p1")

    assert state("jill", at(1)).posts == 1
    assert state("jack", at(1)).posts == 1


def test_removing_a_post_never_published_is_an_error(jack):
    with pytest.raises(RuleBroken, match=r"no post 'p9'.*rule post\.unknown.*@jack"):
        jack.record("post.removed", "jack", at=at(1), post="p9")


def test_removing_a_post_already_removed_is_an_error(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1")
    jack.record("post.removed", "jack", at=at(2), post="p1", by="holder")

    with pytest.raises(RuleBroken, match=r"already removed.*rule post\.removed"):
        jack.record("post.removed", "jack", at=at(3), post="p1", by="platform")

    assert state("jack", at(3)).posts == 0


def test_posts_can_be_removed_while_permanently_suspended(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1")
    jack.record("account.suspended", "jack", at=at(2), reason="r", permanent=True)

    jack.record("post.removed", "jack", at=at(3), post="p1")

    assert state("jack", at(3)).posts == 0
    assert state("jack", at(3)).status == Status.PERMANENTLY_SUSPENDED


def test_recording_the_same_fact_twice_stores_it_once(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1")

    jack.record("post.published", "jack", at=at(1), post="p1")

    assert state("jack", at(1)).posts == 1


def test_each_of_several_facts_at_one_instant_recorded_again_is_a_duplicate(
    jack, state
):
    for post in ("p1", "p2", "p3"):
        jack.record("post.published", "jack", at=at(1), post=post)

    jack.record("post.published", "jack", at=at(1), post="p1")
    jack.record("post.published", "jack", at=at(1), post="p3")

    assert state("jack", at(1)).posts == 3


def test_a_fact_id_at_a_shared_instant_with_other_content_is_a_conflict(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1", fact_id="f-1")
    jack.record("post.published", "jack", at=at(1), post="p2", fact_id="f-2")

    with pytest.raises(ConflictingFact, match="'f-1'"):
        jack.record("post.published", "jack", at=at(1), post="p3", fact_id="f-1")

    assert state("jack", at(1)).posts == 2


def _jack() -> Tracked:
    key = AccountKey.parse("jack")
    registered = ev.Registered(
        key.platform, key.handle, at(0), "Jack", "personal", FactRef("r")
    )
    return tracked(key.id, registered)


def _publish(account: Tracked, hours: float, post: str, ref: FactRef) -> None:
    account.note(ev.PostPublished(at(hours), post, None, None, ref))


def test_an_account_forgets_the_facts_of_an_earlier_instant():
    account = _jack()
    _publish(account, 1, "p1", FactRef("f-1", "d1"))
    _publish(account, 1, "p2", FactRef("f-2", "d2"))

    _publish(account, 2, "p3", FactRef("f-3", "d3"))

    digests = [account.recent_digest(f"f-{n}", "none") for n in (1, 2, 3)]
    assert digests == ["none", "none", "d3"]


def test_an_account_finds_each_of_several_facts_at_one_instant():
    account = _jack()

    for number in (1, 2, 3):
        _publish(account, 1, f"p{number}", FactRef(f"f-{number}", f"d{number}"))

    digests = [account.recent_digest(f"f-{n}", "none") for n in (1, 2, 3, 4)]
    assert digests == ["d1", "d2", "d3", "none"]


def test_an_earlier_fact_recorded_again_is_still_a_duplicate(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1")
    jack.record("post.published", "jack", at=at(2), post="p2")

    jack.record("post.published", "jack", at=at(1), post="p1")

    assert state("jack", at(2)).posts == 2


def test_a_new_fact_earlier_than_the_latest_is_backdated(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1")
    jack.record("post.published", "jack", at=at(2), post="p2")

    with pytest.raises(Backdated, match=r"already has a fact at .*rule backdated"):
        jack.record("post.published", "jack", at=at(1), post="p3")

    assert state("jack", at(2)).posts == 2


def test_a_fact_recorded_again_under_its_given_id_is_a_duplicate(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1", fact_id="f-1")

    jack.record("post.published", "jack", at=at(1), post="p1", fact_id="f-1")

    assert state("jack", at(1)).posts == 1


def test_one_fact_id_with_different_content_is_a_conflict(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1", fact_id="f-1")

    with pytest.raises(ConflictingFact, match="'f-1'"):
        jack.record("post.published", "jack", at=at(1), post="p2", fact_id="f-1")

    assert state("jack", at(1)).posts == 1


def test_each_violation_adds_one_strike_under_its_policy(jack, state):
    jack.record("violation.recorded", "jack", at=at(1), policy="civic_integrity")
    jack.record("violation.recorded", "jack", at=at(2), policy="civic_integrity")

    jack.record("violation.recorded", "jack", at=at(3), policy="covid_misinfo")

    assert state("jack", at(0)).strikes == {}
    assert state("jack", at(2)).strikes == {"civic_integrity": 2}
    assert state("jack", at(3)).as_dict()["strikes"] == {
        "civic_integrity": 2,
        "covid_misinfo": 1,
    }


def test_strikes_alone_change_no_status(jack, state):
    for minute in range(1, 11):
        jack.record("violation.recorded", "jack", at=at(minute), policy="abuse")

    after = state("jack", at(10))
    assert after.strikes == {"abuse": 10}
    assert after.status == Status.ACTIVE


def test_a_violation_may_name_one_of_the_accounts_posts(jack, state):
    jack.record("post.published", "jack", at=at(1), post="p1")

    jack.record(
        "violation.recorded",
        "jack",
        at=at(2),
        policy="civic_integrity",
        post="p1",
        severity="high",
    )

    assert state("jack", at(2)).strikes == {"civic_integrity": 1}


def test_a_violation_naming_an_unknown_post_is_rejected(jack, state):
    with pytest.raises(RuleBroken, match=r"no post 'p9'.*rule violation\.post"):
        jack.record("violation.recorded", "jack", at=at(1), policy="x", post="p9")

    assert state("jack", at(1)).strikes == {}
