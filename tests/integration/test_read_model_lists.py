"""`accounts` lists and `history` periods, answered from the read model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel
from tests.integration.stores import hours

Record = Callable[..., None]


def test_accounts_lists_who_exists_at_the_instant_by_platform_and_handle(
    read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "zeta", 0, holder="Z")
    record("account.registered", "Alpha", 0, holder="A")
    record("account.registered", "later", 5, holder="L")

    listed = read_model.accounts(hours(1))

    assert [s.account for s in listed] == ["@Alpha", "@zeta"]


def test_accounts_filters_by_status_holder_and_platform(
    app: StandingApplication, read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "flynn", 0, holder="Michael Flynn")
    record("account.registered", "powell", 0, holder="Sidney Powell")
    record("account.registered", "potus", 0, holder="Trump", kind="institutional")
    record("account.suspended", "flynn", 1, reason="qanon", permanent=True)
    record(
        "account.suspended", "powell", 1, reason="qanon", duration=timedelta(hours=2)
    )
    app.record(
        "account.registered",
        "flynn",
        at=hours(0),
        platform="youtube",
        holder="Michael Flynn",
    )

    suspended = read_model.accounts(hours(2), status="permanently_suspended")
    by_holder = read_model.accounts(hours(2), holder="michael flynn")
    on_youtube = read_model.accounts(hours(2), platform="youtube")
    expired = read_model.accounts(hours(3), status="suspended")

    assert [(s.account, s.platform) for s in suspended] == [("@flynn", "twitter")]
    assert [s.platform for s in by_holder] == ["twitter", "youtube"]
    assert [s.status for s in on_youtube] == ["active"]
    assert expired == []


def test_periods_keep_a_lock_whose_clock_starts_running_as_one_period(
    read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "realDonaldTrump", 0, holder="Donald Trump")
    record("post.published", "realDonaldTrump", 1, post="t1")
    record(
        "account.locked",
        "realDonaldTrump",
        2,
        reason="incitement",
        duration=timedelta(hours=12),
        require_removal=["t1"],
    )
    record("post.removed", "realDonaldTrump", 3, post="t1")
    record("account.suspended", "realDonaldTrump", 50, reason="risk", permanent=True)

    periods = [
        p.as_dict() for p in read_model.periods(AccountKey.parse("realDonaldTrump"))
    ]

    assert [(p["status"], p["from"], p["to"]) for p in periods] == [
        ("active", "2021-01-06T00:00:00Z", "2021-01-06T02:00:00Z"),
        ("locked", "2021-01-06T02:00:00Z", "2021-01-06T15:00:00Z"),
        ("active", "2021-01-06T15:00:00Z", "2021-01-08T02:00:00Z"),
        ("permanently_suspended", "2021-01-08T02:00:00Z", None),
    ]
    assert periods[1]["reason"] == "incitement"


def test_periods_change_with_the_holder_at_a_transfer(
    read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "POTUS", 0, holder="Trump", kind="institutional")
    record(
        "account.transfer_scheduled",
        "POTUS",
        1,
        successor="Biden",
        effective_at=hours(10),
        archive_to="POTUS45",
    )

    office = read_model.periods(AccountKey.parse("POTUS"))
    archive = read_model.periods(AccountKey.parse("potus45"))

    assert [(p.holder, p.to) for p in office] == [("Trump", hours(10)), ("Biden", None)]
    assert [(p.status, p.from_, p.holder) for p in archive] == [
        ("archived", hours(10), "Trump")
    ]
