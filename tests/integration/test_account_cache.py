"""The projector's cache hands out each account exactly as it was before an event."""

from __future__ import annotations

from collections.abc import Callable

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections.cache import AccountCache

Record = Callable[..., None]
ALICE = AccountKey.parse("alice")


def publish_three(record: Record) -> None:
    record("account.registered", "alice", 0, holder="Alice")
    for number in range(3):
        record("post.published", "alice", 1 + number, post=f"p{number}")


def stored(app: StandingApplication) -> list[tuple]:
    """Alice's stored events, each as the cache is given it: (id, version, event)."""
    return [
        (ALICE.id, version, event)
        for version, (event, _) in enumerate(app.events_of(ALICE), start=1)
    ]


def test_a_miss_folds_only_the_events_before_the_one_applied(
    app: StandingApplication, record: Record
) -> None:
    publish_three(record)
    third = stored(app)[2]

    account = AccountCache(app).apply(*third)

    assert (account.version, sorted(account.state.posts)) == (3, ["p0", "p1"])


def test_an_account_cached_ahead_of_an_event_is_folded_again_before_it(
    app: StandingApplication, record: Record
) -> None:
    publish_three(record)
    cache = AccountCache(app)
    cache.latest(ALICE.id)
    second = stored(app)[1]

    account = cache.apply(*second)

    assert (account.version, sorted(account.state.posts)) == (2, ["p0"])


def test_an_account_cached_behind_an_event_catches_up_to_just_before_it(
    app: StandingApplication, record: Record
) -> None:
    publish_three(record)
    events = stored(app)
    cache = AccountCache(app)
    cache.apply(*events[0])

    account = cache.apply(*events[3])

    assert (account.version, len(account.state.posts)) == (4, 3)


def test_the_least_recently_used_account_is_dropped_beyond_the_size(
    app: StandingApplication, record: Record
) -> None:
    for handle in ("alice", "bob", "carol"):
        record("account.registered", handle, 0, holder=handle)
    cache = AccountCache(app, size=2)

    for handle in ("alice", "bob", "carol"):
        cache.latest(AccountKey.parse(handle).id)

    assert list(cache._accounts) == [AccountKey.parse(h).id for h in ("bob", "carol")]
