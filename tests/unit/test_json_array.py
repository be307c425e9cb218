"""A JSON array read a chunk at a time (#12): the same elements as ``json.loads``, each with the
line it starts on, whatever the chunk size; never the whole text at once; every kind of broken
text a clear error with its line."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.application.import_rows import read_text
from desktop_app.application.json_array import JsonArrayError, array_elements


class CountingReads(io.StringIO):
    """A text stream that remembers how far it has been read, and the largest single read."""

    def __init__(self, text: str) -> None:
        super().__init__(text, newline="")
        self.largest = 0
        self.reads = 0

    def read(self, size: int | None = -1, /) -> str:
        part = super().read(size)
        self.largest = max(self.largest, len(part))
        self.reads += 1
        return part


def elements(text: str, chunk: int = 4) -> list[Any]:
    return [value for _line, value in array_elements(io.StringIO(text, newline=""), chunk)]


def failure(text: str, chunk: int = 4) -> tuple[int, str]:
    with pytest.raises(JsonArrayError) as raised:
        elements(text, chunk)
    return raised.value.line, raised.value.reason


# Any JSON text a dict of strings can hold: brackets, commas, quotes, backslashes, newlines,
# surrogate-free non-ASCII.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
values = st.one_of(
    texts, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(), st.lists(texts)
)
rows = st.lists(st.dictionaries(texts, values, max_size=4), max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    rows=rows, chunk=st.integers(1, 80), indent=st.sampled_from([None, 0, 2]), ascii=st.booleans()
)
def test_any_list_of_objects_reads_as_json_loads_reads_it(
    rows: list[dict[str, Any]], chunk: int, indent: int | None, ascii: bool
) -> None:
    text = json.dumps(rows, indent=indent, ensure_ascii=ascii)
    assert elements(text, chunk) == json.loads(text)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(values, max_size=12), chunk=st.integers(1, 40))
def test_elements_of_any_kind_read_whole_across_chunks(items: list[Any], chunk: int) -> None:
    """Numbers too, which ``raw_decode`` would read short where a chunk ends (12|34, 2.|5)."""
    text = json.dumps(items)
    assert elements(text, chunk) == json.loads(text)


@settings(max_examples=100, deadline=None)
@given(rows=rows, chunk=st.integers(1, 40))
def test_each_element_keeps_the_line_it_starts_on(rows: list[dict[str, Any]], chunk: int) -> None:
    text = "[\n" + ",\n\n".join(json.dumps(row, indent=1) for row in rows) + "\n]\n"
    starts, line = [], 2
    for row in rows:
        starts.append(line)
        line += json.dumps(row, indent=1).count("\n") + 2
    found = list(array_elements(io.StringIO(text, newline=""), chunk))
    assert [at for at, _value in found] == starts


def test_a_big_array_is_read_a_chunk_at_a_time_never_whole() -> None:
    """200,000 rows (some 9 MB of text): read in reads of the chunk size, and the first rows
    come before the text has been read much past them."""
    text = json.dumps([{"email": f"u{n}@example.com", "username": f"u{n}"} for n in range(200_000)])
    stream = CountingReads(text)
    rows = array_elements(stream, chunk=4_096)
    for _ in range(1_000):
        next(rows)
    assert stream.tell() < 60_000  # 1,000 rows are some 47,000 characters
    assert sum(1 for _ in rows) == 199_000
    assert stream.largest <= 4_096


def test_an_element_longer_than_a_chunk_is_read_whole() -> None:
    """In reads that double (decoding it again after each costs linear time, not quadratic)."""
    big = {"content": 'x, ] [ " \\\n' * 10_000}
    text = json.dumps([big, {"title": "after"}])
    stream = CountingReads(text)
    assert [value for _line, value in array_elements(stream, chunk=100)] == [
        big,
        {"title": "after"},
    ]
    assert stream.reads < 30


def test_a_bom_and_whitespace_before_the_array_are_skipped() -> None:
    assert elements('\ufeff \n [ {"a": 1} ] \n\n') == [{"a": 1}]
    assert elements("[]") == elements(" [ \n ] ") == []


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "expected a JSON array"),
        ('\n\n{"a": 1}', 3, "expected a JSON array"),
        ('"rows"', 1, "expected a JSON array"),
        ('[\n{"a": 1},\n{"a": 2}\n', 4, "expected ',' or ']'"),  # the array cut short
        ('[\n{"a": 1},\n{"a": "cut sh', 3, "Unterminated string"),  # an element cut short
        ('[\n{"a": 1},\n{"a": tru', 3, "Expecting value"),
        ('[\n{"a": 1}\n{"a": 2}]', 3, "expected ',' or ']'"),
        ('[\n{"a": 1},\n]', 3, "Expecting value"),  # a trailing comma
        ('[\n{"a": 1}\n]\n\n{"a": 2}', 5, "unexpected text after the array"),
        ('[{"a": 1}]]', 1, "unexpected text after the array"),
    ],
)
def test_broken_text_is_a_clear_error_with_its_line(text: str, line: int, reason: str) -> None:
    for chunk in (1, 3, 1_000):
        found_line, found_reason = failure(text, chunk)
        assert found_line == line and reason in found_reason, (chunk, found_line, found_reason)


def test_the_rows_before_a_broken_element_are_read_and_the_report_names_its_line() -> None:
    text = '[\n {"username": "ann"},\n {"username": "bob"},\n {"username": \n'
    read = read_text(text, "json", "users")
    assert [r.values for r in read.rows] == [{"username": "ann"}, {"username": "bob"}]
    assert [(e.line, e.field) for e in read.errors] == [(5, "text")]
    assert "not valid JSON" in read.errors[0].reason
