"""Choose the database: a SQLite file (open or create) or a PostgreSQL server.

"Test connection" tries the choice without switching to it; Apply hands the URL to the window,
which reconnects and reloads without a restart. Missing fields are marked beside the field and
nothing typed is lost. URLs are parsed and built with urllib here: the UI never imports
SQLAlchemy.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, unquote, urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
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
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.database import TestConnection
from desktop_app.ui.forms import FormErrors, add_row, error_label
from desktop_app.ui.messages import error_text, message_text
from desktop_app.ui.qt_async import async_slot, named
from desktop_app.ui.sqlite_files import SQLITE_FILTER, sqlite_url

SSL_MODES = ("prefer", "disable", "require", "verify-ca", "verify-full")
OK_STYLE = "color: #2e8b57;"
FAIL_STYLE = "color: #d64541;"


def postgres_url(*, host: str, port: int, database: str, user: str, password: str, ssl: str) -> str:
    credentials = ""
    if user:
        credentials = quote(user, safe="")
        if password:
            credentials += ":" + quote(password, safe="")
        credentials += "@"
    query = "" if ssl == "prefer" else f"?ssl={ssl}"
    return f"postgresql+asyncpg://{credentials}{host}:{port}/{quote(database, safe='')}{query}"


class ConnectionDialog(QDialog):
    url_chosen = Signal(str)

    def __init__(
        self, *, current_url: str, test_connection: TestConnection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConnectionDialog")
        self.setWindowTitle(self.tr("Database"))
        self.setMinimumWidth(520)
        self._test_connection = test_connection

        self.sqlite_radio = named(QRadioButton(self.tr("SQLite file")), "sqliteRadio")
        self.postgres_radio = named(QRadioButton(self.tr("PostgreSQL server")), "postgresRadio")
        group = QButtonGroup(self)
        group.addButton(self.sqlite_radio)
        group.addButton(self.postgres_radio)
        kinds = QHBoxLayout()
        kinds.addWidget(self.sqlite_radio)
        kinds.addWidget(self.postgres_radio)
        kinds.addStretch(1)

        # SQLite page
        self.sqlite_path = named(QLineEdit(), "sqlitePath", self.tr("SQLite file"))
        self.sqlite_path.setPlaceholderText(self.tr("/path/to/content.db"))
        open_button = named(QPushButton(self.tr("Open…")), "sqliteOpen")
        open_button.clicked.connect(self._open_file)
        new_button = named(QPushButton(self.tr("New…")), "sqliteNew")
        new_button.clicked.connect(self._new_file)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.sqlite_path, 1)
        path_layout.addWidget(open_button)
        path_layout.addWidget(new_button)
        sqlite_page = QWidget()
        sqlite_form = QFormLayout(sqlite_page)
        path_error = error_label("sqlitePathError")
        add_row(sqlite_form, self.tr("&File:"), path_row, path_error)
        note = QLabel(self.tr("A new file gets the schema when it is opened."))
        note.setEnabled(False)
        sqlite_form.addRow("", note)

        # PostgreSQL page
        self.pg_host = named(QLineEdit(), "pgHost", self.tr("Host"))
        self.pg_host.setPlaceholderText(self.tr("db.example.org"))
        self.pg_port = named(QSpinBox(), "pgPort", self.tr("Port"))
        self.pg_port.setRange(1, 65535)
        self.pg_port.setValue(5432)
        self.pg_database = named(QLineEdit(), "pgDatabase", self.tr("Database"))
        self.pg_user = named(QLineEdit(), "pgUser", self.tr("User"))
        self.pg_password = named(QLineEdit(), "pgPassword", self.tr("Password"))
        self.pg_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pg_ssl = named(QComboBox(), "pgSslMode", self.tr("SSL mode"))
        self.pg_ssl.addItems(list(SSL_MODES))
        postgres_page = QWidget()
        pg_form = QFormLayout(postgres_page)
        host_error, db_error = error_label("pgHostError"), error_label("pgDatabaseError")
        add_row(pg_form, self.tr("&Host:"), self.pg_host, host_error)
        pg_form.addRow(self.tr("&Port:"), self.pg_port)
        add_row(pg_form, self.tr("&Database:"), self.pg_database, db_error)
        pg_form.addRow(self.tr("&User:"), self.pg_user)
        pg_form.addRow(self.tr("Pass&word:"), self.pg_password)
        pg_form.addRow(self.tr("&SSL mode:"), self.pg_ssl)
        hint = QLabel(
            self.tr(
                "The password is kept in the system keyring when there is one, "
                "otherwise only until you quit; it is never written to the settings file."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        pg_form.addRow("", hint)

        self.pages = QStackedWidget()
        self.pages.addWidget(sqlite_page)
        self.pages.addWidget(postgres_page)
        self.sqlite_radio.toggled.connect(self._kind_changed)

        self.general_error = error_label("connectionError")
        self.errors = FormErrors(
            fields={
                "path": (self.sqlite_path, path_error),
                "host": (self.pg_host, host_error),
                "database": (self.pg_database, db_error),
            },
            general=self.general_error,
        )
        self.test_button = named(QPushButton(self.tr("Test connection")), "testButton")
        self.test_button.clicked.connect(self.test)
        self.test_result = named(QLabel(""), "testResult")
        self.test_result.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(kinds)
        layout.addWidget(self.pages)
        layout.addWidget(self.general_error)
        layout.addLayout(test_row)
        layout.addWidget(buttons)
        self._prefill(current_url)

    # -- filling in --------------------------------------------------------------------------

    def _prefill(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme.startswith("postgres"):
            self.postgres_radio.setChecked(True)
            self.pg_host.setText(parts.hostname or "")
            self.pg_port.setValue(parts.port or 5432)
            self.pg_database.setText(unquote(parts.path.lstrip("/")))
            self.pg_user.setText(unquote(parts.username or ""))
            self.pg_password.setText(unquote(parts.password or ""))
            ssl = parse_qs(parts.query).get("ssl", ["prefer"])[0]
            self.pg_ssl.setCurrentText(ssl if ssl in SSL_MODES else "prefer")
        else:
            self.sqlite_radio.setChecked(True)
            if parts.scheme.startswith("sqlite"):
                self.sqlite_path.setText(unquote(url.split(":///", 1)[-1]) if ":///" in url else "")
        self._kind_changed()

    def _kind_changed(self, *_args: object) -> None:
        self.pages.setCurrentIndex(0 if self.sqlite_radio.isChecked() else 1)
        self.test_result.clear()

    def _open_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a SQLite database"),
            self.sqlite_path.text(),
            self.tr(SQLITE_FILTER),
        )
        if path:
            self.sqlite_path.setText(path)

    def _new_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Create a SQLite database"),
            self.sqlite_path.text() or "content.db",
            self.tr(SQLITE_FILTER),
        )
        if path:
            self.sqlite_path.setText(path)

    # -- the URL -----------------------------------------------------------------------------

    def url(self) -> str | None:
        """The URL the fields describe, or None after marking what is missing."""
        self.errors.clear()
        if self.sqlite_radio.isChecked():
            if not self.sqlite_path.text().strip():
                self.errors.show({"path": self.tr("Choose a file, or type a path for a new one.")})
                return None
            return sqlite_url(self.sqlite_path.text().strip())
        missing = {}
        if not self.pg_host.text().strip():
            missing["host"] = self.tr("The server's host name or address is required.")
        if not self.pg_database.text().strip():
            missing["database"] = self.tr("The database name is required.")
        if missing:
            self.errors.show(missing)
            return None
        return postgres_url(
            host=self.pg_host.text().strip(),
            port=self.pg_port.value(),
            database=self.pg_database.text().strip(),
            user=self.pg_user.text().strip(),
            password=self.pg_password.text(),
            ssl=self.pg_ssl.currentText(),
        )

    @async_slot()
    async def test(self) -> None:
        url = self.url()
        if url is None:
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Connecting…"))
        try:
            message = await self._test_connection(url)
        except Exception as error:  # any failure is a message here, never a crash dialog
            self.test_result.setStyleSheet(FAIL_STYLE)
            self.test_result.setText(error_text(error) or type(error).__name__)
        else:
            self.test_result.setStyleSheet(OK_STYLE)
            self.test_result.setText(message_text(message))
        finally:
            self.test_button.setEnabled(True)

    def apply(self) -> None:
        url = self.url()
        if url is None:
            return
        self.url_chosen.emit(url)
        self.accept()
