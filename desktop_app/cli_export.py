"""``desktop-app export users|posts``: a table, or the rows a search finds, as CSV, JSON Lines or
JSON, for scripts and DBAs (issue #12).

Rows come in the order the table shows them by default (newest first), read a keyset page at a
time from a read-only connection: nothing in the database is created or changed. To stdout by
default; to a file with ``-o``, which appears only when the export is complete. Progress goes to
stderr when it is a terminal. Exit codes: 0 done, 1 failed (nothing written), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from desktop_app.application.export_formats import ExportFormat, ExportQuery
    from desktop_app.config import Settings

EXIT_ERROR = 1
FORMAT_CHOICES = ("csv", "jsonl", "json")


def add_export_parser(commands: Any) -> None:
    """Add ``export`` to the CLI's subcommands (``commands``: argparse's subparsers)."""
    export = commands.add_parser(
        "export",
        help="write users or posts as CSV, JSON Lines or JSON",
        description="Write every user or post (or those a search finds, as the window's search "
        "box finds them), newest first, as CSV (RFC 4180, UTF-8, a header row), JSON Lines or "
        "JSON. Timestamps are ISO 8601 in UTC; password hashes are left out unless "
        "--with-hashes. The database is only read. A file given with -o appears only once the "
        "export is complete; a failed export leaves none. Exit codes: 0 done, 1 failed, "
        "2 bad arguments.",
    )
    export.add_argument("table", choices=("users", "posts"), help="what to export")
    export.add_argument(
        "--format",
        choices=FORMAT_CHOICES,
        help="the format (default: from the extension of -o FILE, else csv)",
    )
    export.add_argument(
        "--search", default="", metavar="TEXT", help="only the rows this search finds"
    )
    export.add_argument(
        "--with-hashes",
        action="store_true",
        help="include the users' password hashes (keep such a file safe: it is written "
        "readable by you alone)",
    )
    export.add_argument(
        "--bom",
        action="store_true",
        help="start a CSV file with a byte order mark, for spreadsheet programs",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout (.csv, .jsonl, .ndjson or .json)",
    )
    export.set_defaults(export_parser=export)


def run_export(
    args: argparse.Namespace, settings: Settings, run: Callable[[Coroutine[Any, Any, int]], int]
) -> int:
    """Check the arguments (exit 2 through argparse), then export through ``run``, the CLI's
    runner that turns database errors into sentences and exit code 1."""
    from desktop_app.application.export_formats import format_of

    parser: argparse.ArgumentParser = args.export_parser
    output = None if args.output in (None, "-") else str(args.output)
    fmt = args.format
    if fmt is None:
        fmt = "csv" if output is None else format_of(output)
        if fmt is None:
            parser.error(
                f"cannot tell the format from the name {output!r}: give --format "
                "(csv, jsonl or json), or name the file .csv, .jsonl or .json"
            )
    if args.bom and fmt != "csv":
        parser.error(f"--bom is for CSV only ({fmt} must not start with a byte order mark)")
    try:
        return run(
            _export(settings, args.table, fmt, args.search, args.with_hashes, args.bom, output)
        )
    except KeyboardInterrupt:
        written = "the output so far is incomplete" if output is None else "nothing was written"
        print(f"Export interrupted: {written}.", file=sys.stderr)
        return EXIT_ERROR


async def _export(
    settings: Settings,
    table: str,
    fmt: ExportFormat,
    search: str,
    with_hashes: bool,
    bom: bool,
    output: str | None,
) -> int:
    from desktop_app import bootstrap
    from desktop_app.application.export_formats import export, export_to_file
    from desktop_app.application.read_models import PostQuery, UserQuery

    query: ExportQuery = PostQuery(search=search) if table == "posts" else UserQuery(search=search)
    async with bootstrap.export_source(settings.DATABASE_URL, settings) as source:
        progress = None
        if sys.stderr.isatty():
            progress = _Progress(table, await source.count(query))
        options: dict[str, Any] = {"with_hashes": with_hashes, "bom": bom, "progress": progress}
        try:
            if output is not None:
                rows = await export_to_file(source, output, query, fmt, **options)
            else:
                rows = await _to_stdout(lambda out: export(source, out, query, fmt, **options))
        finally:
            if progress is not None:
                progress.finish()
    if output is not None:
        noun = table if rows != 1 else table[:-1]
        print(f"Exported {rows:,} {noun} to {output} ({fmt}).")
    return 0


async def _to_stdout(write: Callable[[TextIO], Coroutine[Any, Any, int]]) -> int:
    """Run ``write`` on stdout as UTF-8 with the line ends left as written (CSV's CRLF must
    not become CR CR LF on Windows)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream without bytes underneath: write to it as it is
        return await write(sys.stdout)
    sys.stdout.flush()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        return await write(out)
    finally:
        try:
            out.flush()
        finally:
            out.detach()  # stdout stays open for whatever prints next


class _Progress:
    """Rows written so far, on one line of stderr (a terminal), at most five times a second."""

    def __init__(self, table: str, total: int) -> None:
        self._table, self._total = table, total
        self._shown = 0.0

    def __call__(self, done: int) -> bool:
        now = time.monotonic()
        if now - self._shown >= 0.2:
            self._shown = now
            share = f" ({done * 100 // self._total}%)" if self._total else ""
            line = f"Exporting {self._table}: {done:,} of {self._total:,}{share}"
            print(f"\r{line:<60}", end="", file=sys.stderr, flush=True)
        return True

    def finish(self) -> None:
        if self._shown:
            print(file=sys.stderr)
