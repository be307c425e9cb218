"""New / Edit user: validation messages beside each field, and nothing typed is ever lost.

Saving is asynchronous (hashing and the database run off the window's thread); while it runs the
form is read-only, and whatever goes wrong (a duplicate e-mail, a lost connection, someone else's
newer change) is shown in the form, which stays open with the user's input.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.application.read_models import UserRow
from desktop_app.application.user_service import UserService
from desktop_app.domain.entities import CreateUserDTO, UpdateUserDTO, User
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.domain.unset import UNSET
from desktop_app.ui.forms import FormErrors, add_row, error_label, show_save_error
from desktop_app.ui.qt_async import async_slot, named


class UserDialog(QDialog):
    saved = Signal(object)  # the saved User

    def __init__(
        self, *, users: UserService, existing: UserRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._users = users
        self._existing = existing
        self.setObjectName("UserDialog")
        self.setWindowTitle("Edit user" if existing else "New user")
        self.setMinimumWidth(480)

        self.email = named(QLineEdit(), "emailField", "Email")
        self.email.setPlaceholderText("name@example.org")
        self.username = named(QLineEdit(), "usernameField", "Username")
        self.username.setPlaceholderText("3–50 letters, digits, _ . -")
        self.active = named(QCheckBox("Active (may sign in)"), "activeField")
        self.active.setChecked(True)
        self.bio = named(QPlainTextEdit(), "bioField", "Bio")
        self.bio.setPlaceholderText("Optional")
        self.bio.setFixedHeight(90)
        self.password = named(QLineEdit(), "passwordField", "Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = named(QLineEdit(), "confirmField", "Confirm password")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        labels = {
            name: error_label(f"{name}Error")
            for name in ("email", "username", "bio", "password", "confirm")
        }
        self.general_error = error_label("formError")
        self.errors = FormErrors(
            fields={
                "email": (self.email, labels["email"]),
                "username": (self.username, labels["username"]),
                "bio": (self.bio, labels["bio"]),
                "password": (self.password, labels["password"]),
                "confirm": (self.confirm, labels["confirm"]),
            },
            general=self.general_error,
        )

        form = QFormLayout()
        add_row(form, "&Email:", self.email, labels["email"])
        add_row(form, "&Username:", self.username, labels["username"])
        form.addRow("", self.active)
        add_row(form, "&Bio:", self.bio, labels["bio"])

        self.password_box = QGroupBox("Set a new password" if existing else "Password")
        self.password_box.setObjectName("passwordBox")
        if existing:
            self.password_box.setCheckable(True)
            self.password_box.setChecked(False)
        password_form = QFormLayout(self.password_box)
        add_row(password_form, "&Password:", self.password, labels["password"])
        add_row(password_form, "&Confirm:", self.confirm, labels["confirm"])
        hint = QLabel("At least 8 characters. The password is stored only as a hash.")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        password_form.addRow("", hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(self.password_box)
        layout.addWidget(self.buttons)

        if existing:
            self.email.setText(existing.email)
            self.username.setText(existing.username)
            self.active.setChecked(existing.is_active)
            self.bio.setPlainText(existing.bio or "")

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.email, self.username, self.active, self.bio, self.password_box):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.save_button.setText("Saving…" if busy else "Save")

    def _wants_password(self) -> bool:
        return self._existing is None or self.password_box.isChecked()

    def _check_confirmation(self) -> bool:
        if self._wants_password() and self.password.text() != self.confirm.text():
            self.errors.show({"confirm": "The two passwords differ."})
            return False
        return True

    @async_slot()
    async def save(self) -> None:
        self.errors.clear()
        if not self._check_confirmation():
            return
        self._set_busy(True)
        try:
            user = await self._save()
        except (DomainError, StorageError) as error:
            show_save_error(self.errors, error)
        else:
            self.saved.emit(user)
            self.accept()
        finally:
            self._set_busy(False)

    async def _save(self) -> User:
        bio = self.bio.toPlainText()
        if self._existing is None:
            return await self._users.create_user(
                CreateUserDTO(
                    email=self.email.text(),
                    username=self.username.text(),
                    password=self.password.text(),
                    bio=bio,
                    is_active=self.active.isChecked(),
                )
            )
        # One transaction for the profile and the new password: either both land or neither.
        return await self._users.update_user(
            self._existing.id,
            UpdateUserDTO(
                email=self.email.text(),
                username=self.username.text(),
                bio=bio,
                is_active=self.active.isChecked(),
                password=self.password.text() if self._wants_password() else UNSET,
            ),
            expected_updated_at=self._existing.updated_at,
        )
