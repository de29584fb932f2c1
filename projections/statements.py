"""The read model's SQL, as templates that SQLite and PostgreSQL both accept.

`{segments}`, `{accounts}`, `{tracking}` and `{events}` stand for the
(qualified) table names, `{event_id}` for the events' notification id column
and `?` for the driver's placeholder; a view renders them (`_sql`).

An answer is one statement: it also says how far the view has got
(`position`), how far the stored events go (`head`) and whether the view
holds any rows (`held`), read in the same snapshot, so a reader knows from
the answer itself whether to catch up.
"""

from __future__ import annotations

from collections.abc import Sequence

from standing.projections.segments import ACCOUNT_COLUMNS, SEGMENT_COLUMNS

# The read model's layout: raise it whenever the rows a history gives change,
# in their columns or in what they mean. Its tables are named by it, so a store
# built by an earlier layout has none of them: the first query or replay after
# an upgrade builds them from the stored events, and drops the earlier ones.
# tests/integration/test_read_model_layout.py fails until a change raises it.
LAYOUT = 3  # 3: text with NUL stored escaped (`stored_text`)
# The first layout's tables, before layouts were numbered.
FIRST_LAYOUT = (
    "standing_segments",
    "standing_accounts",
    "standing_view_tracking",
    "standing_view_bulk",
)


def layout_tables(layout: int) -> tuple[str, ...]:
    """A layout's segments, accounts, tracking and bulk-claims tables."""
    if layout == 1:
        return FIRST_LAYOUT
    kinds = ("segments", "accounts", "tracking", "bulk")
    return tuple(f"standing_v{layout}_{kind}" for kind in kinds)


def earlier_layouts() -> list[str]:
    """The tables of every layout before this one."""
    return [table for n in range(1, LAYOUT) for table in layout_tables(n)]


SEGMENTS, ACCOUNTS, TRACKING, BULK = layout_tables(LAYOUT)  # BULK: `bulk_writes`


TYPES = {"from_at": "BIGINT NOT NULL", "to_at": "BIGINT", "since": "BIGINT"}
TYPES |= {"until": "BIGINT", "posts": "INTEGER NOT NULL", "registered_at": "BIGINT"}


def create_table(table: str, columns: Sequence[str], key: str, suffix: str = "") -> str:
    defined = ", ".join(f"{c} {TYPES.get(c, 'TEXT')}" for c in columns)
    return (
        f"CREATE TABLE IF NOT EXISTS {table} ({defined}, PRIMARY KEY ({key})){suffix}"
    )


def insert(table: str, columns: Sequence[str]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


CREATE_SEGMENTS = create_table("{segments}", SEGMENT_COLUMNS, "account_id, from_at")
CREATE_ACCOUNTS = create_table("{accounts}", ACCOUNT_COLUMNS, "account_id")
CREATE_HANDLE_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {ACCOUNTS}_handle ON {{accounts}} (platform, folded)"
)
DROP_TABLES = ("DROP TABLE IF EXISTS {segments}", "DROP TABLE IF EXISTS {accounts}")
FORGET_POSITION = "DELETE FROM {tracking} WHERE application_name=?"

DELETE_FROM = "DELETE FROM {segments} WHERE account_id=? AND from_at>=?"
CLOSE_AT = (
    "UPDATE {segments} SET to_at=? WHERE account_id=? AND from_at="
    "(SELECT MAX(from_at) FROM {segments} WHERE account_id=? AND from_at<?)"
)
INSERT_SEGMENT = insert("{segments}", SEGMENT_COLUMNS)
INSERT_ACCOUNT = (
    f"{insert('{accounts}', ACCOUNT_COLUMNS)} ON CONFLICT (account_id) DO NOTHING"
)

POSITION = "(SELECT MAX(notification_id) FROM {tracking} WHERE application_name=?)"
HEAD = "(SELECT MAX({event_id}) FROM {events})"
# Whether the view holds rows at all: one emptied or dropped by hand under its
# position holds none, and is built again rather than read (`reader.behind`).
HELD = "(EXISTS (SELECT 1 FROM {accounts}) AND EXISTS (SELECT 1 FROM {segments}))"
PROGRESS = f"{POSITION} AS position, {HEAD} AS head, {HELD} AS held"
LAG = f"SELECT {PROGRESS}"
# The account, its segment as of an instant (if any), and the progress.
STANDING_AT = (
    f"SELECT a.platform, a.handle, a.kind, a.registered_at, s.*, {PROGRESS} "
    "FROM (SELECT 1 AS one) q LEFT JOIN {accounts} a ON a.account_id=? "
    "LEFT JOIN {segments} s ON s.account_id=a.account_id AND s.from_at="
    "(SELECT MAX(from_at) FROM {segments} WHERE account_id=? AND from_at<=?)"
)
KNOWN = (
    "SELECT EXISTS (SELECT 1 FROM {segments} WHERE account_id=?) AS known, " + PROGRESS
)
SEGMENTS_AT = (
    "SELECT a.handle, a.platform, a.kind, s.* FROM {segments} s "
    "JOIN {accounts} a ON a.account_id=s.account_id "
    "WHERE s.from_at<=? AND (s.to_at IS NULL OR s.to_at>?)"
)
SEGMENTS_OF = "SELECT * FROM {segments} WHERE account_id=? ORDER BY from_at"
HANDLES = (
    "SELECT handle, folded FROM {accounts} a WHERE platform=? AND EXISTS "
    "(SELECT 1 FROM {segments} s WHERE s.account_id=a.account_id)"
)
ALL_ACCOUNTS = "SELECT * FROM {accounts} ORDER BY account_id"
ALL_SEGMENTS = "SELECT * FROM {segments} ORDER BY account_id, from_at"
