"""Running a command as its own process: wall time and peak resident memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
STANDING = str(BIN / "standing")
TIME = "/usr/bin/time"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: str


def timed(*command: str) -> Run:
    """Run `command` to completion; raise if it fails (exit 1 counts as a
    failure too: a benchmark replay must reject nothing)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapper = [TIME, "-f", "%M", "-o", rss.name] if os.path.exists(TIME) else []
        began = time.perf_counter()
        done = subprocess.run(
            [*wrapper, *command], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - began
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
        peak = _peak_kb(rss.name)
    return Run(seconds, peak / 1024, done.stdout)


def median_start(*command: str, times: int = 10) -> float:
    """The median wall time, in seconds, of `times` runs of `command`."""
    return statistics.median(timed(*command).seconds for _ in range(times))


def _peak_kb(path: str) -> float:
    text = Path(path).read_text().strip().splitlines()
    return float(text[-1]) if text and text[-1].isdigit() else float("nan")
