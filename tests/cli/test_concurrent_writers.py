"""Several writers replaying overlapping files into one store at once."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from standing.application.generating import generate
from tests.cli import handovers
from tests.stores import BACKENDS, fresh_store, schemas_not_there_yet, stored_rows

STANDING = str(Path(sys.executable).with_name("standing"))
WRITERS = 4


def overlapping_files(folder: Path) -> list[Path]:
    """Four files; each account's whole history is in exactly two of them, so
    any order of replaying them gives the same store."""
    by_account: dict[str, list[dict]] = defaultdict(list)
    for record in generate(6000, 600, seed=11):
        by_account[record["account"]].append(record)
    files = [folder / f"writer{k}.jsonl" for k in range(WRITERS)]
    lines: list[list[str]] = [[] for _ in files]
    for index, records in enumerate(by_account.values()):
        for k in (index % WRITERS, (index + 1) % WRITERS):
            lines[k].extend(json.dumps(r) for r in records)
    for path, text in zip(files, lines, strict=True):
        path.write_text("\n".join(text) + "\n")
    return files


def standing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [STANDING, *args], capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_four_writers_at_once_store_every_event_exactly_once(store_url, tmp_path):
    files = overlapping_files(tmp_path)
    writers = [_replaying(f, store_url) for f in files]
    outcomes = [writer.communicate(timeout=600) for writer in writers]
    backend = "postgres" if store_url.startswith("postgresql") else "sqlite"

    (tmp_path / "one-after-another").mkdir()
    with fresh_store(backend, tmp_path / "one-after-another") as sequential:
        for f in files:
            assert standing("replay", str(f), "--db", sequential).returncode == 0
        expected_rows = stored_rows(sequential)
        at = ["--at", "2021-03-01", "--json"]
        expected_accounts = standing("accounts", *at, "--db", sequential).stdout

    assert [w.returncode for w in writers] == [0] * WRITERS, outcomes
    reports = [json.loads(out) for out, _ in outcomes]
    distinct_facts = sum(1 for f in files for _ in f.open()) // 2
    assert sum(r["applied"] for r in reports) == distinct_facts
    assert stored_rows(store_url) == expected_rows
    assert standing("accounts", *at, "--db", store_url).stdout == expected_accounts


HANDOVER_WRITERS, HANDOVER_ROUNDS = 8, 3
OFFICES, TENURES = 160, 4  # each file: about 900 facts, 80 archives


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_eight_writers_of_handovers_at_once_store_what_one_replay_stores(
    backend, tmp_path
):
    files = handovers.overlapping_files(tmp_path, HANDOVER_WRITERS, OFFICES, TENURES)
    with fresh_store(backend, _folder(tmp_path, "clean")) as clean:
        assert standing("replay", *map(str, files), "--db", clean).returncode == 0
        expected = (stored_rows(clean), _accounts(clean))
    distinct_facts = sum(1 for f in files for _ in f.open()) // 2

    outcomes = []
    for round_ in range(HANDOVER_ROUNDS):
        with fresh_store(backend, _folder(tmp_path, f"round{round_}")) as url:
            refused, applied = _all_writing(files, url)
            exact = (stored_rows(url), _accounts(url)) == expected
            outcomes.append((refused, applied, exact))

    assert outcomes == [([], distinct_facts, True)] * HANDOVER_ROUNDS


def _all_writing(files: list[Path], url: str) -> tuple[list[str], int]:
    """What the writers that failed said, and how many facts all applied, when
    one writer a file replays into `url` at once."""
    writers = [_replaying(f, url) for f in files]
    refused, applied = [], 0
    for writer in writers:
        out, err = writer.communicate(timeout=600)
        report = json.loads(out) if out else {}
        applied += report.get("applied", 0)
        if writer.returncode:
            refused.append(f"exit {writer.returncode}: {report.get('errors')} {err}")
    return refused, applied


def _folder(parent: Path, name: str) -> Path:
    folder = parent / name
    folder.mkdir()
    return folder


def _accounts(url: str) -> str:
    """Every account's state, as `standing accounts --json` answers."""
    return standing("accounts", "--at", "2021-01-01", "--json", "--db", url).stdout


@pytest.mark.slow
def test_writers_starting_at_once_on_a_schema_not_there_yet_all_succeed(tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(r) + "\n" for r in generate(20, 5, seed=3)))

    with schemas_not_there_yet(ROUNDS) as (base, schemas):
        urls = [f"{base}?schema={schema}" for schema in schemas]
        outcomes = [_all_at_once(events, url) for url in urls]
        stored = [len(stored_rows(url)) for url in urls]

    codes = [[code for code, _ in racers] for racers in outcomes]
    assert codes == [[0] * RACERS] * ROUNDS, outcomes
    assert len(set(stored)) == 1 and stored[0] > 0


ROUNDS, RACERS = 4, 6


def _all_at_once(events: Path, url: str) -> list[tuple[int, str]]:
    """The exit status and errors of `RACERS` replays of `events` into `url`,
    started together."""
    racers = [_replaying(events, url) for _ in range(RACERS)]
    errors = [racer.communicate(timeout=600)[1] for racer in racers]
    return [
        (racer.returncode, error) for racer, error in zip(racers, errors, strict=True)
    ]


def _replaying(events: Path, url: str) -> subprocess.Popen[str]:
    """`standing replay EVENTS --db URL --json`, started."""
    return subprocess.Popen(
        [STANDING, "replay", str(events), "--db", url, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
