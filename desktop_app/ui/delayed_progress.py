"""Progress for long work in the window: a dialog with Cancel that appears only if it takes a while.

Deleting and copying many rows both report progress through this, so they look and cancel
alike. The dialog is not modal: a modal QProgressDialog pumps the event loop from inside
setValue(), which would re-enter the asyncio task that is reporting progress.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app import PRODUCT_NAME
from desktop_app.ui.i18n import translate

PROGRESS_AFTER_MS = 400

# Called with (done, total); returns False once the user has pressed Cancel.
Progress = Callable[[int, int], bool]


class DelayedProgress:
    """Shows progress dialogs over ``parent``; ``dialog`` is the one open, if any."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.dialog: QProgressDialog | None = None

    @contextlib.contextmanager
    def showing(self, label: str, total: int) -> Iterator[Progress]:
        """A progress callback for ``total`` steps of work labelled ``label``; the dialog
        closes when the block ends, however it ends."""
        dialog = QProgressDialog(
            label, translate("DelayedProgress", "Cancel"), 0, total, self._parent
        )
        dialog.setObjectName("progressDialog")
        dialog.setWindowTitle(PRODUCT_NAME)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setValue(0)
        self.dialog = dialog

        def report(done: int, _total: int) -> bool:
            dialog.setValue(done)
            return not dialog.wasCanceled()

        try:
            yield report
        finally:
            dialog.close()
            dialog.deleteLater()
            self.dialog = None
