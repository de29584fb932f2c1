"""The read models and the queries they answer (SPEC sections 5 and 6).

`ReadModel` keeps its tables in the same database as the application's
events. Before answering, it catches up: it pulls the notification log in
batches from its tracked position, and commits each batch's rows together
with the new position, so no event is ever counted twice or lost.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from eventsourcing.persistence import Tracking

from standing.adapters.event_store import EventStore
from standing.domain.identity import AccountKey
from standing.domain.standing import Standing
from standing.projections.periods import Period
from standing.projections.projector import Projector
from standing.projections.reader import Reader
from standing.projections.sql_view import ViewMovedOn
from standing.projections.view_stores import open_view

if TYPE_CHECKING:
    from standing.projections.bulk import BulkCatchUp
    from standing.projections.bulk_helper import Helper

VIEW_NAME = "standing"

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ViewStatus:
    name: str
    position: int
    head: int

    @property
    def behind(self) -> int:
        return self.head - self.position

    def as_dict(self) -> dict[str, str | int]:
        return {
            "name": self.name,
            "position": self.position,
            "head": self.head,
            "behind": self.behind,
        }


class ReadModel:
    """Account standings as of any instant, answered from stored segments."""

    def __init__(
        self,
        app: EventStore,
        batch: int = 5_000,
        cache_size: int = 10_000,
        bulk: int = 20_000,
        parallel: int = 200_000,
    ) -> None:
        """`bulk`: a backlog of at least this many events is caught up account
        by account (`projections.bulk`) rather than event by event; from
        `parallel` events on, by two processes (`projections.bulk_helper`)."""
        self.app = app
        self.batch = batch
        self.bulk = bulk
        self.parallel = parallel
        self.view = open_view(app)
        self.projector = Projector(app, cache_size)
        self._bulk: BulkCatchUp | None = None

    def catch_up(
        self, batch: int | None = None, progress: Progress | None = None
    ) -> int:
        """Process every event not yet in the read model; return how many."""
        size = batch or self.batch
        processed = 0
        self._forget_if_emptied()
        while True:
            position = self.view.max_tracking_id(self.app.name)
            notifications = self.app.recorder.select_notifications(
                start=(position or 0) + 1, limit=size
            )
            if not notifications:
                return processed
            if len(notifications) == size and self._behind(position) >= self.bulk:
                chunk = max(size, self.bulk)  # events a commit covers
                processed += self._in_bulk(position or 0, chunk, progress)
                continue
            changes = self.projector.project(notifications)
            tracking = Tracking(self.app.name, notifications[-1].id)
            try:
                self.view.write(changes, tracking, after=position)
            except ViewMovedOn:
                self.projector.forget()
                continue
            processed += len(notifications)
            if progress is not None:
                progress(notifications[-1].id, self._head())

    def _forget_if_emptied(self) -> None:
        """Forget the position of a view whose rows were dropped or emptied by
        hand, and drop what is left, so that the catch-up builds it anew: its
        position, or a bulk catch-up's progress, says rows were written that
        it does not hold. (A new view holds none, and has neither.)"""
        progress = self.view.lag(self.app.name)
        if progress["held"]:
            return
        from standing.projections.bulk_writes import BulkWrites

        writes = BulkWrites(self.view, self.app.name)
        if (progress["position"] or 0) > 0 or writes.progressed():
            writes.reset()
            self.projector.forget()

    def _behind(self, position: int | None) -> int:
        return self._head() - (position or 0)

    def _in_bulk(
        self,
        position: int,
        batch: int,
        progress: Progress | None,
        helpers: AbstractContextManager[Helper | None] | None = None,
    ) -> int:
        """Catch up from `position` account by account; return how many events
        this process projected (another may finish the catch-up it joined).
        A large backlog is shared with a helper process, from `helpers` (one
        started already) or started now; what a failed helper left undone,
        this process finishes."""
        from standing.projections.bulk_helper import SHARDS, helping

        bulk = self._bulk_catch_up()
        before, head = bulk.projected, self._head()
        self.projector.forget()  # its folded accounts fall behind the position
        if head - position < self.parallel:
            with contextlib.suppress(ViewMovedOn):
                bulk.run(position, head, batch, progress)
            return bulk.projected - before
        with contextlib.suppress(ViewMovedOn):
            bulk.prepare(position, head, SHARDS)  # the helper joins it
            with helpers if helpers is not None else helping(self.app) as helper:
                shard = None if helper is None else helper.start(position, head, batch)
                with contextlib.suppress(ViewMovedOn):
                    bulk.run(position, head, batch, progress, SHARDS, shard)
                if shard is not None and helper is not None:
                    helper.wait()
            if (self.view.max_tracking_id(self.app.name) or 0) < head:
                bulk.run(position, head, batch, progress, SHARDS)  # the helper's
        return bulk.projected - before

    def _bulk_catch_up(self) -> BulkCatchUp:
        from standing.projections.bulk import (
            BulkCatchUp,  # only a large backlog needs it
        )

        if self._bulk is None:
            self._bulk = BulkCatchUp(self.app, self.view)
        return self._bulk

    @cached_property
    def reader(self) -> Reader:
        """The queries, on this model's view; it catches up when behind."""
        return Reader(self.view, self.app.name, self.catch_up)

    def standing(self, key: AccountKey, at: datetime) -> Standing:
        return self.reader.standing(key, at)

    def accounts(
        self,
        at: datetime,
        status: str | None = None,
        holder: str | None = None,
        platform: str | None = None,
    ) -> list[Standing]:
        """Every account that exists at `at`, by platform and handle."""
        return self.reader.accounts(at, status, holder, platform)

    def periods(self, key: AccountKey) -> list[Period]:
        return self.reader.periods(key)

    def known(self, key: AccountKey) -> bool:
        """Whether the account exists at any instant."""
        return self.reader.known(key)

    def suggest(self, key: AccountKey, limit: int = 5) -> list[str]:
        """Handles on the same platform close to `key`'s, as `@Handle`."""
        return self.reader.suggest(key, limit)

    def status(self) -> list[ViewStatus]:
        progress = self.view.lag(self.app.name)
        # a view that holds no rows holds no event, whatever its position says
        position = (progress["position"] or 0) if progress["held"] else 0
        return [ViewStatus(VIEW_NAME, position, progress["head"] or 0)]

    def rebuild(self, batch: int = 20_000, progress: Progress | None = None) -> int:
        """Drop the read model and build it again from the whole log.

        Interrupting leaves a consistent, partly built model that the next
        query or rebuild completes.
        """
        from standing.projections.bulk_helper import helping

        head = self._head()
        parallel = head >= self.parallel
        helpers = helping(self.app) if parallel else contextlib.nullcontext(None)
        with helpers as helper:  # started now, it starts up meanwhile
            self._bulk_catch_up().reset()
            self.projector.forget()
            processed = 0
            if head >= self.bulk:
                early = contextlib.nullcontext(helper)
                processed = self._in_bulk(0, batch, progress, early)
        return processed + self.catch_up(batch, progress)

    def _head(self) -> int:
        return self.app.recorder.max_notification_id() or 0
