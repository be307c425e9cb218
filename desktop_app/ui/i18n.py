"""Translation helpers for text outside a QObject, in the forms ``pyside6-lupdate`` extracts.

Inside a QObject subclass, ``self.tr("...")`` translates with the class's name as the context,
which is what lupdate writes for a call inside that class. Elsewhere (module functions, plain
classes, text built at import time) the context is named: ``translate("Context", "...")`` at
the point of use, and ``QT_TRANSLATE_NOOP("Context", "...")`` for a constant defined before
any translator is installed, translated where it is shown.

Counts use ``%Ln`` (the number in the UI locale's format) with ``n``:
``translate("Context", "%Ln row(s)", "", n)``. PySide6 trap: ``self.tr(text, "", n)`` called
on an instance of a *subclass* of the class holding the call finds no translation (the plain
form walks the class hierarchy, the plural form does not), so plurals in a class that has
subclasses name their context with ``translate``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``: the text in the UI language (itself when untranslated)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction under ``context`` and returns it untranslated: for
    constants made at import time, translated with ``translate(context, text)`` when shown."""
    del context
    return text
