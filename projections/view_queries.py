"""The read model's queries, on whatever connection reaches its tables.

`ViewQueries` renders the portable templates of `statements` for one
database (`placeholder`, `qualified`, where the stored events are) and runs
each as one statement with `_select`, which a subclass supplies: the view
that writes (`sql_view`) through the library's datastore, or `ConnectedView`
through one plain connection, for a command that asks once and exits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from standing.projections import statements as sql

Row = Mapping[str, Any]


class ViewQueries:
    placeholder = "?"
    # The stored events' table and their notification id column: the head
    # of the log, against which the view's position is read.
    events_table = "stored_events"
    event_id = "rowid"

    def qualified(self, table: str) -> str:
        return table

    def standing_at(self, account_id: str, at: int, application_name: str) -> Row:
        """The account, its segment as of `at` (columns None if none) and the
        progress, in one statement."""
        params = (application_name, account_id, account_id, at)
        return self._select(sql.STANDING_AT, *params)[0]

    def known(self, account_id: str, application_name: str) -> Row:
        """Whether the account has any segment, and the progress."""
        return self._select(sql.KNOWN, account_id, application_name)[0]

    def lag(self, application_name: str) -> Row:
        """The view's position and the head of the stored events."""
        return self._select(sql.LAG, application_name)[0]

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

    def handles(self, platform: str) -> list[Row]:
        return self._select(sql.HANDLES, platform)

    def dump(self) -> list[tuple[Any, ...]]:
        """Every row of the read model, in a fixed order (to compare two builds)."""
        rows = self._select(sql.ALL_ACCOUNTS) + self._select(sql.ALL_SEGMENTS)
        return [tuple(row[key] for key in row.keys()) for row in rows]  # noqa: SIM118

    def _select(self, template: str, *params: Any) -> list[Row]:
        raise NotImplementedError

    def _sql(self, template: str) -> str:
        """The template rendered for this database (once per template)."""
        rendered: dict[str, str] = self.__dict__.setdefault("_rendered", {})
        if template not in rendered:
            rendered[template] = self._render(template)
        return rendered[template]

    def _render(self, template: str) -> str:
        tables = {"segments": sql.SEGMENTS, "accounts": sql.ACCOUNTS}
        tables |= {"tracking": sql.TRACKING, "events": self.events_table}
        names = {k: self.qualified(v) for k, v in tables.items()}
        names["event_id"] = self.event_id
        return template.format(**names).replace("?", self.placeholder)


class ConnectedView(ViewQueries):
    """The queries on one plain DB-API connection in autocommit mode, whose
    rows are mappings (`sqlite3.Row`, psycopg's `dict_row`)."""

    def __init__(
        self,
        connection: Any,
        *,
        placeholder: str,
        events_table: str,
        event_id: str,
        schema: str | None = None,
    ) -> None:
        self.connection = connection
        self.placeholder = placeholder
        self.events_table = events_table
        self.event_id = event_id
        self.schema = schema

    def qualified(self, table: str) -> str:
        return table if self.schema is None else f'"{self.schema}"."{table}"'

    def _select(self, template: str, *params: Any) -> list[Row]:
        return list(self.connection.execute(self._sql(template), params).fetchall())
