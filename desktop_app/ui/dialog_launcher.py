"""Opening the window's dialogs: the user and post forms, the Database… dialog and About.

The dialogs are not modal blockers: each opens window-modal with ``open()`` and deletes itself
when closed, so a reference is kept here while it is up. What a form saved comes back through
its ``saved`` signal, and the tables show it at once. The forms load on first use, not at start.
"""

from __future__ import annotations

import asyncio
import contextlib
import platform
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QObject, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import desktop_app
from desktop_app import PRODUCT_NAME
from desktop_app.application.read_models import PostRow, UserRow
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.ui.database import TestConnection
from desktop_app.ui.formatting import post_row, user_row
from desktop_app.ui.i18n import translate
from desktop_app.ui.messages import error_text
from desktop_app.ui.qt_async import async_slot
from desktop_app.ui.resources import app_icon
from desktop_app.ui.status_bar import STATUS_MS
from desktop_app.ui.table_panel import TablePanel


def _about_text(server: str) -> str:
    """What About says under the name: what it is, and the versions it runs on."""
    from importlib import metadata  # here, not at start-up: importing it costs some 20 ms

    versions = (
        (translate("DialogLauncher", "Database"), server),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", metadata.version("sqlalchemy")),  # by its metadata: the UI never imports it
        ("Python", platform.python_version()),
    )
    rows = "".join(
        f"<tr><td>{name}&nbsp;&nbsp;</td><td>{value}</td></tr>" for name, value in versions
    )
    return (
        translate(
            "DialogLauncher",
            "An offline editor for a users-and-posts database, on SQLite or PostgreSQL.",
        )
        + f"<table style='margin-top: 8px'>{rows}</table>"
    )


if TYPE_CHECKING:  # the window builds this controller and hands itself in
    from desktop_app.ui.main_window import MainWindow


class DialogLauncher(QObject):
    """Opens dialogs over ``window`` and puts what they saved into its tables."""

    def __init__(
        self,
        *,
        window: MainWindow,
        test_connection: TestConnection,
        current: Callable[[], TablePanel],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._test_connection = test_connection
        self._current = current
        self._dialogs: set[QWidget] = set()
        self._tasks: set[asyncio.Future[None]] = set()

    def keep(self, dialog: QWidget) -> None:
        """Hold a reference while a non-blocking dialog is open."""
        self._dialogs.add(dialog)
        dialog.destroyed.connect(lambda *_: self._dialogs.discard(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def new_user(self) -> None:
        from desktop_app.ui.user_dialog import UserDialog  # dialogs load on first use

        database = self._window.database
        if database is None:
            return
        dialog = UserDialog(users=database.users, parent=self._window)
        dialog.saved.connect(self._user_saved)
        self.keep(dialog)
        dialog.open()

    def new_post(self) -> None:
        rows = self._window.users_panel.selected_rows()
        selected = [r for r in rows if isinstance(r, UserRow)]
        self.new_post_by(selected[0] if len(selected) == 1 else None)

    def new_post_by(self, author: UserRow | None) -> None:
        """The new-post form with ``author`` chosen (the row menu's "New post by this user…")."""
        from desktop_app.ui.post_dialog import PostDialog

        database = self._window.database
        if database is None:
            return
        dialog = PostDialog(
            posts=database.posts,
            users=database.user_reader,
            author=author,
            parent=self._window,
        )
        dialog.saved.connect(self._post_saved)
        self.keep(dialog)
        dialog.open()

    def edit_current(self) -> None:
        """Edit the current row of the current table in its form."""
        from desktop_app.ui.post_dialog import PostDialog
        from desktop_app.ui.user_dialog import UserDialog

        database = self._window.database
        if database is None:
            return
        row = self._current().current_row()
        if isinstance(row, UserRow):
            dialog: QWidget = UserDialog(users=database.users, existing=row, parent=self._window)
            dialog.saved.connect(self._user_saved)  # type: ignore[attr-defined]
        elif isinstance(row, PostRow):
            post_dialog = PostDialog(
                posts=database.posts,
                users=database.user_reader,
                existing=row,
                parent=self._window,
            )
            post_dialog.saved.connect(self._post_saved)
            task = asyncio.ensure_future(post_dialog.load())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            dialog = post_dialog
        else:
            return
        dialog.discarded.connect(self._discarded)  # type: ignore[attr-defined]
        self.keep(dialog)
        dialog.open()  # type: ignore[attr-defined]

    def edit_row(
        self, row: User | Post, values: Mapping[str, object], yours_was: Mapping[str, object]
    ) -> None:
        """The form of ``row`` as it is now, filled with ``values``; my value of each colliding
        field (``yours_was``) shown beside it (an undo that met someone else's change)."""
        from desktop_app.ui.post_dialog import PostDialog
        from desktop_app.ui.user_dialog import UserDialog

        database = self._window.database
        if database is None:
            return
        if isinstance(row, User):
            user_dialog = UserDialog(
                users=database.users, existing=user_row(row), parent=self._window
            )
            user_dialog.saved.connect(self._user_saved)
            user_dialog.fill(values, yours_was)
            dialog: UserDialog | PostDialog = user_dialog
        else:
            dialog = PostDialog(
                posts=database.posts,
                users=database.user_reader,
                existing=post_row(row),
                parent=self._window,
            )
            dialog.saved.connect(self._post_saved)
            dialog.fill_after_load(values, yours_was)
            task = asyncio.ensure_future(dialog.load())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        dialog.discarded.connect(self._discarded)
        self.keep(dialog)
        dialog.open()

    def _discarded(self, message: str) -> None:
        """A form closed keeping someone else's version: show theirs."""
        self._window.statusBar().showMessage(message, STATUS_MS)
        self._window.refresh()

    def _user_saved(self, user: User) -> None:
        self._window.statusBar().showMessage(
            self.tr("Saved user {name}.").format(name=user.username), STATUS_MS
        )
        self._window.users_model.replace_row(user_row(user))
        self._window.users_model.refresh()
        self._window.posts_model.refresh()  # a renamed author shows on their posts

    def _post_saved(self, post: Post) -> None:
        self._window.statusBar().showMessage(
            self.tr("Saved post “{title}”.").format(title=post.title), STATUS_MS
        )
        self._window.posts_model.replace_row(post_row(post))
        self._window.posts_model.refresh()

    def choose_database(self) -> None:
        """The Database… dialog: the database it chooses is opened in the window."""
        from desktop_app.ui.connection_dialog import ConnectionDialog

        database = self._window.database
        dialog = ConnectionDialog(
            current_url=database.url if database else "",
            test_connection=self._test_connection,
            parent=self._window,
        )
        dialog.url_chosen.connect(self._window.lifecycle.switch_database)
        self.keep(dialog)
        dialog.open()

    @async_slot()
    async def about(self) -> None:
        """The app's version, and those of what it runs on; the database's once it answers."""
        box = QMessageBox(self._window)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About {app}").format(app=PRODUCT_NAME))
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setText(
            self.tr("<b>{app} {version}</b>").format(
                app=PRODUCT_NAME, version=desktop_app.__version__
            )
        )
        database = self._window.database
        server = self.tr("reading…") if database is not None else self.tr("none open")
        box.setInformativeText(_about_text(server))
        self.keep(box)
        box.open()
        if database is None:
            return
        try:
            server = await database.server_version()
        except (StorageError, DomainError) as error:
            server = self.tr("not answering ({reason})").format(reason=error_text(error))
        with contextlib.suppress(RuntimeError):  # closed meanwhile: nothing to fill in
            box.setInformativeText(_about_text(server))
