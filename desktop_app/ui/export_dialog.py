"""File → Export…: which table, the whole of it or what its view shows, the format and the file.

Plain Qt: the dialog only gathers the choice (an :class:`ExportChoice`); ``export_flow`` runs
the export. Password hashes are off by default and say what they are when ticked; the byte
order mark is offered for CSV alone (JSON must not have one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.application.export_formats import (
    ExportFormat,
    ExportQuery,
    ExportTable,
    format_of,
)
from desktop_app.application.read_models import PostQuery
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.qt_async import named

FORMATS: dict[ExportFormat, tuple[str, str]] = {  # format -> (label, extension)
    "csv": (QT_TRANSLATE_NOOP("ExportDialog", "CSV (spreadsheets)"), ".csv"),
    "jsonl": (QT_TRANSLATE_NOOP("ExportDialog", "JSON Lines (one row a line)"), ".jsonl"),
    "json": (QT_TRANSLATE_NOOP("ExportDialog", "JSON (one array)"), ".json"),
}
FILTER = QT_TRANSLATE_NOOP(
    "ExportDialog", "CSV (*.csv);;JSON Lines (*.jsonl *.ndjson);;JSON (*.json);;All files (*)"
)
HASH_WARNING = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "The file will hold every exported user's password hash. Anyone with the file can try to "
    "guess the passwords offline: keep it as safe as the database (it is written readable by "
    "you alone).",
)


@dataclass(frozen=True, slots=True)
class ExportView:
    """What one table's view shows: its query (search, author filter, sort) and in words."""

    query: ExportQuery
    label: str


@dataclass(frozen=True, slots=True)
class ExportChoice:
    query: ExportQuery
    table: ExportTable
    fmt: ExportFormat
    path: str
    with_hashes: bool
    bom: bool


class ExportDialog(QDialog):
    """Asks what to export where; ``choice()`` once accepted."""

    def __init__(
        self,
        *,
        views: Mapping[ExportTable, ExportView],
        table: ExportTable,
        folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._views = views
        self._folder = folder

        self.table = named(QComboBox(), "exportTable", self.tr("Table"))
        self.table.addItem(self.tr("Users"), "users")
        self.table.addItem(self.tr("Posts"), "posts")
        self.whole = named(QRadioButton(self.tr("The whole table")), "exportWhole")
        self.shown = named(QRadioButton(), "exportShown")
        self.shown.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.whole)
        scope.addButton(self.shown)
        self.format = named(QComboBox(), "exportFormat", self.tr("Format"))
        for fmt, (label, _extension) in FORMATS.items():
            self.format.addItem(self.tr(label), fmt)
        self.bom = named(
            QCheckBox(self.tr("Start with a byte order mark (for Excel and other spreadsheets)")),
            "exportBom",
        )
        self.hashes = named(QCheckBox(self.tr("Include password hashes")), "exportHashes")
        self.hash_warning = named(QLabel(self.tr(HASH_WARNING)), "exportHashWarning")
        self.hash_warning.setWordWrap(True)
        self.hash_warning.setStyleSheet(ERROR_STYLE)  # as the forms show errors, both schemes
        self.hash_warning.hide()
        self.path = named(QLineEdit(), "exportPath", self.tr("File"))
        self.path.setPlaceholderText(self.tr("Choose a file…"))
        browse = named(QPushButton(self.tr("Choose…")), "exportBrowse")
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Table:"), self.table)
        form.addRow(self.tr("Rows:"), self.whole)
        form.addRow("", self.shown)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.bom)
        form.addRow("", self.hashes)
        form.addRow("", self.hash_warning)
        form.addRow(self.tr("File:"), file_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setObjectName("exportButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.table.currentIndexChanged.connect(self._table_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.hashes.toggled.connect(self.hash_warning.setVisible)
        self.path.textChanged.connect(self._path_changed)
        self.table.setCurrentIndex(0 if table == "users" else 1)
        self._table_changed()
        self._format_changed()

    def current_table(self) -> ExportTable:
        return "posts" if self.table.currentData() == "posts" else "users"

    def current_format(self) -> ExportFormat:
        fmt = self.format.currentData()
        return fmt if fmt in FORMATS else "csv"

    def choice(self) -> ExportChoice:
        table = self.current_table()
        query = self._views[table].query
        if self.whole.isChecked():  # every row, in the order the table shows them
            query = replace(query, search="")
            if isinstance(query, PostQuery):
                query = replace(query, author_ids=None)
        users = table == "users"
        fmt = self.current_format()
        return ExportChoice(
            query=query,
            table=table,
            fmt=fmt,
            path=str(Path(self.path.text().strip()).expanduser()),
            with_hashes=users and self.hashes.isChecked(),
            bom=fmt == "csv" and self.bom.isChecked(),
        )

    def choose_file(self) -> None:
        table, fmt = self.current_table(), self.current_format()
        start = self.path.text().strip() or str(Path(self._folder) / f"{table}{FORMATS[fmt][1]}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), start, self.tr(FILTER))
        if path:
            if not Path(path).suffix:
                path += FORMATS[fmt][1]
            self.path.setText(path)

    def _table_changed(self, *_args: object) -> None:
        view = self._views[self.current_table()]
        self.shown.setText(self.tr("What the view shows: {view}").format(view=view.label))
        users = self.current_table() == "users"
        self.hashes.setEnabled(users)
        self.hash_warning.setVisible(users and self.hashes.isChecked())

    def _format_changed(self, *_args: object) -> None:
        fmt = self.current_format()
        self.bom.setVisible(fmt == "csv")
        text = self.path.text().strip()
        if text and format_of(text) not in (None, fmt):  # the name follows the format
            self.path.setText(str(Path(text).with_suffix(FORMATS[fmt][1])))
        self._path_changed()

    def _path_changed(self, *_args: object) -> None:
        text = self.path.text().strip()
        named_format = format_of(text) if text else None
        if named_format is not None and named_format != self.current_format():
            self.format.setCurrentIndex(list(FORMATS).index(named_format))  # and back here
            return
        self.export_button.setEnabled(bool(text))
