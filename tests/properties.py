"""How hard the property tests try: a quick run by default (the README's
test command), every example with STANDING_THOROUGH=1 (`.ci/run` runs both)."""

from __future__ import annotations

import os

import pytest

THOROUGH = os.environ.get("STANDING_THOROUGH") == "1"
QUICK_SHARE = 6  # a quick run tries a sixth of the examples

# what `pytest -m property` selects: the property tests to run thoroughly
property_test = pytest.mark.property


def examples(thorough: int) -> int:
    """The examples to try: `thorough` in a thorough run, else a share of it."""
    return thorough if THOROUGH else max(3, thorough // QUICK_SHARE)
