"""The `Account` aggregate of the `eventsourcing` library: a thin shell.

It holds an `AccountState`, and each of its events folds the domain event it
carries with `evolve`. Its event classes are made from `domain.events`, one
for each domain event, named as the domain event is (the name the store
keeps in each event's topic), with the same fields; so a new domain event
needs nothing here.
"""

from __future__ import annotations

import dataclasses
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from standing.domain import events as ev
from standing.domain.fold import evolve
from standing.domain.identity import account_id
from standing.domain.state import AccountState


def _fields_of(event_class: type[ev.Event]) -> dict[str, Any]:
    return {f.name: f.type for f in dataclasses.fields(event_class)}


class Account(Aggregate):
    """An account as the library stores and folds it."""

    state: AccountState

    @staticmethod
    def create_id(platform: str, handle: str, **_: Any) -> UUID:
        return account_id(platform, handle)

    class Registered(Aggregate.Created):
        __annotations__ = _fields_of(ev.Registered)

        def apply(self, aggregate: Any) -> None:
            aggregate.state = evolve(None, domain_event(self))

    class Evolved(Aggregate.Event):
        """An event that folds the domain event it carries into the state."""

        def apply(self, aggregate: Any) -> None:
            aggregate.state = evolve(aggregate.state, domain_event(self))

    def __init__(self) -> None:
        """The state comes from the `Registered` event (its `apply`)."""

    @classmethod
    def registered(cls, event: ev.Registered) -> Account:
        return cls._create(cls.Registered, **fields(event))

    def record(self, event: ev.Event) -> None:
        """Fold `event` into this account, and keep it to be stored."""
        self.trigger_event(LIBRARY_EVENTS[type(event)], **fields(event))


def fields(event: ev.Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in ev.field_names(type(event))}


def domain_event(event: Any) -> ev.Event:
    """The domain event a library event carries."""
    kind = ev.BY_NAME[type(event).__name__]
    return kind(*[getattr(event, name) for name in ev.field_names(kind)])


def _library_event(kind: type[ev.Event]) -> type[Any]:
    """`Account`'s event class for the domain event `kind`."""
    name = kind.__name__
    namespace = {
        "__annotations__": _fields_of(kind),
        "__module__": __name__,
        "__qualname__": f"Account.{name}",
    }
    event_class = type(name, (Account.Evolved,), namespace)
    setattr(Account, name, event_class)
    return event_class


LIBRARY_EVENTS: dict[type[ev.Event], type[Any]] = {
    ev.Registered: Account.Registered,
    **{kind: _library_event(kind) for kind in ev.EVENT_CLASSES[1:]},
}
