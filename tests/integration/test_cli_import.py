"""``import users|posts FILE`` (#12) on SQLite and PostgreSQL: the line-level report on stderr,
the summary on stdout, exit 0 / 1 (nothing written) / 2, and a dry run that writes nothing."""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.cli_import import add_import_command, run_import_command
from desktop_app.config import load_settings_with_url
from desktop_app.infrastructure.database.connection import make_engine
from desktop_app.infrastructure.database.models import PostModel, UserModel

PBKDF2 = "$pbkdf2-sha256$29000$N2bsXYsRIgRgDKE0Zsz5Hw$Q5cBeDBHdGJyJ0TM2fP5C6pYnPuZGGvBb4R4bO8RYVc"


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desktop-app")
    add_import_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(["import", *argv])


async def run(database_url: str, *argv: str) -> int:
    # The command runs its own event loop, as from the shell.
    settings = load_settings_with_url(database_url)
    return await asyncio.to_thread(run_import_command, parse(*argv), settings)


async def counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as connection:
        users = await connection.scalar(select(func.count()).select_from(UserModel))
        posts = await connection.scalar(select(func.count()).select_from(PostModel))
    return int(users or 0), int(posts or 0)


@pytest.fixture
def users_file(tmp_path: Path) -> Path:
    path = tmp_path / "users.csv"
    path.write_text(
        "E-Mail,Name,Password,hashed_password\n"
        f"ann@example.com,ann,,{PBKDF2}\n"
        "bob@example.com,bob,secret123,\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.asyncio
async def test_dry_run_then_import_then_duplicates(
    engine: AsyncEngine,
    database_url: str,
    users_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert await run(database_url, "users", str(users_file), "--dry-run") == 0
    out, err = capsys.readouterr()
    assert "2 users to add" in out and "nothing was written" in out and err == ""
    assert await counts(engine) == (0, 0)

    assert await run(database_url, "users", str(users_file)) == 0
    out, _ = capsys.readouterr()
    assert "Import 2 users" in out
    assert await counts(engine) == (2, 0)

    assert await run(database_url, "users", str(users_file)) == 1
    out, err = capsys.readouterr()
    assert "line 2, email: already in the database" in err and "nothing was imported" in out
    assert await run(database_url, "users", str(users_file), "--on-duplicate", "skip") == 0
    assert "2 skipped. Nothing to write." in capsys.readouterr().out

    posts = users_file.with_name("posts.jsonl")
    posts.write_text(
        json.dumps({"title": "hi", "content": "c", "author_email": "ann@example.com"})
        + "\n"
        + json.dumps({"title": "x" * 300, "content": "c", "author": "nobody"})
        + "\n"
    )
    assert await run(database_url, "posts", str(posts)) == 1
    err = capsys.readouterr().err
    assert "line 2, title:" in err and "line 2, author:" in err
    assert await counts(engine) == (2, 0)


@pytest.mark.asyncio
async def test_bad_lines_are_reported_and_nothing_is_written(
    engine: AsyncEngine, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "users.csv"
    path.write_text(
        f"email,username,hashed_password\nok@example.com,okay,{PBKDF2}\n"
        f"not-an-address,fine,{PBKDF2}\nx@example.com,no,$md5$x\n"
    )
    assert await run(database_url, "users", str(path)) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("line 3, email: ")
    assert [line.split(":")[0] for line in err] == [
        "line 3, email",
        "line 4, username",
        "line 4, hashed_password",
    ]
    assert await counts(engine) == (0, 0)


async def hashes(engine: AsyncEngine) -> dict[str, str]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(UserModel.username, UserModel.hashed_password))
    return {name: hashed for name, hashed in rows}


@pytest.mark.asyncio
async def test_an_export_without_hashes_updates_users_keeping_their_hashes(
    engine: AsyncEngine,
    database_url: str,
    users_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A file with no password column (an export without hashes) updates existing users,
    matched by id or by e-mail, and keeps their hashes; only a new user needs a password,
    and the dry run says the same as the import."""
    from desktop_app.cli import main

    assert await run(database_url, "users", str(users_file)) == 0
    kept = await hashes(engine)
    exported = tmp_path / "export.csv"
    argv = ["--database-url", database_url, "export", "users", "-o", str(exported)]
    assert await asyncio.to_thread(main, argv) == 0
    capsys.readouterr()
    with exported.open(newline="", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    assert "hashed_password" not in rows[0] and "password" not in rows[0]
    for row in rows:
        row["bio"] = f"new bio of {row['username']}"
        if row["username"] == "bob":
            row["id"] = ""  # matched by e-mail alone
    edited = tmp_path / "edited.csv"

    def write(extra: list[dict[str, str]]) -> None:
        with edited.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows([*rows, *extra])

    carl = {name: "" for name in rows[0]} | {"email": "carl@example.com", "username": "carl"}
    write([carl])
    update = ("users", str(edited), "--on-duplicate", "update")
    for dry in (["--dry-run"], []):
        assert await run(database_url, *update, *dry) == 1
        out, err = capsys.readouterr()
        assert err.splitlines() == [
            "line 4, password: required for a new user: give a password or a hashed_password"
        ]
        assert "0 users to add, 2 to update" in out and "nothing was imported" in out
    write([])
    assert await run(database_url, *update, "--dry-run") == 0
    out, err = capsys.readouterr()
    assert (err, "0 users to add, 2 to update, 0 skipped. Dry run" in out) == ("", True)
    assert await run(database_url, *update) == 0
    assert "Import 2 users" in capsys.readouterr().out
    assert await hashes(engine) == kept
    async with engine.connect() as connection:
        bios = set(await connection.scalars(select(UserModel.bio)))
    assert bios == {"new bio of ann", "new bio of bob"}


@pytest.mark.asyncio
async def test_a_demo_database_exported_with_hashes_imports_again(
    engine: AsyncEngine, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo accounts' locked marker ("!demo-account-locked": no password logs in) is a
    hash an import accepts, so export --with-hashes -> import copies a demo database; other
    junk after a "!" is still refused."""
    from desktop_app.cli import main
    from desktop_app.infrastructure.database.demo_data import LOCKED_PASSWORD_HASH

    def cli(url: str, *argv: str) -> int:
        return main(["--database-url", url, *argv])

    assert (
        await asyncio.to_thread(cli, database_url, "demo-data", "--users", "20", "--posts", "300")
        == 0
    )
    users, posts = tmp_path / "users.csv", tmp_path / "posts.jsonl"
    assert (
        await asyncio.to_thread(
            cli, database_url, "export", "users", "--with-hashes", "-o", str(users)
        )
        == 0
    )
    assert await asyncio.to_thread(cli, database_url, "export", "posts", "-o", str(posts)) == 0
    copy = f"sqlite+aiosqlite:///{tmp_path / 'copy.db'}"
    assert await asyncio.to_thread(cli, copy, "db", "upgrade", "--yes") == 0
    capsys.readouterr()
    assert await run(copy, "users", str(users)) == 0
    assert await run(copy, "posts", str(posts)) == 0
    assert "Import 300 posts" in capsys.readouterr().out
    copied = make_engine(copy)
    try:
        assert await counts(copied) == (20, 300)
        assert set((await hashes(copied)).values()) == {LOCKED_PASSWORD_HASH}
    finally:
        await copied.dispose()
    assert await run(database_url, "users", str(users), "--on-duplicate", "update") == 0
    junk = tmp_path / "junk.csv"
    junk.write_text(
        "email,username,hashed_password\n"
        "a@example.com,ann,!\nb@example.com,bob,!$md5$x\nc@example.com,cyd,! locked\n"
    )
    assert await run(database_url, "users", str(junk), "--dry-run") == 1
    err = capsys.readouterr().err
    assert [line.split(":")[0] for line in err.splitlines()] == [
        f"line {n}, hashed_password" for n in (2, 3, 4)
    ]


@pytest.mark.asyncio
async def test_a_file_of_100k_bad_lines_reports_200_and_counts_the_rest_by_field(
    engine: AsyncEngine,
    database_url: str,
    users_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert await run(database_url, "users", str(users_file)) == 0
    path = tmp_path / "posts.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "content", "author"])
        for n in range(100_000):  # 60,000 without a title, 40,000 without content
            writer.writerow(["", "c", "ann"] if n % 5 < 3 else ["t", "", "ann"])
    capsys.readouterr()
    assert await run(database_url, "posts", str(path), "--dry-run") == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 201
    assert lines[:3] == [f"line {n}, title: required, but empty or missing" for n in (2, 3, 4)]
    assert lines[199] == "line 201, content: required, but empty or missing"
    assert lines[200] == "… and 99,800 more bad lines (by field: title 59,880, content 39,920)"
    assert "100,000 bad line(s): nothing was imported." in out
    assert await counts(engine) == (2, 0)


def test_the_report_counts_errors_and_lines_apart_when_a_line_has_several() -> None:
    from desktop_app.application.import_rows import LineError
    from desktop_app.cli_import import report

    errors = [LineError(n // 2 + 2, ("email", "username")[n % 2], "bad") for n in range(10)]
    assert report(errors, limit=10) == [str(e) for e in errors]
    assert report(errors, limit=3) == [
        "line 2, email: bad",
        "line 2, username: bad",
        "line 3, email: bad",
        "… and 7 more errors on 3 more lines (by field: username 4, email 3)",
    ]


@pytest.mark.asyncio
async def test_bad_arguments_exit_2(
    engine: AsyncEngine, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await run(database_url, "users", str(tmp_path / "missing.csv")) == 2
    odd = tmp_path / "users.xlsx"
    odd.write_text("x")
    assert await run(database_url, "users", str(odd)) == 2
    good = tmp_path / "users.csv"
    good.write_text("email\n")
    assert await run(database_url, "users", str(good), "--map", "email=shoe_size") == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "extension" in err and "no such users field" in err
    with pytest.raises(SystemExit) as usage:
        parse("users", str(good), "--on-duplicate", "merge")
    assert usage.value.code == 2
    assert "Traceback" not in err


def test_the_command_fits_the_programs_parser() -> None:
    """cli.py's parser has the command, and its FILE does not clash with the program's own."""
    from desktop_app.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(
        ["--database-url", "sqlite:///x.db", "import", "posts", "p.csv", "--dry-run"]
    )
    assert (args.command, args.kind, args.file, args.dry_run, args.on_duplicate, args.path) == (
        "import",
        "posts",
        Path("p.csv"),
        True,
        "stop",
        None,
    )
