"""Records read by a second process are the records read here, in order."""

import contextlib
import json
import os
import signal
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from standing.adapters.input import InputError, read_facts
from standing.adapters.input.ahead import read_ahead
from standing.application import ordering
from standing.application.generating import generate
from standing.application.replay import replay
from standing.application.service import StandingApplication

BROKEN = [
    '{"type":"post.published","at":"2021-01-08T10:00:00","account":"jack","post":"p"}',
    "not json",
    '{"type":"account.locked","at":"2021-01-08T10:00:00Z","account":"jack"}',
    "# a comment",
    "",
]


def lines_file(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("tz", [None, ZoneInfo("America/New_York")])
def test_a_second_process_reads_every_record_and_problem_as_they_are_read_here(
    tmp_path, tz
):
    generated = [json.dumps(data) for data in generate(3000, 300, seed=3)]
    paths = [
        lines_file(tmp_path, "a.jsonl", generated[:1500] + BROKEN),
        lines_file(tmp_path, "b.json", ["[", ",".join(generated[1500:]), "]"]),
    ]

    ahead = list(read_ahead(paths, tz))

    assert len(ahead) == 3000 + 3
    assert ahead == list(read_facts(paths, tz))


def test_a_file_gone_before_the_second_process_reads_it_is_a_usage_error(tmp_path):
    missing = str(tmp_path / "missing.jsonl")

    with pytest.raises(InputError, match=f"cannot read {missing}: No such file"):
        list(read_ahead([missing], None))


def test_a_file_named_by_a_descriptor_of_this_process_is_read_ahead_as_here(
    tmp_path,
):
    generated = [json.dumps(data) for data in generate(300, 30, seed=6)]
    fd = os.open(lines_file(tmp_path, "a.jsonl", generated), os.O_RDONLY)
    try:  # what /dev/stdin or <(...) name: another process has other ones
        ahead = list(read_ahead([f"/dev/fd/{fd}"], None))
        here = list(read_facts([f"/dev/fd/{fd}"], None))
    finally:
        os.close(fd)

    assert len(here) == 300
    assert ahead == here


def test_a_large_replay_reads_ahead_and_stores_what_a_small_one_stores(
    tmp_path, monkeypatch
):
    generated = [json.dumps(data) for data in generate(2000, 200, seed=4)]
    path = lines_file(tmp_path, "a.jsonl", [*generated, *BROKEN])
    here, ahead = StandingApplication(), StandingApplication()
    read_here = replay(here, [path], None, skip_invalid=True)

    monkeypatch.setattr(ordering, "AHEAD_BYTES", 0)
    read_ahead_report = replay(ahead, [path], None, skip_invalid=True)

    assert read_ahead_report.as_dict() == read_here.as_dict()
    assert read_ahead_report.rejected == 3
    assert stored(ahead) == stored(here)


def stored(app):
    events = app.recorder.select_notifications(start=1, limit=100_000)
    return [(e.originator_id, e.originator_version, e.topic) for e in events]


def _reader_of(parent: int) -> int:
    """The pid of `parent`'s reader process."""
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines()
            )
            cmdline = (status.parent / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if (
            int(fields["PPid"]) == parent
            and b"standing.adapters.input.ahead" in cmdline
        ):
            return int(status.parent.name)
    raise LookupError("no reader process")


@pytest.mark.slow
@pytest.mark.skipif(
    not (Path("/proc/self/status").exists() and hasattr(os, "pidfd_open")),
    reason="needs /proc and pidfd_open (Linux)",
)
def test_a_reader_stopped_and_continued_again_and_again_loses_no_record(tmp_path):
    generated = [json.dumps(data) for data in generate(20_000, 2000, seed=5)]
    path = lines_file(tmp_path, "a.jsonl", generated)
    done = threading.Event()

    def stop_and_continue(reader: int) -> None:  # Ctrl-Z, then fg, many times
        with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
            while not done.is_set():
                signal.pidfd_send_signal(reader, signal.SIGSTOP)
                time.sleep(0.002)
                signal.pidfd_send_signal(reader, signal.SIGCONT)
                time.sleep(0.003)

    items = read_ahead([path], None)
    received = [next(items)]
    reader = os.pidfd_open(_reader_of(os.getpid()))  # never another process
    stopper = threading.Thread(target=stop_and_continue, args=(reader,))
    stopper.start()
    try:
        for item in items:
            received.append(item)
            if len(received) % 500 == 0:
                time.sleep(0.005)  # the reader fills the pipe meanwhile
    finally:
        done.set()
        stopper.join()
        os.close(reader)

    assert received == list(read_facts([path], None))
