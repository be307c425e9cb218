"""Issue #8 in the window: the site's own SQLite database opens, scrolls and sorts correctly.

The web backend's ORM and raw SQL wrote a few hundred rows (most never edited, so their
``updated_at`` is NULL; timestamps in every text format); the real main window opens that file.
Both tables are scrolled to the end and sorted by every column both ways: every row shows
exactly once, in the documented order, no exception reaches ``sys.excepthook``, and a NULL
``updated_at`` reads "—" with the tooltip "never edited".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.table_model import LazyTableModel
from tests.reference_backend import WebBackend
from tests.site_data import build_site, expected_ids, read_truth
from tests.ui.helpers import Consent, Run
from tests.ui.test_main_window import wait_rows

NEVER_EDITED_TEXT = "—"
NEVER_EDITED_TOOLTIP = "never edited"


async def _build(url: str) -> tuple[dict[UUID, object], dict[UUID, object]]:
    async with WebBackend(url) as site:
        await build_site(site, orm_users=150, raw_users=100, orm_posts=200, raw_posts=100)
        return await read_truth(site.engine)  # type: ignore[return-value]


@pytest.fixture
def site_window(
    qtbot: QtBot, run: Run, fresh_sqlite_url: str, tmp_path: Path, consent: Consent
) -> Iterator[tuple[MainWindow, dict[UUID, object], dict[UUID, object]]]:
    """The site's database, written before the app ever saw it, open in the main window."""
    users, posts = run(_build(fresh_sqlite_url))
    opener = DatabaseOpener(load_settings(DATABASE_URL=fresh_sqlite_url))
    win = MainWindow(
        open_database=opener.open,
        test_connection=opener.test,
        save_database_url=lambda _url: None,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    consent("Upgrade")  # a database the app has not set up: it asks first
    assert run(win.open(None))
    yield win, users, posts
    run(win.shutdown())


def load_everything(
    qtbot: QtBot, table: object, model: LazyTableModel[Any], total: int
) -> list[UUID]:
    """Scroll to the end, then through every block, as a person dragging the scrollbar would;
    every row's cells are rendered once; returns the ids in the order shown."""
    wait_rows(qtbot, model, total)
    table.scrollToBottom()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.row_at(total - 1) is not None, timeout=10_000)
    block = model.cache.block_size
    for start in range(0, total, block):
        table.scrollTo(model.index(start, 0))  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda s=start: model.row_at(s) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: all(model.row_at(r) is not None for r in range(total)), timeout=10_000)
    assert model.rowCount() == total
    for row in range(total):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            model.data(index, Qt.ItemDataRole.DisplayRole)
            model.data(index, Qt.ItemDataRole.ToolTipRole)
    return [model.row_at(r).id for r in range(total)]


def sort_everything(
    qtbot: QtBot, table: object, model: LazyTableModel[Any], truth: dict[UUID, object]
) -> list[str]:
    problems = []
    header = table.horizontalHeader()  # type: ignore[attr-defined]
    sortable = [(n, c.sort) for n, c in enumerate(model.columns) if c.sort is not None]
    assert len(sortable) >= 4
    for number, sort in sortable:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            descending = order == Qt.SortOrder.DescendingOrder
            header.setSortIndicator(number, order)  # as a click on the header does
            qtbot.waitUntil(
                lambda s=sort, d=descending: (model.query.sort, model.query.descending) == (s, d)
            )
            shown = load_everything(qtbot, table, model, len(truth))
            want = expected_ids(truth, sort, descending, "sqlite")
            if shown != want:
                repeated = len(shown) - len(set(shown))
                missing = len(set(want) - set(shown))
                first = next(i for i, (a, b) in enumerate(zip(shown, want, strict=False)) if a != b)
                problems.append(
                    f"{sort} {'desc' if descending else 'asc'}: {repeated} repeated, "
                    f"{missing} missing, first difference at row {first}"
                )
    return problems


def never_edited_cells(model: LazyTableModel[Any], total: int) -> list[tuple[object, object]]:
    """(display, tooltip) of the "Updated" cell of every row whose updated_at is NULL."""
    [updated] = [n for n, c in enumerate(model.columns) if c.sort == "updated_at"]
    cells = []
    for row in range(total):
        if model.row_at(row).updated_at is None:
            index = model.index(row, updated)
            cells.append(
                (
                    model.data(index, Qt.ItemDataRole.DisplayRole),
                    model.data(index, Qt.ItemDataRole.ToolTipRole),
                )
            )
    return cells


def test_the_sites_database_scrolls_and_sorts_every_row_once(
    site_window: tuple[MainWindow, dict[UUID, object], dict[UUID, object]], qtbot: QtBot
) -> None:
    window, users, posts = site_window
    assert len(users) == 254 and len(posts) == 304
    users_table, posts_table = window.users_panel.table, window.posts_panel.table

    shown = load_everything(qtbot, users_table, window.users_model, len(users))
    assert len(set(shown)) == len(shown) == len(users) and set(shown) == set(users)
    shown = load_everything(qtbot, posts_table, window.posts_model, len(posts))
    assert len(set(shown)) == len(shown) == len(posts) and set(shown) == set(posts)

    cells = never_edited_cells(window.users_model, len(users))
    assert len(cells) > len(users) // 2
    assert {display for display, _ in cells} == {NEVER_EDITED_TEXT}
    assert all(NEVER_EDITED_TOOLTIP in str(tooltip).lower() for _, tooltip in cells)
    cells = never_edited_cells(window.posts_model, len(posts))
    assert len(cells) > len(posts) // 2
    assert {display for display, _ in cells} == {NEVER_EDITED_TEXT}

    problems = sort_everything(qtbot, users_table, window.users_model, users)
    problems += sort_everything(qtbot, posts_table, window.posts_model, posts)
    assert not problems, "\n".join(problems)
    assert window.users_model.failure is None and window.posts_model.failure is None
