"""Bugs reach the user as a dialog with details to copy, and the app keeps running.

Installed as ``sys.excepthook`` (exceptions in Qt slots and ``asyncSlot``s land there) and as
the asyncio loop's exception handler (exceptions in tasks nobody awaited). Everything is logged.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from desktop_app.ui.i18n import translate

if TYPE_CHECKING:
    from desktop_app.ui.crash_dialog import CrashDialog

log = logging.getLogger("desktop_app.crash")


class CrashReporter:
    def __init__(self, *, log_path: str, parent: Callable[[], QWidget | None]) -> None:
        self._log_path = log_path
        self._parent = parent
        self._open: list[CrashDialog] = []
        self.reports = 0

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        sys.excepthook = self.excepthook
        loop.set_exception_handler(self.loop_exception)

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self.report(f"{exc_type.__name__}: {exc}", details)

    def loop_exception(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            summary = f"{type(exc).__name__}: {exc}"
        else:
            details = summary = str(
                context.get("message", translate("CrashReporter", "unknown error"))
            )
        self.report(summary, details)

    def report(self, summary: str, details: str) -> None:
        from desktop_app.ui.crash_dialog import CrashDialog

        self.reports += 1
        log.error("unexpected error: %s\n%s", summary, details)
        if len(self._open) >= 3:  # an error in a loop must not bury the screen in dialogs
            return
        dialog = CrashDialog(
            summary=summary, details=details, log_path=self._log_path, parent=self._parent()
        )
        self._open.append(dialog)
        dialog.finished.connect(lambda _r: self._open.remove(dialog))
        dialog.open()
