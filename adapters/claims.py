"""Given fact ids are unique across the store, not only within an account.

A derived id is a digest of the fact's content (account included), so only ids
given in the input can collide. Each given id is claimed by a tiny aggregate
whose id derives from the fact id; it is saved in the same transaction as the
account's events, so the event store's own uniqueness constraint settles a
race between two writers.

A claim's id is a uuid5 in a namespace of its own: no account id (a uuid5 in
`domain.identity.NAMESPACE`) can be one, whatever the platform, handle and fact
id. Stores written before hold their claims under `legacy_claim_id`, in the
accounts' namespace (fact id "x" and account "x" on platform "fact" met
there); they are looked up there too, so their duplicates are still found.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from standing.domain.identity import NAMESPACE

CLAIM_NAMESPACE = UUID("0c7d2b9a-3e51-4f6a-b8d4-61a9e2f03c57")


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
    """The id of the claim of given fact id `fact`."""
    return uuid5(CLAIM_NAMESPACE, fact)


def legacy_claim_id(fact: str) -> UUID:
    """Where stores written before `CLAIM_NAMESPACE` hold the claim of `fact`."""
    return uuid5(NAMESPACE, f"fact/{fact}")
