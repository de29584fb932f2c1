"""The read model's tables, written with the tracked position in one transaction.

A concrete view mixes this into the library's tracking recorder for its
database (`sqlite_view`, `postgres_view`): that recorder supplies the
datastore and the tracking statements; this class supplies the tables, from
the portable templates in `statements`, and runs the queries (`view_queries`)
through the datastore.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import Tracking, TrackingRecorder

from standing.projections import statements as sql
from standing.projections.view_queries import Row, ViewQueries

if TYPE_CHECKING:
    from standing.projections.changes import BatchChanges


class ViewMovedOn(Exception):
    """Another process moved the view on while this batch was being projected."""


class SQLStandingView(ViewQueries, TrackingRecorder):
    table_suffix = ""
    # Supplied by the database's own tracking recorder (annotations only, so
    # they do not shadow it in the method resolution order).
    datastore: Any
    _insert_tracking: Callable[[Any, Tracking], None]
    _max_tracking_id: Callable[[str, Any], int | None]

    def view_tables(self) -> list[str]:
        """Drop an earlier layout's tables (`statements.LAYOUT`), create these."""
        earlier = sql.earlier_layouts()
        drops = [f"DROP TABLE IF EXISTS {self.qualified(t)}" for t in earlier]
        create = [sql.CREATE_SEGMENTS + self.table_suffix, sql.CREATE_ACCOUNTS]
        return [*drops, *(self._sql(s) for s in (*create, sql.CREATE_HANDLE_INDEX))]

    def write(
        self, changes: BatchChanges, tracking: Tracking, after: int | None
    ) -> None:
        """Apply a batch and move the position on, or raise `ViewMovedOn`.

        The transaction first takes the write lock (on SQLite, by writing),
        so the position it checks cannot move before it commits.
        """
        with self.datastore.transaction(commit=True) as c:
            self.begin_writes(c)
            c.executemany(self._sql(sql.DELETE_FROM), changes.deletions())
            if self._max_tracking_id(tracking.application_name, c) != after:
                raise ViewMovedOn
            c.executemany(self._sql(sql.CLOSE_AT), changes.closings())
            c.executemany(self._sql(sql.INSERT_SEGMENT), changes.insertions())
            c.executemany(
                self._sql(sql.INSERT_ACCOUNT), list(changes.accounts.values())
            )
            self._insert_tracking(c, tracking)

    def begin_writes(self, cursor: Any) -> None:
        """Ready a transaction for the view's writes, first thing in it: hold
        the position until commit (on SQLite the first write does that)."""

    def reset(self, application_name: str) -> None:
        """Drop the tables and the position, and create empty tables, at once."""
        with self.datastore.transaction(commit=True) as c:
            self.begin_writes(c)
            for statement in (*map(self._sql, sql.DROP_TABLES), *self.view_tables()):
                c.execute(statement)
            c.execute(self._sql(sql.FORGET_POSITION), (application_name,))

    def _select(self, template: str, *params: Any) -> list[Row]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(self._sql(template), params)
            return list(c.fetchall())
