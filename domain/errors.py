"""Domain errors: every refusal the rules make, in words a person understands."""

from __future__ import annotations

from datetime import datetime

from standing.domain.timefmt import iso


class DomainError(Exception):
    """Base class of every error the domain raises."""


class InvalidIdentity(DomainError):
    """A handle or platform that breaks the syntax rules."""


class UnknownAccount(DomainError):
    """No account with that handle on that platform."""

    def __init__(self, account: str, at: datetime | None = None) -> None:
        if at is None:
            super().__init__(f"unknown account {account}")
        else:
            super().__init__(
                f"unknown account {account} at {iso(at)} (rule account.unknown: "
                f"{account} was not registered at {iso(at)})"
            )
        self.account = account


class RuleBroken(DomainError):
    """A fact that the state machine refuses.

    The message names the rule, the account, the instant and the status the
    account had then.
    """

    def __init__(
        self, rule: str, account: str, at: datetime, status: str | None, detail: str
    ) -> None:
        status_text = status.replace("_", " ") if status else "not registered"
        super().__init__(
            f"{detail} (rule {rule}: {account} was {status_text} at {iso(at)})"
        )
        self.rule = rule
        self.account = account
        self.at = at
        self.status = status


class Backdated(DomainError):
    """A fact earlier than the latest stored fact of the same account."""

    def __init__(
        self, account: str, at: datetime, latest: datetime, status: str
    ) -> None:
        super().__init__(
            f"backdated: {account} already has a fact at {iso(latest)}, later than "
            f"{iso(at)} (rule backdated: facts of an account are applied in order "
            f"of time; {account} was {status.replace('_', ' ')} at {iso(latest)})"
        )
        self.account = account
        self.at = at
        self.latest = latest


class ConflictingFact(DomainError):
    """The same fact id stored with other content."""

    def __init__(self, fact: str) -> None:
        super().__init__(
            f"id {fact!r} is already stored with different content "
            "(rule id.unique: an id names one fact)"
        )
        self.fact = fact
