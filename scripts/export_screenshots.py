"""Render the Export dialog (issue #12), light and dark, to PNGs.

Writes docs/screenshots/export-{light,dark}.png: a searched users view as CSV with the hash
box ticked (so its warning shows). Run from the checkout (no X server needed):
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/export_screenshots.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from uuid import uuid4

from dialog_shots import save_shots

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.ui.export_dialog import ExportDialog, ExportView


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
    return save_shots(lambda: {"export": dialog()})


if __name__ == "__main__":
    sys.exit(main())
