"""File → Import…: the file, the table, what to do with rows already there, a preview of the
first rows with the field each column goes to, and the report of the last check (issue #12).
Edit → Paste shows the same dialog over the rows on the clipboard instead of a file, worded
for a paste.

Plain Qt plus the preview reader: the dialog gathers the choice and shows what it is told;
``import_flow`` reads, checks and writes in the background. Any change to the choice makes
the last check void (Import is disabled until Check runs again), so what is written is always
what was checked. After a failed check the file and the mapping stay as they were, for a
second try.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.application.import_plan import OnDuplicate
from desktop_app.application.import_rows import (
    SYNONYMS,
    FileSource,
    Kind,
    LineError,
    RowSource,
    TextSource,
)
from desktop_app.application.import_service import ImportCheck
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.import_preview import PREVIEW_ROWS, Preview, read_preview
from desktop_app.ui.import_wording import IMPORTING, PASTING, ImportText, Wording, report_text
from desktop_app.ui.messages import message_text
from desktop_app.ui.qt_async import named

SHOWN_PROBLEMS = 5_000
FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Data files (*.csv *.jsonl *.ndjson *.json);;CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;"
    "JSON (*.json)",
)
IGNORE = QT_TRANSLATE_NOOP("ImportDialog", "(ignore)")
ON_DUPLICATE: tuple[OnDuplicate, ...] = ("stop", "skip", "update")
SECRET_FIELDS = {"password", "hashed_password"}
FIELD_LABELS = {"author": QT_TRANSLATE_NOOP("ImportDialog", "author (id, username or e-mail)")}


class ImportDialog(QDialog):
    """Asks what to import from where, and how; shows the preview and the last check.

    ``file_changed`` (the file or the table: a new preview is needed) and ``settings_changed``
    (anything, the mapping included: the last check no longer holds). Given ``pasted``, the
    rows come from that text instead of a file (no file to choose), and the dialog says
    "Paste" and "the clipboard"."""

    file_changed = Signal()
    settings_changed = Signal()

    def __init__(
        self,
        *,
        kind: Kind,
        folder: str,
        pasted: TextSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pasted = pasted
        self.words = words = IMPORTING if pasted is None else PASTING
        self.setObjectName("importDialog" if pasted is None else "pasteDialog")
        self.setWindowTitle(words.pick(self.tr("Import"), self.tr("Paste")))
        self.resize(900, 620)
        self._folder = folder
        self._header: list[str] = []
        self.combos: list[QComboBox] = []
        self.writing = False  # an import is being written: the dialog stays open

        self.path = named(QLineEdit(), "importPath", self.tr("File"))
        self.path.setPlaceholderText(self.tr("Choose a CSV, JSON Lines or JSON file…"))
        self.path.editingFinished.connect(self._path_edited)
        browse = named(QPushButton(self.tr("Choose…")), "importBrowse")
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        if pasted is not None:  # nothing to choose: say where the rows are
            self.path.hide()
            browse.hide()
            lines = pasted.content.count("\n") + (not pasted.content.endswith("\n"))
            origin = named(
                QLabel(ImportText().clipboard_lines(lines)),
                "pasteOrigin",
            )
            file_row.addWidget(origin, 1)
        self.table = named(QComboBox(), "importTable", self.tr("Table"))
        self.table.addItem(self.tr("Users"), "users")
        self.table.addItem(self.tr("Posts"), "posts")
        self.table.setCurrentIndex(0 if kind == "users" else 1)
        self.table.currentIndexChanged.connect(self._table_changed)
        self.duplicates = named(QComboBox(), "importOnDuplicate", self.tr("A row already there"))
        labels = (
            words.pick(
                self.tr("Stop: report it as a bad line, import nothing"),
                self.tr("Stop: report it as a bad line, paste nothing"),
            ),
            self.tr("Skip it: keep the row in the database as it is"),
            words.pick(
                self.tr("Update it with the values in the file"),
                self.tr("Update it with the values in the clipboard"),
            ),
        )
        for value, label in zip(ON_DUPLICATE, labels, strict=True):
            self.duplicates.addItem(label, value)
        self.duplicates.currentIndexChanged.connect(self._changed)
        form = QFormLayout()
        form.addRow(self.tr("File:") if pasted is None else self.tr("From:"), file_row)
        form.addRow(self.tr("Into:"), self.table)
        form.addRow(self.tr("A row already there\n(same id, e-mail or username):"), self.duplicates)

        waiting = (
            self.tr("Choose a file to see its first rows.")
            if pasted is None
            else self.tr("Reading the rows…")
        )
        self.preview_label = named(QLabel(waiting), "importNote")
        self.preview_label.setWordWrap(True)
        self.preview = named(QTableWidget(), "importPreview", self.tr("Preview"))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.check_button = named(QPushButton(self.tr("&Check every line")), "importCheck")
        self.check_button.setEnabled(False)
        self.summary = named(QLabel(""), "importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.summary, 1)
        self.problems = named(QTableWidget(0, 3), "importProblems", self.tr("Bad lines"))
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Field"), self.tr("Problem")]
        )
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setStretchLastSection(True)
        compact = self.fontMetrics().height() + 8
        self.problems.verticalHeader().setDefaultSectionSize(compact)
        self.preview.verticalHeader().setDefaultSectionSize(compact)
        self.problems.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = named(
            QPushButton(words.pick(self.tr("&Import"), self.tr("&Paste"))), "importButton"
        )
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 3)
        layout.addLayout(check_row)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.buttons)

    # -- the choice -------------------------------------------------------------------------

    def kind(self) -> Kind:
        return "posts" if self.table.currentData() == "posts" else "users"

    def on_duplicate(self) -> OnDuplicate:
        value = self.duplicates.currentData()
        return value if value in ON_DUPLICATE else "stop"

    def file(self) -> Path | None:
        text = self.path.text().strip() if self.pasted is None else ""
        return Path(text).expanduser() if text else None

    def source(self) -> RowSource | None:
        """Where the rows come from: the pasted text, or the chosen file (None: none yet)."""
        if self.pasted is not None:
            return self.pasted
        path = self.file()
        return FileSource(path) if path is not None else None

    def mapping(self) -> dict[str, str]:
        """Every column -> the field chosen for it ("" to ignore it): the whole mapping, so
        the check takes exactly what the preview shows."""
        pairs = zip(self._header, self.combos, strict=True)
        return {name: combo.currentData() or "" for name, combo in pairs}

    def clashes(self) -> list[str]:
        """The fields more than one column goes to."""
        chosen = [target for target in self.mapping().values() if target]
        return sorted({target for target in chosen if chosen.count(target) > 1})

    def choose_file(self) -> None:
        start = self.path.text().strip() or self._folder
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from"), start, self.tr(FILTER))
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self.path.setText(path)
        self._folder = str(Path(path).parent)
        self._path_edited()

    def _path_edited(self) -> None:
        self._changed()
        self.file_changed.emit()

    def _table_changed(self, *_args: object) -> None:
        self._changed()
        self.file_changed.emit()  # the fields differ: guess again

    def _changed(self, *_args: object) -> None:
        """The last check no longer holds: Import waits for another."""
        self.import_button.setEnabled(False)
        clashes = self.clashes()
        self.check_button.setEnabled(bool(self._header) and not clashes)
        if clashes:
            self.show_problem(
                self.tr(
                    "More than one column goes to {fields}: choose “{ignore}” for all but one."
                ).format(fields=", ".join(clashes), ignore=self.tr(IGNORE))
            )
        elif self.summary.text():
            self.show_note(
                self.words.pick(
                    self.tr("The choice changed since the last check: check again to import."),
                    self.tr("The choice changed since the last check: check again to paste."),
                )
            )
        self._show_cells()
        self.settings_changed.emit()

    # -- what the flow shows ----------------------------------------------------------------

    def set_preview(self, preview: Preview, guessed: dict[str, str], total_note: str = "") -> None:
        """Show the first rows, with a field chooser above each column set to ``guessed``."""
        self._header = list(preview.header)
        self.combos = []
        fields = list(SYNONYMS[self.kind()])
        grid = self.preview
        grid.clear()
        grid.setColumnCount(len(self._header))
        grid.setRowCount(len(preview.rows) + 1)
        grid.setHorizontalHeaderLabels(self._header)
        grid.setVerticalHeaderLabels([self.tr("Field")] + [str(line) for line, _ in preview.rows])
        for column, name in enumerate(self._header):
            combo = named(
                QComboBox(),
                f"importField{column}",
                self.tr("Field for column {name}").format(name=name),
            )
            combo.addItem(self.tr(IGNORE), "")
            for target in fields:
                combo.addItem(
                    self.tr(FIELD_LABELS[target]) if target in FIELD_LABELS else target, target
                )
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(name, ""))))
            combo.currentIndexChanged.connect(self._changed)
            grid.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for row, (_line, cells) in enumerate(preview.rows, start=1):
            for column, text in enumerate(cells[: len(self._header)]):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, text)
                grid.setItem(row, column, item)
        if self.combos:
            grid.setRowHeight(0, self.combos[0].sizeHint().height() + 4)
        grid.resizeColumnsToContents()
        for column in range(grid.columnCount()):
            grid.setColumnWidth(column, min(max(grid.columnWidth(column), 130), 300))
        shown, words = len(preview.rows), self.words
        first = ImportText().first_rows(words, shown)
        self.preview_label.setText(
            self.tr(
                "{first}{total}. Above each column, the field it goes into (guessed from the "
                "header; “{ignore}” leaves it out)."
            ).format(first=first, total=total_note, ignore=self.tr(IGNORE))
            if self._header
            else words.pick(
                self.tr("The file has no rows to import."),
                self.tr("The clipboard has no rows to paste."),
            )
        )
        self.problems.hide()
        self.summary.setText("")
        self._changed()

    def clear_preview(self, message: str) -> None:
        self._header, self.combos = [], []
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.preview_label.setText(message)
        self._changed()

    def _show_cells(self) -> None:
        """The preview's values, those of a column taken as a password hidden (the file is
        the user's own, but a dialog on a shared screen should not show passwords)."""
        grid = self.preview
        for column, target in enumerate(self.mapping().values()):
            secret = target in SECRET_FIELDS
            for row in range(1, grid.rowCount()):
                item = grid.item(row, column)
                if item is not None:
                    text = str(item.data(Qt.ItemDataRole.UserRole) or "")
                    shown = "•" * min(len(text), 12) if secret else text.replace("\n", "⏎")
                    item.setText(shown)
                    item.setToolTip("" if secret else text)

    def reject(self) -> None:
        """Close, but not while writing: Cancel in the progress dialog stops the import."""
        if not self.writing:
            super().reject()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.check_button.setEnabled(not busy and bool(self._header) and not self.clashes())
        if busy:
            self.import_button.setEnabled(False)
            self.show_note(message)

    def show_note(self, text: str) -> None:
        self.summary.setStyleSheet("")
        self.summary.setText(text)

    def show_problem(self, text: str) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(text)

    def show_report(self, checked: ImportCheck) -> None:
        """The outcome of a check: every bad line, or what Import would do."""
        self._show_errors(checked.errors)
        text, problem = report_text(checked, self.kind(), self.words)
        if problem:
            self.show_problem(text)
        else:
            self.show_note(text)
        self.import_button.setEnabled(not checked.errors and checked.plan.size > 0)

    def _show_errors(self, errors: list[LineError]) -> None:
        """One row a problem; past ``SHOWN_PROBLEMS`` a last row says how many more (the
        file is not fixed one line at a time past that)."""
        shown = errors[:SHOWN_PROBLEMS]
        more = len(errors) - len(shown)
        if more:
            shown = [
                *shown,
                LineError(
                    0,
                    "",
                    ImportText().more_problems(more),
                ),
            ]
        self.problems.setRowCount(len(shown))
        for row, error in enumerate(shown):
            line = str(error.line) if error.line else ""
            for column, text in enumerate((line, error.field, message_text(error.problem))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems.setItem(row, column, item)
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        self.problems.setVisible(bool(errors))


__all__ = [
    "IMPORTING",
    "PASTING",
    "PREVIEW_ROWS",
    "ImportDialog",
    "Preview",
    "Wording",
    "read_preview",
]
