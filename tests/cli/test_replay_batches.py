"""A replay stores every account a fact changes, however it is cut into
batches: a transfer's archive with the transfer, an archive's source with the
archive (an account handed over twice in one batch once kept only its last
archive)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from standing.adapters.event_store import EventStore
from standing.adapters.opening import open_store
from standing.application import replay as replaying
from standing.application.generating import generate
from standing.domain.identity import AccountKey
from tests.cli.handovers import office_history
from tests.stores import BACKENDS, fresh_store, stored_rows


def generated(path: Path, seed: int) -> Path:
    """A generated file with offices handed over again and again among it."""
    records = list(generate(2000, 100, seed))
    records += [fact for office in range(4) for fact in office_history(office, 4)]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def archives_named(path: Path) -> set[str]:
    records = (json.loads(line) for line in path.read_text().splitlines())
    return {r["archive_to"] for r in records if r.get("archive_to")}


@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_replay_in_one_batch_stores_what_a_replay_fact_by_fact_stores(
    backend, seed, tmp_path, monkeypatch
):
    events = generated(tmp_path / "events.jsonl", seed)
    assert archives_named(events), "the file should hold handovers with archives"
    (tmp_path / "whole").mkdir()
    (tmp_path / "by-fact").mkdir()
    with (
        fresh_store(backend, tmp_path / "whole") as whole,
        fresh_store(backend, tmp_path / "by-fact") as by_fact,
    ):
        one = open_store(whole)
        assert replaying.replay(one, [str(events)], None).rejected == 0
        with monkeypatch.context() as patched:
            patched.setattr(replaying, "BATCH_FACTS", 1)
            patched.setattr(EventStore, "largest_commit", 1)
            other = open_store(by_fact)
            assert replaying.replay(other, [str(events)], None).rejected == 0

        assert stored_rows(whole) == stored_rows(by_fact)
        for handle in archives_named(events):
            assert one.fold(AccountKey.parse(handle), _far_future()) is not None
        one.close()
        other.close()


def _far_future():
    from datetime import UTC, datetime

    return datetime(8000, 1, 1, tzinfo=UTC)
