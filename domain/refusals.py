"""How the state machine words a refusal: the rule, the account, the instant
and the status it had then (SPEC section 4), and what would mend the fact."""

from __future__ import annotations

from datetime import datetime

from standing.domain import events as ev
from standing.domain.errors import RuleBroken
from standing.domain.facts import Fact
from standing.domain.phase import Lifted, Phase, RestrictionEnded, advance
from standing.domain.restrictions import Status
from standing.domain.state import AccountState
from standing.domain.timefmt import iso

VERBS = {
    ev.REGISTERED: "register",
    ev.PUBLISHED: "publish a post on",
    ev.REMOVED: "remove a post from",
    ev.VIOLATION: "record a violation on",
    ev.LOCKED: "lock",
    ev.UNLOCKED: "unlock",
    ev.SUSPENDED: "suspend",
    ev.REINSTATED: "reinstate",
    ev.TRANSFER_SCHEDULED: "schedule a transfer of",
    ev.TRANSFERRED: "transfer",
    ev.ARCHIVED: "archive",
}
LIFTS = (ev.UNLOCKED, ev.REINSTATED)
ARTICLE = {Status.ACTIVE: "an", Status.ARCHIVED: "an"}


def refuse(s: AccountState, rule: str, phase: Phase, fact: Fact, detail: str) -> None:
    raise RuleBroken(rule, s.label, fact.at, phase.status.value, detail)


def not_allowed(s: AccountState, fact: Fact, phase: Phase) -> RuleBroken:
    status = phase.status
    article = ARTICLE.get(status, "a")
    detail = (
        f"cannot {VERBS[fact.type]} {s.label}: {article} "
        f"{status.value.replace('_', ' ')} account does not accept {fact.type}"
    )
    lifted = _ran_out(s, fact.at)
    if lifted is not None and status is Status.ACTIVE and fact.type in LIFTS:
        what = "lock" if lifted.status is Status.LOCKED else "suspension"
        detail += (
            f": its {what} already ran out at {iso(lifted.at)} (drop this record, "
            f"or the {what}'s duration or until)"
        )
    return RuleBroken(
        f"{status.value}.{fact.type}", s.label, fact.at, status.value, detail
    )


def _ran_out(s: AccountState, at: datetime) -> Lifted | None:
    """The restriction that time alone ended last, by `at`, if none was
    imposed or lifted by a fact since."""
    for happening in reversed(advance(s.phase, at)[1]):
        if isinstance(happening, RestrictionEnded):
            return Lifted(happening.status, happening.since, happening.at, True)
    lifted = s.lifted
    if lifted is not None and lifted.ran_out and s.phase.restriction is None:
        return lifted
    return None


def no_post(s: AccountState, post: str) -> str:
    """Why `post` is none of the account's posts: never published there, or
    published in a tenure that has ended (a transfer fell due)."""
    earlier = s.ended_tenure_of(post)
    if earlier is not None:
        return in_tenure(post, s.label, *earlier)
    return f"no post {post!r} was published on {s.label}"


def in_tenure(post: str, label: str, holder: str, ended: datetime) -> str:
    return (
        f"post {post!r} was published in {holder}'s tenure of {label}, "
        f"which ended at {iso(ended)}"
    )


def already_registered(existing: AccountState, at: datetime) -> RuleBroken:
    if existing.archive_of and at < existing.registered_at:
        detail = (
            f"{existing.label} is reserved for the archive of @{existing.archive_of} "
            f"from {iso(existing.registered_at)}"
        )
        return RuleBroken("account.reserved", existing.label, at, None, detail)
    status = existing.phase_at(max(at, existing.latest))[0].status
    detail = f"cannot register {existing.label}: it is already registered"
    rule = f"{status.value}.{ev.REGISTERED}"
    return RuleBroken(rule, existing.label, at, status.value, detail)
