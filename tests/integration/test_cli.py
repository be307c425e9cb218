"""The headless `python -m desktop_app db ...` commands, run as a user without a checkout."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine, sqlite_path
from tests.integration.conftest import postgres_admin_url
from tests.processes import run_desktop_app


def run(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    return run_desktop_app(*args, env={**os.environ, "DATABASE_URL": database_url})


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_db_upgrade_current_history(database_url: str) -> None:
    path = sqlite_path(database_url)
    before = run("db", "current", database_url=database_url)
    if path is not None:  # looking creates nothing: a missing file is said to be missing
        assert before.returncode == 1, before.stdout
        assert "does not exist" in before.stderr
        assert not path.exists()
    else:
        assert before.returncode == 0, before.stderr
        assert "no users and posts tables" in before.stdout
    refused = run("db", "upgrade", database_url=database_url)  # no terminal, no --yes
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "--yes" in refused.stderr
    assert "Create" in refused.stderr  # it says what would happen
    if path is not None:
        assert not path.exists()
    upgraded = run("db", "upgrade", "--yes", database_url=database_url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from empty to 0007" in upgraded.stdout
    again = run("db", "upgrade", database_url=database_url)
    assert again.returncode == 0, again.stderr  # nothing to change: nothing to ask
    assert "already at the newest schema" in again.stdout
    current = run("db", "current", database_url=database_url)
    assert "schema 0007, up to date" in current.stdout
    history = run("db", "history", database_url=database_url)
    assert "<base> -> 0001" in history.stdout
    assert "0006 -> 0007 (head, current)" in history.stdout


async def _at_revision(url: str, revision: str) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await migrations.upgrade(engine, url, revision)
    finally:
        await engine.dispose()


def test_db_upgrade_of_an_old_schema_without_yes_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    asyncio.run(_at_revision(url, "0003"))
    digest = sha256(path)
    refused = run("db", "upgrade", database_url=url)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "older desktop_app schema (0003" in refused.stderr
    assert "A copy is saved first" in refused.stderr
    assert sha256(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]  # no backup either
    upgraded = run("db", "upgrade", "--yes", database_url=url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from 0003 to 0007" in upgraded.stdout
    [backup] = tmp_path.glob("old.backup-0003-*.db")
    assert str(backup) in upgraded.stdout
    with sqlite3.connect(backup) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM desktop_app_alembic_version")
    assert revision == "0003"


def test_db_current_of_a_foreign_file_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
        connection.commit()
    digest = sha256(path)
    url = f"sqlite+aiosqlite:///{path}"
    current = run("db", "current", database_url=url)
    assert current.returncode == 0, current.stderr
    assert "no users and posts tables (it has notes)" in current.stdout
    assert sha256(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_db_current_of_a_mistyped_path_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "typo.db"
    result = run("db", "current", database_url=f"sqlite+aiosqlite:///{path}")
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_password_is_masked_in_output() -> None:
    with_password = postgres_admin_url().replace("postgres@", "postgres:hunter2@")
    result = run("db", "current", database_url=with_password)
    assert "hunter2" not in result.stdout + result.stderr
    assert "***" in result.stdout


def test_unreachable_database_is_a_sentence_not_a_traceback() -> None:
    result = run("db", "current", database_url="postgresql://u:pw@127.0.0.1:9/db")
    assert result.returncode == 1
    assert result.stderr.startswith("error: Could not connect to the database")
    assert "Traceback" not in result.stderr


def test_unknown_driver_names_the_setting() -> None:
    result = run("db", "current", database_url="mysql://u@h/db")
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_data_command(database_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "demo-data", "--users", "30", "--posts", "40"],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "added 30 users and 40 posts" in result.stdout
    assert "posts: 40/40 (100%)" in result.stderr
    assert "demo-password" not in result.stdout + result.stderr  # no shared password now
