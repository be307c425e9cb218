"""``desktop-app export`` (issue #12), run in-process on SQLite and PostgreSQL: the rows, the
formats, stdout or a file that appears whole, exit codes 0/1/2 and errors as sentences."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.cli import main
from desktop_app.infrastructure.database.connection import make_engine
from tests.integration.test_read_queries import readers

USERS, POSTS = 30, 70


def export(url: str, *args: str) -> int:
    return main(["--database-url", url, "export", *args])


@pytest.fixture
def filled(database_url: str) -> str:
    """A database with demo users and posts, made by the CLI itself."""
    code = main(
        ["--database-url", database_url, "demo-data", "--users", str(USERS), "--posts", str(POSTS)]
    )
    assert code == 0
    return database_url


def shown_ids(url: str, query: UserQuery | PostQuery) -> list[str]:
    """The ids the table reader shows for ``query``, in its order."""

    async def read() -> list[str]:
        engine = make_engine(url)
        try:
            users, posts = readers(engine)
            reader: Any = posts if isinstance(query, PostQuery) else users
            return [str(row.id) for row in await reader.fetch(query, limit=10_000)]
        finally:
            await engine.dispose()

    return asyncio.run(read())


def records(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines()]
    parsed: list[dict[str, Any]] = json.loads(text)
    return parsed


@pytest.mark.parametrize("ext", ["csv", "jsonl", "json"])
def test_export_to_a_file_takes_the_format_from_its_name(
    filled: str, tmp_path: Path, ext: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"users.{ext}"
    assert export(filled, "users", "-o", str(target)) == 0
    assert f"Exported {USERS} users to {target} ({ext})." in capsys.readouterr().out
    rows = records(target)
    assert [r["id"] for r in rows] == shown_ids(filled, UserQuery())  # as the table shows them
    assert all("hashed_password" not in r for r in rows)
    assert sorted(p.name for p in folder.iterdir()) == [target.name]  # no temporary left


def test_a_search_exports_what_the_search_box_finds(filled: str, tmp_path: Path) -> None:
    everything, found = tmp_path / "all.json", tmp_path / "found.jsonl"
    assert export(filled, "posts", "-o", str(everything)) == 0
    word = max(records(everything)[0]["title"].split(), key=len)  # a word some posts have
    assert export(filled, "posts", "--search", word, "--format", "jsonl", "-o", str(found)) == 0
    got = [r["id"] for r in records(found)]
    assert got == shown_ids(filled, PostQuery(search=word))
    assert 0 < len(got) < POSTS, word


def test_stdout_by_default_as_csv(filled: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert export(filled, "users", "--with-hashes", "--bom") == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbfid,email,username,")
    assert b"\r\n" in out and b"\r\r\n" not in out
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    assert len(rows) == USERS
    assert all(r["hashed_password"] for r in rows)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["tables"], "invalid choice: 'tables'"),
        (["users", "-o", "users.txt"], "cannot tell the format"),
        (["users", "--format", "json", "--bom"], "--bom is for CSV only"),
        (["users", "--format", "xml"], "invalid choice: 'xml'"),
    ],
)
def test_bad_arguments_exit_2(
    tmp_path: Path, args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'never.db'}"
    with pytest.raises(SystemExit) as exit_:
        export(url, *args)
    assert exit_.value.code == 2
    assert said in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no database made, no file written


def test_a_missing_database_exits_1_creating_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "users.csv"
    target.write_text("an older export", encoding="utf-8")
    url = f"sqlite+aiosqlite:///{tmp_path / 'missing.db'}"
    assert export(url, "users", "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "does not exist" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["users.csv"]
    assert target.read_text(encoding="utf-8") == "an older export"


def test_a_file_that_is_not_a_database_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are not the droids you are looking for" * 100)
    assert export(f"sqlite+aiosqlite:///{junk}", "posts") == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert "not a database" in err


def test_a_database_without_our_tables_exits_1(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if database_url.startswith("sqlite"):  # an existing SQLite file with a table of its own
        path = database_url.partition(":///")[2]
        import sqlite3

        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE notes (body TEXT)")
    assert export(database_url, "users") == 1
    err = capsys.readouterr().err
    assert "no users and posts tables" in err and "nothing to export" in err


def test_an_unwritable_target_exits_1(
    filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "users.csv"
    assert export(filled, "users", "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert f"Could not write {target}: No such file or directory. Nothing was written." in err
