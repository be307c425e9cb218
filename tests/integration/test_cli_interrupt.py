"""Ctrl+C in the CLI (#12): ``backup``, ``import`` and ``demo-data`` interrupted by SIGINT say so
in one line on stderr, never a traceback, exit 1 as ``export`` does, and leave nothing half-written.

The signal goes once the work is observably under way (the backup's ``.part`` file, the
import's ``-journal``), to the program alone, as a terminal's Ctrl+C would reach it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_engine
from tests.integration.test_import_interrupted import KILL_POSTS, posts_csv, seeded

pytestmark = pytest.mark.asyncio

PADDING_MB = 256  # a file whose copy lasts long enough to be interrupted (~1 s here)


async def migrated(path: Path) -> list[str]:
    """A migrated SQLite file with some users and posts; the users' names."""
    url = f"sqlite+aiosqlite:///{path}"
    engine = make_engine(url)
    try:
        await migrations.upgrade(engine, url)
        return await seeded(engine)
    finally:
        await engine.dispose()


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def snapshot(path: Path) -> tuple[str, int, int]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        [checked] = db.execute("PRAGMA integrity_check").fetchone()
        [users] = db.execute("SELECT count(*) FROM users").fetchone()
        [posts] = db.execute("SELECT count(*) FROM posts").fetchone()
    return checked, users, posts


def launch(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--database-url", url, *args],
        env={**os.environ},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def interrupted(
    url: str, *args: str, once: Callable[[], bool]
) -> subprocess.CompletedProcess[str]:
    """Run ``desktop-app --database-url URL ARGS``, press Ctrl+C once ``once()`` is true."""
    process = launch(url, *args)
    deadline = time.monotonic() + 120
    while not once():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"it ended ({process.returncode}) before the signal: {out}{err}")
        assert time.monotonic() < deadline, "the work never started"
        await asyncio.sleep(0.002)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


async def padded(database: Path) -> None:
    """Our tables and ``PADDING_MB`` of other data: a file that takes a while to copy."""
    await migrated(database)
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("CREATE TABLE padding (b BLOB)")
        db.executemany("INSERT INTO padding VALUES (randomblob(1048576))", [()] * PADDING_MB)
        db.commit()


async def test_ctrl_c_during_a_backup_leaves_no_file(tmp_path: Path) -> None:
    database = tmp_path / "blog.db"
    await padded(database)
    out = tmp_path / "out"
    target = out / "copy.db"
    done = await interrupted(
        f"sqlite+aiosqlite:///{database}",
        "backup",
        "-o",
        str(target),
        once=target.with_name("copy.db.part").exists,
    )
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    assert done.stderr.splitlines() == ["Backup cancelled: nothing was written."]
    assert names(out) == []


async def test_ctrl_c_during_an_import_writes_nothing(tmp_path: Path) -> None:
    database = tmp_path / "blog.db"
    authors = await migrated(database)
    before = snapshot(database)
    path = posts_csv(tmp_path / "posts.csv", KILL_POSTS, authors)
    journal = database.with_name("blog.db-journal")
    done = await interrupted(
        f"sqlite+aiosqlite:///{database}", "import", "posts", str(path), once=journal.exists
    )
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    assert done.stderr.splitlines() == ["Import cancelled: nothing was imported."]
    assert not journal.exists()  # rolled back and closed by the program itself
    assert snapshot(database) == before


async def test_ctrl_c_during_a_restore_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    """Interrupted while it keeps the current database aside, a restore changes nothing and
    leaves no copy aside."""
    database, backup = tmp_path / "blog.db", tmp_path / "backup.db"
    await padded(database)
    await migrated(backup)
    before = snapshot(database)
    done = await interrupted(
        f"sqlite+aiosqlite:///{database}",
        "restore",
        str(backup),
        "--yes",
        once=lambda: any(tmp_path.glob("blog.replaced-*.part")),
    )
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    assert done.stderr.splitlines()[-1] == "Restore cancelled: the database was left as it was."
    assert "Traceback" not in done.stderr
    assert names(tmp_path) == ["backup.db", "blog.db"]
    assert snapshot(database) == before


async def test_ctrl_c_during_demo_data_writes_nothing(tmp_path: Path) -> None:
    """``demo-data`` fills the database in one transaction: Ctrl+C rolls it back and says so
    in a line, not a traceback."""
    database = tmp_path / "blog.db"
    await migrated(database)
    with contextlib.closing(sqlite3.connect(database)) as db:  # demo-data wants no users
        db.execute("DELETE FROM users")
        db.commit()
    before = snapshot(database)
    journal = database.with_name("blog.db-journal")
    done = await interrupted(
        f"sqlite+aiosqlite:///{database}",
        "demo-data",
        "--users",
        "200000",
        "--posts",
        "200000",
        once=journal.exists,
    )
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    assert done.stderr.splitlines()[-1] == "Cancelled: what was being written was rolled back."
    assert "Traceback" not in done.stderr
    assert not journal.exists()
    assert snapshot(database) == before
