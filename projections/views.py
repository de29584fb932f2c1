"""The read models and the queries they answer (SPEC sections 5 and 6).

`ReadModel` keeps its tables in the same database as the application's
events. Before answering, it catches up: it pulls the notification log in
batches from its tracked position, and commits each batch's rows together
with the new position, so no event is ever counted twice or lost.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from eventsourcing.persistence import Tracking

from domain.application import StandingApplication
from domain.identity import AccountKey
from domain.standing import Standing
from projections.instants import to_micros
from projections.periods import Period, periods_of
from projections.projector import Projector
from projections.segments import standing_from
from projections.sql_view import ViewMovedOn
from projections.view_stores import open_view

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
        self, app: StandingApplication, batch: int = 5_000, cache_size: int = 10_000
    ) -> None:
        self.app = app
        self.batch = batch
        self.view = open_view(app)
        self.projector = Projector(app, cache_size)

    def catch_up(
        self, batch: int | None = None, progress: Progress | None = None
    ) -> int:
        """Process every event not yet in the read model; return how many."""
        processed = 0
        while True:
            position = self.view.max_tracking_id(self.app.name)
            notifications = self.app.recorder.select_notifications(
                start=(position or 0) + 1, limit=batch or self.batch
            )
            if not notifications:
                return processed
            changes = self.projector.project(notifications)
            tracking = Tracking(self.app.name, notifications[-1].id)
            try:
                self.view.write(changes, tracking, after=position)
            except ViewMovedOn:
                continue
            processed += len(notifications)
            if progress is not None:
                progress(notifications[-1].id, self._head())

    def standing(self, key: AccountKey, at: datetime) -> Standing:
        self.catch_up()
        account = self.view.account(key.id.hex)
        if account is None:
            return Standing(str(key), key.platform, at, exists=False)
        segment = self.view.segment_at(key.id.hex, to_micros(at))
        if segment is not None:
            return standing_from(account, segment, at)
        opened = to_micros(at) >= account["registered_at"]
        label = f"@{account['handle']}" if opened else str(key)
        return Standing(label, key.platform, at, exists=False)

    def accounts(
        self,
        at: datetime,
        status: str | None = None,
        holder: str | None = None,
        platform: str | None = None,
    ) -> list[Standing]:
        """Every account that exists at `at`, by platform and handle."""
        self.catch_up()
        rows = self.view.segments_at(to_micros(at), status, platform)
        wanted = holder.casefold() if holder is not None else None
        return [
            standing_from(row, row, at)
            for row in rows
            if wanted is None or (row["holder"] or "").casefold() == wanted
        ]

    def periods(self, key: AccountKey) -> list[Period]:
        self.catch_up()
        return periods_of(self.view.segments_of(key.id.hex))

    def known(self, key: AccountKey) -> bool:
        """Whether the account exists at any instant."""
        self.catch_up()
        return self.view.has_segments(key.id.hex)

    def suggest(self, key: AccountKey, limit: int = 5) -> list[str]:
        """Handles on the same platform close to `key`'s, as `@Handle`."""
        self.catch_up()
        handles = {
            row["folded"]: row["handle"] for row in self.view.handles(key.platform)
        }
        close = difflib.get_close_matches(key.folded, list(handles), n=limit)
        return [f"@{handles[folded]}" for folded in close]

    def status(self) -> list[ViewStatus]:
        position = self.view.max_tracking_id(self.app.name) or 0
        return [ViewStatus(VIEW_NAME, position, self._head())]

    def rebuild(self, batch: int = 20_000, progress: Progress | None = None) -> int:
        """Drop the read model and build it again from the whole log.

        Interrupting leaves a consistent, partly built model that the next
        query or rebuild completes.
        """
        self.view.reset(self.app.name)
        self.projector.forget()
        return self.catch_up(batch, progress)

    def _head(self) -> int:
        return self.app.recorder.max_notification_id() or 0
