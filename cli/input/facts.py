"""A valid event record as a domain `Fact`, with its id and content digest."""

from __future__ import annotations

from functools import cache
from typing import Any

from cli.input.records import Record
from domain.facts import FactRef, content_digest
from domain.identity import AccountKey
from domain.session import Fact

HANDLES = ("account", "archive_to")
NOT_CONTENT = set(Record.PROVENANCE)


def record_fact(record: Record) -> Fact:
    """The fact `record` states; `fields` holds only the event's own fields
    that the record gave, so the domain's defaults apply to the rest."""
    digest = content_digest(canonical_content(record))
    if record.id is None:
        ref = FactRef(digest, None, record.note, record.source)
    else:
        ref = FactRef(record.id, digest, record.note, record.source)
    values, given = record.__dict__, record.model_fields_set
    fields = {
        name: values[name]
        for name in own_fields(type(record))
        if name in given and values[name] is not None
    }
    key = AccountKey(record.platform, record.account)
    return Fact(record.type, key, record.at, ref, fields)


def canonical_content(record: Record) -> dict[str, Any]:
    """What the record says, whatever the spelling: no provenance, no defaults,
    handles folded, times in UTC ISO text, durations in ISO 8601 text."""
    content = record.model_dump(mode="json", exclude=NOT_CONTENT, exclude_defaults=True)
    for name in HANDLES:
        if name in content:
            content[name] = content[name].casefold()
    return content


@cache
def own_fields(kind: type[Record]) -> tuple[str, ...]:
    """The fields of one event type, named as the `Account` commands name them."""
    return tuple(name for name in kind.model_fields if name not in Record.model_fields)
