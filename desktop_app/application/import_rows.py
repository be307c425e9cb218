"""Reading users or posts to import from CSV, JSON Lines or JSON (issue #12).

The format comes from the file's extension; every row keeps the line it starts on, so a
report can say "line 12, email: ...". Column names are mapped to fields by a guess from the
header (case-insensitive, common synonyms), which a caller can override. Reading never
raises for bad content: an undecodable line or a broken JSON document is a ``LineError``
like any other, and the rows read before it are still returned for the preview.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

Kind: TypeAlias = Literal["users", "posts"]
Format: TypeAlias = Literal["csv", "jsonl", "json"]

FORMATS: dict[str, Format] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}

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


@dataclass(frozen=True, slots=True)
class LineError:
    """One bad line: where, which field, and why, in words for people."""

    line: int
    field: str
    reason: str

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


def _decode(data: bytes, errors: list[LineError]) -> str | None:
    """UTF-8 text (a leading BOM dropped), or None after reporting every undecodable line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = raw[error.start : error.start + 1].hex()
            errors.append(
                LineError(
                    number,
                    "file",
                    f"not valid UTF-8 (byte 0x{bad} at column {error.start + 1}); "
                    "save the file as UTF-8 and try again",
                )
            )
    return None


def _project(values: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    return {target: values[name] for name, target in mapping.items() if name in values}


def _read_csv(text: str, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult) -> None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        out.errors.append(LineError(1, "file", f"not readable as CSV ({error})"))
        return
    out.mapping, out.ignored = guess_mapping(kind, header, overrides)
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            out.errors.append(LineError(start, "file", f"not readable as CSV ({error})"))
            return
        if any(record):  # a blank line, or one of empty cells only, is no row
            if len(record) > len(header):
                out.errors.append(
                    LineError(start, "file", f"{len(record)} values for {len(header)} columns")
                )
            else:
                out.rows.append(
                    SourceRow(start, _project(dict(zip(header, record, strict=False)), out.mapping))
                )
        start = reader.line_num + 1


def _add_object(
    value: Any, line: int, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult
) -> None:
    if not isinstance(value, dict):
        out.errors.append(LineError(line, "file", "expected an object ({...}) for each row"))
        return
    for name in value:
        if name not in out.mapping and name not in out.ignored:
            mapping, ignored = guess_mapping(kind, [*out.mapping, *out.ignored, name], overrides)
            out.mapping, out.ignored = mapping, ignored
    out.rows.append(SourceRow(line, _project(value, out.mapping)))


def _read_jsonl(
    text: str, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult
) -> None:
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            out.errors.append(LineError(number, "file", f"not valid JSON ({error.msg})"))
            continue
        _add_object(value, number, kind, overrides, out)


def _read_json(text: str, kind: Kind, overrides: Mapping[str, str] | None, out: ReadResult) -> None:
    """An array of objects, decoded one element at a time so each keeps its line."""
    decoder = json.JSONDecoder()
    ws = " \t\r\n"

    def skip(at: int) -> int:
        while at < len(text) and text[at] in ws:
            at += 1
        return at

    def fail(at: int, reason: str) -> None:
        out.errors.append(LineError(text.count("\n", 0, at) + 1, "file", reason))

    at = skip(0)
    if at >= len(text) or text[at] != "[":
        fail(at, "expected a JSON array of objects ([{...}, ...])")
        return
    at = skip(at + 1)
    if at < len(text) and text[at] == "]":
        return
    while True:
        try:
            value, end = decoder.raw_decode(text, at)
        except json.JSONDecodeError as error:
            fail(error.pos, f"not valid JSON ({error.msg})")
            return
        _add_object(value, text.count("\n", 0, at) + 1, kind, overrides, out)
        at = skip(end)
        if at < len(text) and text[at] == ",":
            at = skip(at + 1)
        elif at < len(text) and text[at] == "]":
            if skip(at + 1) < len(text):
                fail(skip(at + 1), "unexpected text after the array")
            return
        else:
            fail(at, "expected ',' or ']' after a row")
            return


def read_text(
    text: str, fmt: Format, kind: Kind, mapping: Mapping[str, str] | None = None
) -> ReadResult:
    """The rows of ``text`` in format ``fmt``, with the column mapping used."""
    out = ReadResult()
    {"csv": _read_csv, "jsonl": _read_jsonl, "json": _read_json}[fmt](text, kind, mapping, out)
    return out


def read_file(path: Path, kind: Kind, mapping: Mapping[str, str] | None = None) -> ReadResult:
    """Read ``path`` (format from its extension). OSError if it cannot be opened; ValueError
    for an extension that names no format or a mapping to no field."""
    fmt = format_of(path)
    out = ReadResult()
    text = _decode(path.read_bytes(), out.errors)
    if text is None:
        return out
    return read_text(text, fmt, kind, mapping)
