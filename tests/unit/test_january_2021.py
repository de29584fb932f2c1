"""The founding case (SPEC's opening paragraph), checked at the instants that matter.

Times are Eastern (America/New_York) and approximate where the record is vague;
what matters is their order and the rules they exercise.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from standing.domain.restrictions import Status

ET = ZoneInfo("America/New_York")
TRUMP = "Donald J. Trump"
BIDEN = "Joseph R. Biden Jr."
SECOND = timedelta(seconds=1)
INCITING = ["pence-courage", "go-home-video", "these-are-the-things"]


def et(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in January 2021, Eastern time."""
    return datetime(2021, 1, day, hour, minute, tzinfo=ET)


def long_ago(year: int) -> datetime:
    return datetime(year, 3, 1, 9, 0, tzinfo=ET)


def test_january_2021_on_twitter(app, state):
    def record(type: str, handle: str, at: datetime, **fields) -> None:
        app.record(type, handle, at=at, **fields)

    record("account.registered", "realDonaldTrump", long_ago(2009), holder=TRUMP)
    record(
        "account.registered",
        "POTUS",
        datetime(2017, 1, 20, 12, 0, tzinfo=ET),
        holder=TRUMP,
        kind="institutional",
    )
    record(
        "account.registered",
        "TeamTrump",
        long_ago(2015),
        holder="Trump campaign",
        kind="campaign",
    )
    record("account.registered", "GenFlynn", long_ago(2011), holder="Flynn")
    record("account.registered", "SidneyPowell1", long_ago(2017), holder="Powell")
    record("post.published", "POTUS", datetime(2020, 12, 1, 9, tzinfo=ET), post="a")
    record("post.published", "POTUS", datetime(2021, 1, 1, 9, tzinfo=ET), post="b")
    record("post.published", "realDonaldTrump", et(6, 10), post="rally")
    # Jan 6: three tweets, then a 12-hour lock that waits for their removal.
    record("post.published", "realDonaldTrump", et(6, 14, 24), post=INCITING[0])
    record("post.published", "realDonaldTrump", et(6, 16, 17), post=INCITING[1])
    record("post.published", "realDonaldTrump", et(6, 18, 1), post=INCITING[2])
    record(
        "account.locked",
        "realDonaldTrump",
        et(6, 19, 2),
        reason="repeated and severe violations of the Civic Integrity policy",
        policy="civic_integrity",
        duration=timedelta(hours=12),
        require_removal=INCITING,
    )
    removed_at = [et(7, 6, 50), et(7, 7, 0), et(7, 7, 10)]
    for post, at in zip(INCITING, removed_at, strict=True):
        record("post.removed", "realDonaldTrump", at, post=post, by="holder")
    record("post.published", "realDonaldTrump", et(7, 19, 10), post="video")
    # Jan 8: the permanent suspension, and what followed that evening.
    record("post.published", "realDonaldTrump", et(8, 10, 44), post="inauguration")
    record(
        "account.suspended",
        "realDonaldTrump",
        et(8, 18, 21),
        reason="risk of further incitement of violence",
        policy="glorification_of_violence",
        permanent=True,
    )
    for n, minute in enumerate((25, 26, 27, 28)):
        record("post.published", "POTUS", et(8, 20, minute), post=f"statement-{n}")
    for n in range(4):
        record("post.removed", "POTUS", et(8, 20, 40), post=f"statement-{n}")
    record("post.published", "TeamTrump", et(8, 20, 30), post="statement")
    record(
        "account.suspended",
        "TeamTrump",
        et(8, 20, 45),
        reason="ban evasion",
        policy="ban_evasion",
    )
    for handle in ("GenFlynn", "SidneyPowell1"):
        record(
            "account.suspended",
            handle,
            et(8, 21, 0),
            reason="QAnon content",
            policy="coordinated_harmful_activity",
            permanent=True,
        )
    # Jan 20: @POTUS passes to Joe Biden at noon Eastern.
    noon = et(20, 12)
    record(
        "account.transfer_scheduled",
        "POTUS",
        et(15, 12),
        successor=BIDEN,
        effective_at=noon,
        archive_to="POTUS45",
    )

    # The lock: in force from 19:02, its clock waiting for all three removals.
    assert state("realDonaldTrump", et(6, 19, 2) - SECOND).status == Status.ACTIVE
    locked = state("realDonaldTrump", et(6, 19, 2))
    assert locked.status == Status.LOCKED
    assert locked.until is None
    assert locked.as_dict()["pending"] == [
        {
            "type": "awaiting_removal",
            "at": None,
            "posts": sorted(INCITING),
            "duration": "PT12H",
        }
    ]
    # 12 hours after the lock it would have run out, had its clock been running.
    waiting = state("realDonaldTrump", et(7, 7, 2))
    assert waiting.status == Status.LOCKED
    assert waiting.until is None
    assert waiting.pending[0].details["posts"] == [INCITING[2]]
    # After the third removal: 12 hours from 07:10 ET, i.e. 00:10 UTC on Jan 8.
    running = state("realDonaldTrump", et(7, 7, 10))
    assert running.as_dict()["until"] == "2021-01-08T00:10:00Z"
    assert running.posts == 1
    assert state("realDonaldTrump", et(7, 19, 10) - SECOND).status == Status.LOCKED
    unlocked = state("realDonaldTrump", et(7, 19, 10))
    assert unlocked.status == Status.ACTIVE
    assert unlocked.posts == 2

    # The permanent suspension, Jan 8 at 18:21 ET.
    assert state("realDonaldTrump", et(8, 18, 21) - SECOND).status == Status.ACTIVE
    banned = state("realDonaldTrump", et(8, 18, 21))
    assert banned.status == Status.PERMANENTLY_SUSPENDED
    assert banned.as_dict()["since"] == "2021-01-08T23:21:00Z"
    assert banned.until is None
    assert banned.reason == "risk of further incitement of violence"

    # The same evening: @TeamTrump suspended, @POTUS limited but not suspended.
    team = state("TeamTrump", et(8, 23, 59))
    assert (team.status, team.kind, team.reason) == (
        Status.SUSPENDED,
        "campaign",
        "ban evasion",
    )
    assert state("POTUS", et(8, 20, 39)).posts == 6
    potus_that_night = state("POTUS", et(8, 23, 59))
    assert potus_that_night.status == Status.ACTIVE
    assert potus_that_night.posts == 2
    for handle in ("GenFlynn", "SidneyPowell1"):
        assert state(handle, et(8, 21)).status == Status.PERMANENTLY_SUSPENDED
        assert state(handle, et(8, 21)).reason == "QAnon content"

    # @POTUS just before noon ET on Jan 20, and at noon.
    before = state("POTUS", noon - SECOND)
    assert (before.holder, before.previous_holder, before.posts) == (TRUMP, None, 2)
    assert before.as_dict()["pending"] == [
        {
            "type": "transfer",
            "at": "2021-01-20T17:00:00Z",
            "successor": BIDEN,
            "archive_to": "POTUS45",
        }
    ]
    assert not state("POTUS45", noon - SECOND).exists
    after = state("POTUS", noon)
    assert after.status == Status.ACTIVE
    assert (after.holder, after.previous_holder, after.posts) == (BIDEN, TRUMP, 0)
    assert after.as_dict()["since"] == "2021-01-20T17:00:00Z"
    archive = state("POTUS45", noon)
    assert archive.status == Status.ARCHIVED
    assert archive.kind == "institutional"
    assert archive.holder == TRUMP
    assert archive.posts == 2

    # Nobody else's standing moved with the inauguration.
    assert state("realDonaldTrump", noon).status == Status.PERMANENTLY_SUSPENDED
    assert state("TeamTrump", noon).status == Status.SUSPENDED
