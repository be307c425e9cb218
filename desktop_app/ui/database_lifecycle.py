"""Opening a database in the window: asking before the app changes it, and read-only mode.

The database layer says what it would change (``ChangeRequest``); here that becomes a question
with Create (or Upgrade) / Open read-only / Cancel. A read-only session disables every editing
action; the main window only wires these in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.application.consent import Answer, ChangeRequest
from desktop_app.ui.async_dialogs import choose

CONSENT_DIALOG = "consentDialog"
READ_ONLY_TEXT = "Read-only"
READ_ONLY_CHOICE = "Open read-only"


async def ask_consent(parent: QWidget, request: ChangeRequest) -> Answer:
    """Show ``request`` as a window-modal question; Cancel (the default) changes nothing."""
    choices = [request.accept_text]
    if request.can_read_only:
        choices.append(READ_ONLY_CHOICE)
    picked = await choose(
        parent,
        title=request.title,
        text=request.question,
        informative=request.details,
        choices=choices,
        name=CONSENT_DIALOG,
    )
    if picked == 0:
        return Answer.PROCEED
    if picked == 1:
        return Answer.READ_ONLY
    return Answer.CANCEL
