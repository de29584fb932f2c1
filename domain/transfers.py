"""The events a transfer makes on the archive of the outgoing tenure.

A transfer with `archive_to` reserves that account as the archive of the
tenure it ends: registered from the transfer's instant as `archived`, it
exists from the transfer's effective time, when it receives the tenure's
live posts. The application plays these between the two accounts.
"""

from __future__ import annotations

from datetime import datetime

from standing.domain import events as ev
from standing.domain.facts import FactRef
from standing.domain.identity import AccountKey
from standing.domain.state import AccountState, Tenure


def archive_registered(
    key: AccountKey,
    source: AccountState,
    at: datetime,
    effective_at: datetime,
    holder: str,
    fact: FactRef,
) -> ev.Registered:
    """The archive of `source`'s tenure held by `holder`, ending at `effective_at`."""
    return ev.Registered(
        key.platform,
        key.handle,
        at,
        holder,
        "institutional",
        fact,
        archive_of=source.handle,
        opens_at=effective_at,
    )


def tenure_received(tenure: Tenure, fact: FactRef) -> ev.TenureReceived:
    """The archive opens with the live posts of the tenure it keeps."""
    return ev.TenureReceived(tenure.ended, list(tenure.posts), fact)


def transfer_completed(
    source: AccountState, tenure: Tenure, fact: FactRef
) -> ev.TransferCompleted | None:
    """Settles on the source a scheduled transfer that fell due, so that no
    later fact can be backdated past it (None: a later fact settled it)."""
    if tenure.ended > source.latest:
        return ev.TransferCompleted(tenure.ended, fact)
    return None
