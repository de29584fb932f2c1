"""A second process for a large catch-up, so that it uses two processors.

The catch-up's claim is cut into two shards of about as many events each;
the helper (`python -P -m projections.bulk_helper`) projects the last shard
while the caller projects the first. It is started before the caller has
its task ready (a rebuild first empties the read model), so that its own
start-up, imports and store included, runs meanwhile: standard input gives
it the store first, then the task, or nothing when no help is needed after
all. A helper that fails or is stopped leaves its shard where it got to,
for the caller to finish; one that is gone before its task is sent is no
help at all, and the caller does every shard.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from standing.adapters.event_store import EventStore

SHARDS = 2
# -P: not the working directory first on the module path, where a folder named
# as one of standing's packages would be imported (and run) in its place
COMMAND = (sys.executable, "-P", "-m", "standing.projections.bulk_helper")


class Helper:
    """A started helper, waiting for its task."""

    def __init__(self, process: subprocess.Popen[str], stdin: TextIO) -> None:
        self.process = process
        self._stdin = stdin

    def start(self, position: int, head: int, batch: int) -> int | None:
        """Hand the helper the catch-up from `position` to `head`; return the
        shard left to the caller, or None (every shard) if the helper is gone."""
        task = {"position": position, "head": head, "batch": batch}
        try:
            with self._stdin:
                self._stdin.write(json.dumps(task) + "\n")
        except OSError:  # it failed on the way up: no help
            return None
        return 0

    def wait(self) -> None:
        """Wait for the helper, given its task, to end."""
        self.process.wait()


@contextmanager
def helping(
    app: EventStore, command: Sequence[str] | None = None
) -> Iterator[Helper | None]:
    """A helper on `app`'s store (None where the store cannot be shared: in
    memory), waited for on the way out, or stopped if the caller fails or is
    interrupted. One never given a task ends as soon as it is told so.
    `command` starts another program in its place (tests)."""
    env = dict(app.env)
    if _in_memory(env.get("SQLITE_DBNAME", "")):
        yield None
        return
    quiet = subprocess.DEVNULL  # a failed helper only leaves work for the caller
    process = subprocess.Popen(
        command or COMMAND, stdin=subprocess.PIPE, stdout=quiet, stderr=quiet, text=True
    )
    stdin = process.stdin
    try:
        if stdin is None:  # pragma: no cover - asked for a pipe
            raise RuntimeError("the helper has no standard input")
        yield Helper(process, stdin) if _sent(stdin, json.dumps(env)) else None
    except BaseException:
        process.terminate()
        raise
    finally:
        with contextlib.suppress(OSError):  # a helper that failed has gone
            if stdin is not None:
                stdin.close()
        process.wait()


def _sent(stdin: TextIO, line: str) -> bool:
    try:
        stdin.write(line + "\n")
        stdin.flush()
    except OSError:  # it failed on the way up
        return False
    return True


def _in_memory(name: str) -> bool:
    return ":memory:" in name or "mode=memory" in name


def main() -> None:
    from standing.projections.bulk import BulkCatchUp
    from standing.projections.sql_view import ViewMovedOn
    from standing.projections.view_stores import open_view

    app = EventStore(env=json.loads(sys.stdin.readline()))
    try:
        bulk = BulkCatchUp(app, open_view(app))
        line = sys.stdin.readline()
        if not line.strip():
            return  # no help needed after all
        task = json.loads(line)
        with contextlib.suppress(ViewMovedOn):
            bulk.run(
                task["position"],
                task["head"],
                task["batch"],
                shards=SHARDS,
                only=SHARDS - 1,
            )
    finally:
        app.close()


if __name__ == "__main__":
    main()
