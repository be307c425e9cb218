"""The dialog for a save that lost the race: someone else changed (or deleted) the row first.

It shows, field by field, the row as it is in the database now beside the user's edit (what
they originally read is in each cell's tooltip and in the full-text pane under the table), marks
every difference with words *and* colour, and asks what to do:

* **Keep mine** -- write my edit again over their version, knowingly;
* **Take theirs** -- discard my edit;
* **Edit again** -- back to the form, starting from theirs with my non-colliding changes; for
  each colliding field the resolution carries my value (``yours_was``) so the form can show it.

If the row was deleted meanwhile it says so and offers **Re-create it** or **Discard my edit**.
Escape or closing the window answers ``ConflictChoice.CANCEL``: nothing decided, the caller keeps
the form open with the user's input.

Usage from a coroutine (never ``exec()``: that would nest the qasync loop)::

    merge = merge_fields(base=read, mine=typed, theirs=now_or_none)
    resolution = await resolve_conflict(
        form, merge, entity="user", labels=USER_LABELS,
        secret_fields={"password": "(new password)"},
    )
    match resolution.choice:
        case ConflictChoice.KEEP_MINE | ConflictChoice.RECREATE:
            ...  # write resolution.values (expected_updated_at = theirs' updated_at)
        case ConflictChoice.EDIT_AGAIN:
            ...  # refill the form from resolution.values; show resolution.yours_was
        case ConflictChoice.TAKE_THEIRS | ConflictChoice.DISCARD:
            ...  # close the form, reload the row
        case ConflictChoice.CANCEL:
            ...  # leave the form as it is

A field named in ``secret_fields`` (a password the user typed) is never displayed: the dialog
shows the given placeholder where the user changed it and "(hidden)" for any other value. Never
pass a password hash in at all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.application.conflict_merge import FieldMerge, FieldStatus, MergeResult
from desktop_app.ui import theme
from desktop_app.ui.conflict_resolution import (
    CHANGE,
    COLUMNS,
    FIELD,
    HIDDEN,
    MINE,
    NONE,
    STATUS_MARK,
    STATUS_TEXT,
    THEIRS,
    TINT,
    ConflictChoice,
    ConflictResolution,
    choices_for,
    display,
    header_texts,
    shorten,
    window_title,
)
from desktop_app.ui.i18n import translate
from desktop_app.ui.qt_async import named


class ConflictDialog(QDialog):
    """Field-by-field comparison and the choices; ``resolution`` is set when it closes."""

    def __init__(
        self,
        merge: MergeResult,
        *,
        entity: str,
        labels: Sequence[tuple[str, str]],
        secret_fields: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``entity`` is the row's kind in words ("user", "post"); ``labels`` the fields to
        show, in order, as (name, label); ``secret_fields`` maps a field never to display to
        the placeholder shown when the user changed it ("(new password)")."""
        super().__init__(parent)
        self.merge = merge
        self.entity = entity
        # the words shown: the row's kind, the fields' labels, the secrets' placeholders
        self._noun = self.tr("post") if entity == "post" else self.tr("user")
        self._labels = {name: translate("RowFields", label) for name, label in labels}
        self._secret = {
            name: translate("RowFields", text) for name, text in (secret_fields or {}).items()
        }
        self._shown = [merge.fields[name] for name, _label in labels if name in merge.fields]
        self.resolution = ConflictResolution(ConflictChoice.CANCEL, merge)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(window_title(merge, self._noun))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(760)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(self._header())
        self.table = self._table()
        layout.addWidget(self.table)
        self.details = self._details()
        layout.addWidget(self.details, 1)
        layout.addWidget(self._choices())
        self._select_first_difference()

    # -- building ------------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        icon = QLabel()
        icon.setObjectName("conflictIcon")
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = named(QLabel(), "conflictTitle", self.tr("What happened"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.explanation = named(QLabel(), "conflictExplanation", self.tr("Explanation"))
        self.explanation.setWordWrap(True)
        title, explanation = header_texts(self.merge, self._noun, self._labels)
        self.title.setText(title)
        self.explanation.setText(explanation)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title)
        text.addWidget(self.explanation)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(icon)
        row.addLayout(text, 1)
        return row

    def _table(self) -> QTableWidget:
        table = named(QTableWidget(len(self._shown), len(COLUMNS)), "conflictTable")
        table.setAccessibleName(
            self.tr("The {entity}: now in the database, and your edit").format(entity=self._noun)
        )
        theme.style_table(table)
        headers = [translate("ConflictDialog", title) for title in COLUMNS]
        if self.merge.deleted:
            headers[THEIRS] = self.tr("Now in the database (deleted)")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setShowGrid(False)
        table.setAlternatingRowColors(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(THEIRS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MINE, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(FIELD, 120)
        table.setColumnWidth(CHANGE, 150)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        for row, field in enumerate(self._shown):
            self._fill_row(table, row, field)
        # A row has a handful of fields: show them all, no scrolling inside the table.
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = table.verticalHeader().defaultSectionSize() * len(self._shown)
        table.setFixedHeight(header.sizeHint().height() + rows + 2 * table.frameWidth())
        # A quiet selection: the row's status tint must stay visible under it.
        palette = table.palette()
        highlight = QColor(palette.highlight().color())
        highlight.setAlpha(45)
        palette.setColor(palette.ColorRole.Highlight, highlight)
        palette.setColor(palette.ColorRole.HighlightedText, palette.text().color())
        table.setPalette(palette)
        table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_details(row))
        return table

    def _fill_row(self, table: QTableWidget, row: int, field: FieldMerge) -> None:
        label = self._labels[field.name]
        status = field.status
        differs = field.name in self.merge.differs
        opened = self.text(field, field.base, mine=False)
        theirs = NONE if self.merge.deleted else self.text(field, field.theirs, mine=False)
        mine = self.text(field, field.mine, mine=True)
        words = translate("ConflictDialog", STATUS_TEXT[status])
        change = f"{STATUS_MARK[status]} {words}".strip()
        cells = {
            FIELD: (label, label),
            CHANGE: (change, f"{label}: {words}"),
            THEIRS: (shorten(theirs), self.tr("Now in the database:") + f"\n{theirs}"),
            MINE: (shorten(mine), self.tr("Your edit:") + f"\n{mine}"),
        }
        tint = TINT.get(status)
        for column, (text, tip) in cells.items():
            item = QTableWidgetItem(text)
            when = self.tr("When you opened it:")
            item.setToolTip(f"{tip}\n\n{when}\n{opened}" if column > CHANGE else tip)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("{field}, {change}: now {theirs}; yours {mine}").format(
                    field=label, change=words, theirs=theirs, mine=mine
                ),
            )
            if column == FIELD:
                font = item.font()
                font.setBold(differs)
                item.setFont(font)
            if tint and (column == CHANGE or (differs and column in (THEIRS, MINE))):
                alpha = 70 if column == CHANGE else 28
                item.setBackground(QBrush(QColor(*tint, alpha)))
            if column == CHANGE and status is FieldStatus.COLLISION:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if column == CHANGE and status is FieldStatus.UNCHANGED:
                item.setForeground(self.palette().placeholderText())
            table.setItem(row, column, item)

    def _details(self) -> QGroupBox:
        box = named(
            QGroupBox(self.tr("Full values")),
            "conflictDetails",
            self.tr("Full values of the field"),
        )
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.opened_value = named(QLabel(), "openedValue", self.tr("When you opened it"))
        self.opened_value.setWordWrap(True)
        self.opened_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.opened_value.setEnabled(False)  # dimmed: context, not a choice
        self.theirs_value = self._full_text(
            "theirsValue", self.tr("Now in the database, full text")
        )
        self.mine_value = self._full_text("mineValue", self.tr("Your edit, full text"))
        theirs_title = (
            self.tr("Now in the database (deleted)")
            if self.merge.deleted
            else self.tr("Now in the database")
        )
        grid.addWidget(self._caption(theirs_title), 0, 0)
        grid.addWidget(self._caption(self.tr("Your edit")), 0, 1)
        grid.addWidget(self.theirs_value, 1, 0)
        grid.addWidget(self.mine_value, 1, 1)
        grid.addWidget(self.opened_value, 2, 0, 1, 2)
        return box

    def _caption(self, text: str) -> QLabel:
        caption = QLabel(text)
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        return caption

    def _full_text(self, name: str, accessible: str) -> QPlainTextEdit:
        edit = named(QPlainTextEdit(), name, accessible)
        edit.setReadOnly(True)
        edit.setMinimumHeight(60)
        edit.setMaximumHeight(110)
        return edit

    def _choices(self) -> QWidget:
        panel = named(QWidget(), "conflictChoices")
        grid = QGridLayout(panel)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        choices, default = choices_for(self.merge, self._noun, self._labels)
        self.buttons: dict[ConflictChoice, QPushButton] = {}
        self.hints: dict[ConflictChoice, QLabel] = {}
        width = max(QPushButton(text).sizeHint().width() for _c, _n, text, _h in choices) + 24
        for row, (choice, name, text, hint) in enumerate(choices):
            button = named(QPushButton(text), f"{name}Button", text.replace("&", ""))
            button.setAccessibleDescription(hint)
            button.setMinimumWidth(max(width, 140))
            button.setAutoDefault(choice is default)
            button.setDefault(choice is default)
            button.clicked.connect(lambda _checked=False, c=choice: self.choose(c))
            label = named(
                QLabel(hint),
                f"{name}Hint",
                self.tr("{choice}: what it does").format(choice=text.replace("&", "")),
            )
            label.setWordWrap(True)
            label.setBuddy(button)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            self.buttons[choice] = button
            self.hints[choice] = label
        grid.setColumnStretch(1, 1)
        return panel

    # -- behaviour -----------------------------------------------------------------------

    def text(self, field: FieldMerge, value: object, *, mine: bool) -> str:
        """The full text shown for a value; a secret field's value is never shown."""
        if field.name in self._secret:
            if mine and field.changed_by_me:
                return self._secret[field.name]
            return NONE if value is None else translate("ConflictDialog", HIDDEN)
        return display(value)

    def _select_first_difference(self) -> None:
        rows = [n for n, f in enumerate(self._shown) if f.status is FieldStatus.COLLISION]
        rows += [n for n, f in enumerate(self._shown) if f.name in self.merge.differs]
        if self._shown:
            self.table.setCurrentCell(rows[0] if rows else 0, FIELD)

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self._shown):
            return
        field = self._shown[row]
        label = self._labels[field.name]
        self.details.setTitle(self.tr("{field}: full values").format(field=label))
        theirs = (
            self.tr("(deleted)")
            if self.merge.deleted
            else self.text(field, field.theirs, mine=False)
        )
        self.theirs_value.setPlainText(theirs)
        self.mine_value.setPlainText(self.text(field, field.mine, mine=True))
        opened = self.text(field, field.base, mine=False)
        self.opened_value.setText(
            self.tr("When you opened it: {value}").format(value=shorten(opened, 300))
        )
        self.opened_value.setToolTip(opened)

    def choose(self, choice: ConflictChoice) -> None:
        self.resolution = ConflictResolution(choice, self.merge)
        self.accept()


async def resolve_conflict(
    parent: QWidget | None,
    merge: MergeResult,
    *,
    entity: str,
    labels: Sequence[tuple[str, str]],
    secret_fields: Mapping[str, str] | None = None,
) -> ConflictResolution:
    """Show the dialog window-modal and wait for the answer without nesting the event loop
    (as ``async_dialogs`` does: ``open()``, and a future its ``finished`` resolves)."""
    dialog = ConflictDialog(
        merge, entity=entity, labels=labels, secret_fields=secret_fields, parent=parent
    )
    answer: asyncio.Future[ConflictResolution] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        if not answer.done():
            answer.set_result(dialog.resolution)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await answer
    finally:
        dialog.deleteLater()


__all__ = ["ConflictChoice", "ConflictDialog", "ConflictResolution", "resolve_conflict"]
