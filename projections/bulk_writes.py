"""What a bulk catch-up writes: its claim, its chunks, and the reset before a rebuild.

A bulk catch-up brings every account with events after the tracked position
up to a fixed head, account by account, committing a chunk at a time; only
its last chunk moves the tracked position to the head. Until then the
accounts done are ahead of the position, which is safe: catching up from the
position again rewrites each of them from its first later event on, to the
same rows. What must not happen is two catch-ups leaving accounts at
different heads, so a bulk catch-up works under a claim: the position it
started from, its head, and, for each shard (a range of accounts, so that
processes can share the work), how far it got. Every chunk checks and moves
its shard's row on in the chunk's own transaction. A process that finds a
claim from the current position joins it rather than start anew; a chunk
that loses a race is refused (`ViewMovedOn`) and its work done again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from eventsourcing.persistence import Tracking

from standing.adapters.creation import created
from standing.projections import statements as sql
from standing.projections.changes import BatchChanges
from standing.projections.segments import SEGMENT_COLUMNS
from standing.projections.sql_view import SQLStandingView, ViewMovedOn

FINISHED = "~"  # sorts after every hex id: the shard is done
CREATE = (
    "CREATE TABLE IF NOT EXISTS {bulk} (application_name TEXT, shard INTEGER, "
    "position BIGINT NOT NULL, head BIGINT NOT NULL, first TEXT NOT NULL, "
    "done TEXT NOT NULL, version BIGINT NOT NULL, "
    "PRIMARY KEY (application_name, shard))"
)
FORGET = "DELETE FROM {bulk} WHERE application_name=?"
FORGET_OTHER = FORGET + " AND position<>?"
SELECT = (
    "SELECT shard, position, head, first, done, version FROM {bulk} "
    "WHERE application_name=? ORDER BY shard"
)
UNDER_WAY = (
    "SELECT shard, position, head, first, done, version FROM {bulk} "
    "WHERE application_name=? AND position=? ORDER BY shard"
)
START = "INSERT INTO {bulk} VALUES (?, ?, ?, ?, ?, ?, ?)"
MOVE_ON = (
    "UPDATE {bulk} SET done=?, version=? WHERE application_name=? AND shard=? "
    "AND position=? AND head=? AND done=? AND version=?"
)
PROGRESSED = (
    "SELECT COUNT(*) AS progressed FROM {bulk} WHERE application_name=? AND done<>''"
)
UNFINISHED = (
    "SELECT COUNT(*) AS unfinished FROM {bulk} "
    f"WHERE application_name=? AND done<>'{FINISHED}'"
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One shard of a catch-up from `position` to `head`: the accounts from
    `first` (a hex id) to the next shard's, done up to `version` of `done`
    ("" before the first account; `FINISHED` once all are)."""

    shard: int
    position: int
    head: int
    first: str
    done: str = ""
    version: int = 0

    @property
    def finished(self) -> bool:
        return self.done == FINISHED


class BulkWrites:
    def __init__(self, view: SQLStandingView, name: str) -> None:
        self._view = view
        self._name = name
        self._created = False

    def claim(self, position: int, head: int, firsts: Sequence[str]) -> list[Claim]:
        """The claim to catch up from `position`: the one under way from there,
        else a new one to `head`, a shard from each of `firsts` (hex ids, the
        first ""). `ViewMovedOn` if the position moved."""
        self._create()
        with self._view.datastore.transaction(commit=True) as c:
            self._view.begin_writes(c)
            c.execute(self._sql(FORGET_OTHER), (self._name, position))  # a write
            if self._position(c) != position:
                raise ViewMovedOn
            c.execute(self._sql(SELECT), (self._name,))
            claims = [_claim(row) for row in c.fetchall()]
            if claims:
                return claims
            claims = [Claim(s, position, head, f) for s, f in enumerate(firsts)]
            c.executemany(self._sql(START), [_row(self._name, k) for k in claims])
            return claims

    def under_way(self, position: int) -> list[Claim]:
        """The claim of a catch-up under way from `position`, if any."""
        self._create()
        with self._view.datastore.transaction(commit=False) as c:
            c.execute(self._sql(UNDER_WAY), (self._name, position))
            return [_claim(row) for row in c.fetchall()]

    def write(
        self, claim: Claim, done: tuple[str, int], changes: BatchChanges
    ) -> Claim:
        """Commit a chunk of the shard, whose last rewrite is of `done`
        (account, version). The chunk that finishes the last shard moves the
        tracked position to the head and forgets the claim. `ViewMovedOn` if
        the shard's row or the position moved since."""
        matches = (claim.shard, claim.position, claim.head, claim.done, claim.version)
        with self._view.datastore.transaction(commit=True) as c:
            self._view.begin_writes(c)  # SQLite: the first write takes it
            c.execute(self._sql(MOVE_ON), (*done, self._name, *matches))
            claimed = getattr(c, "sqlite_cursor", c).rowcount == 1
            if not claimed or self._position(c) != claim.position:
                raise ViewMovedOn
            self._rows(c, changes)
            if done[0] == FINISHED and self._all_finished(c):
                self._view._insert_tracking(c, Tracking(self._name, claim.head))
                c.execute(self._sql(FORGET), (self._name,))
        return replace(claim, done=done[0], version=done[1])

    def progressed(self) -> bool:
        """Whether a catch-up under way has committed rows of some shard."""
        self._create()
        with self._view.datastore.transaction(commit=False) as c:
            c.execute(self._sql(PROGRESSED), (self._name,))
            return c.fetchone()["progressed"] > 0  # type: ignore[no-any-return]

    def reset(self) -> None:
        """Drop the tables, the position and any claim, and create empty
        tables, at once."""
        view = self._view
        self._create()
        with view.datastore.transaction(commit=True) as c:
            view.begin_writes(c)
            c.execute(self._sql(FORGET), (self._name,))
            for statement in (*map(view._sql, sql.DROP_TABLES), *view.view_tables()):
                c.execute(statement)
            c.execute(view._sql(sql.FORGET_POSITION), (self._name,))

    def _create(self) -> None:
        """The claim's table, in a transaction of its own: on SQLite a
        transaction must write first to be sure of taking the lock."""
        if not self._created:

            def create() -> None:
                with self._view.datastore.transaction(commit=True) as c:
                    c.execute(self._sql(CREATE))

            created(create)
            self._created = True

    def _position(self, c: Any) -> int:
        return self._view._max_tracking_id(self._name, c) or 0

    def _all_finished(self, c: Any) -> bool:
        c.execute(self._sql(UNFINISHED), (self._name,))
        return c.fetchone()["unfinished"] == 0  # type: ignore[no-any-return]

    def _rows(self, c: Any, changes: BatchChanges) -> None:
        sql_of = self._view._sql
        c.executemany(sql_of(sql.DELETE_FROM), changes.deletions())
        c.executemany(sql_of(sql.CLOSE_AT), changes.closings())
        if hasattr(c, "copy"):  # PostgreSQL: COPY is several times faster
            self._copy_segments(c, changes.insertions())
        else:
            c.executemany(sql_of(sql.INSERT_SEGMENT), changes.insertions())
        c.executemany(sql_of(sql.INSERT_ACCOUNT), list(changes.accounts.values()))

    def _copy_segments(self, c: Any, segments: list[tuple[Any, ...]]) -> None:
        table = self._view.qualified(sql.SEGMENTS)
        columns = ", ".join(SEGMENT_COLUMNS)
        with c.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for segment in segments:
                copy.write_row(segment)

    def _sql(self, template: str) -> str:
        bulk = self._view.qualified(sql.BULK)
        return template.format(bulk=bulk).replace("?", self._view.placeholder)


def _claim(row: Any) -> Claim:
    names = ("shard", "position", "head", "first", "done", "version")
    return Claim(*(row[name] for name in names))


def _row(name: str, claim: Claim) -> tuple[Any, ...]:
    first, done = claim.first, claim.done
    return (name, claim.shard, claim.position, claim.head, first, done, claim.version)
