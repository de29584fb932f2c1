"""Opening the store named by `--db` / `STANDING_DB` (SPEC section 6)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from standing.adapters.address import (
    BadSetting,
    postgres_parts,
    redact,
    remember,
    without_password,
)

if TYPE_CHECKING:
    pass

DEFAULT_DB = "standing.db"
SCHEMES = ("sqlite:///", "postgresql://", "postgres://")
LOCK_TIMEOUT_VARIABLE = "STANDING_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = "30"
# The event store names its tables and types with the schema unquoted, so
# PostgreSQL folds it to lower case: only such names work (63 bytes at most).
SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
SECONDS = re.compile(r"[0-9]{1,9}")


class StoreUnavailable(Exception):
    """The store cannot be opened, is locked beyond the timeout, or is not ours."""


def resolve(db: str | None) -> str:
    """The store's address: `--db`, else `STANDING_DB`, else `standing.db`."""
    url = db or os.environ.get("STANDING_DB") or DEFAULT_DB
    remember(url)
    return url


def env_for(url: str) -> dict[str, str]:
    """The `eventsourcing` persistence settings for a store address."""
    if url.startswith(("postgresql://", "postgres://")):
        return _postgres_env(url)
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    return {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": path,
        "SQLITE_LOCK_TIMEOUT": lock_timeout(),
    }


def lock_timeout() -> str:
    """Seconds a writer waits for another's SQLite lock before giving up (exit 3)."""
    text = os.environ.get(LOCK_TIMEOUT_VARIABLE) or DEFAULT_LOCK_TIMEOUT
    if not SECONDS.fullmatch(text.strip()):
        raise BadSetting(
            f"{LOCK_TIMEOUT_VARIABLE} must be a whole number of seconds, such as "
            f"{DEFAULT_LOCK_TIMEOUT}, not {text!r}"
        )
    return str(int(text))


def _postgres_env(url: str) -> dict[str, str]:
    parts = postgres_parts(url)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": unquote(parts.path.lstrip("/")) or "postgres",
        "POSTGRES_HOST": parts.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(parts.port or 5432),
        "POSTGRES_USER": unquote(parts.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(parts.password or ""),
        "POSTGRES_CONNECT_TIMEOUT": "5",
    }
    schema = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
    if "schema" in schema:
        env["POSTGRES_SCHEMA"] = schema["schema"]
    return env


def postgres_connection(env: dict[str, str], **options: Any) -> Any:
    """A plain `psycopg` connection in autocommit mode to the store in `env`."""
    import psycopg

    return psycopg.connect(
        dbname=env["POSTGRES_DBNAME"],
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"],
        password=env["POSTGRES_PASSWORD"],
        connect_timeout=int(env["POSTGRES_CONNECT_TIMEOUT"]),
        autocommit=True,
        **options,
    )


def exists(db: str | None) -> bool:
    """Whether the store is there already (a PostgreSQL server is taken to be)."""
    env = env_for(resolve(db))
    if env["PERSISTENCE_MODULE"] != "eventsourcing.sqlite":
        return True
    path = env["SQLITE_DBNAME"]
    with _file_errors(path):
        return memory(path) or Path(path).exists()


def address(db: str | None, must_exist: bool = False) -> str:
    """The store's address, checked; raises `BadSetting` for one that cannot
    be read, `StoreUnavailable` for one that cannot be used."""
    url = resolve(db)
    if "://" in url and not url.startswith(SCHEMES):
        raise StoreUnavailable(
            f"unsupported store address {redact(url)}: use PATH, sqlite:///PATH "
            "or postgresql://USER@HOST/DB"
        )
    env = env_for(url)
    if env.get("SQLITE_DBNAME") == "":
        raise BadSetting(f"store address {url} names no file: use sqlite:///PATH")
    schema = env.get("POSTGRES_SCHEMA")
    if schema is not None and not SCHEMA_NAME.fullmatch(schema):
        raise StoreUnavailable(
            f"cannot use schema {schema!r} in {redact(url)}: name it with at most 63 "
            "lower-case letters, digits and _, not starting with a digit"
        )
    if must_exist and not exists(url):
        raise StoreUnavailable(
            f"no store at {redact(url)}: replay events into it first, "
            "or check --db and STANDING_DB"
        )
    return url


@contextmanager
def opening(url: str) -> Iterator[None]:
    """Whatever fails in here means the store at `url` cannot be opened."""
    try:
        yield
    except (StoreUnavailable, BadSetting):
        raise
    except Exception as error:  # the library raises many kinds; all mean "can't open"
        raise StoreUnavailable(
            f"cannot open store {redact(url)}: {_first_line(error, url)}"
        ) from error


def create_schema(env: dict[str, str]) -> None:
    """Tables are created on first use; so is the schema named in the address."""
    from psycopg import sql

    schema = sql.Identifier(env["POSTGRES_SCHEMA"])
    with postgres_connection(env) as connection:
        connection.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(schema))


def memory(path: str) -> bool:
    return path == ":memory:" or path.startswith("file:")


def check_sqlite_file(path: str) -> None:
    """Raise `StoreUnavailable` unless `path` can hold a SQLite store."""
    if memory(path):
        return
    file = Path(path)
    with _file_errors(path):
        if file.is_dir():
            raise StoreUnavailable(
                f"cannot open store {path}: it is a folder; name a file in it, "
                f"such as {file / DEFAULT_DB}"
            )
        folder = file.parent
        if not folder.is_dir():
            why = (
                f"{folder} is not a folder"
                if folder.exists()
                else f"folder {folder} does not exist"
            )
            raise StoreUnavailable(f"cannot open store {path}: {why}")
        if file.exists() and file.stat().st_size:
            with file.open("rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    raise StoreUnavailable(
                        f"cannot open store {path}: not a SQLite file"
                    )


@contextmanager
def _file_errors(path: str) -> Iterator[None]:
    """What the system says of the store's file (no permission, a name too
    long, ...) as `StoreUnavailable`."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise StoreUnavailable(f"cannot open store {path}: {reason}") from error


def _first_line(error: BaseException, url: str) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return without_password(text, url) or type(error).__name__
