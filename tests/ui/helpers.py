"""Shared pieces of the UI tests: a window on a real SQLite file, and seeding through services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.domain.entities import Post, User
from desktop_app.ui.database import Database
from desktop_app.ui.database_lifecycle import CONSENT_DIALOG

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

Run = Callable[..., Any]
Consent = Callable[[str], list[str]]  # the conftest's ``consent`` fixture


async def seed(
    database: Database, users: int, posts_per_user: int = 0, *, start: int = 0
) -> list[User]:
    """Users ``user<start>``… (newest last) with posts; written through the unit of work."""
    created: list[User] = []
    base = datetime(2026, 1, 1, tzinfo=UTC)
    uow_factory = database.uow_factory  # type: ignore[attr-defined]
    async with uow_factory() as uow:
        for n in range(start, start + users):
            when = base + timedelta(minutes=n)
            user = await uow.users.create(
                User(
                    email=f"user{n}@example.org",
                    username=f"user{n}",
                    hashed_password="x",
                    bio=f"Bio of user {n}",
                    created_at=when,
                    updated_at=when,
                )
            )
            created.append(user)
            for p in range(posts_per_user):
                at = when + timedelta(seconds=p)
                await uow.posts.create(
                    Post(
                        title=f"Post {p} by user{n}",
                        content=f"Content {p} of user{n}",
                        author_id=user.id,
                        created_at=at,
                        updated_at=at,
                    )
                )
        await uow.commit()
    return created


def answer_consent(choice: str) -> tuple[QTimer, list[str]]:
    """Click ``choice`` ("Create", "Upgrade", "Open read-only", "Cancel") on every consent
    dialog the window shows while the returned timer runs (stop it at the end of the test);
    the list collects the questions seen (text, then details)."""
    seen: list[str] = []

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == CONSENT_DIALOG
                and widget.isVisible()
            ):
                seen.append(f"{widget.text()}\n{widget.informativeText()}")
                for button in widget.buttons():
                    if button.text().replace("&", "") == choice:
                        button.click()
                        return
                names = [b.text() for b in widget.buttons()]
                raise AssertionError(f"no {choice!r} among {names}")

    timer = QTimer(QApplication.instance())
    timer.timeout.connect(poll)
    timer.start(20)
    return timer, seen


def answer_question(qtbot: QtBot, button_text: str) -> list[str]:
    """Click a button of the question box (Delete?, Copy?) when it appears; returns its text
    and details."""
    texts: list[str] = []

    def box_is_open() -> bool:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            return False
        texts.extend([boxes[0].text(), boxes[0].informativeText()])
        [button] = [b for b in boxes[0].findChildren(QPushButton) if b.text() == button_text]
        button.click()
        return True

    qtbot.waitUntil(box_is_open, timeout=15_000)
    return texts


def answer_conflict(qtbot: QtBot, button_name: str) -> dict[str, str]:
    """Click the button named ``button_name`` ("keepMine", "takeTheirs", "editAgain",
    "recreate", "discard"; "cancel" closes it) of the conflict dialog when it appears;
    returns its title and, per field label, the "Now in the database" and "Your edit" cells
    as "theirs | mine"."""
    from PySide6.QtWidgets import QDialog, QTableWidget

    seen: dict[str, str] = {}

    def dialog_is_open() -> bool:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.objectName() == "conflictDialog" and w.isVisible()
        ]
        if not dialogs:
            return False
        dialog = dialogs[0]
        seen["title"] = dialog.windowTitle()
        table = dialog.findChild(QTableWidget)
        if table is not None:
            for row in range(table.rowCount()):
                cells = [table.item(row, c) for c in range(table.columnCount())]
                texts = [cell.text() if cell is not None else "" for cell in cells]
                seen[texts[0]] = " | ".join(texts[2:])
        if button_name == "cancel":  # Escape, or closing the window
            dialog.reject()
            return True
        button = dialog.findChild(QPushButton, f"{button_name}Button")
        assert button is not None, button_name
        button.click()
        return True

    qtbot.waitUntil(dialog_is_open, timeout=15_000)
    return seen


def db(window: MainWindow) -> Database:
    """The window's open database (the test opened one)."""
    assert window.database is not None
    return window.database
