"""The read model's rows for a fixed history, to notice a change of layout.

`projections.statements.LAYOUT` names the read model's tables: a store built
by another layout is rebuilt before it answers. Its rows for the demo's
scenario and a few more facts are recorded, one file a layout, so a change to
what a history gives fails a test until the layout is raised. Record them:

    .venv/bin/python -m tests.integration.layout_rows
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from standing.application.replay import replay
from standing.cli.commands.demo import scenario_path
from standing.projections import ReadModel
from standing.projections.statements import LAYOUT
from tests.integration.stores import sqlite_app
from tests.integration.test_recorded_events import OTHER_FACTS

RECORDED = Path(__file__).parent / "layouts"
# Texts a column keeps otherwise than as written (`projections.stored_text`),
# in the history since layout 3.
TEXT_FACTS = [
    {"type": "account.registered", "at": "2021-03-09T00:00:00Z", "account": "nul",
     "holder": "N\u0000L"},
    {"type": "account.locked", "at": "2021-03-09T01:00:00Z", "account": "nul",
     "reason": "\ufdd0\"marked\""},
]  # fmt: skip


def recorded_path(layout: int = LAYOUT) -> Path:
    return RECORDED / f"{layout}.json"


def rows_of_history() -> list[list[Any]]:
    """Every row of the read model for the scenario and `OTHER_FACTS`."""
    with tempfile.TemporaryDirectory() as folder:
        more = Path(folder) / "more.jsonl"
        facts = [*OTHER_FACTS, *TEXT_FACTS]
        more.write_text("".join(json.dumps(fact) + "\n" for fact in facts))
        app = sqlite_app(Path(folder) / "store.db")
        try:
            replay(app, [str(scenario_path()), str(more)], None)
            read_model = ReadModel(app)
            read_model.catch_up()
            return [list(row) for row in read_model.view.dump()]
        finally:
            app.close()


def record() -> None:
    """Record this layout's rows; never over the rows of a layout in use."""
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows_of_history())
    try:
        with recorded_path().open("x", encoding="utf-8") as recorded:
            recorded.write(f"[\n{lines}\n]\n")
    except FileExistsError:
        raise SystemExit(
            f"the rows of layout {LAYOUT} are recorded already, and stores "
            "built by it keep them: raise LAYOUT in projections/statements.py"
        ) from None
    print(f"recorded {recorded_path()}")


if __name__ == "__main__":
    record()
