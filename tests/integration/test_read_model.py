"""The read model answers what time alone changes, and lists, periods and names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel
from tests.integration.stores import hours

Record = Callable[..., None]
TRUMP = AccountKey.parse("realDonaldTrump")
POTUS = AccountKey.parse("POTUS")
POTUS45 = AccountKey.parse("POTUS45")


def same_as_fold(
    read_model: ReadModel, app: StandingApplication, key: AccountKey, at: float
) -> dict[str, object]:
    answer = read_model.standing(key, hours(at)).as_dict()
    assert answer == app.standing(key, hours(at)).as_dict()
    return answer


def test_a_lock_runs_out_with_no_new_event(
    app: StandingApplication, read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "realDonaldTrump", 0, holder="Donald Trump")
    record(
        "account.locked", "realDonaldTrump", 1, reason="x", duration=timedelta(hours=12)
    )
    read_model.catch_up()

    during = same_as_fold(read_model, app, TRUMP, 12.9)
    after = same_as_fold(read_model, app, TRUMP, 13)

    assert (during["status"], during["until"]) == ("locked", "2021-01-06T13:00:00Z")
    assert (after["status"], after["since"]) == ("active", "2021-01-06T13:00:00Z")
    assert read_model.catch_up() == 0


def test_a_lock_waiting_for_removals_runs_from_the_last_removal(
    app: StandingApplication, read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "realDonaldTrump", 0, holder="Donald Trump")
    for number in range(3):
        record("post.published", "realDonaldTrump", 1, post=f"t{number}")
    twelve_hours = timedelta(hours=12)
    required = ["t0", "t1", "t2"]
    record(
        "account.locked",
        "realDonaldTrump",
        2,
        reason="x",
        duration=twelve_hours,
        require_removal=required,
    )
    for number, at in enumerate((3, 4, 5)):
        record("post.removed", "realDonaldTrump", at, post=f"t{number}")

    waiting = same_as_fold(read_model, app, TRUMP, 4.5)
    running = same_as_fold(read_model, app, TRUMP, 16.9)
    over = same_as_fold(read_model, app, TRUMP, 17)

    assert waiting["pending"] == [
        {"type": "awaiting_removal", "at": None, "posts": ["t2"], "duration": "PT12H"}
    ]
    assert running["pending"] == [{"type": "lock_expiry", "at": "2021-01-06T17:00:00Z"}]
    assert over["status"] == "active"


def test_a_temporary_suspension_runs_out_and_a_permanent_one_never_does(
    app: StandingApplication, read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "realDonaldTrump", 0, holder="Donald Trump")
    record(
        "account.suspended",
        "realDonaldTrump",
        1,
        reason="x",
        duration=timedelta(days=1),
    )
    record("account.suspended", "realDonaldTrump", 30, reason="risk", permanent=True)

    ended = same_as_fold(read_model, app, TRUMP, 25)
    forever = same_as_fold(read_model, app, TRUMP, 24 * 365 * 4)

    assert ended["status"] == "active"
    assert (forever["status"], forever["until"]) == ("permanently_suspended", None)


def test_a_scheduled_transfer_hands_over_and_archives_the_posts_of_its_tenure(
    app: StandingApplication, read_model: ReadModel, record: Record
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
    read_model.catch_up()
    record("post.published", "POTUS", 2, post="farewell")

    before = same_as_fold(read_model, app, POTUS45, 9)
    archive = same_as_fold(read_model, app, POTUS45, 10)
    office = same_as_fold(read_model, app, POTUS, 10)

    assert before["exists"] is False
    assert (archive["status"], archive["holder"], archive["posts"]) == (
        "archived",
        "Trump",
        1,
    )
    assert (office["holder"], office["previous_holder"], office["posts"]) == (
        "Biden",
        "Trump",
        0,
    )


def test_a_transfer_that_lapses_leaves_no_archive(
    app: StandingApplication, read_model: ReadModel, record: Record
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
    read_model.catch_up()
    record("account.suspended", "POTUS", 2, reason="x", permanent=True)

    archive = same_as_fold(read_model, app, POTUS45, 11)
    office = same_as_fold(read_model, app, POTUS, 11)

    assert archive["exists"] is False
    assert (office["status"], office["holder"]) == ("permanently_suspended", "Trump")
    assert read_model.known(POTUS45) is False


def test_an_unknown_account_does_not_exist_and_close_handles_are_suggested(
    read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "realDonaldTrump", 0, holder="Donald Trump")
    record("account.registered", "TeamTrump", 0, holder="Trump campaign")
    typo = AccountKey.parse("realDonaldTrmp")

    answer = read_model.standing(typo, hours(1))

    assert (answer.exists, answer.account, answer.status) == (
        False,
        "@realDonaldTrmp",
        None,
    )
    assert read_model.known(typo) is False
    assert read_model.known(AccountKey.parse("REALDONALDTRUMP")) is True
    assert read_model.suggest(typo) == ["@realDonaldTrump"]


def test_an_account_before_its_registration_does_not_exist_yet(
    read_model: ReadModel, record: Record
) -> None:
    record("account.registered", "realDonaldTrump", 5, holder="Donald Trump")

    answer = read_model.standing(TRUMP, hours(4))

    assert (answer.exists, answer.status) == (False, None)
