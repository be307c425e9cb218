"""How long the window's status bar keeps a message, and its permanent texts (the counts,
what is loading).

The window, its controllers (opening databases, dialogs, deleting) and the File menu's open
actions all report in the same status bar; one constant keeps their messages up equally long.
"""

from __future__ import annotations

from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.ui.row_cache import RowCount

STATUS_MS = 8_000
# Said when another database opens and the undo history of the last one goes.
HISTORY_CLEARED = QT_TRANSLATE_NOOP("StatusBar", "Undo history cleared: now editing")


def counts_text(users: RowCount, posts: RowCount) -> str:
    """ "1,000 users · 3+ posts shown": the rows of both tables, "+" while still counting."""
    return translate("StatusBar", "{users} · {posts} shown").format(
        users=translate("StatusBar", "%Ln user(s)", "", users.rows)
        if users.exact
        else translate("StatusBar", "%Ln+ user(s)", "", users.rows),
        posts=translate("StatusBar", "%Ln post(s)", "", posts.rows)
        if posts.exact
        else translate("StatusBar", "%Ln+ post(s)", "", posts.rows),
    )


def loading_text(users: bool, posts: bool) -> str:
    """What is being read, or nothing."""
    if users and posts:
        return translate("StatusBar", "Loading users and posts…")
    if users:
        return translate("StatusBar", "Loading users…")
    return translate("StatusBar", "Loading posts…") if posts else ""
