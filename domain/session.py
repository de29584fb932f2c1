"""A unit of work: facts checked and applied in memory, then saved together."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import cached_property
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import RecordConflictError, StoredEvent

from domain import rules
from domain.account import Account
from domain.application import StandingApplication
from domain.claims import FactClaim, claim_id, legacy_claim_id
from domain.errors import ConflictingFact, DomainError, RuleBroken, UnknownAccount
from domain.facts import FactRef
from domain.identity import AccountKey
from domain.phase import ScheduledTransfer
from domain.recording import RecordedAccount, stored
from domain.timefmt import iso

_MISSING: Any = object()


COMMANDS = {
    rules.PUBLISHED: Account.publish,
    rules.REMOVED: Account.remove,
    rules.VIOLATION: Account.record_violation,
    rules.LOCKED: Account.lock,
    rules.UNLOCKED: Account.unlock,
    rules.SUSPENDED: Account.suspend,
    rules.REINSTATED: Account.reinstate,
    rules.ARCHIVED: Account.archive,
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One dated fact about one account, with its own fields parsed."""

    type: str
    key: AccountKey
    at: datetime
    ref: FactRef
    fields: Mapping[str, Any] = field(default_factory=dict)


class Result(Enum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"


class LostRace(RecordConflictError):
    """A fact refused on accounts another writer has stored since this session
    read them: the refusal may rest on a mix of old and new, so the facts are
    to be checked again against what that writer stored."""


class Session:
    """Applies facts to accounts held in memory; nothing is stored until `save`."""

    def __init__(self, app: StandingApplication) -> None:
        self.app = app
        self.accounts: dict[UUID, Account | None] = {}
        self.versions: dict[UUID, int] = {}  # as stored when read, if stored
        self.consulted: list[UUID] = []  # other accounts the current fact read
        self.claims: list[FactClaim] = []
        self.applied: dict[UUID, int] = {}
        self.seen: dict[str, str | None] = {}
        self.touched: dict[UUID, None] = {}
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
        self.touched[ident] = None
        if account is not None and self._stored_before(account, fact):
            return Result.DUPLICATE
        if fact.ref.digest is not None and self._claimed_elsewhere(fact.ref):
            return Result.DUPLICATE
        if fact.type == rules.REGISTERED:
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

    def load(self, key: AccountKey, ident: UUID | None = None) -> Account | None:
        """The account as this session has it (`ident`: `key.id`, if known)."""
        ident = ident or key.id
        account = self.accounts.get(ident, _MISSING)
        if account is _MISSING:
            account = None if self._store_was_empty else self.app.account(key)
            if account is not None:
                account = RecordedAccount.of(account)
                self.versions[ident] = account.version
            self.accounts[ident] = account
        return account

    def _consult(self, key: AccountKey) -> Account | None:
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
        self.touched = dict.fromkeys(self.accounts)
        events, _ = self.collect()
        if events:
            self.app.insert(events)

    def collect(self) -> tuple[list[StoredEvent], int]:
        """Take the pending events of every account touched since the last
        collect, and the claims of their given ids, as stored events recorded
        now, and how many facts they record.

        A fact that changes two accounts (a transfer and its archive) touches
        both, so they are collected together. The accounts stay, so later
        facts build on them; their events are the caller's to store, in
        order, each collect in one transaction.
        """
        events: list[StoredEvent] = []
        now = RecordedAccount.Event.create_timestamp()  # the batch's recording time
        mapper = self.app.mapper
        for account_id in self.touched:
            account = self.accounts.get(account_id)
            if account is not None:
                events.extend(stored(account, mapper, now))
        for claim in self.claims:
            events.extend(stored(claim, mapper, now))
        facts = sum(self.applied.values())
        self.touched, self.applied, self.claims = {}, {}, []
        return events, facts

    def _stored_before(self, account: Account, fact: Fact) -> bool:
        """Whether `account` already has this fact; raise if for other content.

        The account keeps only the facts at its latest instant. An earlier
        fact is either stored already or backdated: the stored history (read
        once per account, and only then) tells which. Facts are checked in time
        order, so a fact repeated in this session is always at the latest instant.
        """
        digest = account.recent_digest(fact.ref.id, _MISSING)
        if digest is _MISSING and fact.at < account.latest:
            digest = self._history(account).get(fact.ref.id, _MISSING)
        if digest is _MISSING:
            return False
        if digest != fact.ref.digest:
            raise ConflictingFact(fact.ref.id)
        return True

    def _history(self, account: Account) -> dict[str, str | None]:
        """Every stored fact of `account`, by id."""
        facts = self.history.get(account.id)
        if facts is None:
            stored = self.app.repository.event_store.get(account.id)
            facts = {event.fact.id: event.fact.digest for event in stored}  # type: ignore[attr-defined]
            self.history[account.id] = facts
        return facts

    def _claimed_elsewhere(self, ref: FactRef) -> bool:
        """Whether a given id is already stored (a duplicate); raise if for other
        content. A store written before claims had their own namespace holds
        them under their legacy id (where an account may be instead)."""
        if self._store_was_empty:
            return False
        for ident in (claim_id(ref.id), legacy_claim_id(ref.id)):
            try:
                claim = self.app.repository.get(ident)
            except AggregateNotFoundError:
                continue
            if not isinstance(claim, FactClaim):
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

    def _register(self, fact: Fact, existing: Account | None) -> None:
        if existing is not None:
            raise _already_registered(existing, fact.at)
        registered = Account.register(fact.key, fact.at, fact=fact.ref, **fact.fields)
        account = RecordedAccount.of(registered)
        self.accounts.pop(account.id, None)  # keyed by the account's own id: one
        self.accounts[account.id] = account  # UUID an account, not two

    def _command(self, account: Account, fact: Fact) -> None:
        if account.awaiting_tenure and fact.at >= account.registered_at:
            self._open_archive(account, fact.at)
        if fact.type in (rules.TRANSFERRED, rules.TRANSFER_SCHEDULED):
            self._transfer(account, fact)
        else:
            COMMANDS[fact.type](account, at=fact.at, fact=fact.ref, **fact.fields)

    def _transfer(self, source: Account, fact: Fact) -> None:
        archive_to = fact.fields.get("archive_to")
        archive_key = (
            AccountKey.parse(archive_to, source.platform) if archive_to else None
        )
        handle = archive_key.handle if archive_key is not None else None
        phase = source.check_transfer(fact.type, fact.at, handle)  # its own rules first
        existing = self._consult(archive_key) if archive_key is not None else None
        if existing is not None:
            raise RuleBroken(
                "transfer.archive_to",
                source.label,
                fact.at,
                phase.status.value,
                f"archive_to {existing.label} names an existing account",
            )
        outgoing = phase.holder
        fields = dict(fact.fields)
        if archive_key is not None:  # the handle without '@', as the archive has it
            fields["archive_to"] = archive_key.handle
        if fact.type == rules.TRANSFERRED:
            source.transfer(fact.at, fact=fact.ref, **fields)
        else:
            source.schedule_transfer(fact.at, fact=fact.ref, **fields)
        if archive_key is not None:
            self._reserve_archive(source, archive_key, outgoing, fact)

    def _reserve_archive(
        self, source: Account, key: AccountKey, holder: str, fact: Fact
    ) -> None:
        effective = fact.fields.get("effective_at", fact.at)
        transfer = ScheduledTransfer(fact.at, fact.fields["successor"], effective)
        ref = FactRef(f"{fact.ref.id}/archive")
        archive = RecordedAccount.of(
            Account.reserve_archive(key, source, transfer, holder, ref)
        )
        if fact.type == rules.TRANSFERRED:
            archive.receive_tenure(source.tenures[-1], FactRef(f"{fact.ref.id}/tenure"))
        self.accounts[archive.id] = archive
        self.touched[archive.id] = None

    def _open_archive(self, archive: Account, at: datetime) -> None:
        """Hand an archive the tenure its source's scheduled transfer passed on."""
        source = self._consult(AccountKey(archive.platform, archive.archive_of or ""))
        tenure = source.tenure_for(archive.handle, at) if source else None
        if source is None or tenure is None:
            raise UnknownAccount(archive.label, at)
        stamp = f"{archive.handle}@{iso(tenure.ended)}"
        archive.receive_tenure(tenure, FactRef(f"tenure:{stamp}"))
        source.complete_transfer(tenure.ended, FactRef(f"transfer:{stamp}"))
        self.touched[source.id] = None


def _already_registered(existing: Account, at: datetime) -> RuleBroken:
    if existing.archive_of and at < existing.registered_at:
        detail = (
            f"{existing.label} is reserved for the archive of @{existing.archive_of} "
            f"from {iso(existing.registered_at)}"
        )
        return RuleBroken("account.reserved", existing.label, at, None, detail)
    status = existing.phase_at(max(at, existing.latest))[0].status
    return RuleBroken(
        f"{status.value}.{rules.REGISTERED}",
        existing.label,
        at,
        status.value,
        f"cannot register {existing.label}: it is already registered",
    )
