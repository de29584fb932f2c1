"""`standing state` and `standing accounts` answers in each format.

TSV and CSV have one row an account with the keys of its JSON object as
columns (SPEC section 5), the same for `state` and `accounts`, so their
outputs join; strikes and pending are JSON text. An empty list prints
`no accounts match ...` on stderr and exits 0 (as `gh` does): stdout holds
only the answer, `[]` in JSON, the header row in TSV and CSV.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from standing.cli.fleet import Fleet, counts
from standing.cli.formats import Format, write_json, write_rows
from standing.cli.showing import instant
from standing.domain.standing import Standing

STANDING_COLUMNS = (
    "account",
    "platform",
    "as_of",
    "exists",
    "kind",
    "status",
    "since",
    "until",
    "reason",
    "holder",
    "previous_holder",
    "posts",
    "strikes",
    "pending",
)


def print_standings(format: Format, standings: Iterable[Standing]) -> None:
    """Standings as TSV or CSV rows, or a JSON array."""
    objects = (standing.as_dict() for standing in standings)
    if format is Format.JSON:
        write_json(list(objects))
    else:
        rows = ([item[key] for key in STANDING_COLUMNS] for item in objects)
        write_rows(format, STANDING_COLUMNS, rows)


def print_fleet(format: Format, fleet: Fleet) -> None:
    if not fleet.rows and format is not Format.JSON:
        _nothing_matches(fleet)
    if format is Format.TABLE:
        if fleet.rows:
            _table(fleet)
    else:
        print_standings(format, fleet.rows)


def print_counts(format: Format, fleet: Fleet) -> None:
    """How many accounts per status and per platform."""
    summary = counts(fleet)
    if format is Format.JSON:
        write_json(summary)
    elif format is Format.TABLE:
        from standing.cli.tables import print_counts_table  # rich: only for a person

        print_counts_table(_title(fleet), summary)
    else:
        rows = [
            (group, value, n)
            for group in ("status", "platform")
            for value, n in summary[f"by_{group}"].items()
        ]
        write_rows(format, ("group", "value", "accounts"), rows)


def _table(fleet: Fleet) -> None:
    from standing.cli.tables import print_fleet_table

    print_fleet_table(_title(fleet), fleet.rows)


def _title(fleet: Fleet) -> str:
    platforms = {row.platform for row in fleet.rows}
    where = f" on {next(iter(platforms))}" if len(platforms) == 1 else ""
    count = _accounts(fleet.matched)
    if fleet.limited:
        count = f"first {len(fleet.rows)} of {count}"
    order = f", by {fleet.sort}" if fleet.sort else ""
    return f"{count}{where} as of {instant(fleet.as_of)}{order}"


def _accounts(n: int) -> str:
    return f"{n} account{'' if n == 1 else 's'}"


def _nothing_matches(fleet: Fleet) -> None:
    sys.stderr.write(f"no accounts match as of {instant(fleet.as_of)}\n")
    sys.stderr.flush()
