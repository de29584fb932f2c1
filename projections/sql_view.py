"""The read model's tables, written with the tracked position in one transaction.

A concrete view mixes this into the library's tracking recorder for its
database (`sqlite_view`, `postgres_view`): that recorder supplies the
datastore and the tracking statements; this class supplies the tables and
the queries, from the portable templates in `statements`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from eventsourcing.persistence import Tracking, TrackingRecorder

from projections import statements as sql
from projections.changes import BatchChanges

Row = Mapping[str, Any]


class ViewMovedOn(Exception):
    """Another process moved the view on while this batch was being projected."""


class SQLStandingView(TrackingRecorder):
    placeholder = "?"
    table_suffix = ""
    # Supplied by the database's own tracking recorder (annotations only, so
    # they do not shadow it in the method resolution order).
    datastore: Any
    _insert_tracking: Callable[[Any, Tracking], None]
    _max_tracking_id: Callable[[str, Any], int | None]

    def qualified(self, table: str) -> str:
        return table

    def view_tables(self) -> list[str]:
        create = [sql.CREATE_SEGMENTS + self.table_suffix, sql.CREATE_ACCOUNTS]
        return [self._sql(s) for s in (*create, sql.CREATE_HANDLE_INDEX)]

    def write(
        self, changes: BatchChanges, tracking: Tracking, after: int | None
    ) -> None:
        """Apply a batch and move the position on, or raise `ViewMovedOn`.

        The transaction first takes the write lock (on SQLite, by writing),
        so the position it checks cannot move before it commits.
        """
        with self.datastore.transaction(commit=True) as c:
            self.lock_position(c)
            c.executemany(self._sql(sql.DELETE_FROM), changes.deletions())
            if self._max_tracking_id(tracking.application_name, c) != after:
                raise ViewMovedOn
            c.executemany(self._sql(sql.CLOSE_AT), changes.closings())
            c.executemany(self._sql(sql.INSERT_SEGMENT), changes.insertions())
            c.executemany(
                self._sql(sql.INSERT_ACCOUNT), list(changes.accounts.values())
            )
            self._insert_tracking(c, tracking)

    def lock_position(self, cursor: Any) -> None:
        """Hold the position until commit (SQLite: the first write does it)."""

    def reset(self, application_name: str) -> None:
        """Drop the tables and the position, and create empty tables, at once."""
        with self.datastore.transaction(commit=True) as c:
            self.lock_position(c)
            for statement in (*map(self._sql, sql.DROP_TABLES), *self.view_tables()):
                c.execute(statement)
            c.execute(self._sql(sql.FORGET_POSITION), (application_name,))

    def account(self, account_id: str) -> Row | None:
        rows = self._select(sql.ACCOUNT, account_id)
        return rows[0] if rows else None

    def segment_at(self, account_id: str, at: int) -> Row | None:
        rows = self._select(sql.SEGMENT_AT, account_id, at)
        if rows and (rows[0]["to_at"] is None or rows[0]["to_at"] > at):
            return rows[0]
        return None

    def segments_at(
        self, at: int, status: str | None, platform: str | None
    ) -> list[Row]:
        query, params = sql.SEGMENTS_AT, [at, at]
        for column, value in (("s.status", status), ("a.platform", platform)):
            if value is not None:
                query, params = f"{query} AND {column}=?", [*params, value]
        return self._select(f"{query} ORDER BY a.platform, a.folded", *params)

    def segments_of(self, account_id: str) -> list[Row]:
        return self._select(sql.SEGMENTS_OF, account_id)

    def has_segments(self, account_id: str) -> bool:
        return bool(self._select(sql.ANY_SEGMENT, account_id))

    def handles(self, platform: str) -> list[Row]:
        return self._select(sql.HANDLES, platform)

    def dump(self) -> list[tuple[Any, ...]]:
        """Every row of the read model, in a fixed order (to compare two builds)."""
        rows = self._select(sql.ALL_ACCOUNTS) + self._select(sql.ALL_SEGMENTS)
        return [tuple(row[key] for key in row.keys()) for row in rows]  # noqa: SIM118

    def _select(self, template: str, *params: Any) -> list[Row]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(self._sql(template), params)
            return list(c.fetchall())

    def _sql(self, template: str) -> str:
        tables = {"segments": sql.SEGMENTS, "accounts": sql.ACCOUNTS}
        names = {k: self.qualified(v) for k, v in tables.items()}
        names["tracking"] = self.qualified(sql.TRACKING)
        return template.format(**names).replace("?", self.placeholder)
