"""A form save that lost the race to a second writer (issue #11): the conflict dialog instead
of only a message, each choice doing what it says, the typed input never lost and a typed
password never shown."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from desktop_app.domain.entities import UpdatePostDTO, UpdateUserDTO, User
from desktop_app.ui.database import Database
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.post_dialog import PostDialog
from desktop_app.ui.user_dialog import UserDialog
from tests.ui.helpers import Run, answer_conflict, db, seed

PASSWORD = "correct-horse-battery-42"


def visible(kind: type) -> list[object]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def open_user_form(window: MainWindow, run: Run, qtbot: QtBot) -> tuple[User, UserDialog]:
    [user] = run(seed(db(window), users=1))
    window.refresh()
    qtbot.waitUntil(lambda: window.users_model.index(0, 0).data() == "user0", timeout=10_000)
    window.users_panel.select_row(0)
    window.dialogs.edit_current()
    qtbot.waitUntil(lambda: len(visible(UserDialog)) == 1)
    [form] = visible(UserDialog)
    assert isinstance(form, UserDialog)
    return user, form


def theirs(run: Run, other: Database, user: User, **changes: object) -> None:
    now = run(other.users.get_user(user.id))
    run(
        other.users.update_user(
            user.id, UpdateUserDTO(**changes), expected_updated_at=now.updated_at
        )
    )


def test_keep_mine_saves_over_theirs_and_never_shows_the_password(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    user, form = open_user_form(window, run, qtbot)
    hash_before = run(db(window).users.get_user(user.id)).hashed_password
    form.bio.setPlainText("mine typed")
    form.password_box.setChecked(True)
    form.password.setText(PASSWORD)
    form.confirm.setText(PASSWORD)
    theirs(run, other, user, username="annie")
    form.save_button.click()
    seen = answer_conflict(qtbot, "keepMine")
    assert not any(PASSWORD in text for text in seen.values())
    assert seen["Password"].endswith("| (new password)")
    assert seen["Username"].startswith("annie")
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=10_000)
    now = run(db(window).users.get_user(user.id))
    assert (now.username, now.bio) == ("annie", "mine typed")  # their change stays too
    assert now.hashed_password != hash_before


def test_take_theirs_closes_the_form_and_keeps_their_version(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    user, form = open_user_form(window, run, qtbot)
    form.bio.setPlainText("mine typed")
    theirs(run, other, user, username="annie")
    form.save_button.click()
    answer_conflict(qtbot, "takeTheirs")
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=10_000)
    now = run(db(window).users.get_user(user.id))
    assert (now.username, now.bio) == ("annie", "Bio of user 0")
    assert "Kept their version of user user0" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.users_model.index(0, 0).data() == "annie", timeout=10_000)


def test_edit_again_refills_the_form_with_yours_beside_theirs(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    user, form = open_user_form(window, run, qtbot)
    form.bio.setPlainText("mine typed")
    form.email.setText("new@example.org")
    theirs(run, other, user, bio="theirs")
    form.save_button.click()
    answer_conflict(qtbot, "editAgain")
    qtbot.waitUntil(lambda: form.errors.message("bio") == "Yours was: mine typed")
    assert form.isVisible()
    assert form.bio.toPlainText() == "theirs"  # both changed it: theirs, yours beside it
    assert form.email.text() == "new@example.org"  # only mine changed it: kept
    form.bio.setPlainText("theirs, and mine typed")
    form.save_button.click()  # against their version now: no second conflict
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=10_000)
    now = run(db(window).users.get_user(user.id))
    assert (now.email, now.bio) == ("new@example.org", "theirs, and mine typed")


def test_cancel_leaves_the_form_as_typed(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    user, form = open_user_form(window, run, qtbot)
    form.bio.setPlainText("mine typed")
    theirs(run, other, user, bio="theirs")
    form.save_button.click()
    answer_conflict(qtbot, "cancel")
    qtbot.waitUntil(lambda: "Not saved: someone else changed this user" in form.errors.general)
    assert form.isVisible() and form.bio.toPlainText() == "mine typed"
    assert run(db(window).users.get_user(user.id)).bio == "theirs"


def test_post_form_keep_mine(window: MainWindow, run: Run, qtbot: QtBot, other: Database) -> None:
    run(seed(db(window), users=1, posts_per_user=1))
    window.refresh()
    model = window.posts_model
    qtbot.waitUntil(lambda: model.row_count.exact and model.row_count.rows == 1, timeout=10_000)
    qtbot.waitUntil(lambda: model.cache.get(0) is not None, timeout=10_000)
    window.posts_panel.table.setFocus()
    window.posts_panel.select_row(0)
    window._set_current(window.posts_panel)
    window.dialogs.edit_current()
    qtbot.waitUntil(lambda: len(visible(PostDialog)) == 1)
    [form] = visible(PostDialog)
    assert isinstance(form, PostDialog)
    qtbot.waitUntil(form.save_button.isEnabled, timeout=10_000)
    form.content.setPlainText("my content")
    post = run(other.posts.get_post(form._existing.id))  # type: ignore[union-attr]
    run(
        other.posts.update_post(
            post.id, UpdatePostDTO(title="Their title"), expected_updated_at=post.updated_at
        )
    )
    form.save_button.click()
    seen = answer_conflict(qtbot, "keepMine")
    assert seen["title"] == "This post was changed by someone else"
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=10_000)
    now = run(db(window).posts.get_post(post.id))
    assert (now.title, now.content) == ("Their title", "my content")
