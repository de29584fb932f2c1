"""Where a fact came from: its id, a digest of its content, and free-text notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from standing.domain.identity import AccountKey


@dataclass(frozen=True, slots=True)
class FactRef:
    """The provenance carried by every event.

    `digest` is set only when the id was given in the input: a derived id is
    itself a digest of the content, so it needs no second one.
    """

    id: str
    digest: str | None = None
    note: str | None = None
    source: str | None = None

    def same_content(self, other: FactRef) -> bool:
        return self.digest == other.digest


@dataclass(frozen=True, slots=True)
class Fact:
    """One dated fact about one account, with its own fields parsed."""

    type: str
    key: AccountKey
    at: datetime
    ref: FactRef
    fields: Mapping[str, Any] = field(default_factory=dict)
