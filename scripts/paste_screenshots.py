"""Render the Paste dialog (issue #12), light and dark, to PNGs.

Writes docs/screenshots/paste-{light,dark}.png: rows copied from a spreadsheet (tab-separated,
with a header row, one bio over two lines), previewed with their guessed fields after a check
that found every line good. No database is needed: the dialog is shown what the flow would
show it. Run from the checkout (no X server needed):
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/paste_screenshots.py``.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from dialog_shots import save_shots

from desktop_app.application.import_plan import ImportPlan
from desktop_app.application.import_rows import TextSource, guess_mapping
from desktop_app.application.import_service import ImportCheck
from desktop_app.domain.entities import User
from desktop_app.ui.import_dialog import PASTING, ImportDialog, read_preview

ROWS = [
    ["E-mail", "Name", "Password", "About", "Team"],
    ["ann@example.org", "ann", "correct horse 1", "Grows tomatoes", "North"],
    ["bob@example.org", "bob", "battery staple", "Beekeeper,\nLeeds", "North"],
    ["dev@example.org", "dev", "hunter22hunter", "Compost nerd", "South"],
    ["fay@example.org", "fay", "orchard-lane-7", "Apples, mostly", "South"],
    ["hana@example.org", "hana", "rain-barrel-3", "Seeds swap host", "East"],
]


def dialog() -> ImportDialog:
    out = io.StringIO()
    csv.writer(out, dialect="excel-tab", lineterminator="\n").writerows(ROWS)
    source = TextSource(out.getvalue(), "tsv", name=PASTING.origin)
    shown = ImportDialog(kind="users", folder=str(Path.home()), pasted=source)
    preview = read_preview(source)
    shown.set_preview(preview, guess_mapping("users", preview.header)[0])
    plan: ImportPlan[User] = ImportPlan(
        "users",
        inserts=[User(email=row[0], username=row[1], hashed_password="") for row in ROWS[1:]],
    )
    shown.show_report(ImportCheck(plan, [], rows_read=len(ROWS) - 1, ignored_columns=["Team"]))
    return shown


def main() -> int:
    return save_shots(lambda: {"paste": dialog()})


if __name__ == "__main__":
    sys.exit(main())
