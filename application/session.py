"""A unit of work: facts decided and folded in memory, then stored together.

Each fact is decided on its account's state (`decide`) and the events folded
in (`evolve`); a transfer with an archive plays its events on both accounts.
Nothing is stored until `collect` (or `save`) turns the pending events into
stored events, the claims of given ids with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from typing import Any
from uuid import UUID

from eventsourcing.persistence import RecordConflictError, StoredEvent

from standing.adapters.claims import FactClaim, claim_id, legacy_claim_id
from standing.adapters.event_store import EventStore
from standing.application.clock import now
from standing.domain import events as ev
from standing.domain.errors import (
    ConflictingFact,
    DomainError,
    RuleBroken,
    UnknownAccount,
)
from standing.domain.facts import Fact, FactRef
from standing.domain.fold import evolve
from standing.domain.identity import AccountKey
from standing.domain.machine import decide
from standing.domain.state import AccountState
from standing.domain.timefmt import iso
from standing.domain.transfers import (
    archive_registered,
    tenure_received,
    transfer_completed,
)

_MISSING: Any = object()
# The facts at an account's latest instant, id to digest: one (id, digest) pair
# in the usual case (a third of a dict's memory), a dict when several share it.
Recent = tuple[str, str | None] | dict[str, str | None]


class Result(Enum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"


class LostRace(RecordConflictError):
    """A fact refused on accounts another writer has stored since this session
    read them: the refusal may rest on a mix of old and new, so the facts are
    to be checked again against what that writer stored."""


@dataclass(slots=True)
class Tracked:
    """An account as this session has it: its state, its version (stored and
    pending events), the facts at its latest instant, and what is pending."""

    id: UUID
    state: AccountState
    version: int
    recent: Recent
    pending: list[ev.Event] = field(default_factory=list)

    def record(self, event: ev.Event) -> None:
        self.note(event)
        self.pending.append(event)

    def note(self, event: ev.Event) -> None:
        """Fold `event` in, noting its fact among the latest instant's."""
        fact, latest = event.fact, self.state.latest
        self.state = evolve(self.state, event)
        self.version += 1
        if event.at > latest:
            self.recent = (fact.id, fact.digest)
        elif isinstance(self.recent, tuple):
            self.recent = dict((self.recent, (fact.id, fact.digest)))
        else:
            self.recent[fact.id] = fact.digest

    def recent_digest(self, fact_id: str, default: Any = None) -> Any:
        """The digest of `fact_id` if it is at the latest instant, else `default`."""
        if isinstance(self.recent, tuple):
            noted, digest = self.recent
            return digest if noted == fact_id else default
        return self.recent.get(fact_id, default)


def tracked(account: UUID, registered: ev.Registered) -> Tracked:
    fact = registered.fact
    return Tracked(account, evolve(None, registered), 1, (fact.id, fact.digest))


class Session:
    """Applies facts to accounts held in memory; nothing is stored until `save`."""

    def __init__(self, app: EventStore) -> None:
        self.app = app
        self.accounts: dict[UUID, Tracked | None] = {}
        self.versions: dict[UUID, int] = {}  # as stored when read, if stored
        self.consulted: list[UUID] = []  # other accounts the current fact read
        self.claims: list[FactClaim] = []
        self.applied: dict[UUID, int] = {}
        self.seen: dict[str, str | None] = {}
        self.touched: dict[UUID, None] = {}  # accounts with pending events
        self.history: dict[UUID, dict[str, str | None]] = {}

    def apply(self, fact: Fact) -> Result:
        """Apply one fact, or raise the `DomainError` that refuses it (`LostRace`
        when another writer changed, meanwhile, an account the refusal rests on)."""
        if self._seen_before(fact.ref):
            return Result.DUPLICATE
        if self.consulted:
            self.consulted.clear()
        ident = fact.key.id
        try:
            return self._apply(fact, ident)
        except DomainError as error:
            self._check_not_raced(ident, error)
            raise

    def _apply(self, fact: Fact, ident: UUID) -> Result:
        account = self.load(fact.key, ident)
        if account is not None and self._stored_before(account, fact):
            return Result.DUPLICATE
        if fact.ref.digest is not None and self._claimed_elsewhere(fact.ref):
            return Result.DUPLICATE
        if fact.type == ev.REGISTERED:
            self._register(fact, account)
        elif account is None:
            raise UnknownAccount(str(fact.key), fact.at)
        else:
            self._command(account, fact)
        if fact.ref.digest is not None:
            self.claims.append(FactClaim(fact.ref.id, fact.ref.digest, str(fact.key)))
            # only given ids: a derived one is found in its account's facts
            self.seen[fact.ref.id] = fact.ref.digest
        self.applied[ident] = self.applied.get(ident, 0) + 1
        return Result.APPLIED

    def load(self, key: AccountKey, ident: UUID | None = None) -> Tracked | None:
        """The account as this session has it (`ident`: `key.id`, if known)."""
        ident = ident or key.id
        account = self.accounts.get(ident, _MISSING)
        if account is _MISSING:
            account = None if self._store_was_empty else self._read(key, ident)
            if account is not None:
                self.versions[ident] = account.version
            self.accounts[ident] = account
        return account

    def _read(self, key: AccountKey, ident: UUID) -> Tracked | None:
        """The account folded from its stored events, if it has any."""
        account: Tracked | None = None
        for event in self.app.stored_events(key):
            if account is None:
                account = tracked(ident, event)  # type: ignore[arg-type]
            else:
                account.note(event)
        return account

    def _consult(self, key: AccountKey) -> Tracked | None:
        """`load`, for an account other than the fact's own: a refusal of the
        fact may rest on it too."""
        self.consulted.append(key.id)
        return self.load(key)

    def _check_not_raced(self, ident: UUID, error: DomainError) -> None:
        """Raise `LostRace` if an account the current fact read (its own, or
        one consulted) is no longer stored as this session read it."""
        for account_id in (ident, *self.consulted):
            if account_id not in self.accounts:
                continue  # never read: its reading raised
            if self._stored_version(account_id) != self.versions.get(account_id, 0):
                raise LostRace(
                    "another writer stored facts of accounts this one was "
                    "checking; run it again to check against them"
                ) from error

    def _stored_version(self, account_id: UUID) -> int:
        latest = self.app.recorder.select_events(account_id, desc=True, limit=1)
        return latest[0].originator_version if latest else 0

    @cached_property
    def _store_was_empty(self) -> bool:
        """Whether the store held nothing when this session first looked: then
        no account or claim needs looking up (a writer that stores one
        meanwhile makes `save` conflict, and the caller checks again)."""
        return not self.app.recorder.max_notification_id()

    def save(self) -> None:
        """Store every pending event in one transaction.

        A writer that stored the same account meanwhile makes the recorder
        raise `RecordConflictError`, and nothing of this session is stored.
        A long replay stores batch by batch with `collect` instead.
        """
        events, _ = self.collect()
        if events:
            self.app.insert(events)

    def collect(self) -> tuple[list[StoredEvent], int]:
        """Take the pending events of every account, and the claims of their
        given ids, as stored events recorded now, and how many facts they
        record.

        A fact that changes two accounts (a transfer and its archive) leaves
        events pending on both, so they are collected together. The accounts
        stay, so later facts build on them; their events are the caller's to
        store, in order, each collect in one transaction.
        """
        events: list[StoredEvent] = []
        recorded_at = now()  # the batch's recording time
        encode = self.app.codec.encode
        for account_id in self.touched:
            account = self.accounts.get(account_id)
            if account is None or not account.pending:
                continue
            first = account.version - len(account.pending) + 1
            for version, event in enumerate(account.pending, start=first):
                events.append(encode(account_id, version, event, recorded_at))
            account.pending = []
        mapper = self.app.mapper
        for claim in self.claims:
            events.extend(mapper.to_stored_event(e) for e in claim.collect_events())
        facts = sum(self.applied.values())
        self.touched, self.applied, self.claims = {}, {}, []
        return events, facts

    def _record(self, account: Tracked, event: ev.Event) -> None:
        account.record(event)
        self.touched[account.id] = None

    def _stored_before(self, account: Tracked, fact: Fact) -> bool:
        """Whether `account` already has this fact; raise if for other content.

        The account keeps only the facts at its latest instant. An earlier
        fact is either stored already or backdated: the stored history (read
        once per account, and only then) tells which. Facts are checked in time
        order, so a fact repeated in this session is always at the latest instant.
        """
        digest = account.recent_digest(fact.ref.id, _MISSING)
        if digest is _MISSING and fact.at < account.state.latest:
            digest = self._history(account).get(fact.ref.id, _MISSING)
        if digest is _MISSING:
            return False
        if digest != fact.ref.digest:
            raise ConflictingFact(fact.ref.id)
        return True

    def _history(self, account: Tracked) -> dict[str, str | None]:
        """Every stored fact of `account`, by id."""
        facts = self.history.get(account.id)
        if facts is None:
            events = self.app.stored_events(account.state.key)
            facts = {event.fact.id: event.fact.digest for event in events}
            self.history[account.id] = facts
        return facts

    def _claimed_elsewhere(self, ref: FactRef) -> bool:
        """Whether a given id is already stored (a duplicate); raise if for other
        content. A store written before claims had their own namespace holds
        them under their legacy id (where an account may be instead)."""
        if self._store_was_empty:
            return False
        for ident in (claim_id(ref.id), legacy_claim_id(ref.id)):
            claim = self.app.claim(ident)
            if claim is None:
                continue
            if claim.digest != ref.digest:
                raise ConflictingFact(ref.id)
            return True
        return False

    def _seen_before(self, ref: FactRef) -> bool:
        if ref.id not in self.seen:
            return False
        if self.seen[ref.id] != ref.digest:
            raise ConflictingFact(ref.id)
        return True

    def _register(self, fact: Fact, existing: Tracked | None) -> None:
        (registered,) = _decided(existing.state if existing else None, fact)
        account = tracked(fact.key.id, registered)  # type: ignore[arg-type]
        account.pending.append(registered)
        self.accounts[account.id] = account
        self.touched[account.id] = None

    def _command(self, account: Tracked, fact: Fact) -> None:
        state = account.state
        if state.awaiting_tenure and fact.at >= state.registered_at:
            self._open_archive(account, fact)
        if fact.type in (ev.TRANSFERRED, ev.TRANSFER_SCHEDULED):
            self._transfer(account, fact)
            return
        for event in _decided(account.state, fact):
            self._record(account, event)

    def _transfer(self, source: Tracked, fact: Fact) -> None:
        archive_to = fact.fields.get("archive_to")
        key = (
            AccountKey.parse(archive_to, source.state.platform) if archive_to else None
        )
        if key is not None:  # the handle without '@', as the archive has it
            fact = replace(fact, fields={**fact.fields, "archive_to": key.handle})
        events = _decided(source.state, fact)  # its own rules first
        phase, _ = source.state.phase_at(fact.at)
        existing = self._consult(key) if key is not None else None
        if existing is not None:
            detail = f"archive_to {existing.state.label} names an existing account"
            label, status = source.state.label, phase.status.value
            raise RuleBroken("transfer.archive_to", label, fact.at, status, detail)
        for event in events:
            self._record(source, event)
        if key is not None:
            self._reserve_archive(source, key, phase.holder, fact)

    def _reserve_archive(
        self, source: Tracked, key: AccountKey, holder: str, fact: Fact
    ) -> None:
        effective = fact.fields.get("effective_at", fact.at)
        ref = FactRef(f"{fact.ref.id}/archive")
        registered = archive_registered(
            key, source.state, fact.at, effective, holder, ref
        )
        archive = tracked(key.id, registered)
        archive.pending.append(registered)
        if fact.type == ev.TRANSFERRED:
            tenure = source.state.tenures[-1]
            archive.record(tenure_received(tenure, FactRef(f"{fact.ref.id}/tenure")))
        self.accounts[archive.id] = archive
        self.touched[archive.id] = None

    def _open_archive(self, archive: Tracked, fact: Fact) -> None:
        """Hand an archive the tenure its source's scheduled transfer passed on."""
        state, at = archive.state, fact.at
        source = self._consult(AccountKey(state.platform, state.archive_of or ""))
        tenure = source.state.tenure_for(state.handle, at) if source else None
        if source is None or tenure is None:
            raise UnknownAccount(state.label, at)
        stamp = f"{state.handle}@{iso(tenure.ended)}"
        self._record(archive, tenure_received(tenure, FactRef(f"tenure:{stamp}")))
        completed = transfer_completed(
            source.state, tenure, FactRef(f"transfer:{stamp}")
        )
        if completed is not None:
            self._record(source, completed)


def _decided(state: AccountState | None, fact: Fact) -> tuple[ev.Event, ...]:
    decided = decide(state, fact)
    if isinstance(decided, DomainError):
        raise decided
    return decided
