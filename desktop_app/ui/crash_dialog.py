"""The dialog for a bug: what happened, details to copy, and the app keeps running.

Errors the environment causes (server down, file locked) never come here: they are shown as a
sentence with a way forward. This is for the unexpected, which we want reported.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import PRODUCT_NAME


class CrashDialog(QDialog):
    def __init__(self, *, summary: str, details: str, log_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.setWindowTitle(self.tr("{app}: something went wrong").format(app=PRODUCT_NAME))
        self.setMinimumSize(560, 360)
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr(
                "<b>Something went wrong inside {app}.</b><br>"
                "Nothing you saved is lost, and the app keeps running. What you were doing may "
                "not have finished: check it, and please report this with the details below."
            ).format(app=PRODUCT_NAME)
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        summary_label = QLabel(summary)
        summary_label.setObjectName("crashSummary")
        summary_label.setWordWrap(True)
        layout.addWidget(summary_label)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        layout.addWidget(QLabel(self.tr("Also written to {path}").format(path=log_path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy details"))
        copy.setObjectName("copyDetails")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
