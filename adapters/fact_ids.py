"""A fact's id when none is given: a digest of its canonical content."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from standing.adapters.jsontext import ReusedEncoder

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
