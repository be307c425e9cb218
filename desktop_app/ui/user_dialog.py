"""New / Edit user: validation messages beside each field, and nothing typed is ever lost.

Saving is asynchronous (hashing and the database run off the window's thread); while it runs the
form is read-only, and whatever goes wrong (a duplicate e-mail, a lost connection, someone else's
newer change) is shown in the form, which stays open with the user's input.
"""

from __future__ import annotations

from collections.abc import Mapping

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
from desktop_app.domain.errors import DomainError, StaleEditError, StorageError, UserNotFoundError
from desktop_app.domain.unset import UNSET
from desktop_app.ui.conflict_dialog import ConflictChoice
from desktop_app.ui.form_conflicts import TYPED_PASSWORD, resolve_save_conflict, show_yours_was
from desktop_app.ui.forms import FormErrors, add_row, error_label, show_save_error
from desktop_app.ui.i18n import translate
from desktop_app.ui.qt_async import async_slot, named
from desktop_app.ui.row_fields import USER_LABELS, USER_SECRETS, user_fields


class UserDialog(QDialog):
    saved = Signal(object)  # the saved User
    discarded = Signal(str)  # closed keeping someone else's version (what to say)

    def __init__(
        self, *, users: UserService, existing: UserRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._users = users
        self._existing = existing
        self._recreating = False  # the row was deleted meanwhile and is being created again
        # The version the save expects, and the row as the form started (the conflict's base).
        self._expected = existing.updated_at if existing else None
        self._base: dict[str, object] = {}
        self.setObjectName("UserDialog")
        self.setWindowTitle(self.tr("Edit user") if existing else self.tr("New user"))
        self.setMinimumWidth(480)

        self.email = named(QLineEdit(), "emailField", self.tr("Email"))
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.username = named(QLineEdit(), "usernameField", self.tr("Username"))
        self.username.setPlaceholderText(self.tr("3–50 letters, digits, _ . -"))
        self.active = named(QCheckBox(self.tr("Active (may sign in)")), "activeField")
        self.active.setChecked(True)
        self.bio = named(QPlainTextEdit(), "bioField", self.tr("Bio"))
        self.bio.setPlaceholderText(self.tr("Optional"))
        self.bio.setFixedHeight(90)
        self.password = named(QLineEdit(), "passwordField", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = named(QLineEdit(), "confirmField", self.tr("Confirm password"))
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
        add_row(form, self.tr("&Email:"), self.email, labels["email"])
        add_row(form, self.tr("&Username:"), self.username, labels["username"])
        form.addRow("", self.active)
        add_row(form, self.tr("&Bio:"), self.bio, labels["bio"])

        self.password_box = QGroupBox(
            self.tr("Set a new password") if existing else self.tr("Password")
        )
        self.password_box.setObjectName("passwordBox")
        if existing:
            self.password_box.setCheckable(True)
            self.password_box.setChecked(False)
        password_form = QFormLayout(self.password_box)
        add_row(password_form, self.tr("&Password:"), self.password, labels["password"])
        add_row(password_form, self.tr("&Confirm:"), self.confirm, labels["confirm"])
        hint = QLabel(self.tr("At least 8 characters. The password is stored only as a hash."))
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
            self._base = self._typed(password=False)

    def _typed(self, *, password: bool | None = None) -> dict[str, object]:
        """The form's values as the conflict dialog compares them (a typed password is only
        marked, never included)."""
        wants = self._wants_password() if password is None else password
        return {
            "email": self.email.text(),
            "username": self.username.text(),
            "is_active": self.active.isChecked(),
            "bio": self.bio.toPlainText(),
            "password": translate("FormConflicts", TYPED_PASSWORD) if wants else None,
        }

    def fill(
        self, values: Mapping[str, object], yours_was: Mapping[str, object] | None = None
    ) -> None:
        """Put ``values`` in the fields (the password stays as typed) and show "Yours was: …"
        under each field in ``yours_was``."""
        self.email.setText(str(values.get("email", self.email.text())))
        self.username.setText(str(values.get("username", self.username.text())))
        self.active.setChecked(bool(values.get("is_active", self.active.isChecked())))
        self.bio.setPlainText(str(values.get("bio", self.bio.toPlainText()) or ""))
        show_yours_was(self.errors, yours_was or {}, hidden="password")

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.email, self.username, self.active, self.bio, self.password_box):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    def _wants_password(self) -> bool:
        return self._existing is None or self._recreating or self.password_box.isChecked()

    def _check_confirmation(self) -> bool:
        if self._wants_password() and self.password.text() != self.confirm.text():
            self.errors.show({"confirm": self.tr("The two passwords differ.")})
            return False
        return True

    @async_slot()
    async def save(self) -> None:
        await self.save_now()

    async def save_now(self) -> None:
        """Save; a save that lost the race to someone else's change asks what to do."""
        self.errors.clear()
        if not self._check_confirmation():
            return
        self._set_busy(True)
        lost_race = False
        try:
            user = await self._save()
        except (StaleEditError, UserNotFoundError) as error:
            lost_race = self._existing is not None and not self._recreating
            if not lost_race:
                show_save_error(self.errors, error)
        except (DomainError, StorageError) as error:
            show_save_error(self.errors, error)
        else:
            self.saved.emit(user)
            self.accept()
            return
        finally:
            self._set_busy(False)
        if lost_race:
            await self._resolve()

    async def _resolve(self) -> None:
        """Someone else changed (or deleted) the user first: compare and ask."""
        existing = self._existing
        assert existing is not None
        resolution, current = await resolve_save_conflict(
            self,
            entity="user",
            labels=USER_LABELS,
            base=self._base,
            mine=self._typed(),
            fetch=lambda: self._users.get_user(existing.id),
            secret_fields=USER_SECRETS,
        )
        values = resolution.values or {}
        match resolution.choice:
            case ConflictChoice.KEEP_MINE if current is not None:
                self._expected = current.updated_at
                self.fill(values)
                await self.save_now()
            case ConflictChoice.EDIT_AGAIN if current is not None:
                self._expected, self._base = current.updated_at, user_fields(current)
                self.fill(values, resolution.yours_was)
            case ConflictChoice.RECREATE:
                self._recreating = True
                self.fill(values)
                self.password_box.setCheckable(False)  # a new row needs a password
                self.errors.show_general(
                    self.tr(
                        "Someone else deleted this user. Set a password, then Save to create it "
                        "again."
                    )
                )
            case ConflictChoice.TAKE_THEIRS | ConflictChoice.DISCARD:
                kept = (
                    self.tr(
                        "Kept their version of user {name} (someone else deleted it); your edit "
                        "was not saved."
                    )
                    if current is None
                    else self.tr(
                        "Kept their version of user {name} (someone else changed it); your edit "
                        "was not saved."
                    )
                )
                self.discarded.emit(kept.format(name=existing.username))
                self.reject()
            case _:
                self.errors.show_general(
                    self.tr(
                        "Not saved: someone else changed this user meanwhile. Your input is "
                        "kept; Save again to compare."
                    )
                )

    async def _save(self) -> User:
        bio = self.bio.toPlainText()
        if self._existing is None or self._recreating:
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
            expected_updated_at=self._expected,
        )
