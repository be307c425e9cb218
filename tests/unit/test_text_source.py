"""Rows from a text in memory (Edit → Paste, #12): tab-separated rows under a header row,
quoted as spreadsheets and Copy quote them, read by the same parsers as a file; line numbers
are the text's own; the table's own column titles map to fields; a paste is checked and
written by the import service as one step named "Paste …"."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.import_rows import (
    FileSource,
    TextSource,
    guess_mapping,
    read_file,
    read_source,
)
from desktop_app.application.import_service import ImportService
from desktop_app.core.emails import normalise_email
from desktop_app.ui.columns import POST_COLUMNS, USER_COLUMNS
from tests.fakes import FakeStore, FakeUnitOfWork, fake_hash


def tsv(rows: list[list[str]]) -> str:
    """``rows`` as Copy writes them: excel-tab quoting, one line a row, no final newline."""
    out = io.StringIO()
    csv.writer(out, dialect="excel-tab", lineterminator="\n").writerows(rows)
    return out.getvalue().removesuffix("\n")


def test_tab_separated_rows_keep_the_lines_of_the_pasted_text() -> None:
    text = tsv(
        [
            ["Email", "Username", "Bio"],
            ["ann@example.org", "ann", "two\nlines, and a\ttab"],  # lines 2-3
            ["", "", ""],  # line 4: no row
            ["bo@example.org", "bo", 'says "hi"'],  # line 5
        ]
    )
    read = read_source(TextSource(text), "users")
    assert read.errors == []
    assert [r.line for r in read.rows] == [2, 5]
    assert read.rows[0].values == {
        "email": "ann@example.org",
        "username": "ann",
        "bio": "two\nlines, and a\ttab",
    }
    assert read.rows[1].values["bio"] == 'says "hi"'
    assert read.mapping == {"Email": "email", "Username": "username", "Bio": "bio"}


def test_a_spreadsheets_windows_line_ends_and_a_byte_order_mark_read_the_same() -> None:
    text = "\ufeffemail\tusername\r\nann@example.org\tann\r\nbo@example.org\tbo\r\n"
    read = read_source(TextSource(text), "users")
    assert [(r.line, r.values["username"]) for r in read.rows] == [(2, "ann"), (3, "bo")]
    assert read.mapping == {"email": "email", "username": "username"}


def test_a_problem_of_the_text_names_its_line_and_the_text() -> None:
    text = "title\tcontent\na\tb\nc\td\te\n"
    read = read_source(TextSource(text, name="the clipboard"), "posts")
    assert [(e.line, e.field) for e in read.errors] == [(3, "text")]
    assert "3 values for 2 columns" in read.errors[0].reason
    assert [r.line for r in read.rows] == [2]


def test_commas_are_text_in_a_paste_and_columns_in_a_csv_file(tmp_path: Path) -> None:
    """The same parser: only the dialect differs, so a file and a text of the same rows
    read the same, and a comma inside a pasted cell is no column break."""
    rows = [["title", "content", "author"], ["Hello, world", "a, b", "ann"]]
    path = tmp_path / "posts.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    from_file = read_file(path, "posts")
    assert from_file.rows == read_source(FileSource(path), "posts").rows
    assert from_file.rows == read_source(TextSource(tsv(rows)), "posts").rows
    assert from_file.rows[0].values["title"] == "Hello, world"


def test_the_tables_own_column_titles_map_to_fields() -> None:
    """What Copy writes in its header row pastes back without choosing a field."""
    users, left = guess_mapping("users", [c.title for c in USER_COLUMNS])
    assert left == []
    assert sorted(users.values()) == sorted(
        ["username", "email", "is_active", "bio", "created_at", "updated_at", "id"]
    )
    posts, left = guess_mapping("posts", [c.title for c in POST_COLUMNS])
    assert left == []
    assert sorted(posts.values()) == sorted(
        ["title", "author", "content", "created_at", "updated_at", "id"]
    )


# A lone carriage return is left out: csv's writer with Copy's "\n" line ends does not quote a
# cell holding one, so no reader can tell it from a line end (Windows "\r\n" is quoted).
_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00\r"), min_size=1).filter(
    lambda s: s.strip() != ""
)
_TRICKY = st.one_of(
    _TEXT, st.sampled_from(['a\t"b"', "x\ny", "\t", '"', "😀", "a\r\nb", " lead", "trail "])
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TRICKY, _TRICKY), min_size=1, max_size=5))
def test_what_copy_writes_pastes_back_unchanged(rows: list[tuple[str, str]]) -> None:
    read = read_source(TextSource(tsv([["title", "content"], *map(list, rows)])), "posts")
    assert read.errors == []
    assert [(r.values["title"], r.values["content"]) for r in read.rows] == rows


@pytest.mark.asyncio
async def test_a_paste_is_checked_and_written_as_one_step_named_paste() -> None:
    store = FakeStore()
    journal = ChangeJournal()
    recorded: list[str] = []
    journal.subscribe(lambda change: recorded.append(change.text))
    service = ImportService(
        lambda: FakeUnitOfWork(store),
        normalise_email=normalise_email,
        hash_password=fake_hash,
        journal=journal,
    )
    text = tsv(
        [
            ["Email", "Username", "Password"],
            ["ann@example.org", "ann", "secret-ann-1"],
            ["bad-address", "bob", "secret-bob-12"],
        ]
    )
    checked = await service.check("users", TextSource(text, name="the clipboard"))
    assert [(e.line, e.field) for e in checked.errors] == [(3, "email")]
    assert store.users == {}  # a check writes nothing
    good = TextSource(text.rsplit("\n", 1)[0])
    checked = await service.check("users", good)
    change = await service.write(checked.plan, verb="Paste")
    assert change.text == "Paste 1 user" and recorded == ["Paste 1 user"]
    assert [u.username for u in store.users.values()] == ["ann"]
