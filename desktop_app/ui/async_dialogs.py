"""Questions asked from inside a coroutine without a nested event loop.

``QMessageBox.exec()`` inside a qasync task would re-enter the loop; instead the box is shown
window-modal with ``open()`` and the coroutine awaits a future that its ``finished`` resolves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.i18n import translate


async def confirm(
    parent: QWidget, *, title: str, text: str, informative: str = "", accept_text: str = ""
) -> bool:
    """Ask ``text`` with ``accept_text`` (OK when empty) and Cancel: True for the former."""
    picked = await _ask(
        parent,
        name="confirmDialog",
        icon=QMessageBox.Icon.Warning,
        title=title,
        text=text,
        informative=informative,
        choices=[accept_text or translate("Dialogs", "OK")],
    )
    return picked == 0


async def choose(
    parent: QWidget,
    *,
    title: str,
    text: str,
    informative: str = "",
    choices: Sequence[str],
    name: str = "chooseDialog",
) -> int | None:
    """Ask a question with several answers: the index of the one clicked in ``choices``, or
    None for Cancel (also Escape and closing the box, the default)."""
    return await _ask(
        parent,
        name=name,
        icon=QMessageBox.Icon.Question,
        title=title,
        text=text,
        informative=informative,
        choices=choices,
    )


async def _ask(
    parent: QWidget,
    *,
    name: str,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str,
    choices: Sequence[str],
) -> int | None:
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    answer: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        if not answer.done():
            answer.set_result(next((n for n, b in enumerate(buttons) if b is clicked), None))

    box.finished.connect(finished)
    box.open()
    try:
        return await answer
    finally:
        box.deleteLater()
