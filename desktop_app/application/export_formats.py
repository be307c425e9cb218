"""Export (issue #12): a table, or exactly what a view shows, as CSV, JSON Lines or JSON.

Pure standard library. Rows arrive a keyset page at a time from an :class:`ExportSource` (the
port the infrastructure implements) in the order of the view's query, and each page is written
as it comes, so memory holds one page, never the table. CSV is RFC 4180 through ``csv`` (CRLF
line ends, fields quoted where needed, a header row); JSON Lines is one object a line; JSON is
one array, streamed. Timestamps are ISO 8601 in UTC with their offset; ids in full.

``export_to_file`` writes to a temporary name beside the target and renames it at the end: a
failed or cancelled export leaves no file and never half of one.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import json
import os
import secrets
import uuid
from collections.abc import AsyncGenerator, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.domain.errors import Errors, OperationCancelledError, StorageError

ExportTable = Literal["users", "posts"]
ExportFormat = Literal["csv", "jsonl", "json"]
ExportQuery = UserQuery | PostQuery

FORMATS: dict[str, ExportFormat] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}

USER_COLUMNS = ("id", "email", "username", "is_active", "bio", "created_at", "updated_at")
POST_COLUMNS = (
    "id",
    "title",
    "content",
    "author_id",
    "author_username",
    "created_at",
    "updated_at",
)
HASH_COLUMN = "hashed_password"

# Called with the rows written so far after each page; returning False cancels the export.
Progress = Callable[[int], bool]


class ExportWriteError(StorageError):
    """The export file could not be written (disk full, no permission, a folder gone)."""


class ExportSource(Protocol):
    """The rows of a query, in its order, a keyset page at a time (never OFFSET): tuples in
    ``columns_of`` order, timestamps aware."""

    def pages(
        self, query: ExportQuery, *, with_hashes: bool = False
    ) -> AsyncGenerator[Sequence[Sequence[Any]], None]: ...

    async def count(self, query: ExportQuery) -> int:
        """How many rows ``query`` matches (for a progress bar)."""
        ...


def table_of(query: ExportQuery) -> ExportTable:
    return "posts" if isinstance(query, PostQuery) else "users"


def columns_of(table: ExportTable, *, with_hashes: bool = False) -> tuple[str, ...]:
    """The exported columns: the users' password hash, last, only when asked for."""
    if table == "posts":
        return POST_COLUMNS
    return (*USER_COLUMNS, HASH_COLUMN) if with_hashes else USER_COLUMNS


def format_of(path: str | Path) -> ExportFormat | None:
    """The format a file name asks for by its extension (.csv, .jsonl/.ndjson, .json)."""
    return FORMATS.get(Path(path).suffix.lower())


def iso_time(value: datetime) -> str:
    """ISO 8601 in UTC with its offset and microseconds, always the same width (so the text
    sorts as the times do). A naive time is UTC already: the database layer's convention."""
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.isoformat(timespec="microseconds")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return value
    if kind is bool:
        return "true" if value else "false"
    if kind is datetime:
        return iso_time(value)
    return str(value)  # ids (UUID): hyphenated, in full


def _json_default(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return iso_time(value)
    raise TypeError(f"{type(value).__name__} is not exported")


# ensure_ascii=False keeps text readable; these three are escaped anyway because some line
# splitters (str.splitlines, JavaScript before ES2019) take them for line ends.
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=_json_default)
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _json_text(text: str) -> str:
    for char, escaped in _LINE_BREAKS.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


class ExportWriter:
    """Writes one export to ``out`` (a text stream opened with ``newline=""``), a page at a
    time. ``bom``: start a CSV with a UTF-8 byte order mark (spreadsheet programs want one
    to read UTF-8; JSON must not have one)."""

    def __init__(
        self, out: TextIO, fmt: ExportFormat, columns: Sequence[str], *, bom: bool = False
    ) -> None:
        if bom and fmt != "csv":
            raise ValueError("a byte order mark is for CSV only (JSON must not start with one)")
        self._out, self._format, self._columns = out, fmt, tuple(columns)
        self._bom = bom
        self._csv = csv.writer(out) if fmt == "csv" else None  # RFC 4180: CRLF, minimal quotes
        self.rows = 0

    def begin(self) -> None:
        if self._bom:
            self._out.write("\ufeff")
        if self._csv is not None:
            self._csv.writerow(self._columns)
        elif self._format == "json":
            self._out.write("[")

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self._csv is not None:
            self._csv.writerows([_csv_cell(value) for value in row] for row in rows)
        else:
            columns = self._columns
            objects = [_JSON.encode(dict(zip(columns, row, strict=True))) for row in rows]
            if self._format == "jsonl":
                text = "\n".join(objects) + "\n"
            else:
                text = ("\n" if self.rows == 0 else ",\n") + ",\n".join(objects)
            self._out.write(_json_text(text))
        self.rows += len(rows)

    def end(self) -> None:
        if self._format == "json":
            self._out.write("\n]\n" if self.rows else "]\n")


async def export(
    source: ExportSource,
    out: TextIO,
    query: ExportQuery,
    fmt: ExportFormat,
    *,
    with_hashes: bool = False,
    bom: bool = False,
    progress: Progress | None = None,
) -> int:
    """Stream the rows of ``query`` into ``out``; returns how many were written. Raises
    OperationCancelledError when ``progress`` returns False."""
    columns = columns_of(table_of(query), with_hashes=with_hashes)
    writer = ExportWriter(out, fmt, columns, bom=bom)
    writer.begin()
    async with contextlib.aclosing(source.pages(query, with_hashes=with_hashes)) as pages:
        async for page in pages:
            writer.write(page)
            if progress is not None and not progress(writer.rows):
                raise OperationCancelledError
    writer.end()
    return writer.rows


async def export_to_file(
    source: ExportSource,
    path: str | Path,
    query: ExportQuery,
    fmt: ExportFormat,
    *,
    with_hashes: bool = False,
    bom: bool = False,
    progress: Progress | None = None,
) -> int:
    """``export`` into the file at ``path``, replacing it only once the export is complete.

    The rows go to a hidden temporary file in the same folder, which is flushed to disk and
    renamed over ``path`` at the end; on any failure, or a cancel, it is removed and ``path``
    is left as it was. A file holding password hashes is readable by its owner alone.
    Raises ExportWriteError when the file cannot be written.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        # Files are created, flushed and renamed in a thread: a network drive may be slow.
        out = await _create_in_thread(temporary, private=with_hashes)
        try:
            with out:
                rows = await export(
                    source,
                    out,
                    query,
                    fmt,
                    with_hashes=with_hashes,
                    bom=bom,
                    progress=progress,
                )
                out.flush()
                await asyncio.to_thread(os.fsync, out.fileno())
            await asyncio.to_thread(os.replace, temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportWriteError(
            Errors.tr(
                "Could not write {path}: {reason}. Nothing was written.",
                path=str(target),
                reason=reason,
            )
        ) from error
    return rows


async def _create_in_thread(path: Path, *, private: bool) -> TextIO:
    """``_create`` in a worker thread. A cancel while it runs waits for the thread, then closes
    and removes what it made: the thread goes on after the task is cancelled, and the file it
    made a moment later was left behind."""
    creating = asyncio.ensure_future(asyncio.to_thread(_create, path, private=private))
    try:
        return await asyncio.shield(creating)
    except asyncio.CancelledError:
        with contextlib.suppress(OSError):  # an OSError: nothing was made
            (await creating).close()
        with contextlib.suppress(OSError):  # as the export's own cleanup: no thread to cancel
            path.unlink(missing_ok=True)  # noqa: ASYNC240
        raise


def _create(path: Path, *, private: bool) -> TextIO:
    """A new file (never an existing one) for UTF-8 text with the line ends left as written;
    ``private``: readable by its owner alone, else as any new file (0666 less the umask)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    return open(descriptor, "w", encoding="utf-8", newline="")
