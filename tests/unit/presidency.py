"""@POTUS and its handover: the instants and names the transfer tests share."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

T0 = datetime(2017, 1, 20, 17, 0, tzinfo=UTC)
SCHEDULED = datetime(2021, 1, 15, 12, 0, tzinfo=UTC)
DUE = datetime(2021, 1, 20, 17, 0, tzinfo=UTC)
BEFORE_DUE = DUE - timedelta(microseconds=1)
SECOND = timedelta(seconds=1)
OUTGOING = "Donald J. Trump"
SUCCESSOR = "Joseph R. Biden Jr."


def schedule(app, **fields) -> None:
    fields = {"successor": SUCCESSOR, "effective_at": DUE, **fields}
    app.record("account.transfer_scheduled", "POTUS", at=SCHEDULED, **fields)
