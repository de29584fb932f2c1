"""Which accounts a timeline draws, their histories, and the picture's words:
its title, and a note on the accounts left out past `--limit`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from standing.cli.histories import history_document
from standing.cli.picture import Picture, window_for
from standing.cli.picture.lanes import lane_of
from standing.domain.errors import DomainError

if TYPE_CHECKING:
    from standing.adapters.event_store import EventStore
    from standing.domain.identity import AccountKey
    from standing.projections.reader import Reader

LIMIT = 200  # lanes drawn with --all unless told
DEMO_WINDOW = ("2021-01-06T00:00:00Z", "2021-01-22T00:00:00Z")
DEMO_MARKS = (  # the lock running, the suspensions, the hand-over
    "2021-01-07T12:00:00-05:00",
    "2021-01-08T21:00:00-05:00",
    "2021-01-20T12:00:00-05:00",
)
TITLE_NAMES = 6  # named in the title; more are counted
EVERY_ACCOUNT = datetime.max.replace(year=8999)  # exists at some time: exists then


class NothingToDraw(DomainError):
    """No account to draw: exit 1, as for an unknown account."""


@dataclass(frozen=True, slots=True)
class Drawn:
    """The histories to draw, and what the reader should know about them."""

    histories: list[dict[str, Any]]
    title: str
    notes: tuple[str, ...] = ()


def named_accounts(app: EventStore, keys: list[AccountKey], now: datetime) -> Drawn:
    reader = _reader(app)
    for key in keys:
        reader.require(key)
    unique = list({key.id: key for key in keys}.values())  # @POTUS twice: one lane
    histories = [history_document(app, reader, key, now) for key in unique]
    names = [history["account"] for history in histories]
    if len(names) > TITLE_NAMES:
        return Drawn(histories, f"Timeline of {len(names)} accounts")
    return Drawn(histories, f"Timeline of {', '.join(names)}")


def every_account(
    app: EventStore,
    platform: str | None,
    limit: int,
    offset: int,
    now: datetime,
) -> Drawn:
    from standing.domain.identity import AccountKey

    reader = _reader(app)
    at = EVERY_ACCOUNT.replace(tzinfo=now.tzinfo)
    rows = reader.accounts(at, platform=platform)
    chosen = rows[offset : offset + limit]
    if not chosen:
        where = f" on {platform}" if platform else ""
        past = f" past the first {offset:,} (there are {len(rows):,})" if rows else ""
        raise NothingToDraw(f"no accounts to draw{where}{past}")
    histories = [
        history_document(app, reader, AccountKey.parse(row.account, row.platform), now)
        for row in chosen
    ]
    where = f" on {platform}" if platform else ""
    return Drawn(
        histories,
        f"Timeline of every account{where}",
        _left_out(len(rows), offset, len(chosen), limit),
    )


def picture(
    drawn: Drawn,
    now: datetime,
    start: datetime | None,
    end: datetime | None,
    marks: tuple[datetime, ...] = (),
) -> Picture:
    lanes = tuple(lane_of(history) for history in drawn.histories)
    window = window_for(lanes, now, start, end)
    return Picture(lanes, window, drawn.title, drawn.notes, marks)


def _left_out(total: int, offset: int, shown: int, limit: int) -> tuple[str, ...]:
    if shown == total:
        return ()
    first, last = offset + 1, offset + shown
    note = f"Accounts {first:,} to {last:,} of {total:,}, by platform and handle"
    rest = total - last
    if rest <= 0:
        return (f"{note}.",)
    return (
        f"{note}: {rest:,} more left out. The next ones: standing timeline --all"
        f" --offset {last} --limit {limit} -o FILE.html",
    )


def _reader(app: EventStore) -> Reader:
    from standing.projections.views import ReadModel

    return ReadModel(app).reader


def demo_picture(app: EventStore, now: datetime, handles: Sequence[str]) -> Path:
    """The January 2021 scenario's picture, from January 6 to just after the
    inauguration, written to a new folder of the system's temporary files."""
    import tempfile

    from standing.cli.picture import render
    from standing.domain.identity import AccountKey

    keys = [AccountKey.parse(handle) for handle in handles]
    drawn = Drawn(named_accounts(app, keys, now).histories, "Twitter, January 2021")
    start, end = (datetime.fromisoformat(at) for at in DEMO_WINDOW)
    marks = tuple(datetime.fromisoformat(at) for at in DEMO_MARKS)
    target = Path(tempfile.mkdtemp(prefix="standing-demo-")) / "january2021.html"
    document = render(picture(drawn, now, start, end, marks))
    target.write_text(document, encoding="utf-8")
    return target
