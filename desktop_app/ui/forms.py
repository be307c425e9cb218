"""Field-level error messages for the editing dialogs: shown under the field, never a popup."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.errors import (
    DomainError,
    NotFoundError,
    StaleEditError,
    StorageError,
    ValidationError,
)
from desktop_app.ui.i18n import translate
from desktop_app.ui.messages import error_text, message_text

ERROR_STYLE = "color: #d64541;"
NOTE_STYLE = "color: #7a7f87; font-style: italic;"  # "Yours was: …"


def error_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def with_error(field: QWidget, label: QLabel) -> QWidget:
    """The field with its error label beneath it, as one form row; the row label's mnemonic
    (Alt+T for "&Title:") focuses the field."""
    box = QWidget()
    box.setFocusProxy(field)
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a mnemonic skips a box without; Tab does
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(label)
    return box


class FormErrors:
    """Which label shows which field's message, and the general message for the rest."""

    def __init__(self, *, fields: Mapping[str, tuple[QWidget, QLabel]], general: QLabel) -> None:
        self._fields = dict(fields)
        self._general = general

    def clear(self) -> None:
        for _widget, label in self._fields.values():
            label.clear()
            label.hide()
        self._general.clear()
        self._general.hide()

    def show(self, errors: Mapping[str, str]) -> None:
        """Show each message under its field; focus the first field in error."""
        first: QWidget | None = None
        unplaced = []
        for field, message in errors.items():
            if field in self._fields:
                widget, label = self._fields[field]
                label.setStyleSheet(ERROR_STYLE)
                label.setText(message)
                label.show()
                first = first or widget
            else:
                unplaced.append(message)
        if unplaced:
            self.show_general(" ".join(unplaced))
        if first is not None:
            first.setFocus()

    def show_note(self, field: str, note: str) -> None:
        """A remark under ``field`` that is not an error (what you had typed, after a conflict)."""
        if field in self._fields:
            label = self._fields[field][1]
            label.setStyleSheet(NOTE_STYLE)
            label.setText(note)
            label.show()

    def show_general(self, message: str) -> None:
        self._general.setText(message)
        self._general.show()

    def message(self, field: str) -> str:
        return self._fields[field][1].text()

    @property
    def general(self) -> str:
        return self._general.text()


def add_row(form: QFormLayout, title: str, field: QWidget, label: QLabel) -> None:
    form.addRow(title, with_error(field, label))


def show_save_error(errors: FormErrors, error: DomainError | StorageError) -> None:
    """Say why a form was not saved, beside the field when there is one; the input stays."""
    if isinstance(error, ValidationError):
        errors.show({field: message_text(said) for field, said in error.messages.items()})
    elif isinstance(error, StaleEditError):
        errors.show_general(
            translate(
                "Forms", "{reason} Your input is kept: copy what you need, then cancel and reopen."
            ).format(reason=error_text(error))
        )
    elif isinstance(error, NotFoundError):
        errors.show_general(error_text(error))
    else:
        errors.show_general(
            translate("Forms", "Not saved: {reason} Your input is kept; try again.").format(
                reason=error_text(error)
            )
        )
