"""A replay writes each event exactly as the library would have written it.

A replay encodes its domain events straight to stored events
(`adapters.codec`); the same events triggered on the `Account` aggregate go
through the library's event objects and its mapper. Every stored event must
be the same: topic, version and state, byte for byte, once both are given
the same recording time.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from eventsourcing.persistence import JSONTranscoder

from standing.application.generating import generate
from standing.application.replay import replay
from standing.application.service import StandingApplication
from standing.cli.commands.demo import scenario_path
from standing.domain.aggregate import Account

RECORDED_AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
# What neither the scenario nor a generated file holds: an unlock, an archive,
# an immediate transfer with an archive, a scheduled one falling due.
OTHER_FACTS = [
    {"type": "account.registered", "at": "2021-03-01T00:00:00Z", "account": "office",
     "holder": "First", "kind": "institutional"},
    {"type": "post.published", "at": "2021-03-01T01:00:00Z", "account": "office",
     "post": "p1", "text": "été ☃"},
    {"type": "account.locked", "at": "2021-03-01T02:00:00Z", "account": "office",
     "reason": "spam", "until": "2021-03-09T00:00:00Z", "require_removal": ["p1"]},
    {"type": "account.unlocked", "at": "2021-03-01T03:00:00Z", "account": "office",
     "note": "appeal", "source": "https://example.org"},
    {"type": "account.transferred", "at": "2021-03-02T00:00:00Z", "account": "office",
     "successor": "Second", "archive_to": "office_first", "id": "handover-1"},
    {"type": "post.published", "at": "2021-03-03T00:00:00Z", "account": "office",
     "post": "p2"},
    {"type": "account.transfer_scheduled", "at": "2021-03-04T00:00:00Z",
     "account": "office", "successor": "Third", "archive_to": "office_second",
     "effective_at": "2021-03-05T12:00:00Z"},
    {"type": "post.removed", "at": "2021-03-06T00:00:00Z", "account": "office_second",
     "post": "p2", "by": "holder"},
    {"type": "account.registered", "at": "2021-03-07T00:00:00Z", "account": "gone",
     "holder": "Someone"},
    {"type": "account.suspended", "at": "2021-03-07T01:00:00Z", "account": "gone",
     "reason": "spam", "duration": "PT0.000001S"},
    {"type": "account.archived", "at": "2021-03-08T00:00:00Z", "account": "gone",
     "custodian": "the platform"},
]  # fmt: skip


def stored_events(app: StandingApplication) -> list:
    return list(app.recorder.select_notifications(start=1, limit=1_000_000))


def at_one_time(app: StandingApplication, event) -> tuple:
    """The stored event as the library's transcoder writes it, recorded at
    `RECORDED_AT`."""
    library = JSONTranscoder()
    app.register_transcodings(library)
    state = library.decode(event.state)
    state["timestamp"] = RECORDED_AT
    return (
        event.originator_id,
        event.originator_version,
        event.topic,
        library.encode(state),
    )


def replayed(path: Path) -> tuple[StandingApplication, list]:
    """The application `path` was replayed into, and the events it stored."""
    app = StandingApplication()
    report = replay(app, [str(path)], None)
    assert report.rejected == 0, report.as_dict()
    return app, stored_events(app)


def through_the_aggregate(app: StandingApplication, stored: list) -> list:
    """The same domain events, triggered on `Account` aggregates and mapped
    by the library's own mapper."""
    accounts: dict = {}
    for row in stored:
        event = app.codec.decode(row.topic, row.state)
        if event is None:  # a claim of a given id: the library's own already
            continue
        if row.originator_version == 1:
            accounts[row.originator_id] = Account.registered(event)
        else:
            accounts[row.originator_id].record(event)
    mapped = [
        app.mapper.to_stored_event(event)
        for account in accounts.values()
        for event in account.collect_events()
    ]
    return sorted(mapped, key=lambda e: (str(e.originator_id), e.originator_version))


def accounts_only(app: StandingApplication, stored: list) -> list:
    kept = [row for row in stored if app.codec.kind(row.topic) is not None]
    return sorted(kept, key=lambda e: (str(e.originator_id), e.originator_version))


def facts_file(tmp_path: Path, name: str, facts: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(fact) + "\n" for fact in facts))
    return path


@pytest.mark.parametrize("source", ["scenario", "generated", "other"])
def test_a_replay_stores_the_bytes_the_librarys_own_events_would_store(
    source, tmp_path
):
    path = {
        "scenario": lambda: scenario_path(),
        "generated": lambda: facts_file(tmp_path, "g.jsonl", generate(3000, 300, 9)),
        "other": lambda: facts_file(tmp_path, "o.jsonl", OTHER_FACTS),
    }[source]()

    app, stored = replayed(path)
    ours = [at_one_time(app, row) for row in accounts_only(app, stored)]
    library = [at_one_time(app, row) for row in through_the_aggregate(app, stored)]

    assert len(ours) > 10
    assert ours == library
