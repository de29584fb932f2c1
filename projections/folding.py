"""Stored events folded straight into accounts, without an event object each.

A rebuild folds every stored event once. The library's mapper makes an event
object of each, and its `mutate` picks out the arguments of the method the
`@event` decorator wrapped on every call. Here a stored state is decoded by
the application's own transcoder and passed to that very method (from the
library's registry of decorated methods), so the fold is still the aggregate's
own. A registration, an event with versions to upcast, and any store with a
cipher or compressor go through the mapper and the library's `mutate`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.domain import CanInitAggregate, decorated_funcs
from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import resolve_topic

from domain.account import Account
from domain.account_record import AccountRecord
from domain.application import StandingApplication
from domain.transcoder import StoredJSONTranscoder

State = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Step:
    """How one topic's stored events are folded: through the decorated method
    (`method`, given `arguments` from the state), else through the mapper."""

    topic: str
    method: Callable[..., None] | None
    arguments: tuple[str, ...]


class StoredFold:
    def __init__(self, app: StandingApplication) -> None:
        self._mapper = app.mapper
        transcoder = self._mapper.transcoder
        self._transcoder = transcoder
        self._arguments = (
            transcoder.decode_arguments
            if isinstance(transcoder, StoredJSONTranscoder)
            else None
        )
        self._direct = not (self._mapper.cipher or self._mapper.compressor)
        self._steps: dict[str, Step | None] = {}

    def step(self, topic: str) -> Step | None:
        """How to fold events of `topic`; None for events of other aggregates."""
        if topic not in self._steps:
            self._steps[topic] = self._step_for(topic)
        return self._steps[topic]

    def decode(self, account_id: UUID, version: int, step: Step, state: bytes) -> State:
        """The arguments of the event's method (its `at` among them), decoded
        by the application's transcoder."""
        if step.method is None:
            stored = StoredEvent(account_id, version, step.topic, state)
            event = self._mapper.to_domain_event(stored)
            return {"at": event.at, "event": event}  # type: ignore[attr-defined]
        if self._arguments is not None:
            return self._arguments(state, step.arguments)
        data = self._transcoder.decode(state)
        return {name: data[name] for name in step.arguments if name in data}

    def apply(
        self, account: Account | None, version: int, step: Step, data: State
    ) -> Account:
        """`account` (None before its first event) after one decoded event."""
        if step.method is None:
            return data["event"].mutate(account)  # type: ignore[no-any-return]
        if account is None or version != account.version + 1:
            msg = f"event {version} does not follow {account!r} in the fold"
            raise ValueError(msg)
        step.method(account, **data)
        account.version = version
        return account

    def _step_for(self, topic: str) -> Step | None:
        event_class = resolve_topic(topic)
        if not issubclass(event_class, AccountRecord.Event):
            return None
        method = decorated_funcs.get(event_class)
        if not self._direct or method is None or not _plain(event_class):
            return Step(topic, None, ())
        arguments = tuple(inspect.signature(method).parameters)[1:]
        return Step(topic, method, arguments)


def _plain(event_class: type) -> bool:
    """Neither a creation nor an event class with stored versions to upcast."""
    upcasts = getattr(event_class, "class_version", 1) != 1
    return not (upcasts or issubclass(event_class, CanInitAggregate))
