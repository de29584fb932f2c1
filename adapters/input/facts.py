"""A valid event record as a domain `Fact`, with its id and content digest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from standing.adapters.fact_ids import content_digest
from standing.adapters.input.records import Record
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import AccountKey
from standing.domain.timefmt import iso, iso_duration

HANDLES = ("account", "archive_to")
REQUIRED: Any = object()  # the default of a field that has none: never equal


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
    handles folded, times in UTC ISO text, durations in ISO 8601 text.

    The same as ``record.model_dump(mode="json", exclude=Record.PROVENANCE,
    exclude_defaults=True)`` with the handles folded, at a fraction of its cost.
    """
    values = record.__dict__
    content = {}
    for name, default in content_defaults(type(record)):
        value = values[name]
        if value != default:
            as_json = AS_JSON.get(type(value))
            content[name] = value if as_json is None else as_json(value)
    for name in HANDLES:
        if name in content:
            content[name] = content[name].casefold()
    return content


@cache
def content_defaults(kind: type[Record]) -> tuple[tuple[str, Any], ...]:
    """Each field that is content (not provenance), with its default."""
    return tuple(
        (name, REQUIRED if info.is_required() else info.default)
        for name, info in kind.model_fields.items()
        if name not in Record.PROVENANCE
    )


@cache
def own_fields(kind: type[Record]) -> tuple[str, ...]:
    """The fields of one event type, named as the `Account` commands name them."""
    return tuple(name for name in kind.model_fields if name not in Record.model_fields)


def _utc_iso(at: datetime) -> str:
    """`iso(at)`, quicker for the UTC times records hold."""
    if at.tzinfo is UTC:  # then isoformat() ends "+00:00"
        return f"{at.isoformat()[:-6]}Z"
    return iso(at)


# A value as the record models write it in JSON mode, by its type; text, true and
# false as they are, and lists (of post ids) as lists of text.
AS_JSON: dict[type, Callable[[Any], Any]] = {
    datetime: _utc_iso,
    timedelta: iso_duration,
    list: list,
}
