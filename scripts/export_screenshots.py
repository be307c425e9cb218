"""Render the Export dialog (issue #12), light and dark, to PNGs.

Writes docs/screenshots/export-{light,dark}.png: a searched users view as CSV with the hash
box ticked (so its warning shows). Run from the checkout (no X server needed):
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/export_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from uuid import uuid4

from PySide6.QtWidgets import QApplication

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.ui import theme
from desktop_app.ui.export_dialog import ExportDialog, ExportView

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def dialog() -> ExportDialog:
    views = {
        "users": ExportView(UserQuery(search="garden"), "users matching “garden” (1,284 rows)"),
        "posts": ExportView(
            PostQuery(search="tomato", author_ids=frozenset({uuid4(), uuid4()})),
            "posts by 2 selected users matching “tomato” (37 rows)",
        ),
    }
    shown = ExportDialog(views=views, table="users", folder=str(Path.home()))
    shown.path.setText(str(Path("~/exports/gardeners.csv")))
    shown.hashes.setChecked(True)
    return shown


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    for scheme in ("light", "dark"):
        os.environ[theme.FORCE_ENV] = scheme
        theme.apply_theme(app)
        shot = dialog()
        shot.show()
        app.processEvents()
        path = OUT / f"export-{scheme}.png"
        shot.grab().save(str(path))
        shot.close()
        print(path.relative_to(OUT.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
