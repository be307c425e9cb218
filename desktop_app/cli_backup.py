"""``desktop-app backup [-o FILE]`` and ``desktop-app restore FILE`` (issue #12).

backup: a SQLite database is copied online (the app may be open and writing meanwhile); a
PostgreSQL database becomes a local SQLite copy with our schema, which the app opens offline.
restore (SQLite only): the configured file is replaced by the backup after a question (``--yes``
answers it for scripts), and the replaced database is kept aside. Progress goes to stderr when
it is a terminal; results to stdout. Exit codes: 0 done, 1 failed (nothing written), 2 bad
arguments (nothing done). Errors are sentences, never a traceback; Ctrl+C is one line and exit
code 1, as for export and import.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.config import Settings

EXIT_ERROR = 1
EXIT_USAGE = 2


def add_backup_commands(commands: Any) -> None:
    """Register ``backup`` and ``restore`` on ``commands`` (the parser's subparsers)."""
    backup = commands.add_parser(
        "backup",
        help="back the database up (SQLite) or save a local SQLite copy (PostgreSQL)",
        description="SQLite: a consistent copy of the configured database, taken while it may "
        "be in use (default: NAME-DATE.db beside it). PostgreSQL: every user and post in a new "
        "SQLite file with the app's schema, which the app opens offline (default: "
        "DATABASE-DATE.db in the current folder). An unfinished copy leaves no file.",
    )
    backup.add_argument("-o", "--output", metavar="FILE", type=Path, help="where to write it")
    restore = commands.add_parser(
        "restore",
        help="replace the SQLite database with a backup, keeping the replaced one aside",
        description="Replace the configured SQLite database with FILE (a backup made by "
        "'backup' or File → Back up…). FILE is checked first; the replaced database is kept as "
        "NAME.replaced-DATE.db beside it. Asks first; without a terminal to ask on, pass --yes.",
    )
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="restore without asking (scripts)")


def run_backup_command(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``backup`` or ``restore`` as parsed into ``args``; returns the exit code."""
    from desktop_app.cli import _run  # the CLI's one error-to-exit-code mapping

    if args.command == "backup":
        try:
            return _run(_backup(settings, args.output))
        except KeyboardInterrupt:  # Ctrl+C: the copy stopped and its unfinished file is gone
            print("Backup cancelled: nothing was written.", file=sys.stderr)
            return EXIT_ERROR
    if not args.file.is_file():
        return _usage(f"{args.file} is not there (or is not a file): nothing was restored.")
    try:
        return _run(_restore(settings, args.file, yes=args.yes))
    except KeyboardInterrupt:  # the copy into the database rolls back, the copy aside goes
        print("Restore cancelled: the database was left as it was.", file=sys.stderr)
        return EXIT_ERROR


def _progress(what: str) -> Callable[[int, int], bool]:
    """A progress line on stderr when it is a terminal (never into a pipe or a log)."""
    tty = sys.stderr.isatty()
    last = [0.0]

    def report(done: int, total: int) -> bool:
        now = time.monotonic()
        if tty and (done == total or now - last[0] > 0.2):
            last[0] = now
            print(f"\r{what}: {done * 100 // max(total, 1)}%   ", end="", file=sys.stderr)
            if done == total:
                print(file=sys.stderr)
        return True

    return report


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


async def _backup(settings: Settings, output: Path | None) -> int:
    from desktop_app import bootstrap
    from desktop_app.infrastructure.database.connection import describe_database, sqlite_path
    from desktop_app.infrastructure.database.inspection import require_existing
    from desktop_app.infrastructure.database.local_copy import save_local_copy
    from desktop_app.infrastructure.database.sqlite_backup import back_up, dated_copy_path

    url = settings.DATABASE_URL
    name = describe_database(url)
    path = sqlite_path(url)
    if path is None:  # PostgreSQL: a local SQLite copy
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        target = output or Path.cwd() / f"{_database_name(url)}-{stamp}.db"
        async with bootstrap.maintenance_engine(url, settings, read_only=True) as engine:
            counts = await save_local_copy(engine, target, _progress("Copying"))
        print(
            f"Saved {counts.users:,} user{'s' if counts.users != 1 else ''} and "
            f"{counts.posts:,} post{'s' if counts.posts != 1 else ''} of {name} to {target}"
        )
        return 0
    path = path.expanduser()
    require_existing(url)
    target = output or dated_copy_path(path)
    if target.exists() and target.resolve() == path.resolve():
        return _usage(f"{target} is the database itself: give another file with -o.")
    await back_up(path, target, _progress("Backing up"))
    print(f"Backed up {name} to {target}")
    return 0


def _database_name(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).database or "postgresql"


async def _restore(settings: Settings, backup: Path, *, yes: bool) -> int:
    import asyncio

    from desktop_app.infrastructure.database.connection import describe_database, sqlite_path
    from desktop_app.infrastructure.database.sqlite_backup import (
        check_backup,
        replaced_path,
        restore,
    )

    url = settings.DATABASE_URL
    path = sqlite_path(url)
    if path is None:
        return _usage(
            f"restore replaces a SQLite file; {describe_database(url)} is a server. Restore a "
            "PostgreSQL database with its own tools (pg_restore)."
        )
    current = path.expanduser()
    await asyncio.to_thread(check_backup, backup)
    aside = replaced_path(current) if current.exists() else None
    kept_text = f" The current database is kept as {aside}." if aside else ""
    print(f"Replace {current} with the backup {backup}?{kept_text}", file=sys.stderr)
    if not yes:
        if not sys.stdin.isatty():
            return _usage(
                "there is no terminal to ask on: nothing was restored. Run again with --yes "
                "(restore FILE --yes) to restore."
            )
        reply = await asyncio.to_thread(input, "Restore? [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            print("Nothing was restored.", file=sys.stderr)
            return EXIT_USAGE
    kept = await restore(backup, current, aside=aside, progress=_progress("Restoring"))
    print(f"Restored {current} from {backup}")
    if kept is not None:
        print(f"The database it replaced was kept as {kept}")
    return 0
