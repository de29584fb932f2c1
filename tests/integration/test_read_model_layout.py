"""The layout number changes whenever the rows a history gives do.

A store keeps the read model its layout built until the layout's number
changes (`projections.statements.LAYOUT`); an upgrade that derives other rows
under the same number would leave stores answering from stale rows.
"""

from __future__ import annotations

import json

from standing.projections.statements import LAYOUT
from tests.integration.layout_rows import RECORDED, recorded_path, rows_of_history

RECORD = "record them with `.venv/bin/python -m tests.integration.layout_rows`"


def test_the_rows_of_a_fixed_history_are_those_recorded_for_this_layout() -> None:
    recorded = recorded_path()

    rows = rows_of_history()

    assert recorded.exists(), f"no rows recorded for layout {LAYOUT}: {RECORD}"
    assert rows == json.loads(recorded.read_text(encoding="utf-8")), (
        f"the read model's rows changed under layout {LAYOUT}: raise LAYOUT in "
        f"projections/statements.py, then {RECORD}"
    )


def test_every_layout_since_the_first_has_its_recorded_rows() -> None:
    recorded = sorted(int(path.stem) for path in RECORDED.glob("*.json"))

    assert recorded == list(range(2, LAYOUT + 1))
