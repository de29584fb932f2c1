"""Which recorder keeps the read model, for each persistence module."""

from __future__ import annotations

import importlib

from standing.adapters.creation import created
from standing.adapters.event_store import EventStore
from standing.projections.sql_view import SQLStandingView

VIEWS: dict[str, tuple[str, str]] = {
    "eventsourcing.sqlite": ("standing.projections.sqlite_view", "SQLiteStandingView"),
    "eventsourcing.postgres": (
        "standing.projections.postgres_view",
        "PostgresStandingView",
    ),
}


def open_view(app: EventStore) -> SQLStandingView:
    """The read model's recorder, in the database (and pool) of the app's events.

    Built by the app's own infrastructure factory, so it shares the app's
    datastore; PostgreSQL's module is imported only when it is used.
    """
    factory = app.factory
    module = type(factory).__module__
    if module not in VIEWS:
        msg = f"no read model for the {module} persistence module"
        raise NotImplementedError(msg)
    module_name, class_name = VIEWS[module]
    view_class = getattr(importlib.import_module(module_name), class_name)
    view: SQLStandingView = created(lambda: factory.tracking_recorder(view_class))  # type: ignore[attr-defined]
    view.events_table = app.recorder.events_table_name  # type: ignore[attr-defined]
    return view
