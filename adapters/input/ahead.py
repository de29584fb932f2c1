"""Records read in a second process, ahead of the replay that applies them.

Reading a record (validating it, digesting its content) costs about as much
as checking it against the rules and writing it away; on two processors the
two can overlap. `read_ahead` starts a reader (`python -m cli.input.ahead`,
its task on standard input) that runs `read_facts` and sends back every item
in file order, a batch at a time, as plain tuples: they pickle ten times
faster than the dataclasses they become again here.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from typing import IO, Any
from zoneinfo import ZoneInfo

from standing.adapters.input.errors import InputError
from standing.adapters.input.files import opened
from standing.adapters.input.items import Parsed, Problem
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import AccountKey

BATCH = 2000  # items a message carries
PARSED, PROBLEM, FAILED, UNREADABLE = "f", "p", "x", "u"
STDOUT = 1

Item = Parsed | Problem


def read_ahead(paths: list[str], tz: ZoneInfo | None) -> Iterator[Item]:
    """What `read_facts(paths, tz)` yields, read by another process. The
    reader is stopped when the caller stops early."""
    with ExitStack() as files:
        # opened here, as named here: to the reader, /dev/stdin or /dev/fd/3
        # would be other files, or none
        fds = [files.enter_context(opened(path)).fileno() for path in paths]
        yield from _read_by_another(paths, fds, tz)


def _read_by_another(
    paths: list[str], fds: list[int], tz: ZoneInfo | None
) -> Iterator[Item]:
    task = json.dumps({"paths": paths, "fds": fds, "tz": tz.key if tz else None})
    reader = subprocess.Popen(
        [
            sys.executable,
            "-P",
            "-m",
            "standing.adapters.input.ahead",
        ],  # -P: not the cwd first
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # what goes wrong comes back through stdout
        pass_fds=fds,
        # Ctrl-C reaches the replay alone, which stops the reader; a reader
        # stopped by it too could cut a message short, and the replay would
        # report that rather than the interruption
        process_group=0,
    )
    stdin, stdout = reader.stdin, reader.stdout
    try:
        if stdin is None or stdout is None:  # pragma: no cover - both are pipes
            raise RuntimeError("the reader has no pipes")
        with stdin:
            stdin.write(task.encode())
        yield from _received(stdout)
    finally:
        reader.kill()
        reader.wait()
        if stdout is not None:
            stdout.close()


def _received(stream: IO[bytes]) -> Iterator[Item]:
    while True:
        try:
            batch = pickle.load(stream)
        except EOFError:
            msg = "the reader stopped before the end of the input"
            raise RuntimeError(msg) from None
        if batch is None:
            return
        for sent in batch:
            yield decoded(sent)


def decoded(sent: tuple[Any, ...]) -> Item:
    """The item `encoded` gave `sent` for."""
    if sent[0] == PARSED:
        _, file, line, kind, platform, handle, at, ref, fields, recorded = sent
        fact = Fact(kind, AccountKey(platform, handle), at, FactRef(*ref), fields)
        return Parsed(file, line, fact, recorded)
    if sent[0] == PROBLEM:
        return Problem(*sent[1:])
    if sent[0] == UNREADABLE:  # a file gone since the replay checked it
        raise InputError(sent[1])
    raise RuntimeError(f"the reader failed: {sent[1]}")


def encoded(item: Item) -> tuple[Any, ...]:
    """`item` as a plain tuple, quick to pickle."""
    if isinstance(item, Problem):
        return (PROBLEM, item.file, item.line, item.id, item.message, item.ends_file)
    fact, ref = item.fact, item.fact.ref
    key = fact.key
    parts = (ref.id, ref.digest, ref.note, ref.source)
    return (
        PARSED,
        item.file,
        item.line,
        fact.type,
        key.platform,
        key.handle,
        fact.at,
        parts,
        fact.fields,
        item.recorded_at,
    )


def _batches(items: Iterable[Item]) -> Iterator[list[tuple[Any, ...]]]:
    iterator = iter(items)
    while batch := [encoded(item) for item in islice(iterator, BATCH)]:
        yield batch


def main() -> None:
    from standing.adapters.input.reading import (
        read_facts,  # the record models: here only
    )

    task = json.load(sys.stdin)
    tz = ZoneInfo(task["tz"]) if task["tz"] else None
    try:
        for batch in _batches(read_facts(task["paths"], tz, fds=task["fds"])):
            _send(batch)
    except InputError as error:
        _send([(UNREADABLE, str(error))])
        raise SystemExit(1) from None
    except Exception as error:  # the replay reports it; nothing is stored
        _send([(FAILED, f"{type(error).__name__}: {error}")])
        raise SystemExit(1) from None
    except KeyboardInterrupt:  # SIGINT sent to the reader itself
        raise SystemExit(1) from None
    _send(None)


def _send(message: list[tuple[Any, ...]] | None) -> None:
    """One message, whole, to standard output: written with `os.write` until
    every byte is taken, not through `sys.stdout.buffer`, whose writer loses
    or repeats bytes when the process is stopped and continued (Ctrl-Z, then
    `fg`) in the middle of a write to a full pipe."""
    data = memoryview(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
    while data:
        data = data[os.write(STDOUT, data) :]


if __name__ == "__main__":
    main()
