"""Query tables at 80 and at 200 columns: every value a person needs whole,
never cut, instants never split, no line wider than the terminal."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console

from standing.cli.history_table import print_history_table
from standing.cli.history_window import History
from standing.cli.tables import print_fleet_table, print_state
from standing.domain.restrictions import Status
from standing.domain.standing import Pending, Standing
from standing.domain.timeline import Entry

AS_OF = datetime(2021, 1, 21, tzinfo=UTC)
RECORDED = datetime(2024, 5, 1, 9, 30, 15, 123456, tzinfo=UTC)
SUSPENSION_REASON = (
    "risk of further incitement of violence, read together with the "
    "2021-01-08 'patriots' tweet and their context"
)
LONG_ID = "potus-removal-2021-01-08-free-speech"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def account(handle: str, status: Status, since: str, **fields) -> Standing:
    return Standing(
        f"@{handle}", "twitter", AS_OF, True, status=status, since=at(since), **fields
    )


FLEET = [
    account(
        "realDonaldTrump",
        Status.PERMANENTLY_SUSPENDED,
        "2021-01-08T23:21:00Z",
        kind="personal",
        holder="Donald J. Trump",
        posts=3,
        strikes={"civic_integrity": 1},
        reason=SUSPENSION_REASON,
    ),
    account(
        "TeamTrump",
        Status.PERMANENTLY_SUSPENDED,
        "2021-01-09T01:50:00Z",
        kind="campaign",
        holder="Donald J. Trump for President, Inc.",
        posts=12,
    ),
    account(
        "POTUS",
        Status.LOCKED,
        "2021-01-07T00:02:00Z",
        kind="institutional",
        holder="Joseph R. Biden",
        until=at("2021-01-08T00:00:00Z"),
        posts=1,
    ),
]


def rendered(draw, width: int) -> str:
    console = Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False
    )
    draw(console)
    return console.file.getvalue()


def assert_fits(text: str, width: int) -> None:
    assert max(map(len, text.splitlines())) <= width


@pytest.mark.parametrize("width", [80, 200])
def test_the_accounts_table_shows_every_value_whole_and_fits(width):
    text = rendered(lambda c: print_fleet_table("3 accounts", FLEET, c), width)

    assert_fits(text, width)
    for whole in [
        "@realDonaldTrump",
        "@TeamTrump",
        "2021-01-08 23:21Z",
        "2021-01-09 01:50Z",
        "2021-01-08 00:00Z",
        "institutional",
        "Joseph R. Biden",
    ]:
        assert whole in text
    assert "posts" in text.splitlines()[1]
    assert "…" not in text


def test_at_200_columns_each_account_is_one_line_with_every_column():
    text = rendered(lambda c: print_fleet_table("3 accounts", FLEET, c), 200)

    header, *rows = text.splitlines()[1:]
    assert header.split() == [
        "account",
        "kind",
        "status",
        "since",
        "until",
        "holder",
        "posts",
        "strikes",
    ]
    assert len(rows) == 3
    assert "Donald J. Trump for President, Inc." in rows[1]


def test_at_80_columns_long_names_wrap_between_words_and_less_needed_columns_fold():
    text = rendered(lambda c: print_fleet_table("3 accounts", FLEET, c), 80)

    lines = text.splitlines()
    assert lines[1].split() == ["account", "status", "since", "holder", "posts"]
    assert "until 2021-01-08 00:00Z" in text  # folded under since, whole
    start, end = lines[1].index("holder"), lines[1].index("posts")
    holders = " ".join(line[start:end].strip() for line in lines[2:])
    assert "Donald J. Trump for President, Inc." in " ".join(holders.split())
    assert "permanently" in text and "suspended" in text


def test_a_state_at_80_columns_wraps_its_reason_between_words():
    standing = FLEET[0]
    text = rendered(lambda c: print_state(standing, c), 80)

    assert_fits(text, 80)
    assert "@realDonaldTrump on twitter, as of 2021-01-21 00:00Z" in text
    assert "2021-01-08 23:21Z" in text
    reason_lines = [line[12:] for line in text.splitlines()[3:5]]
    assert text.splitlines()[3].startswith("reason      risk")
    assert " ".join(reason_lines) == SUSPENSION_REASON
    assert "permanently suspended" in text


def test_a_state_shows_what_is_pending_with_compact_instants():
    standing = FLEET[2]
    pending = (Pending("lock_expiry", at("2021-01-08T00:00:00Z")),)
    locked = Standing(**{**_fields(standing), "pending": pending})

    text = rendered(lambda c: print_state(locked, c), 80)

    assert "lock expiry at 2021-01-08 00:00Z" in text


def history() -> History:
    entries = [
        Entry(
            "account.suspended",
            at("2021-01-08T23:21:00Z"),
            RECORDED,
            "trump-suspension-2021-01-08",
            {"reason": SUSPENSION_REASON, "permanent": True},
        ),
        Entry(
            "account.locked",
            at("2021-01-07T00:02:00Z"),
            RECORDED,
            LONG_ID,
            {"reason": "civic integrity", "duration": timedelta(hours=12)},
        ),
        Entry("lock.ran_out", at("2021-01-08T00:00:00Z")),
    ]
    periods = [
        {
            "status": "permanently_suspended",
            "from": "2021-01-08T23:21:00Z",
            "to": None,
            "holder": "Donald J. Trump",
            "reason": SUSPENSION_REASON,
        }
    ]
    return History("@realDonaldTrump", "twitter", entries, periods)


@pytest.mark.parametrize("width", [80, 200])
def test_history_keeps_ids_and_instants_whole_and_fits(width):
    text = rendered(lambda c: print_history_table(history(), console=c), width)

    assert_fits(text, width)
    for whole in [
        LONG_ID,
        "trump-suspension-2021-01-08",
        "2021-01-08 23:21Z",
        "2024-05-01 09:30:15Z",  # recorded, to the second
        "2021-01-07 00:02Z",
    ]:
        assert whole in text


def test_history_details_read_as_key_and_value_not_python():
    text = rendered(lambda c: print_history_table(history(), console=c), 200)

    assert "permanent: true" in text
    assert "duration: PT12H" in text
    assert "permanent=True" not in text and "timedelta" not in text


def test_history_labels_what_time_alone_did():
    text = rendered(lambda c: print_history_table(history(), console=c), 80)

    ran_out = next(line for line in text.splitlines() if "lock.ran_out" in line)
    assert "2021-01-08 00:00Z" in ran_out
    assert "time alone: the lock ran out" in text
    assert "(time)" not in text


def test_an_open_period_is_shown_as_ongoing():
    text = rendered(lambda c: print_history_table(history(), console=c), 200)

    period = text.splitlines()[-1]
    assert period.split()[:4] == ["2021-01-08", "23:21Z", "ongoing", "permanently"]


def _fields(standing: Standing) -> dict:
    return {name: getattr(standing, name) for name in Standing.__slots__}
