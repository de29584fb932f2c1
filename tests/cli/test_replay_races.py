"""A replay that loses a race to another writer checks again and completes."""

from __future__ import annotations

import json

from cli import replaying
from cli.replaying import replay
from cli.store import open_store
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
