"""Reading the stored events account by account, up to a notification id.

The library reads the store by notification id (the log) or one aggregate at
a time; a bulk catch-up wants many accounts' events together, in version
order, and only those recorded by a fixed head. These statements do that, in
each database's spelling (SQLite numbers its log by `rowid`), a page of rows
at a time: an account may hold a large share of all events.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any
from uuid import UUID

from standing.adapters.event_store import EventStore

# A stored event as read here: aggregate id (as stored), notification id,
# version, topic, state.
Row = tuple[Any, int, int, str, bytes]

PAGE = 10_000  # rows a statement returns at most
TOUCHED = (
    "SELECT originator_id, COUNT(*) FROM {events} "
    "WHERE {position} > ? AND {position} <= ?{among} GROUP BY originator_id"
)
# The aggregates of `?` events spread evenly over the log: the first after
# `?`, then one every `?`/`?` notification ids.
SAMPLE = (
    "WITH RECURSIVE picks(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM picks "
    "WHERE i + 1 < ?) SELECT originator_id FROM picks JOIN {events} "
    "ON {position} = ? + 1 + i * CAST(? AS BIGINT) / ?"
)
COLUMNS = "SELECT originator_id, {position}, originator_version, topic, state"
EVENTS_OF = (
    COLUMNS + " FROM {events} WHERE originator_id {among} AND {position} <= ? "
    "ORDER BY originator_id, originator_version LIMIT ?"
)
LATER_EVENTS = (
    COLUMNS + " FROM {events} WHERE originator_id=? AND originator_version>? "
    "AND {position} <= ? ORDER BY originator_version LIMIT ?"
)


class StoredRows:
    """The stored events of many accounts, read in a few statements."""

    def __init__(self, app: EventStore, page: int = PAGE) -> None:
        recorder: Any = app.recorder
        self._datastore = datastore = recorder.datastore
        self._page = page
        self._postgres = type(recorder).__module__ == "eventsourcing.postgres"
        if self._postgres:
            events = f'"{datastore.schema}"."{recorder.events_table_name}"'
            names = {"events": events, "position": "notification_id"}
        else:
            names = {"events": recorder.events_table_name, "position": "rowid"}
        self._touched = TOUCHED.format(**names, among="")
        self._touched_from = TOUCHED.format(**names, among=" AND originator_id >= ?")
        self._touched_between = TOUCHED.format(
            **names, among=" AND originator_id >= ? AND originator_id < ?"
        )
        self._sample = SAMPLE.format(**names)
        self._events_of = EVENTS_OF.format(**names, among="{among}")
        self._later_events = LATER_EVENTS.format(**names)

    def touched(
        self, after: int, upto: int, first: str = "", end: str | None = None
    ) -> list[tuple[UUID, int]]:
        """The aggregates with events after `after` up to `upto`, in id order,
        with how many; only ids (in hex) from `first` on, and before `end`."""
        if not first and end is None:
            rows = self._select(self._touched, (after, upto))
        elif end is None:
            rows = self._select(self._touched_from, (after, upto, self._hex(first)))
        else:
            bounds = (self._hex(first), self._hex(end))
            rows = self._select(self._touched_between, (after, upto, *bounds))
        return sorted((UUID(str(row[0])), row[1]) for row in rows)

    def sample(
        self, after: int, upto: int, size: int = 4_000
    ) -> list[tuple[UUID, int]]:
        """The aggregates of about `size` events spread evenly over the log
        after `after` up to `upto`, in id order, with how many of those events
        each has: where a whole `touched` would scan every event, this reads
        a few thousand, and tells about as well how the events fall."""
        span = upto - after
        if span <= 0:
            return []
        picks = min(span, size)
        rows = self._select(self._sample, (picks, after, span, picks))
        return sorted(Counter(UUID(str(row[0])) for row in rows).items())

    def events_of(
        self, accounts: Sequence[UUID], upto: int
    ) -> Iterator[tuple[UUID, Iterable[Row]]]:
        """Each account (in the order given) with its events up to `upto`, in
        version order; an account's events must be read before the next's."""
        next_one, per_read = 0, max(1, self._page // 10)
        while next_one < len(accounts):
            chosen = accounts[next_one : next_one + per_read]
            rows = self._select(*self._among(chosen, upto))
            groups = [
                (UUID(str(oid)), list(group))
                for oid, group in groupby(rows, itemgetter(0))
            ]
            if len(rows) < self._page:
                yield from groups
                next_one += len(chosen)
                continue
            last, first_rows = groups.pop()  # the last account may go on
            yield from groups
            yield last, self._paged(last, first_rows, upto)
            next_one = bisect_right(accounts, last, next_one)

    def _paged(self, account: UUID, rows: list[Row], upto: int) -> Iterator[Row]:
        """`rows` (the first of the account's events), then the rest."""
        yield from rows
        while rows:
            params = (self._id(account), rows[-1][2], upto, self._page)
            rows = self._select(self._later_events, params)
            yield from rows
            if len(rows) < self._page:
                return

    def _among(
        self, accounts: Sequence[UUID], upto: int
    ) -> tuple[str, tuple[Any, ...]]:
        if self._postgres:
            return self._events_of.format(among="= ANY(?)"), (
                list(accounts),
                upto,
                self._page,
            )
        marks = ",".join("?" * len(accounts))
        statement = self._events_of.format(among=f"IN ({marks})")
        return statement, (*(account.hex for account in accounts), upto, self._page)

    def _hex(self, account: str) -> Any:
        """An id in hex as this database compares it."""
        return UUID(account.ljust(32, "0")) if self._postgres else account

    def _id(self, account: UUID) -> Any:
        return account if self._postgres else account.hex

    def _select(self, statement: str, params: tuple[Any, ...]) -> list[Any]:
        if self._postgres:
            statement = statement.replace("?", "%s")
        with self._datastore.transaction(commit=False) as cursor:
            if self._postgres:
                from psycopg.rows import tuple_row

                cursor = cursor.connection.cursor(row_factory=tuple_row)
            else:
                cursor = cursor.sqlite_cursor
                cursor.row_factory = None
            cursor.execute(statement, params)
            return list(cursor.fetchall())
