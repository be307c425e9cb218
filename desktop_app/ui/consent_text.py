"""The question before a database is created or upgraded, in the UI language.

The application's ``ChangeRequest`` says what would change (and words it in English for the
command line); the window words it from the same fields, one whole sentence per case, so a
translation never glues English fragments.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from desktop_app.application.consent import SHOWN_TABLES, Change, ChangeRequest


class ConsentText(QObject):
    """Title, question, details and the accepting button's text of a ``ChangeRequest``."""

    def title(self, request: ChangeRequest) -> str:
        if request.change is Change.CREATE:
            return self.tr("Create tables?")
        return self.tr("Upgrade the database?")

    def accept(self, request: ChangeRequest) -> str:
        return self.tr("Create") if request.change is Change.CREATE else self.tr("Upgrade")

    def question(self, request: ChangeRequest) -> str:
        file = request.is_sqlite
        if request.change is Change.CREATE:
            if not request.exists:
                return self.tr("This file does not exist. Create a new database there?")
            if file:
                return self.tr("This file has no users and posts tables. Create them?")
            return self.tr("This database has no users and posts tables. Create them?")
        if request.revision is None:
            if file:
                return self.tr(
                    "This file has users and posts tables that desktop_app has not set up yet. "
                    "Add what this version needs?"
                )
            return self.tr(
                "This database has users and posts tables that desktop_app has not set up yet. "
                "Add what this version needs?"
            )
        older = (
            self.tr(
                "This file has an older desktop_app schema ({revision}; this version uses "
                "{head}). Upgrade it?"
            )
            if file
            else self.tr(
                "This database has an older desktop_app schema ({revision}; this version uses "
                "{head}). Upgrade it?"
            )
        )
        return older.format(revision=request.revision, head=request.head)

    def details(self, request: ChangeRequest) -> str:
        """What will happen, in a few sentences (the dialog's informative text)."""
        parts = [request.database + "."]
        if request.other_tables:
            shown = ", ".join(request.other_tables[:SHOWN_TABLES])
            more = len(request.other_tables) - SHOWN_TABLES
            if more > 0:
                shown = self.tr("{tables} and {count} more").format(
                    tables=shown, count=QLocale().toString(more)
                )
            parts.append(
                self.tr("It has other tables ({tables}); they are left as they are.").format(
                    tables=shown
                )
            )
        if request.change is Change.CREATE:
            parts.append(
                self.tr(
                    "Creating adds the tables users and posts, their search tables and "
                    "triggers, and the version table desktop_app_alembic_version."
                )
            )
        else:
            parts.append(
                self.tr(
                    "Upgrading adds indexes, search tables and triggers, and records the "
                    "version; an older desktop_app cannot open it afterwards."
                )
            )
            if request.backup:
                parts.append(self.tr("A copy is saved first: {path}").format(path=request.backup))
        if request.can_read_only:
            parts.append(self.tr("Open read-only to look without changing anything."))
        return " ".join(parts)
