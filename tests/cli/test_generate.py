"""`standing generate`: the same seed gives the same file, and it replays clean."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cli.main import app


def generated(tmp_path, seed: int, name: str) -> bytes:
    out = tmp_path / name
    args = ["generate", "--events", "400", "--accounts", "40", "--seed", str(seed)]
    result = CliRunner().invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    assert generated(tmp_path, 3, "a.jsonl") == generated(tmp_path, 3, "b.jsonl")


def test_another_seed_gives_another_file(tmp_path):
    assert generated(tmp_path, 3, "a.jsonl") != generated(tmp_path, 4, "b.jsonl")


def test_a_generated_file_replays_with_nothing_rejected(standing, tmp_path):
    generated(tmp_path, 5, "events.jsonl")

    result = standing("replay", str(tmp_path / "events.jsonl"), "--json")

    report = json.loads(result.stdout)
    assert (report["applied"], report["rejected"]) == (400, 0)
