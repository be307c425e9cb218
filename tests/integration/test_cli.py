"""The headless `python -m desktop_app db ...` commands, run as a user without a checkout."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.integration.conftest import postgres_admin_url


def run(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_db_upgrade_current_history(database_url: str) -> None:
    before = run("db", "current", database_url=database_url)
    assert before.returncode == 0, before.stderr
    assert "no schema yet" in before.stdout
    upgraded = run("db", "upgrade", database_url=database_url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from empty to 0004" in upgraded.stdout
    again = run("db", "upgrade", database_url=database_url)
    assert "already at the newest schema" in again.stdout
    current = run("db", "current", database_url=database_url)
    assert "schema 0004, up to date" in current.stdout
    history = run("db", "history", database_url=database_url)
    assert "<base> -> 0001" in history.stdout
    assert "0003 -> 0004 (head, current)" in history.stdout


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
