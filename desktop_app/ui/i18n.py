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

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``: the text in the UI language (itself when untranslated)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction under ``context`` and returns it untranslated: for
    constants made at import time, translated with ``translate(context, text)`` when shown."""
    del context
    return text


# -- installing a language ---------------------------------------------------------------------

LANGUAGE_VARIABLE = "DESKTOP_APP_LANGUAGE"  # "de", "de_DE": the UI language, whatever the system's
SOURCE_LANGUAGE = "en"  # the language of the source text (its .qm holds the English plurals)


def translations_dir() -> Path:
    """Our compiled translations (``resources/i18n/desktop_app_<language>.qm``)."""
    from desktop_app.ui.resources import resources_dir

    return resources_dir() / "i18n"


def qt_translations_dir() -> Path:
    """Qt's own translations (``qtbase_<language>.qm``: its dialogs' and buttons' words):
    where Qt says they are, else inside the PySide6 package (a bundle keeps that layout)."""
    import PySide6

    where = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return where if where.is_dir() else Path(PySide6.__file__).parent / "Qt" / "translations"


def shipped_languages() -> list[str]:
    """The languages we have a translation for, the source language first."""
    found = {path.stem.removeprefix("desktop_app_") for path in translations_dir().glob("*.qm")}
    return [SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE})]


def missing_translations() -> list[Path]:
    """The .qm files of a shipped language that are not there: ours and Qt's qtbase (the
    self-check fails a bundle or install that lost them)."""
    wanted = [
        path
        for language in shipped_languages()
        for path in (
            translations_dir() / f"desktop_app_{language}.qm",
            qt_translations_dir() / f"qtbase_{language}.qm",
        )
    ]
    return [path for path in wanted if not path.is_file()]


def wanted_languages() -> list[str]:
    """The user's languages in order of preference: ``DESKTOP_APP_LANGUAGE`` when set, else
    the system's UI languages (on Linux: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``)."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip()
    return [chosen] if chosen else list(QLocale.system().uiLanguages())


def pick_language(wanted: Sequence[str], shipped: Sequence[str]) -> str:
    """The first of ``wanted`` (BCP 47 tags or locale names) we ship; English otherwise."""
    for tag in wanted:
        language = tag.replace("_", "-").split("-")[0].lower()
        if language in shipped:
            return language
    return SOURCE_LANGUAGE


@dataclass(slots=True)
class Translations:
    """What ``install_translations`` installed, to take it out again (tests)."""

    language: str
    locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)

    def remove(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()


def install_translations(
    app: QCoreApplication, wanted: Sequence[str] | None = None
) -> Translations:
    """Install our translation and Qt's for the first of ``wanted`` (default: the user's
    languages) that we ship, and make its locale the default for numbers and dates.

    Installed before any window is built: widgets take their text when they are made. The
    English translation is installed too: it holds the English plural forms ("1 post",
    "3 posts") of the ``%Ln`` messages."""
    chosen = wanted is not None or bool(os.environ.get(LANGUAGE_VARIABLE, "").strip())
    tags = wanted_languages() if wanted is None else list(wanted)
    language = pick_language(tags, shipped_languages())
    locale = _locale(tags, language) if chosen else _system_locale()
    QLocale.setDefault(locale)
    installed = Translations(language, locale)
    for path in (
        translations_dir() / f"desktop_app_{language}.qm",
        qt_translations_dir() / f"qtbase_{language}.qm",
    ):
        translator = QTranslator(app)
        if translator.load(str(path)) and QCoreApplication.installTranslator(translator):
            installed.translators.append(translator)
    return installed


def _locale(tags: Sequence[str], language: str) -> QLocale:
    """The locale of the first chosen tag in ``language`` ("de" is de_DE, "de_AT" de_AT)."""
    tag = next((t for t in tags if t.replace("_", "-").lower().startswith(language)), language)
    return QLocale(tag.replace("-", "_"))


def _system_locale() -> QLocale:
    """The system's locale for numbers and dates (even when the UI falls back to English);
    US English for the C locale (no locale configured)."""
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return system
