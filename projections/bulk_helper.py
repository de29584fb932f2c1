"""A second process for a large catch-up, so that it uses two processors.

The catch-up's claim is cut into two shards of about as many events each;
the helper (`python -m projections.bulk_helper`, its task on standard input)
opens the store anew and projects the last shard while the caller projects
the first. A helper that fails or is stopped leaves its shard where it got
to, for the caller's next catch-up to finish.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from domain.application import StandingApplication

SHARDS = 2


@contextmanager
def helping(
    app: StandingApplication, position: int, head: int, batch: int
) -> Iterator[int | None]:
    """Run a helper on the last shard of the catch-up from `position` to
    `head` while the caller projects the first (the shard it yields; None
    where the store cannot be shared: in memory). The helper is waited for,
    or stopped if the caller fails or is interrupted."""
    env = dict(app.env)
    if _in_memory(env.get("SQLITE_DBNAME", "")):
        yield None
        return
    task = json.dumps({"env": env, "position": position, "head": head, "batch": batch})
    command = [sys.executable, "-m", "projections.bulk_helper"]
    quiet = subprocess.DEVNULL  # a failed helper only leaves work for the caller
    helper = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=quiet, stderr=quiet, text=True
    )
    try:
        _send(helper, task)
        yield 0
    except BaseException:
        helper.terminate()
        raise
    finally:
        helper.wait()


def _send(helper: subprocess.Popen[str], task: str) -> None:
    if helper.stdin is not None:
        with helper.stdin:
            helper.stdin.write(task)


def _in_memory(name: str) -> bool:
    return ":memory:" in name or "mode=memory" in name


def main() -> None:
    from projections.bulk import BulkCatchUp
    from projections.sql_view import ViewMovedOn
    from projections.view_stores import open_view

    task = json.load(sys.stdin)
    app = StandingApplication(env=task["env"])
    try:
        bulk = BulkCatchUp(app, open_view(app))
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
