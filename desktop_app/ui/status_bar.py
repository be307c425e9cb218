"""How long the window's status bar keeps a message, and its permanent texts (the counts,
what is loading).

The window, its controllers (opening databases, dialogs, deleting) and the File menu's open
actions all report in the same status bar; one constant keeps their messages up equally long.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.ui.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.row_cache import RowCount

STATUS_MS = 8_000
# Said when another database opens and the undo history of the last one goes.
HISTORY_CLEARED = QT_TRANSLATE_NOOP("StatusBar", "Undo history cleared: now editing")


class StatusBarText(QObject):
    """The status bar's own texts. A QObject because pyside6-lupdate takes a plural message
    (``%Ln``) only from ``self.tr`` in a class: ``translate(context, text, "", n)`` comes out
    as a plain message, and one with ``len(...)`` for its count not at all."""

    def counts(self, users: RowCount, posts: RowCount) -> str:
        """ "1,000 users · 3+ posts shown": the rows of both tables, "+" while still counting."""
        return self.tr("{users} · {posts} shown").format(
            users=self.tr("%Ln user(s)", "", users.rows)
            if users.exact
            else self.tr("%Ln+ user(s)", "", users.rows),
            posts=self.tr("%Ln post(s)", "", posts.rows)
            if posts.exact
            else self.tr("%Ln+ post(s)", "", posts.rows),
        )

    def loading(self, users: bool, posts: bool) -> str:
        """What is being read, or nothing."""
        if users and posts:
            return self.tr("Loading users and posts…")
        if users:
            return self.tr("Loading users…")
        return self.tr("Loading posts…") if posts else ""


def counts_text(users: RowCount, posts: RowCount) -> str:
    return StatusBarText().counts(users, posts)


def loading_text(users: bool, posts: bool) -> str:
    return StatusBarText().loading(users, posts)
