"""Headless commands: ``db upgrade | current | history``, ``demo-data``, ``export``, ``import``,
``backup`` and ``restore`` (``python -m desktop_app COMMAND``).

The same code runs from a checkout and inside the packaged app, so a user without the repository
(and without ``alembic``) can inspect and migrate a database. Errors are sentences on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Coroutine, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import desktop_app
from desktop_app.cli_backup import add_backup_commands, run_backup_command
from desktop_app.cli_export import add_export_parser, run_export
from desktop_app.cli_import import add_import_command, run_import_command
from desktop_app.core.memory import keep_large_blocks_mapped

if TYPE_CHECKING:
    from desktop_app.config import Settings

# The database layer (and asyncio) is imported inside the commands that use it: the window must
# not wait for SQLAlchemy, pydantic, Alembic or asyncio to load before it can appear. Every
# engine a command uses comes from ``bootstrap`` (the composition root), never from here.

EXIT_ERROR = 1
EXIT_USAGE = 2


class _VersionAction(argparse.Action):
    """--version, reading the package metadata only when asked (it costs start-up time)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        print(f"{parser.prog} {desktop_app.__version__}")
        parser.exit()


if TYPE_CHECKING:  # generic only in the type stubs
    _SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _SubParsers = argparse._SubParsersAction


class _CommandOrFile(_SubParsers):
    """The first positional: a command (``db``, ``demo-data``) or else a file to open, as
    ``sqlite3 FILE`` and DB Browser for SQLite take one (``desktop-app notes.db``).

    argparse alone would reject ``notes.db`` as "invalid choice"; here a word that is not a
    command lands in ``namespace.path`` and the options after it are parsed as usual.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = _AnyWord(self._name_parser_map)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        word, *rest = values
        if word == "--" and rest:  # desktop-app -- -odd-name.db
            word, *rest = rest
        if word in self._name_parser_map:
            super().__call__(parser, namespace, values, option_string)
            return
        if getattr(namespace, "path", None) is not None:
            parser.error(f"open one file at a time (got {namespace.path!r} and {word!r})")
        namespace.path = word
        if rest:  # desktop-app notes.db --read-only
            parser.parse_args(rest, namespace)


class _AnyWord(dict[str, argparse.ArgumentParser]):
    """The commands, as argparse's choice check sees them: any word passes (it may be a file);
    listing them still shows only the commands."""

    def __init__(self, commands: dict[str, argparse.ArgumentParser]) -> None:
        super().__init__()
        self._commands = commands

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str)

    def __iter__(self) -> Iterator[str]:
        return iter(self._commands)

    def __len__(self) -> int:
        return len(self._commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-app",
        usage="%(prog)s [options] [FILE | COMMAND ...]",
        description="Offline editor for a users-and-posts database. Without a command, opens "
        "the window; with a FILE, opens that SQLite file in it (asking before it adds its "
        "tables to a file that has none).",
    )
    parser.set_defaults(path=None)
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="use this database instead of DATABASE_URL / the settings file",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the database without changing anything: no editing, no schema upgrade",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="migrate a temporary database and hash a password, then exit (0 = all good)",
    )
    parser.add_argument(
        "--quit-after-start",
        nargs="?",
        const="window",
        choices=("window", "rows"),
        help="quit as soon as the window has painted (or its first rows have): for "
        "measuring start-up; prints the timings",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        type=Path,
        help="open the window, wait for the first rows, save a screenshot and quit",
    )
    parser.add_argument(
        "--preview-screenshot",
        metavar="PNG",
        type=Path,
        help="with --screenshot: also save the posts table and the post preview beside it",
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        prog="desktop-app",
        action=_CommandOrFile,
        help="a command below, or FILE: a SQLite file to open in the window",
    )
    db = commands.add_parser("db", help="inspect or migrate the database schema")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser(
        "upgrade",
        help="migrate the database to the newest schema",
        description="Create or upgrade the app's tables. Says what will change and asks first "
        "(a SQLite file is backed up before an upgrade); without a terminal to ask on, pass "
        "--yes.",
    )
    upgrade.add_argument(
        "--yes", action="store_true", help="make the changes without asking (for scripts)"
    )
    db_commands.add_parser(
        "current", help="show the database's schema revision (changes and creates nothing)"
    )
    db_commands.add_parser("history", help="list the schema revisions this version knows")
    demo = commands.add_parser(
        "demo-data",
        help="fill an empty database with realistic demo users and posts",
        description="Add realistic demo users and posts to the configured database (it is "
        "migrated first). A database that already has users is refused (exit code 2, nothing "
        "changed) unless --force. Demo accounts are locked: nobody can log in as them with "
        "any password. Demo posts are written only by the demo users the same run adds. The "
        "import is one transaction: interrupted, it adds nothing.",
    )
    demo.add_argument("--users", type=_count, default=1_000, help="users to add (default 1000)")
    demo.add_argument("--posts", type=_count, default=5_000, help="posts to add (default 5000)")
    demo.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    demo.add_argument(
        "--force",
        action="store_true",
        help="add demo users and posts even though the database already has users",
    )
    add_export_parser(commands)
    add_import_command(commands)
    add_backup_commands(commands)
    return parser


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


async def _demo_data(settings: Settings, users: int, posts: int, seed: int, force: bool) -> int:
    from desktop_app import bootstrap
    from desktop_app.infrastructure.database import migrations
    from desktop_app.infrastructure.database.connection import describe_url
    from desktop_app.infrastructure.database.demo_data import (
        ExistingUsersError,
        count_users,
        fill_demo_data,
    )

    url = settings.DATABASE_URL
    tty = sys.stderr.isatty()
    last = [0.0]

    def progress(what: str, done: int, total: int) -> bool:
        now = time.monotonic()
        if done == total or now - last[0] > (0.2 if tty else 5):
            last[0] = now
            line = f"{what}: {done:,}/{total:,} ({done * 100 // max(total, 1)}%)"
            print(f"\r{line:<50}" if tty else line, end="" if tty else "\n", file=sys.stderr)
            if tty and done == total:
                print(file=sys.stderr)
        return True

    async with bootstrap.maintenance_engine(url, settings) as engine:
        # Before migrating: a refused run must leave a site's database exactly as it was.
        existing = 0 if force else await count_users(engine)
        if existing:
            print(f"error: {describe_url(url)}: {ExistingUsersError(existing)}", file=sys.stderr)
            return EXIT_USAGE
        await migrations.upgrade(engine, url)
        result = await fill_demo_data(
            engine, users=users, posts=posts, seed=seed, progress=progress, force=force
        )
    rows = result.users + result.posts
    rate = rows / result.seconds if result.seconds else 0.0
    print(
        f"{describe_url(url)}: added {result.users:,} users and {result.posts:,} posts in "
        f"{result.seconds:.1f} s ({rate:,.0f} rows/s). The demo accounts are locked: nobody "
        "can log in as them."
    )
    return 0


async def _db_command(action: str, settings: Settings, *, yes: bool = False) -> int:
    import asyncio

    from desktop_app import bootstrap
    from desktop_app.infrastructure.database import migrations
    from desktop_app.infrastructure.database.connection import describe_url
    from desktop_app.infrastructure.database.inspection import require_existing

    url = settings.DATABASE_URL
    if action == "current":  # looks only: a missing file is an error, never created
        require_existing(url)
        state = await bootstrap.inspect(url, settings)
        print(f"{describe_url(url)}: {bootstrap.describe_state(state)}")
        return 0
    if action == "history":
        state = await bootstrap.inspect(url, settings)
        for info in migrations.history(state.revision):
            marks = [m for m, on in (("head", info.is_head), ("current", info.is_current)) if on]
            suffix = f" ({', '.join(marks)})" if marks else ""
            print(f"{info.down_revision or '<base>'} -> {info.revision}{suffix}: {info.message}")
        return 0
    state = await bootstrap.inspect(url, settings)
    request = bootstrap.change_request(settings, state)
    if request is None:
        print(f"{describe_url(url)}: already at the newest schema ({state.revision}).")
        return 0
    print(f"{request.question}\n{request.details}", file=sys.stderr)
    if not yes:
        if not sys.stdin.isatty():
            print(
                f"error: {describe_url(url)} needs the changes above, and there is no terminal "
                "to ask on: nothing was changed. Run again with --yes (db upgrade --yes) to "
                "make them.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        reply = await asyncio.to_thread(input, f"{request.accept_text}? [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.", file=sys.stderr)
            return EXIT_USAGE
    after = await bootstrap.apply_change(settings, request)
    print(f"{describe_url(url)}: upgraded from {state.revision or 'empty'} to {after}.")
    if request.backup:
        print(f"The database before the upgrade was saved as {request.backup}")
    return 0


def run_db_command(action: str, settings: Settings, *, yes: bool = False) -> int:
    return _run_rolled_back_on_ctrl_c(_db_command(action, settings, yes=yes))


def _run_rolled_back_on_ctrl_c(command: Coroutine[Any, Any, int]) -> int:
    """``_run`` for a command that writes in one transaction (``db upgrade``, ``demo-data``):
    Ctrl+C cancels it, the transaction unwinds, and a line says so instead of a traceback."""
    try:
        return _run(command)
    except KeyboardInterrupt:
        print("Cancelled: what was being written was rolled back.", file=sys.stderr)
        return EXIT_ERROR


def _run(command: Coroutine[Any, Any, int]) -> int:
    import asyncio

    from desktop_app.domain.errors import StorageError
    from desktop_app.infrastructure.database.error_translation import translate

    try:
        return asyncio.run(command)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except StorageError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:
        domain_error = translate(error)
        if domain_error is None:
            raise
        print(f"error: {domain_error}", file=sys.stderr)
        return EXIT_ERROR


def self_check() -> int:
    """Prove the installation works: drivers, migrations and password hashing (a packaged app
    fails here, not in front of a user, when something was left out of the bundle)."""
    import asyncio
    import tempfile

    from desktop_app import bootstrap
    from desktop_app.core.security import hash_password, verify_password
    from desktop_app.infrastructure.database import migrations

    steps: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory(prefix="desktop_app-check-") as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'check.db'}"
        try:
            revision = asyncio.run(bootstrap.upgrade_schema(url))
            steps.append(("migrations", revision == migrations.head_revision(), str(revision)))
        except Exception as error:
            steps.append(("migrations", False, f"{type(error).__name__}: {error}"))
    try:
        hashed = hash_password("self-check password")
        ok = verify_password("self-check password", hashed) and not verify_password("x", hashed)
        steps.append(("password hashing", ok, hashed.split("$")[1]))
    except Exception as error:
        steps.append(("password hashing", False, f"{type(error).__name__}: {error}"))
    for module in ("aiosqlite", "asyncpg", "PySide6.QtWidgets", "qasync"):
        try:
            __import__(module)
            steps.append((f"import {module}", True, ""))
        except Exception as error:
            steps.append((f"import {module}", False, f"{type(error).__name__}: {error}"))
    from desktop_app.ui.i18n import missing_translations

    steps.append(("translations (ours and Qt's)", not missing_translations(), ""))
    for name, ok, detail in steps:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    failed = [name for name, ok, _ in steps if not ok]
    print(
        f"desktop-app {desktop_app.__version__}: "
        + ("all checks passed" if not failed else "FAILED")
    )
    return 0 if not failed else EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.path is not None and args.command is not None:
        parser.error(f"give a FILE to open or a command, not both ({args.path!r})")
    if args.path is not None and args.database_url is not None:
        parser.error("give a FILE to open or --database-url, not both")
    if args.self_check:
        gc.enable()  # off while starting (``__main__``): only the window keeps it off
        return self_check()
    if args.command is None:
        # The window: it appears first and reads the settings itself, so a bad setting is a
        # message in the window (with a way to choose another database), not a dead start.
        if args.screenshot is not None or args.quit_after_start is not None:
            from desktop_app.harness import run_harnessed

            return run_harnessed(
                database_url=args.database_url,
                path=args.path,
                read_only=args.read_only,
                screenshot=args.screenshot,
                preview_screenshot=args.preview_screenshot,
                quit_after_start=args.quit_after_start,
            )
        from desktop_app.gui import run_gui

        return run_gui(database_url=args.database_url, path=args.path, read_only=args.read_only)
    gc.enable()  # a command: collection as usual
    keep_large_blocks_mapped()  # as the window does: an export's read buffers go back when freed
    from desktop_app.config import SettingsError, load_settings_with_url

    try:
        settings = load_settings_with_url(args.database_url)
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "db":
        return run_db_command(args.db_command, settings, yes=getattr(args, "yes", False))
    if args.command == "export":
        return run_export(args, settings, _run)
    if args.command == "import":
        return run_import_command(args, settings)
    if args.command in ("backup", "restore"):
        return run_backup_command(args, settings)
    return _run_rolled_back_on_ctrl_c(
        _demo_data(settings, args.users, args.posts, args.seed, args.force)
    )
