"""Back a SQLite file up while it is in use, and put a backup back in its place.

Both directions go through SQLite's online backup API, a step of pages at a time, never a file
copy: a copy taken while another connection writes could catch it halfway, and a database file
moved while a ``-wal`` file beside it still holds committed pages would lose them (or, worse, a
stale ``-wal`` would be replayed onto the wrong file). The source is read inside one read
transaction, so the copy is the database as it was when the backup began, however much other
connections write meanwhile (in WAL mode they are not held up; without WAL they wait, as they
would for any reader). A backup is written under a ``.part`` name and renamed when complete, so
a cancelled or failed one leaves no file behind.

The work is synchronous (sqlite3) and runs in a worker thread: ``back_up`` and ``restore`` are
the coroutines, reporting progress on the event loop and stopping when asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop_app.core.paths import data_dir
from desktop_app.domain.errors import OperationCancelledError, StorageError
from desktop_app.domain.messages import Texts
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.inspection import OUR_TABLES
from desktop_app.infrastructure.database.migration_env import VERSION_TABLE

# Pages copied per step: 4 MB with the usual 4 KB pages, a few milliseconds of work, so
# progress moves smoothly and Cancel is noticed at once.
STEP_PAGES = 1024
# How long a restore waits for another program's write to end before it gives up.
BUSY_GIVE_UP_S = 15.0

# Called with (pages done, pages in all), in the worker thread.
PageProgress = Callable[[int, int], None]
# Called with (done, total) on the event loop; returning False cancels.
Progress = Callable[[int, int], bool]


class BackupErrors(Texts):
    """The translation context of what backing up, restoring and local copies say when they
    fail (the system's and SQLite's own reasons are put in as they are)."""


class NotABackupError(StorageError):
    """The file offered to restore from is not a backup of ours: not a SQLite database, damaged,
    without the users and posts tables, or written by a newer version. Nothing was changed."""


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to exactly ``path`` (a ``file:`` URI, so ``?`` and ``#`` in the name are the
    name); ``read_only`` never creates a missing file. No statement caching, no implicit
    transactions: this module says BEGIN itself."""
    uri = path.absolute().as_uri() + ("?mode=ro" if read_only else "")
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _hold_snapshot(connection: sqlite3.Connection) -> None:
    """Start a read transaction that the backup's steps share: without it each step reads the
    database as it is then, and every commit by another connection restarts the copy."""
    connection.execute("BEGIN")
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()


def remove_database_file(path: Path) -> None:
    """Delete a SQLite file and its journal, WAL and shared-memory files, if there."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def backup_to(
    source: Path,
    target: Path,
    progress: PageProgress | None = None,
    *,
    cancel: threading.Event | None = None,
    pages: int = STEP_PAGES,
) -> None:
    """Copy the SQLite database ``source`` to ``target`` (replacing it) as it was when the copy
    began. ``progress(done, total)`` after each step; setting ``cancel`` stops at the next step
    with OperationCancelledError. Either way, an unfinished copy leaves no file.

    The copy is a single file in rollback-journal mode whatever the source's mode, so it can be
    moved and mailed as it is. Raises StorageError when the source cannot be read or the target
    cannot be written, in words.
    """
    partial = target.with_name(target.name + ".part")

    def step(_status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise OperationCancelledError()
        if progress is not None:
            progress(total - remaining, total)

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_database_file(partial)
        with contextlib.closing(_connect(source, read_only=True)) as src:
            _hold_snapshot(src)
            with contextlib.closing(_connect(partial)) as dst:
                src.backup(dst, pages=pages, progress=step)
                dst.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, target)
    except BaseException as error:
        remove_database_file(partial)
        if isinstance(error, sqlite3.Error | OSError):
            reason = _reason(error)
            raise StorageError(
                BackupErrors.tr(
                    "Could not back up {source} to {target}: {reason}.",
                    source=str(source),
                    target=str(target),
                    reason=reason,
                )
            ) from error
        raise


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error).rstrip(".") or type(error).__name__


async def in_worker(
    work: Callable[[PageProgress, threading.Event], object], progress: Progress | None
) -> None:
    """Run ``work(report, cancel)`` in a worker thread: what it reports reaches ``progress`` on
    the event loop, and ``progress`` returning False, or this coroutine being cancelled, sets
    ``cancel``. It returns (or raises) only once the thread has finished and cleaned up.

    The worker reports again only once the loop has taken its last report (or after a second),
    so a Cancel is noticed within a step or two however fast the steps are, and a busy loop is
    never flooded with stale progress.
    """
    loop = asyncio.get_running_loop()
    cancel = threading.Event()
    taken = threading.Event()
    taken.set()
    finished = False

    def on_loop(done: int, total: int) -> None:
        try:
            if progress is not None and not finished and not progress(done, total):
                cancel.set()
        finally:
            taken.set()

    def report(done: int, total: int) -> None:  # in the worker thread
        if progress is not None:
            taken.wait(timeout=1.0)
            taken.clear()
            loop.call_soon_threadsafe(on_loop, done, total)

    task = asyncio.ensure_future(asyncio.to_thread(work, report, cancel))
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        cancel.set()
        with contextlib.suppress(Exception):
            await task  # the partial file is gone before the cancellation goes on
        raise
    finally:
        finished = True


async def back_up(
    source: Path, target: Path, progress: Progress | None = None, *, pages: int = STEP_PAGES
) -> Path:
    """``backup_to`` off the event loop; ``progress`` returning False cancels
    (OperationCancelledError, no file left). Returns ``target``."""

    def work(report: PageProgress, cancel: threading.Event) -> None:
        backup_to(source, target, report, cancel=cancel, pages=pages)

    await in_worker(work, progress)
    return target


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def _folder_for(path: Path) -> Path:
    """Beside ``path`` when that folder is writable, else the data directory's backups."""
    return path.parent if os.access(path.parent, os.W_OK) else data_dir() / "backups"


def dated_copy_path(path: Path, *, now: datetime | None = None) -> Path:
    """Where a backup the user asks for goes by default: ``NAME-DATE.db`` beside the file. Not
    named like the copies made before an upgrade (``NAME.backup-…``), which are pruned."""
    return _folder_for(path) / f"{path.stem}-{_stamp(now)}{path.suffix or '.db'}"


def replaced_path(path: Path, *, now: datetime | None = None) -> Path:
    """Where ``restore_from`` keeps the database it replaces: ``NAME.replaced-DATE.db``."""
    return _folder_for(path) / f"{path.stem}.replaced-{_stamp(now)}{path.suffix or '.db'}"


def check_backup(backup: Path) -> None:
    """Raise NotABackupError, saying why, unless ``backup`` is a sound SQLite database with our
    users and posts tables at a schema this version knows. Reads only."""
    if not backup.is_file():
        raise NotABackupError(
            BackupErrors.tr(
                "{backup} is not there (or is not a file): nothing was restored.",
                backup=str(backup),
            )
        )
    try:
        with contextlib.closing(_connect(backup, read_only=True)) as db:
            verdict = [row[0] for row in db.execute("PRAGMA quick_check")]
            tables = {
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revisions = (
                [row[0] for row in db.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
                if VERSION_TABLE in tables
                else []
            )
    except sqlite3.DatabaseError as error:
        raise NotABackupError(
            BackupErrors.tr(
                "{backup} is not a SQLite database ({reason}): nothing was restored.",
                backup=str(backup),
                reason=_reason(error),
            )
        ) from error
    if verdict != ["ok"]:
        raise NotABackupError(
            BackupErrors.tr(
                "{backup} is damaged (SQLite's check says: {verdict}): nothing was restored.",
                backup=str(backup),
                verdict="; ".join(verdict[:3]),
            )
        )
    missing = sorted(OUR_TABLES - tables)
    if len(missing) == 1:
        raise NotABackupError(
            BackupErrors.tr(
                "{backup} is a SQLite database but not a backup of users and posts (it has no "
                "{table} table): nothing was restored.",
                backup=str(backup),
                table=missing[0],
            )
        )
    if missing:
        raise NotABackupError(
            BackupErrors.tr(
                "{backup} is a SQLite database but not a backup of users and posts (it has no "
                "{first} and no {second} table): nothing was restored.",
                backup=str(backup),
                first=missing[0],
                second=missing[1],
            )
        )
    unknown = [r for r in revisions if not migrations.is_known_revision(r)]
    if unknown:
        raise NotABackupError(
            BackupErrors.tr(
                "{backup} was written by a newer version of the app (schema {revision}; this "
                "version knows up to {head}): update the app to restore it. Nothing was restored.",
                backup=str(backup),
                revision=unknown[0],
                head=str(migrations.head_revision()),
            )
        )


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return a.exists() and b.exists() and a.samefile(b)
    return False


def restore_from(
    backup: Path,
    current: Path,
    *,
    aside: Path | None = None,
    progress: PageProgress | None = None,
    cancel: threading.Event | None = None,
    pages: int = STEP_PAGES,
) -> Path | None:
    """Replace the database ``current`` with the backup ``backup``; returns where the replaced
    database was kept (``aside``, by default ``replaced_path(current)``), or None when there
    was no ``current`` file to keep.

    The backup is checked first (``check_backup``; and it is not the database itself). The
    current database is copied aside through the backup API (its WAL, if any, included), then
    the backup is copied into it the same way: SQLite writes it under its own locks in one
    transaction, so other connections to the file see either the old database or the restored
    one, never a mixture, and a failure or Cancel leaves the current database as it was (and
    no copy aside).
    """
    if _same_file(backup, current):
        raise NotABackupError(
            BackupErrors.tr(
                "{backup} is the database itself: nothing was restored.", backup=str(backup)
            )
        )
    check_backup(backup)
    first = _pages(current) if current.exists() else 0
    total = first + _pages(backup)

    def copying_aside(done: int, _total: int) -> None:
        if progress is not None:
            progress(min(done, first), total)

    def copying_in(done: int, _total: int) -> None:
        if progress is not None:
            progress(min(first + done, total), total)

    kept = None
    if current.exists():
        kept = aside or replaced_path(current)
        backup_to(current, kept, copying_aside, cancel=cancel, pages=pages)
    try:
        _copy_into(backup, current, copying_in, cancel, pages)
    except BaseException:
        if kept is not None:  # the database is as it was: no need to keep a copy of it
            remove_database_file(kept)
        raise
    return kept


def _pages(path: Path) -> int:
    """The database's size in pages (for progress; 0 if it cannot be read)."""
    try:
        with contextlib.closing(_connect(path, read_only=True)) as db:
            return int(db.execute("PRAGMA page_count").fetchone()[0])
    except sqlite3.Error:
        return 0


def _copy_into(
    backup: Path,
    current: Path,
    progress: PageProgress | None,
    cancel: threading.Event | None,
    pages: int,
) -> None:
    """The backup's pages into ``current`` in one write transaction, waiting a while for
    another program's write to end."""
    waiting_since: list[float] = []

    def step(status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise OperationCancelledError()
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            waiting_since[:] = waiting_since or [time.monotonic()]
            if time.monotonic() - waiting_since[0] > BUSY_GIVE_UP_S:
                raise StorageError(
                    BackupErrors.tr(
                        "{current} stayed busy (another program is writing to it): nothing was "
                        "restored. Close the other program and try again.",
                        current=str(current),
                    )
                )
            return
        waiting_since.clear()
        if progress is not None:
            progress(total - remaining, total)

    try:
        current.parent.mkdir(parents=True, exist_ok=True)
        with (
            contextlib.closing(_connect(backup, read_only=True)) as src,
            contextlib.closing(_connect(current)) as dst,
        ):
            _hold_snapshot(src)
            # A database in WAL mode takes pages only of its own size: switch it out of WAL for
            # the copy and back after (the backup API refuses otherwise).
            page_size = src.execute("PRAGMA page_size").fetchone()[0]
            wal = dst.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            resize = wal and dst.execute("PRAGMA page_size").fetchone()[0] != page_size
            if resize:
                dst.execute("PRAGMA journal_mode=DELETE")
            try:  # stopped before the last step, the destination's transaction rolls back
                src.backup(dst, pages=pages, progress=step, sleep=0.1)
            finally:
                if resize:
                    dst.execute("PRAGMA journal_mode=WAL")
    except (sqlite3.Error, OSError) as error:
        raise StorageError(
            BackupErrors.tr(
                "Could not restore {backup} into {current}: {reason}. The database was left as "
                "it was.",
                backup=str(backup),
                current=str(current),
                reason=_reason(error),
            )
        ) from error


async def restore(
    backup: Path, current: Path, *, aside: Path | None = None, progress: Progress | None = None
) -> Path | None:
    """``restore_from`` off the event loop, with progress and Cancel (``in_worker``)."""
    kept: list[Path | None] = []

    def work(report: PageProgress, cancel: threading.Event) -> None:
        kept.append(restore_from(backup, current, aside=aside, progress=report, cancel=cancel))

    await in_worker(work, progress)
    return kept[0]
