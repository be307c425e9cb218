"""SQLite files as the window names them: the file dialogs' filter and a file's URL.

Apart from the connection dialog, so the window's start (Open, Recent, drag and drop, Back up)
does not load that dialog before anyone asks for it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from desktop_app.ui.i18n import QT_TRANSLATE_NOOP

_PATH_SAFE = "/:\\ "  # kept as typed: separators, a drive's colon, spaces (SQLAlchemy reads them)
SQLITE_FILTER = QT_TRANSLATE_NOOP(
    "ConnectionDialog", "SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"
)


def sqlite_url(path: str) -> str:
    """The URL of exactly this file: ``?``, ``%``, ``#`` (and anything else a URL reads) are
    percent-encoded, so ``what?.db`` does not open ``what`` with a query ``.db``."""
    resolved = str(Path(path).expanduser().resolve())
    return "sqlite+aiosqlite:///" + quote(resolved, safe=_PATH_SAFE)
