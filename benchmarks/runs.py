"""Running a command as its own process: wall time, processor time (its own
and its children's, user and system) and peak resident memory."""

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
    cpu_seconds: float
    peak_mb: float
    stdout: str


def timed(*command: str) -> Run:
    """Run `command` to completion; raise if it fails (exit 1 counts as a
    failure too: a benchmark replay must reject nothing)."""
    with tempfile.NamedTemporaryFile("r", suffix=".usage") as usage:
        form = ["-f", "%U %S %M", "-o", usage.name]
        wrapper = [TIME, *form] if os.path.exists(TIME) else []
        began = time.perf_counter()
        done = subprocess.run(
            [*wrapper, *command], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - began
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
        user, system, peak_kb = _usage(usage.name)
    return Run(seconds, user + system, peak_kb / 1024, done.stdout)


def median_start(*command: str, times: int = 10) -> float:
    """The median wall time, in seconds, of `times` runs of `command`."""
    return statistics.median(timed(*command).seconds for _ in range(times))


def _usage(path: str) -> tuple[float, float, float]:
    """User and system seconds and peak kB, as `/usr/bin/time` wrote them
    (NaN without it)."""
    lines = Path(path).read_text().strip().splitlines()
    fields = lines[-1].split() if lines else []
    try:
        user, system, peak = map(float, fields)
    except ValueError:
        return (float("nan"),) * 3
    return user, system, peak
