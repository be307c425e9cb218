"""What the domain and the application say, in the window's language (issue #13, item 4): a
field's error, an undo step's name and a bad line of a paste are German in the German window
and English in the English one; their ``str()`` (the command line, logs) stays English."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.application.import_service import change_text
from desktop_app.core.emails import normalise_email
from desktop_app.domain.entities import UpdateUserDTO, User
from desktop_app.domain.errors import (
    ChangeConflictError,
    RowConflict,
    UserNotFoundError,
    ValidationError,
)
from desktop_app.domain.messages import Message
from desktop_app.domain.validation import check_bio, check_username
from desktop_app.ui.i18n import Translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.messages import error_text, message_text
from desktop_app.ui.user_dialog import UserDialog
from tests.ui.helpers import seed
from tests.ui.import_helpers import check, problems
from tests.ui.test_paste import PEOPLE, paste, tsv

Run = Callable[..., Any]


def user_dialog() -> UserDialog:
    [dialog] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, UserDialog) and w.isVisible()
    ]
    return dialog


def fill_bad_user(qtbot: QtBot, window: MainWindow) -> UserDialog:
    """New user with a bad e-mail and a short username, saved: the dialog, its errors shown."""
    window.act_new_user.trigger()
    dialog = user_dialog()
    qtbot.keyClicks(dialog.email, "not-an-email")
    qtbot.keyClicks(dialog.username, "x")
    qtbot.keyClicks(dialog.password, "long enough now")
    qtbot.keyClicks(dialog.confirm, "long enough now")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("email") != "", timeout=10_000)
    return dialog


def test_a_bad_e_mail_is_said_in_german(german_window: MainWindow, qtbot: QtBot) -> None:
    dialog = fill_bad_user(qtbot, german_window)
    assert dialog.errors.message("email") == "Eine E-Mail-Adresse muss ein @-Zeichen enthalten."
    assert dialog.errors.message("username") == (
        "Der Benutzername muss 3 bis 50 Zeichen lang sein (er hat 1)."
    )
    dialog.reject()


def test_a_bad_e_mail_is_said_in_english(window: MainWindow, qtbot: QtBot) -> None:
    dialog = fill_bad_user(qtbot, window)
    assert dialog.errors.message("email") == "An email address must have an @-sign."
    assert dialog.errors.message("username") == (
        "Username must be 3-50 characters long (it has 1)."
    )
    dialog.reject()


def rename(run: Run, window: MainWindow, user: User, name: str) -> None:
    users = window.database.users  # type: ignore[union-attr]
    current = run(users.get_user(user.id))
    run(
        users.update_user(
            user.id, UpdateUserDTO(username=name), expected_updated_at=current.updated_at
        )
    )


def test_undo_steps_are_named_in_german(german_window: MainWindow, run: Run) -> None:
    window = german_window
    [user] = run(seed(window.database, users=1))
    rename(run, window, user, "ann")
    assert window.history.undo_action.text() == "&Rückgängig: Benutzer user0 bearbeiten"
    assert window.history.stack.text(0) == "Benutzer user0 bearbeiten"  # View → History
    run(window.database.users.delete_users([user.id]))  # type: ignore[union-attr]
    assert window.history.undo_action.text() == "&Rückgängig: Benutzer ann löschen"


def test_undo_steps_are_named_in_english(window: MainWindow, run: Run) -> None:
    [user] = run(seed(window.database, users=1))
    rename(run, window, user, "ann")
    run(window.database.users.delete_users([user.id]))  # type: ignore[union-attr]
    assert window.history.undo_action.text() == "&Undo delete user ann"
    assert window.history.stack.text(0) == "edit user user0"


BAD_LINES = [*PEOPLE, ["not-an-email", "", "secret-dan-4", "x"]]  # line 6 of the text


def test_a_bad_pasted_line_gives_german_reasons(german_window: MainWindow, qtbot: QtBot) -> None:
    dialog = paste(qtbot, german_window, tsv(BAD_LINES))
    check(dialog, qtbot)
    assert problems(dialog) == [("6", "email"), ("6", "username")]
    reasons = [dialog.problems.item(row, 2).text() for row in range(2)]
    assert reasons == [
        "Eine E-Mail-Adresse muss ein @-Zeichen enthalten.",
        "erforderlich, aber leer oder fehlend",
    ]
    dialog.reject()


def test_a_bad_pasted_line_gives_english_reasons(window: MainWindow, qtbot: QtBot) -> None:
    dialog = paste(qtbot, window, tsv(BAD_LINES))
    check(dialog, qtbot)
    reasons = [dialog.problems.item(row, 2).text() for row in range(2)]
    assert reasons == ["An email address must have an @-sign.", "required, but empty or missing"]
    dialog.reject()


def conflicts(count: int) -> ChangeConflictError:
    rows = [RowConflict("user", UUID(int=n), None, None, None) for n in range(count)]
    return ChangeConflictError(rows)


def test_errors_and_counts_in_german_keep_their_english_str(german: Translations) -> None:
    missing = UserNotFoundError(UUID(int=7))
    assert (
        error_text(missing)
        == f"Benutzer {UUID(int=7)} existiert nicht (vielleicht wurde er gelöscht)."
    )
    assert str(missing) == f"User {UUID(int=7)} does not exist (it may have been deleted)."
    assert error_text(conflicts(3)).startswith("Jemand anderes hat inzwischen 3 Zeilen geändert")
    assert str(conflicts(3)).startswith("Someone else changed 3 rows since")
    assert str(conflicts(1)).startswith("Someone else changed a row since")
    with pytest.raises(ValidationError) as long_bio:
        check_bio("x" * 10_001)
    assert error_text(long_bio.value) == (
        "bio: Der Profiltext darf höchstens 10.000 Zeichen lang sein."
    )  # the number as German writes it
    with pytest.raises(ValidationError) as nul:
        check_username("a\x00b")
    assert error_text(nul.value) == "username: Benutzername enthält ein NUL-Zeichen."
    assert str(nul.value) == "username: Username contains a NUL character."
    # an e-mail refusal we have no words for keeps the library's, inside a German sentence
    with pytest.raises(ValidationError) as odd:
        normalise_email("a b@example.org")
    assert error_text(odd.value).startswith("email: Keine gültige E-Mail-Adresse (The email")


class _Plan:
    def __init__(self, size: int, kind: str) -> None:
        self.size, self.kind = size, kind


@pytest.mark.parametrize("size", [1, 1234])
def test_import_step_names_count_in_either_language(
    size: int, german: Translations, english: Translations
) -> None:
    users, posts = change_text(_Plan(size, "users")), change_text(_Plan(size, "posts"), "Paste")  # type: ignore[arg-type]
    if size == 1:
        assert (message_text(users), message_text(posts)) == (
            "1 Benutzer importieren",
            "1 Beitrag einfügen",
        )
        assert (str(users), str(posts)) == ("Import 1 user", "Paste 1 post")
    else:
        assert (message_text(users), message_text(posts)) == (
            "1.234 Benutzer importieren",
            "1.234 Beiträge einfügen",
        )
        assert (str(users), str(posts)) == ("Import 1,234 users", "Paste 1,234 posts")


def test_a_plain_string_and_a_verbatim_text_pass_as_they_are(german: Translations) -> None:
    assert message_text("schon Worte") == "schon Worte"
    assert message_text(Message.verbatim("a {brace} stays")) == "a {brace} stays"


def test_an_export_that_cannot_write_says_why_in_german(
    german: Translations, tmp_path: Path
) -> None:
    from desktop_app.application.export_formats import ExportWriteError, export_to_file
    from desktop_app.application.read_models import UserQuery
    from tests.unit.test_export_formats import FakeSource, user

    target = tmp_path / "gone" / "users.csv"
    with pytest.raises(ExportWriteError) as failed:
        asyncio.run(export_to_file(FakeSource([user(1)]), target, UserQuery(), "csv"))
    assert error_text(failed.value) == (
        f"{target} konnte nicht geschrieben werden: No such file or directory. "
        "Es wurde nichts geschrieben."
    )  # the system's own words stay as the system says them
    assert str(failed.value).startswith(f"Could not write {target}: No such file")
