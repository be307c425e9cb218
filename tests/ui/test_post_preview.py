"""The post preview beside the posts table, and the post form's live Markdown preview."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop_app.domain.entities import Post
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.database import Database
from desktop_app.ui.formatting import local_time
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.markdown_view import PREFIX_CHARS, MarkdownView
from desktop_app.ui.post_dialog import PostDialog
from desktop_app.ui.post_preview import DELETED, NOTHING_SELECTED
from tests.ui.helpers import Run, db, seed
from tests.ui.windows import show_window

CREATED = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)
# The link comes after the 200 characters a table row carries: only the whole post has it.
MARKDOWN = (
    "# Release notes\n\n"
    + "Plain words before the link. " * 10
    + "\n\n- first item\n- second item\n\n"
    + "See [the changelog](https://example.org/changes) and `make test`.\n"
)


async def add_post(database: Database, title: str, content: str, **fields: object) -> Post:
    """A post by a new user, written through the unit of work (``updated_at`` None: never
    edited, as the web backend leaves it)."""
    [author] = await seed(database, 1, start=hash(title) % 10_000)
    async with database.uow_factory() as uow:  # type: ignore[attr-defined]
        post = await uow.posts.create(
            Post(
                title=title,
                content=content,
                author_id=author.id,
                created_at=CREATED,
                updated_at=fields.get("updated_at"),  # type: ignore[arg-type]
            )
        )
        await uow.commit()
    assert isinstance(post, Post)
    return replace(post, author_username=author.username)


def show_posts(window: MainWindow, qtbot: QtBot, rows: int) -> None:
    window.refresh()
    model = window.posts_model
    qtbot.waitUntil(lambda: model.row_count.exact and model.row_count.rows == rows, timeout=10_000)
    qtbot.waitUntil(lambda: all(model.row_at(n) for n in range(rows)), timeout=10_000)


def select_post(window: MainWindow, post_id: UUID) -> None:
    model = window.posts_model
    [number] = [n for n in range(model.rowCount()) if model.row_at(n).id == post_id]  # type: ignore[union-attr]
    window.posts_panel.select_row(number)


def headings(document: QTextDocument) -> list[tuple[int, str]]:
    block, found = document.begin(), []
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    return found


def anchors(document: QTextDocument) -> list[str]:
    block, found = document.begin(), []
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            href = fragments.fragment().charFormat().anchorHref()
            if href:
                found.append(href)
            fragments += 1
        block = block.next()
    return found


def body_text(window: MainWindow) -> str:
    return window.preview.body.browser.toPlainText()


def test_preview_renders_the_whole_post_as_markdown(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    assert window.preview.placeholder.text() == NOTHING_SELECTED
    post = run(add_post(db(window), "Release notes", MARKDOWN))
    show_posts(window, qtbot, 1)
    select_post(window, post.id)
    qtbot.waitUntil(lambda: "changelog" in body_text(window), timeout=10_000)
    document = window.preview.body.browser.document()
    assert headings(document) == [(1, "Release notes")]
    assert anchors(document) == ["https://example.org/changes"]
    assert window.preview.title.text() == "Release notes"
    meta = window.preview.meta.text()
    assert meta.splitlines() == [
        f"by {post.author_username}",
        f"Created {local_time(CREATED)} · Updated Never edited",
    ]
    assert window.preview.body.complete


def test_several_selected_and_none_say_so(window: MainWindow, run: Run, qtbot: QtBot) -> None:
    for title in ("One", "Two", "Three"):
        run(add_post(db(window), title, f"# {title}"))
    show_posts(window, qtbot, 3)
    window.posts_panel.table.selectAll()
    assert window.preview.placeholder.text() == "3 posts selected"
    assert window.preview.pages.currentWidget() is window.preview.placeholder
    window.posts_panel.table.clearSelection()
    assert window.preview.placeholder.text() == NOTHING_SELECTED


def test_an_answer_for_an_earlier_selection_is_dropped(
    window: MainWindow, run: Run, qtbot: QtBot, monkeypatch: object
) -> None:
    first = run(add_post(db(window), "First", "# First post"))
    second = run(add_post(db(window), "Second", "# Second post"))
    show_posts(window, qtbot, 2)
    service = db(window).posts
    real_get = service.get_post
    release = asyncio.Event()

    async def slow_for_first(post_id: UUID) -> Post:
        if post_id == first.id:
            await release.wait()  # answers after the second post's read
        return await real_get(post_id)

    monkeypatch.setattr(service, "get_post", slow_for_first)  # type: ignore[attr-defined]
    select_post(window, first.id)
    select_post(window, second.id)
    qtbot.waitUntil(lambda: "Second post" in body_text(window), timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not window.preview._tasks, timeout=10_000)
    assert headings(window.preview.body.browser.document()) == [(1, "Second post")]
    assert window.preview.title.text() == "Second"


def test_a_post_deleted_meanwhile_says_so(
    window: MainWindow, run: Run, qtbot: QtBot, other: Database
) -> None:
    post = run(add_post(db(window), "Gone soon", "# Gone"))
    show_posts(window, qtbot, 1)
    run(other.posts.delete_post(post.id))
    select_post(window, post.id)
    qtbot.waitUntil(lambda: body_text(window) == DELETED, timeout=10_000)


def test_a_megabyte_renders_its_start_and_the_rest_on_show_all(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    line = "Some *words* in a long post, line after line of them.\n\n"
    content = "# Huge\n\n" + line * (1_000_000 // len(line)) + "## The very end\n"
    post = run(add_post(db(window), "Huge", content))
    show_posts(window, qtbot, 1)
    select_post(window, post.id)
    body = window.preview.body
    qtbot.waitUntil(lambda: not body.complete, timeout=10_000)
    assert headings(body.browser.document()) == [(1, "Huge")]
    assert len(body_text(window)) < PREFIX_CHARS
    assert body.show_all_button.text() == "Show all (1.0 MB)"
    qtbot.mouseClick(body.show_all_button, Qt.MouseButton.LeftButton)
    assert body.complete
    assert headings(body.browser.document()) == [(1, "Huge"), (2, "The very end")]


def test_the_pane_can_be_hidden_and_stays_hidden(
    window: MainWindow, qtbot: QtBot, opener: DatabaseOpener, tmp_path: Path
) -> None:
    action = window.preview.toggle_action
    assert action.isChecked() and window.preview.isVisible()
    action.trigger()
    assert not window.preview.isVisible()
    window.close()
    again = show_window(qtbot, opener, tmp_path / "ui.ini")  # the same settings file
    assert not again.preview.toggle_action.isChecked()
    assert not again.preview.isVisible()
    again.preview.toggle_action.trigger()
    assert again.preview.isVisible()
    assert again.preview.placeholder.text() == NOTHING_SELECTED


def test_the_form_previews_markdown_as_one_types(
    window: MainWindow, run: Run, qtbot: QtBot
) -> None:
    database = db(window)
    dialog = PostDialog(posts=database.posts, users=database.user_reader)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.content, "## Typed heading")
    preview = dialog.preview.browser
    qtbot.waitUntil(lambda: headings(preview.document()) == [(2, "Typed heading")], timeout=5_000)
    assert dialog.content.toPlainText() == "## Typed heading"  # kept as typed
    huge = "x" * (2 * PREFIX_CHARS)
    dialog.content.setPlainText(huge)
    qtbot.waitUntil(lambda: not dialog.preview.complete, timeout=5_000)
    assert dialog.content.toPlainText() == huge


def test_the_pane_loads_nothing_and_never_navigates(qtbot: QtBot, tmp_path: Path) -> None:
    view = MarkdownView(name="view")
    qtbot.addWidget(view)
    local = tmp_path / "secret.txt"
    local.write_text("not for the pane")
    view.set_markdown(f"![pixel](http://tracker.example/p.png) ![file]({local.as_uri()})")
    for url in ("http://tracker.example/p.png", local.as_uri()):
        resource = QTextDocument.ResourceType.ImageResource.value
        assert view.browser.loadResource(resource, QUrl(url)) is None
    assert view.browser.openExternalLinks() and not view.browser.openLinks()
