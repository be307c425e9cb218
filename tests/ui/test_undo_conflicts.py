"""Undo and redo that meet a second writer's change (issue #11): the conflict dialog for one
row, a plain question for many, and each answer doing what it says. The second writer is
another connection to the same SQLite file, as another copy of the app would be."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.entities import UpdatePostDTO, UpdateUserDTO, User
from desktop_app.domain.errors import UserNotFoundError
from desktop_app.ui.database import Database
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.user_dialog import UserDialog
from tests.ui.helpers import Run, answer_conflict, answer_question, db, seed

ORIGINAL = "Bio of user 0"


def set_bio(run: Run, database: Database, user: User, bio: str) -> User:
    now = run(database.users.get_user(user.id))
    return run(  # type: ignore[no-any-return]
        database.users.update_user(
            user.id, UpdateUserDTO(bio=bio), expected_updated_at=now.updated_at
        )
    )


def bio_now(run: Run, window: MainWindow, user: User) -> str | None:
    return run(db(window).users.get_user(user.id)).bio  # type: ignore[no-any-return]


def idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not window.history.busy, timeout=10_000)


def edited_by_both(run: Run, window: MainWindow, other: Database) -> User:
    """user0's bio: "mine" here (on the history), then "theirs" by the second writer."""
    [user] = run(seed(db(window), users=1))
    set_bio(run, db(window), user, "mine")
    set_bio(run, other, user, "theirs")
    assert window.history.stack.count() == 1
    return user


def test_keep_mine_undoes_over_their_change_knowingly(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    user = edited_by_both(run, window, other)
    window.history.undo_action.trigger()
    seen = answer_conflict(qtbot, "keepMine")
    assert seen["title"] == "This user was changed by someone else"
    assert seen["Bio"] == f"theirs | {ORIGINAL}"  # now in the database | what undo writes
    idle(qtbot, window)
    assert bio_now(run, window, user) == ORIGINAL
    assert window.history.stack.index() == 0 and window.history.redo_action.isEnabled()
    assert "Undid edit user user0" in window.statusBar().currentMessage()


def test_take_theirs_drops_the_step_and_keeps_their_change(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    user = edited_by_both(run, window, other)
    window.history.undo_action.trigger()
    answer_conflict(qtbot, "takeTheirs")
    idle(qtbot, window)
    assert bio_now(run, window, user) == "theirs"
    assert window.history.stack.count() == 0  # the step is off the history
    assert "Kept their change to user user0" in window.statusBar().currentMessage()


def test_edit_again_opens_the_form_with_what_undo_wanted_beside_theirs(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    user = edited_by_both(run, window, other)
    window.history.undo_action.trigger()
    answer_conflict(qtbot, "editAgain")
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, UserDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    [form] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, UserDialog) and w.isVisible()
    ]
    assert isinstance(form, UserDialog)
    assert form.bio.toPlainText() == "theirs"  # a collision starts as theirs…
    assert form.errors.message("bio") == f"Yours was: {ORIGINAL}"  # …with what undo wanted
    assert bio_now(run, window, user) == "theirs"  # nothing written yet
    assert window.history.stack.count() == 0
    form.bio.setPlainText(ORIGINAL + " (checked)")
    form.save_button.click()
    qtbot.waitUntil(lambda: window.history.stack.count() == 1, timeout=10_000)
    assert bio_now(run, window, user) == ORIGINAL + " (checked)"


def test_a_row_deleted_meanwhile_can_be_recreated(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    [user] = run(seed(db(window), users=1))
    set_bio(run, db(window), user, "mine")
    run(other.users.delete_users([user.id]))
    window.history.undo_action.trigger()
    seen = answer_conflict(qtbot, "recreate")
    assert seen["title"] == "This user was deleted by someone else"
    idle(qtbot, window)
    assert bio_now(run, window, user) == ORIGINAL  # back, as it was before the edit


def test_a_row_deleted_meanwhile_can_stay_deleted(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    [user] = run(seed(db(window), users=1))
    set_bio(run, db(window), user, "mine")
    run(other.users.delete_users([user.id]))
    window.history.undo_action.trigger()
    answer_conflict(qtbot, "discard")
    idle(qtbot, window)
    with pytest.raises(UserNotFoundError):
        run(db(window).users.get_user(user.id))
    assert window.history.stack.count() == 0


@pytest.mark.parametrize("answer", ["Overwrite them", "Cancel"])
def test_many_rows_changed_meanwhile_is_one_clear_question(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database, answer: str
) -> None:
    [user] = run(seed(db(window), users=1, posts_per_user=3))
    run(db(window).users.delete_users([user.id]))
    window.history.undo_action.trigger()  # the user and their 3 posts are back
    idle(qtbot, window)
    assert window.history.stack.index() == 0
    ids = [p.id for p in run(db(window).users.list_users())]
    assert ids == [user.id]
    their = run(_posts_of(other, user))
    for post in their[:2]:
        run(
            other.posts.update_post(
                post.id,
                UpdatePostDTO(title=post.title + " (theirs)"),
                expected_updated_at=post.updated_at,
            )
        )

    window.history.redo_action.trigger()  # delete them again: two were changed meanwhile
    texts = answer_question(qtbot, answer)
    assert texts[0].startswith("Someone else changed 2 rows since: post “Post ")
    assert "(theirs)" in texts[0]
    assert "Nothing has been changed yet" in texts[1]
    idle(qtbot, window)
    left = run(_posts_of(db(window), user))
    if answer == "Overwrite them":
        assert left == [] and window.history.stack.index() == 1
    else:
        assert len(left) == 3 and window.history.stack.index() == 0
        assert "Nothing was redone" in window.statusBar().currentMessage()


async def _posts_of(database: Database, user: User) -> list:  # type: ignore[type-arg]
    uow_factory = database.uow_factory  # type: ignore[attr-defined]
    async with uow_factory() as uow:
        return list(await uow.posts.get_by_authors_all([user.id]))
