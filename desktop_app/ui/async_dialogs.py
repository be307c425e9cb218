"""Questions asked from inside a coroutine without a nested event loop.

``QMessageBox.exec()`` inside a qasync task would re-enter the loop; instead the box is shown
window-modal with ``open()`` and the coroutine awaits a future that its ``finished`` resolves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget


async def confirm(
    parent: QWidget, *, title: str, text: str, informative: str = "", accept_text: str = "OK"
) -> bool:
    box = QMessageBox(parent)
    box.setObjectName("confirmDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        if not answer.done():
            answer.set_result(box.clickedButton() is accept)

    box.finished.connect(finished)
    box.open()
    try:
        return await answer
    finally:
        box.deleteLater()


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
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
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
