"""Hypothesis strategies: valid histories of several accounts.

The strategy plays each drawn fact against an in-memory application and keeps
the facts the domain accepts, choosing among what each account's status at
that instant allows (live posts to remove, posts to wait for, ...), so the
histories are rich as well as valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from standing.application.service import StandingApplication
from standing.domain import events as rules
from standing.domain.errors import DomainError
from standing.domain.identity import AccountKey
from standing.domain.machine import ALLOWED
from standing.domain.restrictions import Status
from standing.domain.state import AccountState

BASE = datetime(2021, 1, 6, tzinfo=UTC)
PERSONAL = ("alice", "Bob")
OFFICES = ("Office", "gov")
ARCHIVES = ("Office_45", "office_46", "GovArchive")
HANDLES = PERSONAL + OFFICES + ARCHIVES
FOLDED_ARCHIVES = {handle.casefold() for handle in ARCHIVES}
HOLDERS = ("Ann", "Ben", "Cy")
PAUSES = (0, 0, 1, 7, 30, 90, 240)
TRANSFERS = (rules.TRANSFER_SCHEDULED, rules.TRANSFERRED)
WEIGHTS = {
    rules.PUBLISHED: 6,
    rules.REMOVED: 4,
    rules.LOCKED: 3,
    rules.TRANSFER_SCHEDULED: 2,
}


@dataclass(frozen=True)
class Step:
    type: str
    handle: str
    minute: int
    fields: dict[str, Any]
    catch_up: int | None = None

    @property
    def at(self) -> datetime:
        return minutes(self.minute)


def minutes(count: int) -> datetime:
    return BASE + timedelta(minutes=count)


@st.composite
def histories(draw: st.DrawFn, max_steps: int = 40) -> list[Step]:
    """Accepted facts in order of time, each maybe followed by a catch-up."""
    app = StandingApplication()
    history: list[Step] = []
    minute = 0
    for _ in range(draw(st.integers(1, max_steps))):
        minute += draw(st.sampled_from(PAUSES))
        recent = history[-1].handle if history else PERSONAL[0]
        step = _step(draw, app, minute, recent)
        if step is None:
            continue
        try:
            app.record(step.type, step.handle, at=step.at, **step.fields)
        except DomainError:
            continue
        history.append(step)
    return history


def _step(
    draw: st.DrawFn, app: StandingApplication, minute: int, recent: str
) -> Step | None:
    """A fact about some account (often the one of the step before)."""
    handle = draw(st.sampled_from((recent, recent, *HANDLES, *PERSONAL, *OFFICES)))
    key = AccountKey.parse(draw(st.sampled_from((handle, handle.upper()))))
    standing = app.standing(key, minutes(minute))
    if (
        standing.status is None
        and key.folded in FOLDED_ARCHIVES
        and draw(st.integers(0, 3))
    ):
        return None
    posts = _posts(app, key, minute)
    kind = rules.REGISTERED
    if standing.status is not None:
        kind = draw(st.sampled_from(_choices(standing.status, standing.kind, posts)))
    fields = _fields(draw, kind, minute, posts)
    if kind == rules.REGISTERED:
        office = key.folded in {handle.casefold() for handle in OFFICES}
        fields["kind"] = "institutional" if office else "personal"
    catch_up = draw(st.sampled_from((None, None, None, 1, 2, 3, 100)))
    return Step(kind, key.handle, minute, fields, catch_up)


def _choices(status: Status, kind: str | None, posts: dict[str, bool]) -> list[str]:
    """The event types the status allows, the common ones more often."""
    choices = []
    for type in sorted(ALLOWED[status]):
        if type in TRANSFERS and kind != "institutional":
            continue
        if type == rules.REMOVED and not any(posts.values()):
            continue
        choices += [type] * WEIGHTS.get(type, 1)
    return choices or [rules.REMOVED]


def _posts(app: StandingApplication, key: AccountKey, minute: int) -> dict[str, bool]:
    """The account's posts at `minute` (post -> live), as far as it has any."""
    account = _state(app, key)
    if account is None:
        return {}
    at = minutes(minute)
    if account.awaiting_tenure and account.archive_of:
        source = _state(app, AccountKey(key.platform, account.archive_of))
        tenure = source.tenure_for(account.handle, at) if source else None
        return dict.fromkeys(tenure.posts, True) if tenure else {}
    _, handed_over = account.phase_at(max(at, account.latest))
    return {} if handed_over else dict(account.posts)


def _state(app: StandingApplication, key: AccountKey) -> AccountState | None:
    aggregate = app.account(key)
    return aggregate.state if aggregate is not None else None


def _fields(
    draw: st.DrawFn, kind: str, minute: int, posts: dict[str, bool]
) -> dict[str, Any]:
    live = sorted(p for p, is_live in posts.items() if is_live) or ["p0"]
    archive = st.none() | st.sampled_from(ARCHIVES)
    match kind:
        case rules.REGISTERED:
            return {"holder": _holder(draw)}
        case rules.PUBLISHED:
            return {"post": f"p{len(posts)}"}
        case rules.REMOVED:
            by = draw(st.sampled_from(("platform", "holder")))
            return {"post": draw(st.sampled_from(live)), "by": by}
        case rules.VIOLATION:
            return {"policy": draw(st.sampled_from(("civic_integrity", "spam")))}
        case rules.LOCKED:
            named = sorted(posts) or ["p0"]
            removals = draw(st.lists(st.sampled_from(named), max_size=3, unique=True))
            reason = draw(st.sampled_from(("incitement", "spam")))
            ending = _end(draw, minute)
            return {"reason": reason, "require_removal": removals or None, **ending}
        case rules.SUSPENDED:
            if draw(st.integers(0, 3)) == 0:
                return {"reason": "glorification", "permanent": True}
            reason = draw(st.sampled_from(("evasion", "spam")))
            return {"reason": reason, **_end(draw, minute)}
        case rules.TRANSFER_SCHEDULED:
            due = minutes(minute + draw(st.integers(1, 300)))
            target = draw(archive)
            return {
                "successor": _holder(draw),
                "effective_at": due,
                "archive_to": target,
            }
        case rules.TRANSFERRED:
            return {"successor": _holder(draw), "archive_to": draw(archive)}
        case _:
            return {}


def _end(draw: st.DrawFn, minute: int) -> dict[str, Any]:
    choice = draw(st.sampled_from(("none", "duration", "duration", "until")))
    length = draw(st.integers(1, 240))
    if choice == "duration":
        return {"duration": timedelta(minutes=length)}
    if choice == "until":
        return {"until": minutes(minute + length)}
    return {}


def _holder(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(HOLDERS))
