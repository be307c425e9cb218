"""The table's selection as Delete and Copy see it: every row it shows selected, loaded or not.

The view keeps Qt's selection model (ranges of rows). When an action starts, those ranges
become an application ``Selection`` (the query, the ranges, the loaded rows as shown), which
is resolved in the database, so Select All over 8,000 posts means 8,000 posts, not the hundred
that happen to be loaded.

These functions serve either table, so they take ``LazyTableModel[Any]`` and ``Column[Any]``:
a ``Selection`` holds users or posts, and the columns are always the selected table's own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTableView

from desktop_app.application.read_models import PostReader, PostRow, RowKey, UserRow
from desktop_app.application.selection_resolver import PAGE, Progress, Selection, selected_rows
from desktop_app.domain.errors import OperationCancelledError, StorageError
from desktop_app.ui.columns import Column, copy_value
from desktop_app.ui.i18n import translate
from desktop_app.ui.table_model import LazyTableModel

# Copying more rows than this asks first: it reads them all, and the clipboard gets big.
COPY_ASK_ABOVE = 100_000


def table_selection(table: QTableView, model: LazyTableModel[Any]) -> Selection:
    """What ``table`` shows selected, as a description over ``model``'s query."""
    rows = model.rowCount()
    ranges = table.selectionModel().selection()
    spans = [
        (max(r.top(), 0), min(r.bottom() + 1, rows))
        for r in (ranges.at(n) for n in range(ranges.count()))
    ]
    cache = model.cache
    loaded: dict[int, UserRow | PostRow] = {}
    for block in cache.cached_blocks():  # the cache is bounded: this is a few thousand rows
        span = cache.block_range(block)
        for start, stop in spans:
            for number in range(max(start, span.start), min(stop, span.stop)):
                row = cache.get(number)
                if row is not None:
                    loaded[number] = row
    count = model.row_count
    total = rows if count.exact and count.rows == rows else None
    return Selection.of(model.query, spans, loaded, total=total)


def copied_columns(table: QTableView, model: LazyTableModel[Any]) -> list[Column[Any]]:
    """The columns in the order the table shows them (moved by the user), hidden ones left out."""
    header = table.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [model.columns[n] for n in logical if not header.isSectionHidden(n)]


def _table_writer(columns: list[Column[Any]]) -> tuple[io.StringIO, Any]:
    """A csv writer of tab-separated text, quoted as spreadsheets read it (``excel-tab``,
    with its own CRLF line ends: a cell holding a lone CR is quoted too, not split), one row
    a line, with the header row written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel-tab")
    writer.writerow([c.title for c in columns])
    return buffer, writer


def _content_reader(model: LazyTableModel[Any], columns: list[Column[Any]]) -> PostReader | None:
    """Where the copied posts' whole contents are read, when a copied column needs them."""
    if not any(c.copy_content for c in columns):
        return None
    if not isinstance(model.reader, PostReader):
        raise StorageError(
            translate("TableSelection", "no database is open to read the posts' whole content from")
        )
    return model.reader


async def _pages(model: LazyTableModel[Any], selection: Selection) -> AsyncIterator[list[Any]]:
    """The selected rows in table order, a page at a time: loaded rows as shown, the others
    read now (not into the view)."""
    if selection.fully_loaded or model.reader is None:
        rows = selection.loaded_rows()
        for start in range(0, len(rows), PAGE):
            yield rows[start : start + PAGE]
        return
    async for page in selected_rows(model.reader, selection):
        yield page


async def selection_text(
    model: LazyTableModel[Any],
    columns: list[Column[Any]],
    selection: Selection,
    *,
    progress: Progress | None = None,
) -> tuple[str, int]:
    """Every selected row as tab-separated text with a header row, and how many rows that
    is; a page at a time, rows not loaded read from the database. A post's whole content is
    read for every row, loaded or not (the table holds a preview); a post deleted meanwhile
    is left out. Raises OperationCancelledError when ``progress`` returns False."""
    buffer, writer = _table_writer(columns)
    contents = _content_reader(model, columns)
    done = 0
    async for page in _pages(model, selection):
        if contents is None:
            writer.writerows([copy_value(c, row) for c in columns] for row in page)
        else:
            whole = await contents.contents([row.id for row in page])
            kept = [row for row in page if row.id in whole]
            writer.writerows([copy_value(c, row, whole[row.id]) for c in columns] for row in kept)
            page = kept
        done += len(page)
        if progress is not None and not progress(done, selection.size):
            raise OperationCancelledError
    return buffer.getvalue().removesuffix("\r\n"), done


class SelectionText(QObject):
    """How a selection is named in questions and progress (a QObject for lupdate's plurals)."""

    def posts(self, keys: list[RowKey], selection: Selection) -> str:
        if len(keys) == 1:
            shown = [r for r in selection.loaded.values() if r.id == keys[0].id]
            if shown and isinstance(shown[0], PostRow):
                return self.tr("the post “{title}”").format(title=shown[0].title)
        authors = len({k.author_id for k in keys})
        return self.tr("{posts} by {authors}").format(
            posts=self.tr("%Ln post(s)", "", len(keys)),
            authors=self.tr("%Ln author(s)", "", authors),
        )

    def users(self, keys: list[RowKey], selection: Selection) -> str:
        if len(keys) == 1:
            shown = [r for r in selection.loaded.values() if r.id == keys[0].id]
            if shown and isinstance(shown[0], UserRow):
                return self.tr("user {name}").format(name=shown[0].username)
        return self.tr("%Ln user(s)", "", len(keys))


def posts_named(keys: list[RowKey], selection: Selection) -> str:
    """ "8,000 posts by 1,234 authors", or "the post “Title”" when it is one post on screen."""
    return SelectionText().posts(keys, selection)


def users_named(keys: list[RowKey], selection: Selection) -> str:
    """ "user ann" for one user on screen, else "1,234 users"."""
    return SelectionText().users(keys, selection)
