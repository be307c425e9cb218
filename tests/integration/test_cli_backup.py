"""``desktop-app backup`` and ``restore`` (#12, item 5), through the functions cli.py calls:
exit codes 0/1/2, results on stdout, sentences on stderr, nothing changed on a refusal."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from desktop_app.cli_backup import add_backup_commands, run_backup_command
from desktop_app.config import load_settings
from tests.integration.test_backup_restore import migrated_file, snapshot


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desktop-app")
    add_backup_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def run(url: str, *argv: str) -> int:
    return run_backup_command(parse(*argv), load_settings(DATABASE_URL=url))


def in_thread(coroutine: object) -> None:
    worker = threading.Thread(target=asyncio.run, args=(coroutine,))
    worker.start()
    worker.join()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    in_thread(migrated_file(tmp_path / "blog.db", users=40))
    return tmp_path / "blog.db"


def url_of(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def digest(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_writes_a_dated_copy_beside_the_database(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url_of(database), "backup") == 0
    [copy] = [p for p in database.parent.glob("blog-*.db")]
    out, err = capsys.readouterr()
    assert out.strip() == f"Backed up SQLite: {database} to {copy}"
    assert err == ""  # no progress into a pipe
    assert snapshot(copy) == snapshot(database)


def test_backup_to_a_named_file_and_never_over_the_database(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url_of(database), "backup", "-o", str(tmp_path / "out" / "b.db")) == 0
    assert snapshot(tmp_path / "out" / "b.db") == snapshot(database)
    before = digest(database)
    assert run(url_of(database), "backup", "-o", str(database)) == 2
    assert "is the database itself" in capsys.readouterr().err
    assert digest(database) == before


def test_restore_with_yes_replaces_and_keeps_the_old_one(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url_of(database), "backup", "-o", str(tmp_path / "b.db")) == 0
    rows = snapshot(database)
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.execute("DELETE FROM posts")
        db.commit()
    changed = snapshot(database)
    capsys.readouterr()
    assert run(url_of(database), "restore", str(tmp_path / "b.db"), "--yes") == 0
    out, err = capsys.readouterr()
    [kept] = list(tmp_path.glob("blog.replaced-*.db"))
    assert f"kept as {kept}" in out and f"kept as {kept}" in err  # said before and after
    assert snapshot(database) == rows and snapshot(kept) == changed


def test_restore_without_a_terminal_or_yes_refuses(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url_of(database), "backup", "-o", str(tmp_path / "b.db")) == 0
    before = digest(database)
    assert run(url_of(database), "restore", str(tmp_path / "b.db")) == 2
    err = capsys.readouterr().err
    assert "no terminal to ask on" in err and "--yes" in err
    assert digest(database) == before
    assert list(tmp_path.glob("*.replaced-*")) == []


@pytest.mark.parametrize(
    ("content", "code", "says"),
    [
        (b"name,email\nann,ann@example.org\n", 1, "is not a SQLite database"),
        (None, 2, "is not there"),
    ],
    ids=["not a database", "missing"],
)
def test_restore_of_what_is_not_a_backup_fails_in_words(
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    code: int,
    says: str,
) -> None:
    offered = tmp_path / "offered.db"
    if content is not None:
        offered.write_bytes(content)
    before = digest(database)
    assert run(url_of(database), "restore", str(offered), "--yes") == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and says in err and "Traceback" not in err
    assert digest(database) == before


def test_postgresql_backup_is_a_local_copy_and_restore_is_refused(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.integration.conftest import create_postgres_database, drop_postgres_database

    holder: list[str] = []

    async def make() -> None:
        holder.append(await create_postgres_database())

    in_thread(make())
    url = holder[0]
    try:
        in_thread(_fill_from(url, database))
        target = tmp_path / "local.db"
        assert run(url, "backup", "-o", str(target)) == 0
        assert "Saved 40 users and 40 posts of PostgreSQL:" in capsys.readouterr().out
        assert snapshot(target)["users"] == snapshot(database)["users"]
        assert run(url, "restore", str(target), "--yes") == 2
        assert "pg_restore" in capsys.readouterr().err
    finally:
        in_thread(drop_postgres_database(url))


async def _fill_from(url: str, source: Path) -> None:
    """The PostgreSQL database migrated, with the rows of the SQLite file ``source``."""
    from sqlalchemy import insert, select

    from desktop_app.infrastructure.database import migrations
    from desktop_app.infrastructure.database.connection import make_engine
    from desktop_app.infrastructure.database.models import PostModel, UserModel

    reader = make_engine(url_of(source), pool_size=1, max_overflow=0)
    writer = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await migrations.upgrade(writer, url)
        async with reader.connect() as r, writer.begin() as w:
            for model in (UserModel, PostModel):
                rows = [dict(row) for row in (await r.execute(select(model.__table__))).mappings()]
                await w.execute(insert(model), rows)
    finally:
        await reader.dispose()
        await writer.dispose()
