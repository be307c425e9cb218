"""``desktop-app import users|posts FILE [--dry-run] [--on-duplicate skip|update|stop]`` (#12).

The format comes from the file's extension (.csv, .jsonl, .json). Every bad line is printed
to stderr as "line 12, email: ..." (the first 200, then the rest counted by field) and nothing
is written; the summary goes to stdout. Exit codes: 0 done, 1 failed or cancelled with Ctrl+C
(nothing written), 2 bad arguments. ``--dry-run`` checks the whole file against the database
and writes nothing. The database must already have the app's newest schema: an import never
migrates a site's database behind the user's back.

Passwords in the file are hashed in a pool of worker processes (one per core), so hashing a
thousand argon2 passwords uses every core rather than one thread's share of them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from desktop_app.application.import_rows import LineError
    from desktop_app.config import Settings

# Only the standard library's light modules at import time: cli.py imports this module on
# every start, the window's included (multiprocessing and the database layer load when run).

EXIT_ERROR = 1
EXIT_USAGE = 2
REPORT_LIMIT = 200  # bad lines printed one by one; the rest are counted by field

if TYPE_CHECKING:  # generic only in the type stubs
    _SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _SubParsers = argparse._SubParsersAction


def _mapping_entry(text: str) -> tuple[str, str]:
    header, sep, target = text.partition("=")
    if not sep or not header.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: expected COLUMN=FIELD (or COLUMN= to ignore)")
    return header.strip(), target.strip()


def add_import_command(commands: _SubParsers) -> argparse.ArgumentParser:
    """Register ``import`` on the program's subcommands; returns its parser."""
    command = commands.add_parser(
        "import",
        help="import users or posts from a CSV, JSON Lines or JSON file",
        description="Import users or posts from FILE (.csv with a header row, .jsonl, or "
        ".json holding an array of objects), in one transaction: every line is checked "
        "first, and if any is bad, each is reported with its line and field and nothing is "
        "written. Columns are matched to fields by their header (e-mail, mail -> email; "
        "name, user -> username; author, author_email, author_id -> author; ...); --map "
        "overrides that. New users bring a password or a hashed_password (argon2, bcrypt, "
        "pbkdf2_sha256, or a locked account's '!...' marker); an updated user given neither "
        "keeps its hash. Posts name their author by id, username or e-mail.",
    )
    command.add_argument("kind", choices=("users", "posts"), help="what the file holds")
    command.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    command.add_argument(
        "--dry-run",
        action="store_true",
        help="check every line against the database and report; write nothing",
    )
    command.add_argument(
        "--on-duplicate",
        choices=("skip", "update", "stop"),
        default="stop",
        help="a row that exists already (same id, e-mail or username): skip it, update it, "
        "or stop and write nothing (default)",
    )
    command.add_argument(
        "--map",
        type=_mapping_entry,
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="take FIELD from COLUMN instead of guessing from the header (repeatable)",
    )
    return command


def report(errors: Sequence[LineError], limit: int = REPORT_LIMIT) -> list[str]:
    """The first ``limit`` bad lines as they are, then one line for the rest with their count
    by field: 100,000 bad lines printed one by one are no help to read, and slow to print."""
    shown = [str(error) for error in errors[:limit]]
    rest = errors[limit:]
    if not rest:
        return shown
    fields = Counter(error.field for error in rest)
    by_field = ", ".join(f"{name} {count:,}" for name, count in fields.most_common())
    lines = len({error.line for error in rest} - {error.line for error in errors[:limit]})
    more = (
        f"{len(rest):,} more bad lines"
        if lines == len(rest)
        else f"{len(rest):,} more errors on {lines:,} more lines"
    )
    return [*shown, f"… and {more} (by field: {by_field})"]


def _count(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _progress(done: int, total: int, *, last: list[float]) -> bool:
    now = time.monotonic()
    if sys.stderr.isatty() and (done == total or now - last[0] > 0.2):
        last[0] = now
        end = "\n" if done == total else ""
        print(f"\rwriting: {done:,}/{total:,}", end=end, file=sys.stderr)
    return True


async def _import(args: argparse.Namespace, settings: Settings, pool: ProcessPoolExecutor) -> int:
    import asyncio

    from desktop_app import bootstrap
    from desktop_app.application.import_service import ImportService
    from desktop_app.core import security
    from desktop_app.core.emails import normalise_email
    from desktop_app.infrastructure.database.bulk_import import users_matching
    from desktop_app.infrastructure.database.connection import describe_url
    from desktop_app.infrastructure.database.inspection import require_existing

    url = settings.DATABASE_URL
    require_existing(url)
    state = await bootstrap.inspect(url, settings)
    if bootstrap.change_request(settings, state) is not None:
        print(
            f"error: {describe_url(url)}: {bootstrap.describe_state(state)}. Run "
            "'desktop-app db upgrade' first: nothing was imported.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    loop = asyncio.get_running_loop()

    async def hash_in_pool(password: str) -> str:
        return await loop.run_in_executor(pool, security.hash_password, password)

    database = bootstrap.connect(settings, create=False)
    try:
        service = ImportService(
            database.uow_factory,
            normalise_email=normalise_email,
            hash_password=hash_in_pool,
            lookup=users_matching,
            change_store=database.change_store,  # a big import's undo step: not in memory
        )
        checked = await service.check(
            args.kind, args.file, mapping=dict(args.map), on_duplicate=args.on_duplicate
        )
        for line in report(checked.errors):
            print(line, file=sys.stderr)
        if checked.ignored_columns:
            print(f"columns ignored: {', '.join(checked.ignored_columns)}", file=sys.stderr)
        plan = checked.plan
        noun = args.kind[:-1]
        what = (
            f"{args.file.name}: {_count(checked.rows_read, 'row')} read; "
            f"{_count(plan.new_rows, noun)} to add, {plan.updated_rows:,} to update, "
            f"{plan.skipped_rows:,} skipped"
        )
        if checked.errors:
            print(f"{what}. {len(checked.errors):,} bad line(s): nothing was imported.")
            return EXIT_ERROR
        if args.dry_run:
            print(f"{what}. Dry run: nothing was written.")
            return 0
        if not plan.size:
            print(f"{what}. Nothing to write.")
            return 0
        last = [0.0]
        change = await service.write(plan, progress=lambda d, t: _progress(d, t, last=last))
        print(f"{what}. Done: {change.text} into {describe_url(url)}.")
        return 0
    finally:
        await database.close()


def run_import_command(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``import`` as parsed by the parser ``add_import_command`` built; the exit code."""
    import asyncio
    from concurrent.futures import ProcessPoolExecutor

    from desktop_app.domain.errors import DomainError, StorageError
    from desktop_app.infrastructure.database.error_translation import translate

    if not args.file.is_file():
        print(f"error: {args.file}: no such file", file=sys.stderr)
        return EXIT_USAGE
    pool = ProcessPoolExecutor()
    try:
        return asyncio.run(_import(args, settings, pool))
    except ValueError as error:  # an extension that names no format, a --map to no field
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (DomainError, StorageError) as error:
        print(f"error: {error} Nothing was imported.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:
        if isinstance(error, OSError) and error.filename is not None:  # the file, unreadable
            print(f"error: {error.filename}: {error.strerror}", file=sys.stderr)
            return EXIT_USAGE
        domain_error: Any = translate(error)
        if domain_error is None:
            raise
        print(f"error: {domain_error} Nothing was imported.", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:  # Ctrl+C: the write's transaction rolled back as it unwound
        print("Import cancelled: nothing was imported.", file=sys.stderr)
        return EXIT_ERROR
    finally:
        pool.shutdown(cancel_futures=True)
