"""The read model in PostgreSQL: the library's tracking recorder, with its own
tracking table, and the view's tables in the store's schema."""

from __future__ import annotations

from typing import Any

from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg.sql import SQL

from standing.projections.sql_view import SQLStandingView
from standing.projections.statements import TRACKING
from standing.projections.view_queries import Row


class PostgresStandingView(SQLStandingView, PostgresTrackingRecorder):
    placeholder = "%s"
    event_id = "notification_id"

    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        if not datastore.single_row_tracking:
            msg = "the standing read model needs single-row tracking"
            raise ValueError(msg)
        super().__init__(datastore, **{**kwargs, "tracking_table_name": TRACKING})
        self.sql_create_statements += [SQL(s) for s in self.view_tables()]  # type: ignore[arg-type]

    def qualified(self, table: str) -> str:
        return f'"{self.datastore.schema}"."{table}"'

    def _select(self, template: str, *params: Any) -> list[Row]:
        """One statement on its own (autocommit: one round trip), prepared."""
        with self.datastore.get_connection() as connection:
            cursor = connection.execute(self._sql(template), params, prepare=True)
            return cursor.fetchall()

    def begin_writes(self, cursor: Any) -> None:
        """Hold the position until commit: serialise the view's writers
        (readers are not blocked)."""
        cursor.execute(f"LOCK TABLE {self.qualified(TRACKING)} IN EXCLUSIVE MODE")
