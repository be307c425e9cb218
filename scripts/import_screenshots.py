"""Render the Import dialog (issue #12), light and dark, to PNGs.

Writes docs/screenshots/import-{light,dark}.png: the preview of a users CSV with its guessed
fields (one column left out), after a check that found a few bad lines. No database is needed:
the dialog is shown what the flow would show it. Run from the checkout (no X server needed):
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/import_screenshots.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dialog_shots import save_shots

from desktop_app.application.import_plan import ImportPlan
from desktop_app.application.import_rows import LineError, guess_mapping
from desktop_app.application.import_service import ImportCheck
from desktop_app.domain.entities import User
from desktop_app.ui.import_dialog import ImportDialog, Preview

HEADER = ["E-mail", "Username", "Password", "About", "Member since", "Newsletter"]
PEOPLE = [
    ("ann@example.org", "ann", "correct horse 1", "Grows tomatoes", "2024-03-01"),
    ("bo@example.org", "bo", "battery staple", "Beekeeper, Leeds", "2024-03-04"),
    ("carla.example.org", "carla", "s3cret-s3cret", "", "2024-03-09"),
    ("dev@example.org", "dev", "hunter22hunter", "Compost nerd", "2024-04-17"),
    ("eli@example.org", "", "purple-sky-88", "Allotment 14", "2024-05-02"),
    ("fay@example.org", "fay", "orchard-lane-7", "Apples, mostly", "2024-05-20"),
    ("gus@example.org", "bo", "blue-shed-door", "", "last Tuesday"),
    ("hana@example.org", "hana", "rain-barrel-3", "Seeds swap host", "2024-06-11"),
]


def dialog() -> ImportDialog:
    shown = ImportDialog(kind="users", folder=str(Path.home()))
    shown.path.setText(str(Path("~/Downloads/garden-club-members.csv")))
    rows = [(line, [*person, "yes"]) for line, person in enumerate(PEOPLE, start=2)]
    guessed, _left = guess_mapping("users", HEADER)
    guessed["Member since"] = "created_at"
    shown.set_preview(Preview(HEADER, rows), guessed, " (1,284 rows in all)")
    errors = [
        LineError(4, "email", "An email address must have an @-sign."),
        LineError(6, "username", "required, but empty or missing"),
        LineError(8, "username", "bo appears twice in the file (first on line 3)"),
        LineError(
            8,
            "created_at",
            "not an ISO 8601 timestamp: 'last Tuesday' (e.g. 2024-05-01T12:00:00+00:00)",
        ),
        LineError(311, "email", "already in the database (user marta)"),
    ]
    plan: ImportPlan[User] = ImportPlan("users")
    shown.show_report(ImportCheck(plan, errors, rows_read=1_284, ignored_columns=["Newsletter"]))
    return shown


def main() -> int:
    return save_shots(lambda: {"import": dialog()})


if __name__ == "__main__":
    sys.exit(main())
