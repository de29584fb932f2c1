"""A working directory holding packages named as standing's own, to show
that a helper process started there imports standing's installed code."""

from __future__ import annotations

from pathlib import Path

import pytest

NAMES = ("cli", "domain", "projections")


def foreign_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose `cli`, `domain` and `projections` packages each leave a
    marker in `tmp_path` when imported, then exit. Python is left to find
    modules as it does for most users (no PYTHONPATH, no PYTHONSAFEPATH)."""
    folder = tmp_path / "work"
    for name in NAMES:
        package = folder / name
        package.mkdir(parents=True)
        marker = tmp_path / f"{name}.imported"
        (package / "__init__.py").write_text(
            f"open({str(marker)!r}, 'w').close()\nraise SystemExit(7)\n"
        )
    monkeypatch.delenv("PYTHONPATH", raising=False)
    monkeypatch.delenv("PYTHONSAFEPATH", raising=False)
    return folder


def imported(tmp_path: Path) -> list[str]:
    """The foreign packages that were imported."""
    return sorted(path.stem for path in tmp_path.glob("*.imported"))
