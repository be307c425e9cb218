"""Reading users or posts to import from CSV, JSON Lines or JSON (issue #12), or from
tab-separated text pasted from a spreadsheet or a table.

A source is a file (the format from its extension) or a text already in memory (a paste: the
format given); both go through the same parsers. Every row keeps the line it starts on, so a
report can say "line 12, email: ...". Column names are mapped to fields by a guess from the
header (case-insensitive, common synonyms), which a caller can override. Reading never
raises for bad content: an undecodable line or a broken JSON document is a ``LineError``
like any other, and the rows read before it are still returned for the preview.

``iter_rows`` reads one row at a time (a file of a million rows is never in memory at once, a
JSON array's neither: ``json_array`` reads it a chunk at a time); ``read_source`` collects
them all.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import threading
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal, TextIO, TypeAlias

from desktop_app.application.json_array import (
    JsonArrayError,
    NotAnArrayError,
    TextAfterArrayError,
    array_elements,
)
from desktop_app.domain.messages import Message, Texts

Kind: TypeAlias = Literal["users", "posts"]
# "tsv": tab-separated, quoted as spreadsheets quote it (what Copy and spreadsheets put on
# the clipboard); "csv": comma-separated (RFC 4180)
Format: TypeAlias = Literal["csv", "tsv", "jsonl", "json"]

FORMATS: dict[str, Format] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
CSV_DIALECTS: dict[Format, str] = {"csv": "excel", "tsv": "excel-tab"}
# A file is read on the event loop's thread while worker threads (the database driver's, the
# undo store's) run Python. Each read from the disk lets go of the interpreter's lock and may
# wait up to a switch interval (5 ms) to take it back, so reading in 8 KiB pieces held the loop
# for tens of milliseconds per batch; one read a megabyte waits once where 128 did.
READ_BUFFER = 1 << 20

# Field -> header names that mean it (compared lower-cased, spaces and dashes as '_').
# For posts, the first author column present wins, in this order.
SYNONYMS: dict[Kind, dict[str, tuple[str, ...]]] = {
    "users": {
        "id": ("id", "user_id", "uuid"),
        "email": ("email", "e_mail", "mail", "email_address"),
        "username": ("username", "user_name", "name", "user", "login"),
        "password": ("password", "pass", "passwd"),
        "hashed_password": ("hashed_password", "password_hash", "hash"),
        "bio": ("bio", "about", "biography"),
        "is_active": ("is_active", "active", "enabled"),
        "created_at": ("created_at", "created"),
        "updated_at": ("updated_at", "updated", "modified"),
    },
    "posts": {
        "id": ("id", "post_id", "uuid"),
        "title": ("title", "subject"),
        "content": ("content", "body", "text"),
        "author": (
            "author_id",
            "author",
            "author_username",
            "author_email",
            "user_id",
            "username",
            "user",
            "email",
        ),
        "created_at": ("created_at", "created"),
        "updated_at": ("updated_at", "updated", "modified"),
    },
}
# The table's own column titles (what Copy writes: "Username", "Email", "Active", "Bio",
# "Created", "Updated", "ID"; "Title", "Author", "Content", ...) are all among these, so a
# copy from the window pastes back without choosing a single field.


class ImportProblem(Texts):
    """The translation context of what is wrong with a line to import or paste."""


@dataclass(frozen=True, slots=True)
class LineError:
    """One bad line: where, which field, and why (``problem``; ``reason`` in English)."""

    line: int
    field: str
    problem: Message | str

    @property
    def reason(self) -> str:
        return str(self.problem)

    def __str__(self) -> str:
        return f"line {self.line}, {self.field}: {self.reason}"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One record of the file: the line it starts on, and its values by field (only the
    mapped columns; a value is text, or from JSON a bool, number or None)."""

    line: int
    values: Mapping[str, Any]


@dataclass(slots=True)
class ReadResult:
    rows: list[SourceRow] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    # header name -> field, and the header names no field took
    mapping: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    whole: str = "file"  # the field a problem of the text itself is reported under

    def fail(self, line: int, reason: Message) -> None:
        self.errors.append(LineError(line, self.whole, reason))


@dataclass(frozen=True, slots=True)
class FileSource:
    """Rows in a file; the format comes from its extension."""

    whole: ClassVar[str] = "file"  # what a problem of the text itself names as its field
    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def fmt(self) -> Format:
        return format_of(self.path)

    def decodes(self, errors: list[LineError], stop: threading.Event | None = None) -> bool:
        """Whether the whole file is UTF-8, read a block at a time; if not, every line that
        is not is reported in ``errors``. ``stop`` set (the reading was cancelled) ends the
        reading at the next block, False. OSError if it cannot be read."""
        decoder = codecs.getincrementaldecoder("utf-8")()
        with self.path.open("rb") as data:
            try:
                while block := data.read(1 << 20):
                    if stop is not None and stop.is_set():
                        return False
                    decoder.decode(block)
                decoder.decode(b"", final=True)
                return True
            except UnicodeDecodeError:
                pass
            data.seek(0)
            for number, raw in enumerate(data, start=1):
                if stop is not None and stop.is_set():
                    return False
                _check_line(number, raw, errors)
        return False

    def open(self, newline: str = "") -> TextIO:
        """The file to read from the start (undecodable bytes read as U+FFFD)."""
        return self.path.open(
            encoding="utf-8-sig", errors="replace", newline=newline, buffering=READ_BUFFER
        )


@dataclass(frozen=True, slots=True)
class TextSource:
    """Rows in a text already in memory, such as a paste; ``name`` says where it came from
    ("the clipboard"). Its line numbers are the text's own."""

    whole: ClassVar[str] = "text"
    content: str = field(repr=False)
    fmt: Format = "tsv"
    name: str = "the text"

    def decodes(self, errors: list[LineError], stop: threading.Event | None = None) -> bool:
        return True  # text already

    def open(self, newline: str = "") -> TextIO:
        return io.StringIO(self.content.removeprefix("\ufeff"), newline=newline)


RowSource: TypeAlias = FileSource | TextSource


def format_of(path: Path) -> Format:
    """The format the extension names; ValueError (bad arguments) for any other."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"{path.name}: cannot tell the format from the extension "
            f"(expected one of {', '.join(FORMATS)})"
        )
    return fmt


def _key(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def guess_mapping(
    kind: Kind, header: list[str], overrides: Mapping[str, str] | None = None
) -> tuple[dict[str, str], list[str]]:
    """Header name -> field for the columns recognised, and the names left over.
    ``overrides`` (header name -> field, or "" to ignore a column) win over the guess."""
    overrides = {_key(name): target for name, target in (overrides or {}).items()}
    known = SYNONYMS[kind]
    unknown = [target for target in overrides.values() if target and target not in known]
    if unknown:
        raise ValueError(f"no such {kind} field: {', '.join(unknown)} (fields: {', '.join(known)})")
    mapping: dict[str, str] = {}
    taken = {target for target in overrides.values() if target}
    for name in header:
        if _key(name) in overrides and overrides[_key(name)]:
            mapping[name] = overrides[_key(name)]
    for target, names in known.items():
        if target in taken:
            continue
        for synonym in names:
            match = next((h for h in header if _key(h) == synonym and h not in mapping), None)
            if match is not None and _key(match) not in overrides:
                mapping[match] = target
                taken.add(target)
                break
    dropped = {name for name, target in overrides.items() if not target}
    return mapping, [name for name in header if name not in mapping and _key(name) not in dropped]


def _check_line(number: int, raw: bytes, errors: list[LineError]) -> None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = raw[error.start : error.start + 1].hex()
        errors.append(
            LineError(
                number,
                "file",
                ImportProblem.tr(
                    "not valid UTF-8 (byte 0x{byte} at column {column}); "
                    "save the file as UTF-8 and try again",
                    byte=bad,
                    column=str(error.start + 1),
                ),
            )
        )


def _project(values: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    return {target: values[name] for name, target in mapping.items() if name in values}


def _read_table(
    stream: TextIO, fmt: Format, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult
) -> Iterator[SourceRow]:
    """CSV or tab-separated rows under a header row."""
    reader = csv.reader(stream, dialect=CSV_DIALECTS[fmt])

    def unreadable(error: csv.Error) -> Message:
        if fmt == "csv":
            return ImportProblem.tr("not readable as CSV ({reason})", reason=str(error))
        return ImportProblem.tr("not readable as tab-separated rows ({reason})", reason=str(error))

    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        out.fail(1, unreadable(error))
        return
    out.mapping, out.ignored = guess_mapping(kind, header, overrides)
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            out.fail(start, unreadable(error))
            return
        if any(record):  # a blank line, or one of empty cells only, is no row
            if len(record) > len(header):
                out.fail(
                    start,
                    ImportProblem.tr(
                        "{values} values for {columns} columns",
                        values=str(len(record)),
                        columns=str(len(header)),
                    ),
                )
            else:
                yield SourceRow(
                    start, _project(dict(zip(header, record, strict=False)), out.mapping)
                )
        start = reader.line_num + 1


def _object_row(
    value: Any, line: int, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult
) -> SourceRow | None:
    if not isinstance(value, dict):
        out.fail(
            line, ImportProblem.tr("expected an object ({example}) for each row", example="{...}")
        )
        return None
    for name in value:
        if name not in out.mapping and name not in out.ignored:
            mapping, ignored = guess_mapping(kind, [*out.mapping, *out.ignored, name], overrides)
            out.mapping, out.ignored = mapping, ignored
    return SourceRow(line, _project(value, out.mapping))


def _read_jsonl(
    stream: TextIO, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult
) -> Iterator[SourceRow]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            out.fail(number, ImportProblem.tr("not valid JSON ({reason})", reason=error.msg))
            continue
        row = _object_row(value, number, kind, overrides, out)
        if row is not None:
            yield row


def _read_json(
    stream: TextIO, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult
) -> Iterator[SourceRow]:
    """An array of objects, decoded one element at a time so each keeps its line, and read a
    chunk at a time so the array's text is never in memory whole."""
    try:
        for line, value in array_elements(stream):
            row = _object_row(value, line, kind, overrides, out)
            if row is not None:
                yield row
    except JsonArrayError as error:
        out.fail(error.line, _json_problem(error))


def _json_problem(error: JsonArrayError) -> Message:
    """What is wrong with a JSON array's text, in words the window translates."""
    if isinstance(error, NotAnArrayError):
        return ImportProblem.tr(
            "expected a JSON array of objects ({example})", example="[{...}, ...]"
        )
    if error.json_msg is not None:
        return ImportProblem.tr("not valid JSON ({reason})", reason=error.json_msg)
    if isinstance(error, TextAfterArrayError):
        return ImportProblem.tr("unexpected text after the array")
    return ImportProblem.tr("expected ',' or ']' after a row")


def read_text(
    text: str, fmt: Format, kind: Kind, mapping: Mapping[str, str] | None = None
) -> ReadResult:
    """The rows of ``text`` in format ``fmt``, with the column mapping used."""
    return read_source(TextSource(text, fmt), kind, mapping)


def iter_rows(
    source: RowSource,
    kind: Kind,
    mapping: Mapping[str, str] | None,
    out: ReadResult,
    *,
    stop: threading.Event | None = None,
) -> Generator[SourceRow, None, None]:
    """The rows of ``source``, one at a time; its problems go to ``out.errors`` and the
    mapping used to ``out.mapping`` / ``out.ignored`` as they are read. A file that is not
    all UTF-8 gives no row, only a report of each bad line. ``stop`` set ends the check of
    the whole file's encoding (its first step, long for a big file) early, with no row.
    OSError if a file cannot be read; ValueError for an extension that names no format or a
    mapping to no field."""
    fmt = source.fmt
    if not source.decodes(out.errors, stop):
        return
    with source.open(newline="\n" if fmt == "jsonl" else "") as stream:
        if fmt == "json":
            yield from _read_json(stream, kind, mapping, out)
        elif fmt == "jsonl":
            yield from _read_jsonl(stream, kind, mapping, out)
        else:
            yield from _read_table(stream, fmt, kind, mapping, out)


def read_source(
    source: RowSource, kind: Kind, mapping: Mapping[str, str] | None = None
) -> ReadResult:
    """Read every row of ``source`` into memory (see ``iter_rows``)."""
    out = ReadResult(whole=source.whole)
    out.rows = list(iter_rows(source, kind, mapping, out))
    return out


def read_file(path: Path, kind: Kind, mapping: Mapping[str, str] | None = None) -> ReadResult:
    """Read ``path`` (format from its extension); see ``read_source``."""
    return read_source(FileSource(path), kind, mapping)
