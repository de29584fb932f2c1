"""`standing generate`: a valid, time-sorted event file of realistic shape.

A small simulation keeps just enough of each account's state (status, live
posts, when its restriction ends, a scheduled transfer) to emit only facts the
rules accept. The same seed gives the same file.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sortedcontainers import SortedList

from standing.domain import events as ev

START = datetime(2020, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=730)
LOCKS = (("PT12H", timedelta(hours=12)), ("P7D", timedelta(days=7)))


@dataclass
class Sim:
    handle: str
    institutional: bool
    status: str = "active"
    ends: datetime | None = None
    awaiting: set[int] = field(default_factory=set)
    lock_length: timedelta | None = None
    # the live posts' numbers, in order: picked by position as from a list, but
    # removed in log time (a busy account has a hundred thousand live posts)
    live: SortedList = field(default_factory=SortedList)
    posted: int = 0
    due: datetime | None = None
    tenures: int = 0

    def settle(self, now: datetime) -> None:
        if self.ends is not None and now >= self.ends:
            self.status, self.ends = "active", None
        if self.due is not None and now >= self.due:
            if self.status not in ("permanently_suspended", "archived"):
                self.new_tenure()
            self.due = None

    def new_tenure(self) -> None:
        """A new holder: active, with no posts and nothing awaited."""
        self.status, self.ends, self.awaiting = "active", None, set()
        self.live = SortedList()


def generate(events: int, accounts: int, seed: int) -> Iterator[dict[str, Any]]:
    """`events` records over `accounts` accounts, in order of time."""
    rng = random.Random(seed)
    sims = [_new_account(i, rng) for i in range(min(accounts, events))]
    step = SPAN / max(events, 1)
    now = START
    for sim in sims:
        now += step
        yield _registered(sim, now, rng)
    for _ in range(events - len(sims)):
        now += step * rng.uniform(0.5, 1.5)
        sim = sims[_pick(len(sims), rng)]
        sim.settle(now)
        yield _next_fact(sim, now, rng)


def _pick(count: int, rng: random.Random) -> int:
    """Half the facts go to any account, half to a few very busy ones."""
    if rng.random() < 0.5:
        return rng.randrange(count)
    return min(int(rng.paretovariate(1.0)) - 1, count - 1)


def _new_account(index: int, rng: random.Random) -> Sim:
    institutional = rng.random() < 0.02
    prefix = "office" if institutional else "user"
    return Sim(f"{prefix}{index:06d}", institutional)


def _registered(sim: Sim, now: datetime, rng: random.Random) -> dict[str, Any]:
    kind = (
        "institutional"
        if sim.institutional
        else rng.choice(
            ("personal", "personal", "personal", "campaign", "organization")
        )
    )
    return _record(ev.REGISTERED, sim, now, holder=f"Holder of {sim.handle}", kind=kind)


def _next_fact(sim: Sim, now: datetime, rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    if sim.status == "active":
        return _when_active(sim, now, rng, roll)
    if sim.live and (sim.awaiting or roll < 0.5):
        return _remove(sim, now, rng)
    if roll < 0.8:
        return _record(ev.VIOLATION, sim, now, policy="spam")
    sim.status, sim.ends, sim.awaiting = "active", None, set()
    return _record(ev.REINSTATED, sim, now, reason="appeal granted")


def _when_active(sim: Sim, now: datetime, rng: random.Random, roll: float) -> dict:
    if roll < 0.80 or not sim.live:
        sim.posted += 1
        sim.live.add(sim.posted)
        return _record(
            ev.PUBLISHED, sim, now, post=f"p{sim.posted}", text="hello world"
        )
    if roll < 0.88:
        return _remove(sim, now, rng)
    if roll < 0.94:
        return _record(
            ev.VIOLATION,
            sim,
            now,
            policy=rng.choice(("civic_integrity", "spam", "abuse")),
        )
    if roll < 0.975:
        return _lock(sim, now, rng)
    if sim.institutional and sim.due is None and roll < 0.985:
        return _transfer(sim, now, rng)
    return _suspend(sim, now, rng)


def _remove(sim: Sim, now: datetime, rng: random.Random) -> dict[str, Any]:
    # the first awaited post by its name (a set's own order changes from process
    # to process; by name, a seed gives the file it gave before posts were numbers)
    post = min(sim.awaiting, key=str) if sim.awaiting else rng.choice(sim.live)
    sim.live.remove(post)
    if post in sim.awaiting:
        sim.awaiting.discard(post)
        if not sim.awaiting and sim.lock_length is not None:
            sim.ends = now + sim.lock_length
    return _record(ev.REMOVED, sim, now, post=f"p{post}", by="platform")


def _lock(sim: Sim, now: datetime, rng: random.Random) -> dict[str, Any]:
    text, length = rng.choice(LOCKS)
    required = rng.sample(sim.live, k=min(len(sim.live), rng.randint(1, 3)))
    sim.status, sim.awaiting, sim.lock_length, sim.ends = (
        "locked",
        set(required),
        length,
        None,
    )
    return _record(
        ev.LOCKED,
        sim,
        now,
        reason="rule violation",
        policy="civic_integrity",
        duration=text,
        require_removal=[f"p{post}" for post in required],
    )


def _suspend(sim: Sim, now: datetime, rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    sim.awaiting = set()
    if roll < 0.6:
        sim.status, sim.ends = "suspended", now + timedelta(days=7)
        return _record(ev.SUSPENDED, sim, now, reason="abuse", duration="P7D")
    if roll < 0.85 or sim.institutional:
        sim.status, sim.ends = "suspended", None
        return _record(ev.SUSPENDED, sim, now, reason="under review")
    sim.status, sim.ends = "permanently_suspended", None
    return _record(ev.SUSPENDED, sim, now, reason="ban evasion", permanent=True)


def _transfer(sim: Sim, now: datetime, rng: random.Random) -> dict[str, Any]:
    sim.tenures += 1
    archive = f"{sim.handle}_t{sim.tenures}"
    successor = f"Holder {sim.tenures + 1} of {sim.handle}"
    if rng.random() < 0.5:
        sim.new_tenure()
        return _record(
            ev.TRANSFERRED, sim, now, successor=successor, archive_to=archive
        )
    sim.due = now + timedelta(days=rng.randint(1, 30))
    return _record(
        ev.TRANSFER_SCHEDULED,
        sim,
        now,
        successor=successor,
        effective_at=_iso(sim.due),
        archive_to=archive,
    )


def _record(type_: str, sim: Sim, now: datetime, **fields: Any) -> dict[str, Any]:
    return {"type": type_, "at": _iso(now), "account": sim.handle, **fields}


def _iso(at: datetime) -> str:
    """`2020-01-01T00:00:00.000000Z` (in UTC, with every digit)."""
    return at.isoformat(timespec="microseconds").removesuffix("+00:00") + "Z"
