"""The read model in SQLite: the library's tracking recorder, with its own table.

The library's SQLite tracking table is always named `tracking`; this view
keeps its position in a table of its own, keyed (as the library does) by the
name of the application it follows, so other trackers never share its row.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from eventsourcing.persistence import PersistenceError
from eventsourcing.sqlite import SQLiteDatastore, SQLiteTrackingRecorder

from standing.projections.sql_view import SQLStandingView
from standing.projections.statements import TRACKING
from standing.projections.view_queries import Row

NO_SECURE_DELETE = "PRAGMA secure_delete=OFF"  # see `begin_writes`


class SQLiteStandingView(SQLStandingView, SQLiteTrackingRecorder):
    placeholder = "?"
    table_suffix = " WITHOUT ROWID"

    def __init__(self, datastore: SQLiteDatastore, **kwargs: Any) -> None:
        if not datastore.single_row_tracking:
            msg = "the standing read model needs single-row tracking"
            raise ValueError(msg)
        super().__init__(datastore, **kwargs)
        self.insert_tracking_statement = (
            f"INSERT INTO {TRACKING} "
            "VALUES (:application_name, :notification_id) "
            "ON CONFLICT (application_name) DO UPDATE "
            "SET notification_id = :notification_id "
            f"WHERE {TRACKING}.notification_id < :notification_id "
            "RETURNING notification_id"
        )
        self.select_max_tracking_id_statement = (
            f"SELECT MAX(notification_id) FROM {TRACKING} WHERE application_name=?"
        )

    def begin_writes(self, cursor: Any) -> None:
        """Turn off secure deletion, on in many SQLite builds: it overwrites
        every page a rebuild drops, a second of work at a million events.
        The view's rows are all derived from the stored events, so what it
        deletes holds nothing that the file does not. The setting stays on
        the connection, which the application's event writes share; they
        never delete. (The first write takes SQLite's lock.)"""
        cursor.execute(NO_SECURE_DELETE)

    def _select(self, template: str, *params: Any) -> list[Row]:
        """One statement on its own (autocommit: its own snapshot), without
        the library's BEGIN and ROLLBACK around it (three times the work)."""
        try:
            with (
                self.datastore.get_connection(commit=False) as connection,
                connection.cursor() as cursor,
            ):
                cursor.execute(self._sql(template), params)
                return cursor.fetchall()
        except sqlite3.Error as error:
            raise PersistenceError(str(error)) from error

    def _create_table(self, c: Any) -> None:
        """The library's, without its move to single-row tracking, which it
        starts when this view's table lacks the row marking that move done
        (emptied by hand): it would rename a table named `tracking`, another
        program's, or fail when there is none. This view's table has always
        had a row an application; the marking row is written again."""
        if self.tracking_migration_previous is None:
            self.tracking_table_exists = False  # the marking row is written again
        super()._create_table(c)

    def construct_create_table_statements(self) -> list[str]:
        tracking = (
            f"CREATE TABLE IF NOT EXISTS {TRACKING} ("
            "application_name TEXT, notification_id INTEGER, "
            "PRIMARY KEY (application_name)) WITHOUT ROWID"
        )
        # an earlier layout's tables are dropped here: without overwriting them
        return [NO_SECURE_DELETE, tracking, *self.view_tables()]
