"""What a person selected in a table, kept as a description and resolved in the database.

A lazy table holds only the rows on screen, so "what is selected" cannot be a list of loaded
rows: Select All over 8,000 posts would be the hundred that happen to be loaded. A
``Selection`` is instead the query, the ranges of positions selected in its order, and the rows
that were loaded (their ids and versions as the person saw them). Delete and Copy resolve it
here, a keyset page at a time, without putting the rows in the view:

* Select All over the whole query (an exact count) is the query itself: every row it matches;
* other ranges are positions. A run of loaded rows is taken as shown; a run of rows not loaded
  is read from the database, after the loaded row before it when there is one (so it is
  exactly the rows that followed what was on screen), else from its position.
"""

from __future__ import annotations

import bisect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from desktop_app.application.read_models import (
    Cursor,
    PostQuery,
    PostRow,
    RowKey,
    RowReader,
    UserQuery,
    UserRow,
    cursor_of,
)
from desktop_app.domain.errors import OperationCancelledError

# Rows per database page while resolving: big enough that a million rows take a thousand
# round trips, small enough that each page is a blink for the event loop.
PAGE = 1_000

# Called as progress(done, total) while a selection resolves; returning False cancels.
Progress = Callable[[int, int], bool]
Query = UserQuery | PostQuery
Row = UserRow | PostRow
T = TypeVar("T", bound=UserRow | PostRow | RowKey)


@dataclass(frozen=True, slots=True)
class Selection:
    """A table's selection: ``ranges`` of positions in ``query``'s order (sorted, disjoint,
    not empty), and the rows the table had loaded there, by position."""

    query: Query
    ranges: tuple[range, ...]
    loaded: Mapping[int, Row] = field(default_factory=dict)
    everything: bool = False  # every row the query matches (Select All over an exact count)

    @classmethod
    def of(
        cls,
        query: Query,
        spans: Iterable[tuple[int, int]],
        loaded: Mapping[int, Row],
        *,
        total: int | None,
    ) -> Selection:
        """From half-open spans of positions in any order, overlapping or not; ``total`` is
        the exact number of rows the table shows, or None while it is still counted."""
        ranges: list[range] = []
        for start, stop in sorted(s for s in spans if s[1] > s[0]):
            if ranges and start <= ranges[-1].stop:
                start = ranges[-1].start
                stop = max(stop, ranges.pop().stop)
            ranges.append(range(start, stop))
        kept = {n: row for n, row in loaded.items() if any(n in r for r in ranges)}
        everything = bool(total) and ranges == [range(0, total or 0)]
        return cls(query, tuple(ranges), kept, everything)

    @property
    def size(self) -> int:
        """How many rows the table shows selected (the query may match more or fewer by now)."""
        return sum(len(r) for r in self.ranges)

    @property
    def fully_loaded(self) -> bool:
        return len(self.loaded) == self.size

    def loaded_rows(self) -> list[Row]:
        """The loaded rows in table order (all of them when ``fully_loaded``)."""
        return [self.loaded[n] for n in sorted(self.loaded)]


async def selected_keys(
    reader: RowReader[Any, Any],
    selection: Selection,
    *,
    page: int = PAGE,
    progress: Progress | None = None,
) -> list[RowKey]:
    """Every selected row's id, version and author, in table order, each once. A row that
    was loaded keeps the version it was shown with: a delete then leaves it alone if someone
    changed it since. Raises OperationCancelledError when ``progress`` returns False."""
    seen = {row.id: row for row in selection.loaded.values()}

    def read(offset: int, limit: int, after: Cursor | None) -> Awaitable[list[RowKey]]:
        return reader.keys(selection.query, offset=offset, limit=limit, after=after)

    keys: list[RowKey] = []
    async for chunk in _walk(selection, read, RowKey.of, page):
        for key in chunk:
            shown = seen.get(key.id)
            keys.append(key if shown is None else RowKey.of(shown))
        if progress is not None and not progress(len(keys), selection.size):
            raise OperationCancelledError
    return _unique(keys)


async def selected_rows(
    reader: RowReader[Any, Any], selection: Selection, *, page: int = PAGE
) -> AsyncIterator[list[Row]]:
    """Every selected row, in table order, a page at a time: loaded rows as shown, the
    others read now."""

    def read(offset: int, limit: int, after: Cursor | None) -> Awaitable[list[Row]]:
        return reader.fetch(selection.query, offset=offset, limit=limit, after=after)

    ids: set[Any] = set()
    async for chunk in _walk(selection, read, lambda row: row, page):
        if selection.everything:  # one keyset walk: no row comes twice
            yield chunk
            continue
        fresh = [row for row in chunk if row.id not in ids]
        ids.update(row.id for row in fresh)
        yield fresh


def _unique(keys: list[RowKey]) -> list[RowKey]:
    """Without repeats (a row that moved while the selection resolved), first one kept."""
    ids: set[Any] = set()
    unique: list[RowKey] = []
    for key in keys:
        if key.id not in ids:
            ids.add(key.id)
            unique.append(key)
    return unique


async def _walk(
    selection: Selection,
    read: Callable[[int, int, Cursor | None], Awaitable[list[T]]],
    shown: Callable[[Row], T],
    page: int,
) -> AsyncIterator[list[T]]:
    """The selected rows in pages: read ones from ``read(offset, limit, after)``, loaded ones
    through ``shown``."""
    query = selection.query
    if selection.everything:
        after: Cursor | None = None
        while True:
            rows = await read(0, page, after)
            if rows:
                yield rows
            if len(rows) < page:
                return
            after = cursor_of(rows[-1], query)
    loaded = selection.loaded
    positions = sorted(loaded)
    for span in selection.ranges:
        position = span.start
        while position < span.stop:
            if position in loaded:
                run: list[T] = []
                while position < span.stop and position in loaded:
                    run.append(shown(loaded[position]))
                    position += 1
                yield run
                continue
            # Rows not loaded, up to the next loaded one: after the row shown before them.
            following = bisect.bisect_left(positions, position)
            end = min(span.stop, positions[following]) if following < len(positions) else span.stop
            before = loaded.get(position - 1)
            after = cursor_of(before, query) if before is not None else None
            while position < end:
                wanted = min(page, end - position)
                rows = await read(position, wanted, after)
                if rows:
                    yield rows
                position += len(rows)
                if len(rows) < wanted:  # the table ends sooner than it did on screen
                    position = end
                    break
                after = cursor_of(rows[-1], query)
