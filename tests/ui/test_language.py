"""The UI language (issue #13, item 4): German when asked for, English otherwise, with plural
forms, numbers and dates as the language writes them, and Qt's own words translated too."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.application.consent import Change, ChangeRequest
from desktop_app.ui.consent_text import ConsentText
from desktop_app.ui.formatting import local_time
from desktop_app.ui.i18n import (
    LANGUAGE_VARIABLE,
    Translations,
    install_translations,
    pick_language,
    shipped_languages,
    wanted_languages,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.row_cache import RowCount
from desktop_app.ui.status_bar import counts_text
from tests.ui.helpers import db, seed

Run = Callable[..., Any]


def settle(run: Run, window: MainWindow) -> None:
    """Read the tables again and wait until every read has ended."""
    window.refresh()
    run(window.users_model.wait_idle())
    run(window.posts_model.wait_idle())


def test_the_german_window_has_german_menus_plurals_numbers_and_dates(
    german_window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    window = german_window
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    assert window.act_new_user.text() == "Neuer &Benutzer…"
    assert window.posts_panel.title.text() == "Alle Beiträge"

    run(seed(db(window), 1, 1))  # one post
    settle(run, window)
    assert window.posts_panel.count_label.text() == "1 Beitrag"
    assert window.counts_label.text() == "1 Benutzer · 1 Beitrag angezeigt"

    run(seed(db(window), 1, 2, start=1))  # three posts
    settle(run, window)
    assert window.posts_panel.count_label.text() == "3 Beiträge"
    assert window.counts_label.text() == "2 Benutzer · 3 Beiträge angezeigt"

    # numbers as German writes them
    big = counts_text(RowCount(1_000_000, True), RowCount(2_500, False))
    assert big == "1.000.000 Benutzer · 2.500+ Beiträge angezeigt"
    # dates too: day.month.year, 24 hours
    created = window.users_model.index(0, 4).data()
    assert re.fullmatch(r"\d\d\.\d\d\.2026 \d\d:\d\d", created), created
    assert local_time(datetime(2026, 3, 4, 15, 6, tzinfo=UTC).astimezone()).startswith("04.03.2026")


def test_qt_speaks_german_too(german: Translations) -> None:
    """Qt's own words (standard buttons, its dialogs) come from its qtbase translation."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    assert german.language == "de"
    assert len(german.translators) == 2  # ours and Qt's


def test_english_is_the_default_with_english_plurals(window: MainWindow, run: Run) -> None:
    assert window.menuBar().actions()[0].text() == "&File"
    run(seed(db(window), 1, 1))
    settle(run, window)
    assert window.posts_panel.count_label.text() == "1 post"
    assert window.counts_label.text() == "1 user · 1 post shown"
    run(seed(db(window), 1, 2, start=1))
    settle(run, window)
    assert window.posts_panel.count_label.text() == "3 posts"
    assert counts_text(RowCount(1_000_000, True), RowCount(3, True)) == (
        "1,000,000 users · 3 posts shown"
    )


def test_the_language_is_the_first_wanted_one_we_ship(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    shipped = shipped_languages()
    assert shipped == ["en", "de"]
    assert pick_language(["de-AT", "en-US"], shipped) == "de"
    assert pick_language(["fr_FR", "de_CH"], shipped) == "de"  # the second choice we have
    assert pick_language(["fr-FR", "it"], shipped) == "en"  # none: English
    assert pick_language(["C"], shipped) == "en"
    monkeypatch.setenv(LANGUAGE_VARIABLE, "de")
    assert wanted_languages() == ["de"]
    monkeypatch.delenv(LANGUAGE_VARIABLE)
    assert wanted_languages() == list(QLocale.system().uiLanguages())


def test_the_language_variable_picks_german_at_start_up(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication, english: Translations
) -> None:
    """DESKTOP_APP_LANGUAGE=de (what the screenshots use) installs German with German numbers."""
    monkeypatch.setenv(LANGUAGE_VARIABLE, "de")
    english.remove()
    installed = install_translations(qapp)
    try:
        assert installed.language == "de"
        assert QLocale().toString(1_000_000) == "1.000.000"
        assert QApplication.translate("WindowChrome", "&File") == "&Datei"
    finally:
        installed.remove()
        english.translators[:] = install_translations(qapp, ["en-US"]).translators
    assert QApplication.translate("WindowChrome", "&File") == "&File"


@pytest.mark.parametrize(
    "request_",
    [
        ChangeRequest(Change.CREATE, "SQLite: ~/new.db", exists=False, can_read_only=False),
        ChangeRequest(Change.CREATE, "SQLite: ~/a.db", other_tables=tuple("abcdef")),
        ChangeRequest(Change.CREATE, "PostgreSQL: ann@db/site", is_sqlite=False),
        ChangeRequest(Change.UPGRADE, "SQLite: ~/a.db", revision=None, head="0005"),
        ChangeRequest(Change.UPGRADE, "PostgreSQL: db", is_sqlite=False, revision=None),
        ChangeRequest(
            Change.UPGRADE, "SQLite: ~/a.db", revision="0003", head="0005", backup="~/a.0003.db"
        ),
        ChangeRequest(Change.UPGRADE, "PostgreSQL: db", is_sqlite=False, revision="1", head="2"),
    ],
)
def test_the_consent_question_in_english_is_the_applications(request_: ChangeRequest) -> None:
    """The window words a ChangeRequest itself (to translate it); in English it says exactly
    what the application (and so the command line) says."""
    words = ConsentText()
    assert words.title(request_) == request_.title
    assert words.accept(request_) == request_.accept_text
    assert words.question(request_) == request_.question
    assert words.details(request_) == request_.details


def test_the_consent_question_in_german(german: Translations) -> None:
    request_ = ChangeRequest(Change.UPGRADE, "SQLite: ~/a.db", revision="0003", head="0005")
    words = ConsentText()
    assert words.title(request_) == "Datenbank aktualisieren?"
    assert words.question(request_).startswith("Diese Datei hat ein älteres desktop_app-Schema")
