"""A second process for a large catch-up, so that it uses two processors.

The catch-up's claim is cut into two shards of about as many events each;
the helper (`python -m projections.bulk_helper`) projects the last shard
while the caller projects the first. It is started before the caller has
its task ready (a rebuild first empties the read model), so that its own
start-up, imports and store included, runs meanwhile: standing input gives
it the store first, then the task, or nothing when no help is needed after
all. A helper that fails or is stopped leaves its shard where it got to,
for the caller's next catch-up to finish.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from domain.application import StandingApplication

SHARDS = 2


class Helper:
    """A started helper, waiting for its task."""

    def __init__(self, stdin: TextIO) -> None:
        self._stdin = stdin

    def start(self, position: int, head: int, batch: int) -> int:
        """Hand the helper the catch-up from `position` to `head`; return the
        shard left to the caller."""
        task = {"position": position, "head": head, "batch": batch}
        with self._stdin:
            self._stdin.write(json.dumps(task) + "\n")
        return 0


@contextmanager
def helping(app: StandingApplication) -> Iterator[Helper | None]:
    """A helper on `app`'s store (None where the store cannot be shared: in
    memory), waited for on the way out, or stopped if the caller fails or is
    interrupted. One never given a task ends as soon as it is told so."""
    env = dict(app.env)
    if _in_memory(env.get("SQLITE_DBNAME", "")):
        yield None
        return
    command = [sys.executable, "-m", "projections.bulk_helper"]
    quiet = subprocess.DEVNULL  # a failed helper only leaves work for the caller
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=quiet, stderr=quiet, text=True
    )
    stdin = process.stdin
    try:
        if stdin is None:
            raise RuntimeError("the helper has no standard input")
        stdin.write(json.dumps(env) + "\n")
        stdin.flush()
        yield Helper(stdin)
    except BaseException:
        process.terminate()
        raise
    finally:
        with contextlib.suppress(OSError):  # a helper that failed has gone
            if stdin is not None:
                stdin.close()
        process.wait()


def _in_memory(name: str) -> bool:
    return ":memory:" in name or "mode=memory" in name


def main() -> None:
    from projections.bulk import BulkCatchUp
    from projections.sql_view import ViewMovedOn
    from projections.view_stores import open_view

    app = StandingApplication(env=json.loads(sys.stdin.readline()))
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
