"""Given fact ids are unique across the store, not only within an account.

A derived id is a digest of the fact's content (account included), so only ids
given in the input can collide. Each given id is claimed by a tiny aggregate
whose id derives from the fact id; it is saved in the same transaction as the
account's events, so the event store's own uniqueness constraint settles a
race between two writers.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.identity import NAMESPACE


class FactClaim(Aggregate):
    @staticmethod
    def create_id(fact: str, **_: Any) -> UUID:
        return claim_id(fact)

    @event("Claimed")
    def __init__(self, fact: str, digest: str, account: str) -> None:
        self.fact = fact
        self.digest = digest
        self.account = account


def claim_id(fact: str) -> UUID:
    return uuid5(NAMESPACE, f"fact/{fact}")
