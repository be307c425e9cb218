"""Edit → Paste: rows on the clipboard go through the import path (issue #12).

The clipboard's text is read as tab-separated rows under a header row, quoted as
spreadsheets quote them: what a spreadsheet copies, and what Copy in the tables writes. If it
is such rows, the Import dialog opens over it for the table last focused: the preview with
the fields guessed from the header, Check (every bad line with its line in the pasted text
and its field), then Paste writes them in one transaction recorded as one undo step
("Paste 3 users"). Anything else (no text, prose, rows without a header row naming their
columns) is said in the status bar; nothing opens and nothing changes.

Copy writes a post's whole content, so copied posts paste back as they were. (Version 0.1.0
copied a one-line preview cut at 160 characters. Such text is no longer refused: it cannot be
told from a post that really is 160 characters ending in "…", and looking for it read the
whole paste a second time. The check says how many posts a paste updates; Undo takes it back.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from desktop_app.ui.i18n import translate
from desktop_app.ui.import_flow import ImportFlow
from desktop_app.ui.import_wording import PASTING
from desktop_app.ui.messages import error_text
from desktop_app.ui.resources import icon
from desktop_app.ui.status_bar import STATUS_MS

if TYPE_CHECKING:  # the reading and the dialog load with the first paste
    from desktop_app.application.import_rows import Kind, TextSource
    from desktop_app.ui.import_preview import Preview

# The columns a paste needs most, named in the message for text that is no rows.
_NEEDED: dict[Kind, str] = {
    "users": "email, username, password",
    "posts": "title, content, author",
}


def pasted_rows(text: str, kind: Kind) -> tuple[TextSource, Preview] | str:
    """The pasted ``text`` as a source of ``kind`` rows and its first rows, or why it is
    not rows to paste (a sentence for the status bar)."""
    from desktop_app.application.import_rows import TextSource, guess_mapping
    from desktop_app.ui.import_preview import read_preview

    source = TextSource(text, "tsv", name=translate("PasteFlow", "the clipboard"))
    if not text.strip():
        return translate(
            "PasteFlow",
            "Nothing to paste: the clipboard holds no text. Copy rows with their header row "
            "first (from a spreadsheet, or Ctrl+C in a table).",
        )
    try:
        preview = read_preview(source)
    except ValueError as error:
        return translate(
            "PasteFlow",
            "Nothing to paste: the clipboard's text is not readable as rows ({reason}).",
        ).format(reason=error_text(error))
    mapping, _left = guess_mapping(kind, preview.header)
    if not mapping:
        unnamed = (
            translate(
                "PasteFlow",
                "Nothing to paste into users: the clipboard's first line names none of their "
                "columns. Paste rows separated by tabs under a header row naming the columns "
                "({columns}, …), as a spreadsheet or Copy gives them.",
            )
            if kind == "users"
            else translate(
                "PasteFlow",
                "Nothing to paste into posts: the clipboard's first line names none of their "
                "columns. Paste rows separated by tabs under a header row naming the columns "
                "({columns}, …), as a spreadsheet or Copy gives them.",
            )
        )
        return unnamed.format(columns=_NEEDED[kind])
    if not preview.rows:
        return translate(
            "PasteFlow", "Nothing to paste: the clipboard holds a header row but no rows under it."
        )
    return source, preview


class PasteFlow(ImportFlow):
    """Edit → Paste over ``window``'s open database, into the table last focused (the dialog
    can switch it); the rest is the import flow's, worded for a paste."""

    words = PASTING

    def _new_action(self) -> QAction:
        action = QAction(icon("paste"), translate("PasteFlow", "&Paste"), self._window)
        action.setObjectName("actionPaste")
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        tip = translate(
            "PasteFlow", "Add the rows on the clipboard to the table, after a preview and a check"
        )
        action.setStatusTip(tip)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(
            translate("PasteFlow", "{tip} ({shortcut})").format(tip=tip, shortcut=shortcut)
        )
        return action

    def open_dialog(self) -> None:
        """Open the dialog over the clipboard's rows, or say why there are none to paste."""
        if not self.may_write():
            return
        kind = self.current_kind()
        pasted = pasted_rows(QGuiApplication.clipboard().text(), kind)
        if isinstance(pasted, str):
            self._window.statusBar().showMessage(pasted, STATUS_MS)
            return
        source, preview = pasted
        from desktop_app.application.import_rows import guess_mapping
        from desktop_app.ui.import_dialog import ImportDialog

        dialog = ImportDialog(kind=kind, folder=self.folder, pasted=source, parent=self._window)
        self.show_dialog(dialog)
        guessed, _left = guess_mapping(kind, preview.header)
        dialog.set_preview(preview, guessed)
