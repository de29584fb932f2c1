"""Topics that stores written by earlier versions hold.

The event store keeps each event's class as a topic, a module path. Those
classes have moved (one `Account` aggregate around the domain's fold, claims
in the application layer), so the earlier paths are registered to the
classes that read them now; a store written before the move stays readable.
"""

from __future__ import annotations

from eventsourcing.utils import register_topic

from standing.adapters.claims import FactClaim
from standing.domain.aggregate import LIBRARY_EVENTS, Account

EARLIER_ACCOUNTS = ("domain.account:Account", "domain.account_record:AccountRecord")


def register_earlier_topics() -> None:
    """Register every earlier topic of an account or claim class (once)."""
    for earlier in EARLIER_ACCOUNTS:
        register_topic(earlier, Account)  # again, for the same class: a no-op
        for kind, library in LIBRARY_EVENTS.items():
            register_topic(f"{earlier}.{kind.__name__}", library)
    register_topic("domain.claims:FactClaim", FactClaim)
    register_topic("domain.claims:FactClaim.Claimed", FactClaim.Claimed)
