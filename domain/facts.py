"""Where a fact came from: its id, a digest of its content, and free-text notes."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from eventsourcing.persistence import Transcoding
from standing.domain.identity import AccountKey
from standing.domain.jsontext import ReusedEncoder


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


class FactRefAsList(Transcoding):
    """Stores a `FactRef` compactly: a list, trailing empty parts dropped."""

    type = FactRef
    name = "fact"

    def encode(self, obj: FactRef) -> list[str | None]:
        parts = [obj.id, obj.digest, obj.note, obj.source]
        while parts[-1] is None:
            parts.pop()
        return parts

    def decode(self, data: Any) -> FactRef:
        return FactRef(*data)


# what `json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)`
# writes, without building an encoder for every fact
CANONICAL = ReusedEncoder(sort_keys=True, separators=(",", ":"), default=str)


def content_digest(content: Mapping[str, Any]) -> str:
    """A short, stable digest of a fact's canonical content (JSON-ready values).

    Used as the fact's id when none is given, and to tell a duplicate (same id,
    same content) from a conflict (same id, other content).
    """
    canonical = CANONICAL.encode(content)
    return hashlib.blake2b(canonical.encode(), digest_size=12).hexdigest()
