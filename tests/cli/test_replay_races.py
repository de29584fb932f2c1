"""A replay that loses a race to another writer checks again and completes."""

from __future__ import annotations

import json
from collections.abc import Callable

from standing.adapters.event_store import EventStore
from standing.adapters.opening import open_store
from standing.application import replay as replaying
from standing.application.replay import Destination, replay
from standing.application.service import StandingApplication
from standing.application.session import Session
from standing.domain.identity import AccountKey
from tests.cli.records import event, registered
from tests.stores import stored_rows


def test_a_replay_that_loses_a_race_stores_only_what_is_new(
    store_url, events_file, monkeypatch
):
    ours = events_file(
        registered("jack"),
        event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
        event("post.published", "jack", "2021-01-03T00:00:00Z", post="p2"),
    )
    theirs = events_file(registered("jack"))
    rival = open_store(store_url)
    original_store = replaying._store
    raced = []

    def store_after_the_rival(*args, **kwargs):
        if not raced:
            raced.append("under way")
            raced[0] = replay(rival, [str(theirs)], None)
        return original_store(*args, **kwargs)

    monkeypatch.setattr(replaying, "_store", store_after_the_rival)

    report = replay(open_store(store_url), [str(ours)], None)

    assert raced[0].applied == 1
    assert (report.applied, report.duplicates, report.rejected) == (2, 1, 0)
    assert len(stored_rows(store_url)) == 3


def test_a_second_replay_of_the_same_file_is_all_duplicates(standing, events_file):
    path = events_file(registered("jack"))
    standing("replay", str(path))

    result = standing("replay", str(path), "--json")

    assert json.loads(result.stdout)["duplicates"] == 1


def test_a_replay_rejected_after_a_lost_race_counts_what_it_stored_as_applied(
    store_url, events_file, monkeypatch
):
    ours = events_file(registered("amy"), registered("jack", holder="Jack"))
    theirs = events_file(registered("jack", holder="Someone else"))
    rival, app = open_store(store_url), open_store(store_url)
    monkeypatch.setattr(replaying, "BATCH_FACTS", 1)  # one commit a fact
    monkeypatch.setattr(EventStore, "largest_commit", 1)
    original_insert, inserts = app.insert, []

    def insert_after_the_rival(events):
        inserts.append(events)
        if len(inserts) == 2:  # amy is stored; jack is next
            replay(rival, [str(theirs)], None)
        original_insert(events)

    monkeypatch.setattr(app, "insert", insert_after_the_rival)

    report = replay(app, [str(ours)], None)

    assert (report.applied, report.duplicates, report.rejected) == (1, 0, 1)
    assert "already registered" in report.problems[0].message


def test_a_replay_into_a_new_store_that_loses_a_race_checks_again_against_it(
    store_url, events_file, monkeypatch
):
    ours = events_file(
        registered("jack"),
        event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
    )
    theirs = events_file(registered("jack"))
    new_store = Destination(lambda: open_store(store_url))
    original_store, raced = replaying._store, []

    def store_after_the_rival(*args, **kwargs):
        if not raced:
            raced.append("under way")
            raced[0] = replay(open_store(store_url), [str(theirs)], None)
        return original_store(*args, **kwargs)

    monkeypatch.setattr(replaying, "_store", store_after_the_rival)

    report = replay(open_store(":memory:"), [str(ours)], None, into=new_store)

    assert raced[0].applied == 1
    assert (report.applied, report.duplicates, report.rejected) == (1, 1, 0)
    assert len(stored_rows(store_url)) == 2


OFFICE = registered("office", holder="First holder", kind="institutional")
HANDED_OVER = event(
    "account.transferred",
    "office",
    "2021-01-03T00:00:00Z",
    successor="Second holder",
    archive_to="office_t1",
)
SCHEDULED = event(
    "account.transfer_scheduled",
    "office",
    "2021-01-03T00:00:00Z",
    successor="Second holder",
    effective_at="2021-01-04T00:00:00Z",
    archive_to="office_t1",
)
POSTED = event("post.published", "office", "2021-01-02T00:00:00Z", post="p1")


def rival_first(monkeypatch, fact_type: str, rival: Callable[[], object]) -> None:
    """The rival replay runs to its end just before this one checks its
    first fact of `fact_type`."""
    original, raced = Session.apply, []

    def apply(session, fact):
        if fact.type == fact_type and not raced:
            raced.append("under way")  # the rival's own facts go straight on
            rival()
        return original(session, fact)

    monkeypatch.setattr(Session, "apply", apply)


def test_a_replay_that_loses_a_race_to_the_same_transfer_refuses_nothing(
    store_url, events_file, monkeypatch
):
    replay(open_store(store_url), [str(events_file(registered("amy")))], None)
    both = events_file(OFFICE, POSTED, HANDED_OVER)
    rival = open_store(store_url)
    rival_first(
        monkeypatch, HANDED_OVER["type"], lambda: replay(rival, [str(both)], None)
    )

    report = replay(open_store(store_url), [str(both)], None)

    assert (report.applied, report.duplicates, report.problems) == (0, 3, [])
    assert open_store(store_url).account(AccountKey.parse("office_t1")) is not None


def test_a_replay_whose_archive_appears_with_its_transfer_meanwhile_checks_again(
    store_url, events_file, monkeypatch
):
    replay(open_store(store_url), [str(events_file(OFFICE, POSTED))], None)
    removed = event("post.removed", "office_t1", "2021-01-05T00:00:00Z", post="p1")
    ours = events_file(OFFICE, removed)
    theirs = events_file(SCHEDULED)
    rival = open_store(store_url)
    rival_first(monkeypatch, "post.removed", lambda: replay(rival, [str(theirs)], None))

    report = replay(open_store(store_url), [str(ours)], None)

    assert (report.applied, report.duplicates, report.problems) == (1, 1, [])
    archive = open_store(store_url, kind=StandingApplication).standing(
        AccountKey.parse("office_t1")
    )
    assert (archive.status.value, archive.posts) == ("archived", 0)
