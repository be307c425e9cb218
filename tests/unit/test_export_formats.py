"""Export formats (issue #12): what a CSV, JSON Lines or JSON export holds, read back with the
standard library's own readers, and the file that appears only when the export is complete."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import stat
import threading
import time
from collections.abc import AsyncGenerator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TextIO
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.application import export_formats
from desktop_app.application.export_formats import (
    HASH_COLUMN,
    POST_COLUMNS,
    USER_COLUMNS,
    ExportFormat,
    ExportQuery,
    ExportWriteError,
    ExportWriter,
    columns_of,
    export,
    export_to_file,
    format_of,
    iso_time,
    table_of,
)
from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.domain.errors import DatabaseUnavailableError, OperationCancelledError

NASTY = [
    'she said "hi", then left',
    "two\nlines",
    "windows\r\nline",
    "old mac\rline",
    "tab\there",
    "emoji 🙂👩‍👩‍👧 and 𝄞",
    "עברית מימין לשמאל",
    "العربية\u200f mixed LTR",
    "  leading and trailing  ",
    "",
    '"',
    ",",
    "line\u2028separator\u2029paragraph\x85next",
    "=1+1",  # left alone: an export keeps the text exactly (see the README on spreadsheets)
]
WHEN = datetime(2026, 3, 1, 10, 0, 0, 123456, tzinfo=UTC)
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$")


def user(n: int, *, bio: str | None = "bio", updated: datetime | None = WHEN) -> tuple[Any, ...]:
    return (
        uuid4(),
        f"user{n}@example.org",
        f"user{n}",
        n % 2 == 0,
        bio,
        WHEN + timedelta(seconds=n),
        updated,
        f"$argon2id$v=19$m=65536,t=3,p=4$salt{n}$hash",
    )


class FakeSource:
    """An ExportSource over a list: pages of ``page`` rows, the hash column only when asked
    (as the database's source reads it only then)."""

    def __init__(self, rows: Sequence[tuple[Any, ...]], page: int = 3) -> None:
        self.rows = list(rows)
        self.page = page
        self.closed = False

    async def pages(
        self, query: ExportQuery, *, with_hashes: bool = False
    ) -> AsyncGenerator[Sequence[Sequence[Any]], None]:
        width = len(columns_of(table_of(query), with_hashes=with_hashes))
        try:
            for start in range(0, len(self.rows), self.page):
                await asyncio.sleep(0)
                yield [row[:width] for row in self.rows[start : start + self.page]]
        finally:
            self.closed = True

    async def count(self, query: ExportQuery) -> int:
        return len(self.rows)


class FailingSource(FakeSource):
    """Gives one page, then the database goes away."""

    async def pages(
        self, query: ExportQuery, *, with_hashes: bool = False
    ) -> AsyncGenerator[Sequence[Sequence[Any]], None]:
        yield [row[:-1] for row in self.rows[:1]]
        raise DatabaseUnavailableError("The database is not available: disk I/O error")


def write(
    rows: Sequence[tuple[Any, ...]],
    fmt: ExportFormat,
    query: ExportQuery | None = None,
    **options: Any,
) -> str:
    out = io.StringIO(newline="")
    written = asyncio.run(export(FakeSource(rows), out, query or UserQuery(), fmt, **options))
    assert written == len(rows)
    return out.getvalue()


def read_back(text: str, fmt: ExportFormat) -> list[dict[str, Any]]:
    """The export read with the standard library alone, as a list of records."""
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    parsed = json.loads(text)
    assert isinstance(parsed, list)
    return parsed


# -- CSV ------------------------------------------------------------------------------------


def test_csv_has_a_header_row_and_crlf_line_ends() -> None:
    text = write([user(1), user(2)], "csv")
    lines = text.split("\r\n")
    assert lines[0] == ",".join(USER_COLUMNS)
    assert lines[-1] == ""  # the last record ends with CRLF too
    assert len(lines) == 4


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_quotes_commas_newlines_tabs_emoji_and_rtl_text_survive(fmt: ExportFormat) -> None:
    rows = [user(n, bio=bio) for n, bio in enumerate(NASTY)]
    records = read_back(write(rows, fmt), fmt)
    assert [r["bio"] for r in records] == NASTY
    assert [r["id"] for r in records] == [str(row[0]) for row in rows]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["csv", "jsonl", "json"]),
)
def test_any_text_without_nul_survives(texts: list[str], fmt: ExportFormat) -> None:
    rows = [user(n, bio=text) for n, text in enumerate(texts)]
    records = read_back(write(rows, fmt), fmt)
    assert [r["bio"] for r in records] == texts


def test_json_lines_has_one_record_a_line_even_with_unicode_line_separators() -> None:
    text = write([user(1, bio="a\u2028b\u2029c\x85d"), user(2)], "jsonl")
    assert len(text.splitlines()) == 2  # str.splitlines splits at U+2028, U+2029 and U+0085
    assert text.endswith("\n")


def test_bom_only_when_asked_and_only_for_csv() -> None:
    rows = [user(1)]
    plain = write(rows, "csv")
    marked = write(rows, "csv", bom=True)
    assert not plain.startswith("\ufeff")
    assert marked == "\ufeff" + plain
    assert marked.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert read_back(marked.encode().decode("utf-8-sig"), "csv") == read_back(plain, "csv")
    with pytest.raises(ValueError, match="CSV only"):
        ExportWriter(io.StringIO(), "json", USER_COLUMNS, bom=True)


# -- JSON -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_an_empty_export_is_still_a_valid_file(fmt: ExportFormat) -> None:
    text = write([], fmt)
    assert read_back(text, fmt) == []
    if fmt == "json":
        assert json.loads(text) == []
    if fmt == "csv":
        assert text == ",".join(USER_COLUMNS) + "\r\n"


def test_json_array_spans_pages() -> None:
    rows = [user(n) for n in range(10)]  # FakeSource pages of 3: 3 + 3 + 3 + 1
    parsed = json.loads(write(rows, "json"))
    assert [r["username"] for r in parsed] == [f"user{n}" for n in range(10)]


def test_json_keeps_types_booleans_and_nulls() -> None:
    [record] = read_back(write([user(2, bio=None, updated=None)], "json"), "json")
    assert record["is_active"] is True
    assert record["bio"] is None
    assert record["updated_at"] is None
    assert list(record) == list(USER_COLUMNS)


# -- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_timestamps_are_iso_8601_with_an_offset(fmt: ExportFormat) -> None:
    naive = datetime(2026, 3, 1, 10, 0)  # the database layer never returns one: still UTC
    elsewhere = datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    rows = [user(1, updated=WHEN), user(2, updated=naive), user(3, updated=elsewhere)]
    records = read_back(write(rows, fmt), fmt)
    stamps = [r["updated_at"] for r in records] + [r["created_at"] for r in records]
    for stamp in stamps:
        assert ISO_WITH_OFFSET.match(stamp), stamp
        assert datetime.fromisoformat(stamp).utcoffset() == timedelta(0)
    assert [datetime.fromisoformat(r["updated_at"]) for r in records] == [
        WHEN,
        naive.replace(tzinfo=UTC),
        elsewhere,  # the same instant, written in UTC
    ]


def test_iso_time_is_one_width_so_text_order_is_time_order() -> None:
    times = [WHEN.replace(microsecond=0), WHEN, WHEN + timedelta(days=400)]
    texts = [iso_time(t) for t in times]
    assert len({len(t) for t in texts}) == 1
    assert sorted(texts) == texts


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_ids_in_full(fmt: ExportFormat) -> None:
    author = UUID("00000000-0000-4000-8000-0000000000ff")
    post = (UUID(int=1), "Title", "Body", author, "ann", WHEN, None)
    [record] = read_back(write([post], fmt, PostQuery()), fmt)
    assert record["id"] == "00000000-0000-0000-0000-000000000001"
    assert record["author_id"] == str(author)
    assert list(record) == list(POST_COLUMNS)


def test_csv_null_is_an_empty_cell_and_booleans_are_words() -> None:
    [active, inactive] = read_back(write([user(2, bio=None, updated=None), user(1)], "csv"), "csv")
    assert active["updated_at"] == ""
    assert active["bio"] == ""
    assert (active["is_active"], inactive["is_active"]) == ("true", "false")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_password_hashes_only_when_asked(fmt: ExportFormat) -> None:
    rows = [user(1), user(2)]
    without = write(rows, fmt)
    assert "argon2" not in without
    assert all(HASH_COLUMN not in r for r in read_back(without, fmt))
    with_hashes = read_back(write(rows, fmt, with_hashes=True), fmt)
    assert [r[HASH_COLUMN] for r in with_hashes] == [row[7] for row in rows]
    assert columns_of("posts", with_hashes=True) == POST_COLUMNS  # posts have none


def test_format_of_a_file_name() -> None:
    assert format_of("a/b/users.CSV") == "csv"
    assert format_of("posts.jsonl") == format_of("posts.ndjson") == "jsonl"
    assert format_of("posts.json") == "json"
    assert format_of("posts.txt") is None
    assert format_of("posts") is None


# -- cancelling -----------------------------------------------------------------------------


def test_progress_returning_false_cancels_and_closes_the_source() -> None:
    source = FakeSource([user(n) for n in range(10)])
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return done < 6

    with pytest.raises(OperationCancelledError):
        asyncio.run(export(source, io.StringIO(), UserQuery(), "csv", progress=progress))
    assert seen == [3, 6]
    assert source.closed  # its database session is given back at once


def test_pages_stream_each_written_before_the_next_is_read() -> None:
    """Never the whole table in memory: each page is written (and progress said) before the
    source is asked for the next, so one page is held at a time."""
    events: list[str] = []

    class Watched(FakeSource):
        async def pages(
            self, query: ExportQuery, *, with_hashes: bool = False
        ) -> AsyncGenerator[Sequence[Sequence[Any]], None]:
            number = 0
            async for page in super().pages(query, with_hashes=with_hashes):
                number += 1
                events.append(f"read {number}")
                yield page

    def said(done: int) -> bool:
        events.append(f"wrote {done // 3}")
        return True

    source = Watched([user(n) for n in range(12)], page=3)
    asyncio.run(export(source, io.StringIO(newline=""), UserQuery(), "csv", progress=said))
    assert events == [f"{what} {n}" for n in range(1, 5) for what in ("read", "wrote")]


# -- files ----------------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_to_file_writes_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "users.csv"
    rows = [user(n) for n in range(7)]
    written = asyncio.run(export_to_file(FakeSource(rows), target, UserQuery(), "csv"))
    assert written == 7
    assert leftovers(tmp_path) == ["users.csv"]
    with target.open(encoding="utf-8", newline="") as file:
        assert [r["username"] for r in csv.DictReader(file)] == [f"user{n}" for n in range(7)]


def test_a_cancelled_export_leaves_no_file_and_the_old_one_untouched(tmp_path: Path) -> None:
    target = tmp_path / "users.json"
    source = FakeSource([user(n) for n in range(10)])
    with pytest.raises(OperationCancelledError):
        asyncio.run(
            export_to_file(source, target, UserQuery(), "json", progress=lambda done: done < 3)
        )
    assert leftovers(tmp_path) == []
    target.write_text("the old export", encoding="utf-8")
    with pytest.raises(OperationCancelledError):
        asyncio.run(
            export_to_file(source, target, UserQuery(), "json", progress=lambda done: done < 3)
        )
    assert leftovers(tmp_path) == ["users.json"]
    assert target.read_text(encoding="utf-8") == "the old export"


def test_a_failed_read_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "users.jsonl"
    with pytest.raises(DatabaseUnavailableError):
        asyncio.run(export_to_file(FailingSource([user(1)]), target, UserQuery(), "jsonl"))
    assert leftovers(tmp_path) == []


def test_a_task_cancelled_mid_export_leaves_no_file(tmp_path: Path) -> None:
    async def cancel_midway() -> None:
        source = FakeSource([user(n) for n in range(3_000)], page=1)
        task = asyncio.ensure_future(export_to_file(source, tmp_path / "u.csv", UserQuery(), "csv"))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_midway())
    assert leftovers(tmp_path) == []


def test_a_cancel_while_the_file_is_being_created_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is created in a worker thread (a network drive may be slow), and a thread goes
    on after its task is cancelled: the export waits for it and removes what it made."""
    started, create = threading.Event(), export_formats._create

    def slow_create(path: Path, *, private: bool) -> TextIO:
        started.set()
        time.sleep(0.3)
        return create(path, private=private)

    monkeypatch.setattr(export_formats, "_create", slow_create)

    async def cancel_while_creating() -> None:
        source = FakeSource([user(1)])
        task = asyncio.ensure_future(export_to_file(source, tmp_path / "u.csv", UserQuery(), "csv"))
        while not started.is_set():
            await asyncio.sleep(0.005)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_while_creating())
    time.sleep(0.4)  # longer than the thread: whatever it made would be there by now
    assert leftovers(tmp_path) == []


def test_a_folder_that_is_not_there_is_said_in_words(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "users.csv"
    with pytest.raises(ExportWriteError, match=r"Could not write .*users\.csv: No such file"):
        asyncio.run(export_to_file(FakeSource([user(1)]), target, UserQuery(), "csv"))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_file_with_password_hashes_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    hashes, plain = tmp_path / "hashes.csv", tmp_path / "plain.csv"
    asyncio.run(export_to_file(FakeSource([user(1)]), hashes, UserQuery(), "csv", with_hashes=True))
    asyncio.run(export_to_file(FakeSource([user(1)]), plain, UserQuery(), "csv"))
    assert stat.S_IMODE(hashes.stat().st_mode) == 0o600
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(plain.stat().st_mode) == 0o666 & ~umask
