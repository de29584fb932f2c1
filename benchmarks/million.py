"""Replay and queries at scale, beside a floor, in one run (docs/performance.md).

    .venv/bin/python benchmarks/million.py [--events 1000000] [--accounts 100000]
        [--postgres postgresql://postgres@127.0.0.1:5432/test] [--workdir /tmp/x]

Generates the events, then measures: (a) the floor (json + one SQLite row an
event, one transaction); (b) `standing replay` into a fresh SQLite file; (c)
`standing projections rebuild`; (d) `state` in process (p50, p99) and as a
whole process beside a bare `python -c pass`; (e) the peak memory of (b);
(f) (b) and (d) on PostgreSQL. Prints every figure with its goal, and the
processor time an event of (a), (b) and (c) (user and system time of every
process), which moves less with a shared machine's speed than wall time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from runs import STANDING, median_start, timed

HERE = Path(__file__).parent
PY = sys.executable


def measure(
    events: Path, work: Path, store: str, rows: list, label: str
) -> tuple[float, float, float, float]:
    """(b), (d) and (e) on one store; appends figures to `rows`. Returns the
    replay's seconds and peak MB, the state p99 (ms) and the process (s)."""
    n = _count(events)
    replay = timed(STANDING, "replay", str(events), "--db", store, "--json")
    applied = json.loads(replay.stdout)["applied"]
    rows.append((f"{label} replay", f"{n / replay.seconds:,.0f} ev/s", None))
    rows.append((f"{label} replay processor", _per_event(replay.cpu_seconds, n), None))
    rows.append((f"{label} replay peak RSS", f"{replay.peak_mb:,.0f} MB", None))
    if applied != n:
        rows.append((f"{label} replay applied", f"{applied} of {n}", False))
    probe = timed(PY, str(HERE / "probe.py"), store, *_bounds(work, events))
    cuts = json.loads(probe.stdout)
    rows.append((f"{label} state p50", f"{cuts['p50_ms']:.3f} ms", None))
    rows.append((f"{label} state p99", f"{cuts['p99_ms']:.3f} ms", None))
    handle = (work / "accounts.txt").read_text().split()[0]
    cli = median_start(STANDING, "state", handle, "--db", store, "--json")
    rows.append((f"{label} state process", f"{cli * 1000:.0f} ms", None))
    return replay.seconds, replay.peak_mb, cuts["p99_ms"], cli


def main() -> None:
    args = _arguments()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="standing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    events = work / "events.jsonl"
    generate = ["--events", str(args.events), "--accounts", str(args.accounts)]
    timed(STANDING, "generate", *generate, "--seed", "1", "-o", str(events))
    n = args.events
    rows: list = []
    floor = timed(PY, str(HERE / "floor.py"), str(events), str(work / "floor.db"))
    floor_rate = n / floor.seconds
    rows.append(("(a) floor: json + SQLite", f"{floor_rate:,.0f} ev/s", None))
    rows.append(("(a) floor processor", _per_event(floor.cpu_seconds, n), None))
    bare = median_start(PY, "-c", "pass")
    rows.append(("bare python -c pass", f"{bare * 1000:.0f} ms", None))
    sqlite = str(work / "standing.db")
    replay_s, peak, p99, cli = measure(events, work, sqlite, rows, "(b,d,e) sqlite")
    rebuild = timed(STANDING, "projections", "rebuild", "--db", sqlite)
    rows.append(("(c) projections rebuild", f"{n / rebuild.seconds:,.0f} ev/s", None))
    rows.append(("(c) rebuild processor", _per_event(rebuild.cpu_seconds, n), None))
    goals = [
        ("(b) replay ≥ ½ floor", n / replay_s >= floor_rate / 2),
        ("(c) rebuild ≥ 100,000 ev/s", n / rebuild.seconds >= 100_000),
        ("(d) state p99 ≤ 1 ms", p99 <= 1.0),
        ("(d) state process ≤ 10x bare", cli <= 10 * bare),
        ("(e) replay peak RSS ≤ 300 MB", peak <= 300),
    ]
    if args.postgres:
        url = _fresh_schema(args.postgres)
        pg = measure(events, work, url, rows, "(f) postgres")
        goals.append(("(f) postgres state p99 ≤ 1 ms", pg[2] <= 1.0))
        goals.append(("(f) postgres state process ≤ 10x", pg[3] <= 10 * bare))
        goals.append(("(f) postgres replay RSS ≤ 300 MB", pg[1] <= 300))
    _print(rows, goals, n, work)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--postgres", help="also measure on this PostgreSQL URL")
    parser.add_argument("--workdir", help="where files go (default: a new temp dir)")
    return parser.parse_args()


def _per_event(cpu_seconds: float, n: int) -> str:
    """Processor time (user and system, all processes) an event."""
    return f"{cpu_seconds * 1e6 / n:.1f} µs/ev"


def _count(events: Path) -> int:
    with events.open("rb") as lines:
        return sum(1 for _ in lines)


def _bounds(work: Path, events: Path) -> list[str]:
    """The accounts file and the first and last instants, for the probe."""
    handles, first, last = [], None, None
    with events.open("rb") as lines:
        for line in lines:
            record = json.loads(line)
            first = first or record["at"]
            last = record["at"]
            if record["type"] == "account.registered":
                handles.append(record["account"])
    (work / "accounts.txt").write_text("\n".join(handles) + "\n")
    return [str(work / "accounts.txt"), first, last]


def _fresh_schema(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS standing_bench CASCADE")
    return f"{url}?schema=standing_bench"


def _print(rows: list, goals: list, n: int, work: Path) -> None:
    print(f"{n:,} events — files in {work}")
    for name, figure, _ in rows:
        print(f"  {name:<34} {figure:>16}")
    for name, passed in goals:
        print(f"  {name:<34} {'PASS' if passed else 'MISS':>16}")


if __name__ == "__main__":
    main()
