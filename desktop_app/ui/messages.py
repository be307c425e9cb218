"""The domain's and the application's messages in the UI language.

Those layers say what they mean as a ``Message`` (``desktop_app.domain.messages``): an English
template under a context, its arguments and a count. Here the template is looked up in the
installed translation (``QCoreApplication.translate``, which also puts the count in, ``%Ln`` in
the UI locale's digits), then the arguments are put in, themselves translated when they are
messages, numbers written as the UI locale writes them. Untranslated, a message reads as
its English ``str()`` (with the English translation's plural forms).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.messages import Message


def _template(message: Message) -> str:
    return QCoreApplication.translate(
        message.context, message.template, message.disambiguation or None, message.n
    )


def _number(value: int | float) -> str:
    """As the UI locale writes it: grouped, and a fraction with its decimal mark, as short as
    it reads exactly (``g``: "2,5" in German, not "2,500000")."""
    if isinstance(value, int):
        return QLocale().toString(value)
    return QLocale().toString(value, "g", 15)


def message_text(message: Message | str) -> str:
    """``message`` in the UI language (a plain string is already words: as it is)."""
    if isinstance(message, str):
        return message
    return message.render(_template, _number)


def error_text(error: BaseException) -> str:
    """What an error says, in the UI language when it says it as a ``Message`` (its one
    argument); otherwise its ``str()`` (a driver's or the system's words)."""
    if isinstance(error, ValidationError):
        return "; ".join(
            f"{field}: {message_text(message)}" for field, message in error.messages.items()
        )
    said = error.args[0] if len(error.args) == 1 else None
    return message_text(said) if isinstance(said, Message) else str(error)
