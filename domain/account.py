"""The `Account` aggregate: public commands that check the rules of SPEC section 4
and then record events (defined on `AccountRecord`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain import rules
from domain.account_record import AccountRecord, Tenure
from domain.errors import Backdated, RuleBroken, UnknownAccount
from domain.facts import FactRef
from domain.identity import AccountKey
from domain.phase import Phase, ScheduledTransfer, TransferHappened, advance
from domain.timefmt import iso

KINDS = ("personal", "institutional", "campaign", "organization")
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
LONGEST = timedelta(days=36_525)


class Account(AccountRecord):
    # -- creation ---------------------------------------------------------

    @classmethod
    def register(
        cls,
        key: AccountKey,
        at: datetime,
        holder: str,
        fact: FactRef,
        kind: str = "personal",
        name: str | None = None,
    ) -> Account:
        _check_range(str(key), at, at, None)
        if kind not in KINDS:
            raise RuleBroken(
                "account.kind",
                str(key),
                at,
                None,
                f"unknown kind {kind!r}: one of {', '.join(KINDS)}",
            )
        return cls(key.platform, key.handle, at, holder, kind, fact, name=name)

    @classmethod
    def reserve_archive(
        cls,
        key: AccountKey,
        source: Account,
        transfer: ScheduledTransfer,
        holder: str,
        fact: FactRef,
    ) -> Account:
        """The archive of `source`'s outgoing tenure, archived from the transfer on."""
        return cls(
            key.platform,
            key.handle,
            transfer.scheduled_at,
            holder,
            "institutional",
            fact,
            archive_of=source.handle,
            opens_at=transfer.effective_at,
        )

    # -- commands ---------------------------------------------------------

    def publish(
        self,
        at: datetime,
        post: str,
        fact: FactRef,
        by: str | None = None,
        text: str | None = None,
    ) -> None:
        phase, posts = self._checked(rules.PUBLISHED, at)
        if post in posts:
            self._refuse(
                "post.unique",
                phase,
                at,
                f"post {post!r} already exists on {self.label}",
            )
        earlier = self._ended_tenure_of(post)
        if earlier is not None:
            detail = f"{_in_tenure(post, self.label, *earlier)}; post ids are unique"
            self._refuse("post.unique", phase, at, detail)
        self._publish(at=at, post=post, by=by, text=text, fact=fact)

    def remove(
        self,
        at: datetime,
        post: str,
        fact: FactRef,
        by: str = "platform",
        reason: str | None = None,
    ) -> None:
        phase, posts = self._checked(rules.REMOVED, at)
        if post not in posts:
            self._refuse("post.unknown", phase, at, self._no_post(post))
        if not posts[post]:
            self._refuse(
                "post.removed",
                phase,
                at,
                f"post {post!r} on {self.label} is already removed",
            )
        self._remove(at=at, post=post, by=by, reason=reason, fact=fact)

    def record_violation(
        self,
        at: datetime,
        policy: str,
        fact: FactRef,
        post: str | None = None,
        severity: str | None = None,
    ) -> None:
        phase, posts = self._checked(rules.VIOLATION, at)
        if post is not None and post not in posts:
            self._refuse("violation.post", phase, at, self._no_post(post))
        self._record_violation(
            at=at, policy=policy, post=post, severity=severity, fact=fact
        )

    def lock(
        self,
        at: datetime,
        reason: str,
        fact: FactRef,
        policy: str | None = None,
        duration: timedelta | None = None,
        until: datetime | None = None,
        require_removal: list[str] | None = None,
    ) -> None:
        phase, posts = self._checked(rules.LOCKED, at)
        self._check_end("lock", phase, at, duration, until)
        unknown = [p for p in require_removal or [] if p not in posts]
        if unknown:
            self._refuse(
                "lock.require_removal",
                phase,
                at,
                f"require_removal names {', '.join(map(repr, unknown))}, "
                f"not a post of {self.label}",
            )
        self._lock(
            at=at,
            reason=reason,
            policy=policy,
            duration=duration,
            until=until,
            require_removal=require_removal or None,
            fact=fact,
        )

    def unlock(self, at: datetime, fact: FactRef, reason: str | None = None) -> None:
        self._checked(rules.UNLOCKED, at)
        self._unlock(at=at, reason=reason, fact=fact)

    def suspend(
        self,
        at: datetime,
        reason: str,
        fact: FactRef,
        policy: str | None = None,
        permanent: bool = False,
        duration: timedelta | None = None,
        until: datetime | None = None,
    ) -> None:
        phase, _ = self._checked(rules.SUSPENDED, at)
        if permanent and (duration is not None or until is not None):
            self._refuse(
                "suspension.permanent",
                phase,
                at,
                "a permanent suspension takes no duration or until",
            )
        self._check_end("suspension", phase, at, duration, until)
        ends = at + duration if duration is not None else until
        self._suspend(
            at=at,
            reason=reason,
            policy=policy,
            permanent=permanent,
            ends=ends,
            fact=fact,
        )

    def reinstate(self, at: datetime, fact: FactRef, reason: str | None = None) -> None:
        self._checked(rules.REINSTATED, at)
        self._reinstate(at=at, reason=reason, fact=fact)

    def schedule_transfer(
        self,
        at: datetime,
        successor: str,
        effective_at: datetime,
        fact: FactRef,
        archive_to: str | None = None,
    ) -> None:
        phase = self.check_transfer(rules.TRANSFER_SCHEDULED, at, archive_to)
        _check_range(self.label, at, effective_at, phase.status.value)
        if effective_at <= at:
            self._refuse(
                "transfer.effective_at", phase, at, "effective_at must be later than at"
            )
        self._schedule_transfer(
            at=at,
            successor=successor,
            effective_at=effective_at,
            archive_to=archive_to,
            fact=fact,
        )

    def transfer(
        self, at: datetime, successor: str, fact: FactRef, archive_to: str | None = None
    ) -> None:
        self.check_transfer(rules.TRANSFERRED, at, archive_to)
        self._transfer(at=at, successor=successor, archive_to=archive_to, fact=fact)

    def archive(
        self, at: datetime, fact: FactRef, custodian: str | None = None
    ) -> None:
        self._checked(rules.ARCHIVED, at)
        self._archive(at=at, custodian=custodian, fact=fact)

    def receive_tenure(self, tenure: Tenure, fact: FactRef) -> None:
        """Open this archive with the outgoing tenure's live posts."""
        self._receive_tenure(at=tenure.ended, posts=list(tenure.posts), fact=fact)

    def complete_transfer(self, at: datetime, fact: FactRef) -> None:
        """Settle a transfer that fell due: no later fact may be backdated past it."""
        if at > self.latest:
            self._complete_transfer(at=at, fact=fact)

    # -- checks -----------------------------------------------------------

    def phase_at(self, at: datetime) -> tuple[Phase, bool]:
        """The phase at `at` (not before the latest fact), and whether a transfer
        fell due on the way, leaving the account with none of its posts."""
        phase, happened = advance(self.phase, at)
        if not happened:
            return phase, False
        return phase, any(isinstance(h, TransferHappened) for h in happened)

    def _no_post(self, post: str) -> str:
        """Why `post` is none of this account's posts: never published here,
        or published in a tenure that has ended (a transfer fell due)."""
        earlier = self._ended_tenure_of(post)
        if earlier is not None:
            return _in_tenure(post, self.label, *earlier)
        return f"no post {post!r} was published on {self.label}"

    def _ended_tenure_of(self, post: str) -> tuple[str, datetime] | None:
        """The holder and the end of the ended tenure `post` was published in,
        if it was (asked when `post` is none of the current tenure's)."""
        for tenure in reversed(self.tenures):
            if post in tenure.published:
                return tenure.holder, tenure.ended
        scheduled = self.phase.scheduled
        if post in self.posts and scheduled is not None:  # due, not yet folded
            return self.phase.holder, scheduled.effective_at
        return None

    def _checked(self, event_type: str, at: datetime) -> tuple[Phase, dict[str, bool]]:
        if at >= LATEST:
            _check_range(self.label, at, at, self.phase.status.value)
        if at < self.latest:
            raise Backdated(self.label, at, self.latest, self.phase.status.value)
        if at < self.registered_at:
            raise UnknownAccount(self.label, at)
        phase, handed_over = self.phase_at(at)
        rules.check_allowed(event_type, phase.status, self.label, at)
        return phase, {} if handed_over else self.posts

    def check_transfer(
        self, event_type: str, at: datetime, archive_to: str | None
    ) -> Phase:
        """The phase at `at`, if this account may be transferred then (its kind,
        its status, no transfer pending); else the `RuleBroken` that refuses it."""
        phase, _ = self._checked(event_type, at)
        if self.kind != "institutional":
            self._refuse(
                "transfer.institutional",
                phase,
                at,
                f"only institutional accounts change hands; "
                f"{self.label} is {self.kind}",
            )
        if phase.scheduled is not None:
            self._refuse(
                "transfer.pending",
                phase,
                at,
                f"a transfer to {phase.scheduled.successor} is already scheduled",
            )
        if archive_to is not None and archive_to.casefold() == self.handle.casefold():
            self._refuse(
                "transfer.archive_to", phase, at, "archive_to must name another account"
            )
        return phase

    def _check_end(
        self,
        what: str,
        phase: Phase,
        at: datetime,
        duration: timedelta | None,
        until: datetime | None,
    ) -> None:
        if duration is not None and until is not None:
            self._refuse(
                f"{what}.duration_or_until",
                phase,
                at,
                "give duration or until, not both",
            )
        if duration is not None and duration <= timedelta(0):
            self._refuse(f"{what}.duration", phase, at, "duration must be positive")
        if duration is not None and duration > LONGEST:
            self._refuse(f"{what}.duration", phase, at, "duration over 100 years")
        if until is not None and until <= at:
            self._refuse(f"{what}.until", phase, at, "until must be later than at")
        if until is not None:
            _check_range(self.label, at, until, phase.status.value)

    def _refuse(self, rule: str, phase: Phase, at: datetime, detail: str) -> None:
        raise RuleBroken(rule, self.label, at, phase.status.value, detail)


def _check_range(
    account: str, at: datetime, instant: datetime, status: str | None
) -> None:
    """Instants stay well inside the calendar, so every end can be computed."""
    if instant >= LATEST:
        raise RuleBroken(
            "time.range",
            account,
            at,
            status,
            f"{iso(instant)} is too far ahead: instants must be before {LATEST.year}",
        )


def _in_tenure(post: str, label: str, holder: str, ended: datetime) -> str:
    return (
        f"post {post!r} was published in {holder}'s tenure of {label}, "
        f"which ended at {iso(ended)}"
    )
