"""A banner above the tables for errors the environment caused, with a way forward.

"The database server is not answering" plus Retry and "Choose database…" beats a modal box:
the user can still read what is on screen, and the message stays until the problem is gone.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ErrorBanner(QFrame):
    retry_requested = Signal()
    switch_requested = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setAccessibleName(self.tr("Error message"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#errorBanner { background: rgba(214, 69, 65, 40); border: 1px solid "
            "rgba(214, 69, 65, 160); border-radius: 4px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(
            self.message.textInteractionFlags().TextSelectableByMouse
        )
        layout.addWidget(self.message, 1)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setObjectName("retryButton")
        self.retry.clicked.connect(self.retry_requested)
        layout.addWidget(self.retry)
        self.switch = QPushButton(self.tr("Choose database…"))
        self.switch.setObjectName("switchDatabaseButton")
        self.switch.clicked.connect(self.switch_requested)
        layout.addWidget(self.switch)
        dismiss = QPushButton("✕")
        dismiss.setFlat(True)
        dismiss.setToolTip(self.tr("Hide this message"))
        dismiss.setAccessibleName(self.tr("Hide error message"))
        dismiss.clicked.connect(self.hide)
        layout.addWidget(dismiss)
        self.hide()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.show()
