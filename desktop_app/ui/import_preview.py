"""The first rows of an import's source (a file or pasted text) as text under its header:
what the Import and Paste dialogs preview, read without reading the whole source."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.application.import_rows import CSV_DIALECTS, FileSource, RowSource
from desktop_app.application.json_array import JsonArrayError, NotAnArrayError, array_elements
from desktop_app.ui.i18n import translate

PREVIEW_ROWS = 20


@dataclass(slots=True)
class Preview:
    """The first rows of a file as text, under its header (the column names)."""

    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, cells)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _objects_preview(objects: list[tuple[int, Any]]) -> Preview:
    preview = Preview()
    for _line, value in objects:
        if isinstance(value, dict):
            preview.header += [name for name in value if name not in preview.header]
    for line, value in objects:
        if isinstance(value, dict):
            preview.rows.append((line, [_cell(value.get(name)) for name in preview.header]))
    return preview


def read_preview(source: Path | RowSource, limit: int = PREVIEW_ROWS) -> Preview:
    """The header and first ``limit`` rows of ``source`` (a file, its format from its
    extension, or a text), each with the line it starts on, reading no further than needed.
    Blocking for a file: run it in a worker thread. OSError if unreadable, ValueError for an
    unknown extension, a JSON file that is no array, a first JSON row that is broken, or rows
    the csv module cannot read; undecodable bytes show as U+FFFD (the check reports their
    lines)."""
    if isinstance(source, Path):
        source = FileSource(source)
    fmt, name = source.fmt, source.name
    with source.open() as file:
        if fmt in CSV_DIALECTS:
            reader = csv.reader(file, dialect=CSV_DIALECTS[fmt])
            try:
                preview = Preview(header=next(reader, []))
                line = reader.line_num + 1
                for record in reader:
                    if any(record):
                        preview.rows.append((line, record))
                    if len(preview.rows) >= limit:
                        break
                    line = reader.line_num + 1
            except csv.Error as error:  # a field past the csv module's size limit
                raise ValueError(
                    translate("ImportPreview", "{source}: line {line}: {reason}").format(
                        source=name, line=reader.line_num, reason=error
                    )
                ) from None
            return preview
        if fmt == "jsonl":
            objects: list[tuple[int, Any]] = []
            for number, raw in enumerate(file, start=1):
                if raw.strip():
                    try:
                        objects.append((number, json.loads(raw)))
                    except json.JSONDecodeError:
                        continue  # the check reports it with its line
                if len(objects) >= limit:
                    break
            return _objects_preview(objects)
        objects = []  # from the JSON array
        try:
            for element in array_elements(file):
                objects.append(element)
                if len(objects) >= limit:
                    break
        except NotAnArrayError:
            raise ValueError(
                translate(
                    "ImportPreview", "{source} holds no JSON array of rows ([{{...}}, ...])"
                ).format(source=name)
            ) from None
        except JsonArrayError as error:
            if not objects:  # else the rows before it show, and the check reports it
                raise ValueError(
                    translate("ImportPreview", "{source}: line {line}: {reason}").format(
                        source=name, line=error.line, reason=error.reason
                    )
                ) from None
        return _objects_preview(objects)
