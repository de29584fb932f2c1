"""Keeping the read models current as events arrive, until told to stop.

On PostgreSQL the library's subscription (LISTEN/NOTIFY) wakes the follower
when events are recorded; each wake-up catches up in batches from the tracked
position, so a restarted follower resumes where it stopped and several
followers never count an event twice. SQLite has no notifications, so there
the follower polls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from eventsourcing.persistence import Subscription

from standing.projections.views import ReadModel

Caught = Callable[[int, int], None]


class Follower:
    def __init__(
        self, model: ReadModel, caught_up: Caught, poll_seconds: float = 1.0
    ) -> None:
        self.model = model
        self.caught_up = caught_up
        self.poll_seconds = poll_seconds
        self._stopped = threading.Event()
        self._subscription: Subscription | None = None

    @property
    def position(self) -> int:
        return self.model.status()[0].position

    def run(self) -> int:
        """Follow until `stop()`; return the tracked position at the end."""
        self._catch_up()
        try:
            subscription = self.model.app.recorder.subscribe(gt=self.position)
        except NotImplementedError:
            self._poll()
        else:
            self._listen(subscription)
        return self.position

    def stop(self) -> None:
        """Safe to call from a signal handler: the current batch completes."""
        self._stopped.set()
        if self._subscription is not None:
            self._subscription.stop()

    def _listen(self, subscription: Subscription) -> None:
        with subscription:
            self._subscription = subscription
            if self._stopped.is_set():
                return
            position = self.position
            for notification in subscription:
                if notification.id > position:
                    position = self._catch_up()

    def _poll(self) -> None:
        while not self._stopped.wait(self.poll_seconds):
            self._catch_up()

    def _catch_up(self) -> int:
        processed = self.model.catch_up()
        position = self.position
        if processed:
            self.caught_up(processed, position)
        return position
