"""File → Export… in the real window (issue #12): a searched or filtered view exports exactly the
rows it shows, Cancel leaves no file, and password hashes only go out when ticked."""

from __future__ import annotations

import csv
import gc
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.infrastructure.database.connection import make_engine
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.table_model import LazyTableModel
from tests.ui.helpers import Run
from tests.ui.windows import show_window

USERS, POSTS = 1_200, 600
BASE = datetime(2026, 2, 1, tzinfo=UTC)


async def fill(url: str) -> None:
    users = [
        {
            "id": uuid4(),
            "email": f"user{n}@example.org",
            "username": f"{'kite' if n % 40 == 0 else 'user'}{n:04d}",
            "hashed_password": f"$pbkdf2-sha256$29000$salt$hash{n}",
            "bio": f'says "hi",\nthen {n} 🙂' if n % 2 else None,
            "created_at": BASE + timedelta(minutes=n),
            "updated_at": None if n % 3 else BASE + timedelta(minutes=n),
        }
        for n in range(USERS)
    ]
    posts = [
        {
            "id": uuid4(),
            "title": f"Post {n:04d}",
            "content": f"Text of post {n}, with a comma",
            "author_id": users[n % 10]["id"],
            "created_at": BASE + timedelta(seconds=n),
            "updated_at": None,
        }
        for n in range(POSTS)
    ]
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(insert(UserModel), users)
            await connection.execute(insert(PostModel), posts)
    finally:
        await engine.dispose()


@pytest.fixture
def window(qtbot: QtBot, run: Run, sqlite_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    opener = DatabaseOpener(load_settings(DATABASE_URL=sqlite_url))
    win = show_window(qtbot, opener, tmp_path / "ui.ini")
    assert run(win.open(None))
    run(fill(sqlite_url))
    win.refresh()
    for model, rows in ((win.users_model, USERS), (win.posts_model, POSTS)):
        qtbot.waitUntil(lambda m=model, r=rows: exact(m) == r, timeout=10_000)  # type: ignore[misc]
    yield win
    run(win.shutdown())


def exact(model: LazyTableModel[Any]) -> int | None:
    return model.row_count.rows if model.row_count.exact else None


def shown_ids(qtbot: QtBot, model: LazyTableModel[Any]) -> list[str]:
    """Every row the table shows, once all are loaded (a few dozen here)."""
    qtbot.waitUntil(lambda: exact(model) is not None, timeout=10_000)

    def loaded() -> bool:
        return all(model.row_at(n) is not None for n in range(model.rowCount()))

    for n in range(model.rowCount()):
        model.data(model.index(n, 0))  # asks for the row, as painting it would
    qtbot.waitUntil(loaded, timeout=10_000)
    return [str(model.row_at(n).id) for n in range(model.rowCount())]  # type: ignore[union-attr]


def open_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    window.findChild(QAction, "actionExport").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def export_and_wait(qtbot: QtBot, window: MainWindow, dialog: ExportDialog, path: Path) -> str:
    window.statusBar().clearMessage()
    dialog.path.setText(str(path))
    dialog.export_button.click()

    def said() -> bool:
        return "Export" in window.statusBar().currentMessage() or window.banner.isVisible()

    qtbot.waitUntil(said, timeout=20_000)
    return window.statusBar().currentMessage()


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_a_searched_view_exports_exactly_the_rows_it_shows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.users_panel.search.setText("kite")
    qtbot.waitUntil(lambda: window.users_model.query.search == "kite", timeout=5_000)
    want = shown_ids(qtbot, window.users_model)
    assert 0 < len(want) < USERS
    dialog = open_dialog(qtbot, window)
    assert dialog.current_table() == "users" and dialog.shown.isChecked()
    assert f"matching “kite” ({len(want)} rows)" in dialog.shown.text()
    target = tmp_path / "kites.csv"
    message = export_and_wait(qtbot, window, dialog, target)
    assert message == f"Exported {len(want)} users to {target}."
    assert [r["id"] for r in csv_rows(target)] == want  # the same rows, in the same order


def test_the_posts_of_selected_users_export_as_the_pane_shows_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    users = window.users_panel
    users.search.setText("user000")  # the authors: user0001 … user0009
    qtbot.waitUntil(lambda: exact(window.users_model) == 9, timeout=10_000)
    qtbot.waitUntil(lambda: window.users_model.row_at(1) is not None, timeout=10_000)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1):
        users.table.selectionModel().select(window.users_model.index(row, 0), flags)
    qtbot.waitUntil(lambda: window.posts_model.query.author_ids is not None, timeout=5_000)
    want = shown_ids(qtbot, window.posts_model)
    assert 0 < len(want) < POSTS
    window.posts_panel.table.setFocus()
    window.posts_panel.focused.emit()
    dialog = open_dialog(qtbot, window)
    assert dialog.current_table() == "posts"  # the table last focused
    dialog.format.setCurrentIndex(1)  # JSON Lines
    target = tmp_path / "posts.jsonl"
    assert export_and_wait(qtbot, window, dialog, target).startswith(f"Exported {len(want)} posts")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == want


def test_cancel_leaves_no_file(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.database.exports.page_size = 1  # type: ignore[union-attr]  # 1,200 pages: time to cancel
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = open_dialog(qtbot, window)
    dialog.whole.setChecked(True)
    dialog.path.setText(str(folder / "users.json"))
    dialog.export_button.click()
    qtbot.waitUntil(
        lambda: window.progress_dialog is not None and window.progress_dialog.value() > 5,
        timeout=10_000,
    )
    assert any(folder.iterdir())  # the temporary file is being written
    window.progress_dialog.cancel()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=10_000)
    assert list(folder.iterdir()) == []
    assert "users.json was not written" in window.statusBar().currentMessage()


def test_hashes_only_when_ticked_with_a_warning(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, window)
    assert not dialog.hashes.isChecked() and dialog.hash_warning.isHidden()
    plain = tmp_path / "plain.csv"
    export_and_wait(qtbot, window, dialog, plain)
    rows = csv_rows(plain)
    assert len(rows) == USERS and "hashed_password" not in rows[0]
    assert "pbkdf2" not in plain.read_text(encoding="utf-8")

    dialog = open_dialog(qtbot, window)
    dialog.hashes.setChecked(True)
    assert dialog.hash_warning.isVisible() and "password hash" in dialog.hash_warning.text()
    dialog.bom.setChecked(True)
    with_hashes = tmp_path / "hashes.csv"
    export_and_wait(qtbot, window, dialog, with_hashes)
    assert with_hashes.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = csv_rows(with_hashes)
    assert len(rows) == USERS and all(r["hashed_password"].startswith("$pbkdf2") for r in rows)


def test_full_collections_wait_while_exporting_and_come_back_however_it_ends(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    original = gc.get_threshold()
    window.database.exports.page_size = 1  # type: ignore[union-attr]  # slow enough to watch
    dialog = open_dialog(qtbot, window)
    dialog.whole.setChecked(True)
    dialog.path.setText(str(tmp_path / "cancelled.csv"))
    dialog.export_button.click()
    qtbot.waitUntil(
        lambda: window.progress_dialog is not None and window.progress_dialog.value() > 5,
        timeout=10_000,
    )
    assert gc.get_threshold()[2] > original[2]  # held while the export runs
    window.progress_dialog.cancel()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=10_000)
    assert gc.get_threshold() == original

    window.database.exports.page_size = 500  # type: ignore[union-attr]
    failed = export_and_wait(qtbot, window, open_dialog(qtbot, window), tmp_path / "no" / "u.csv")
    assert window.banner.isVisible() and not failed.startswith("Exported")
    assert gc.get_threshold() == original

    window.banner.hide()
    done = export_and_wait(qtbot, window, open_dialog(qtbot, window), tmp_path / "u.csv")
    assert done.startswith("Exported") and gc.get_threshold() == original
