"""The post preview beside the posts table: the selected post's whole content as Markdown.

Table rows carry only the first 200 characters of a post, so selecting exactly one post reads
the whole post from the database in the background (the window never waits for it); the header
shows its title, author and dates at once from the row, and the body follows. Only the newest
selection's answer is shown: each selection bumps a generation, and an answer read for an
older one is dropped (as ``row_cache`` drops pages read for an older query). Markdown is
rendered by ``MarkdownView``: a bounded prefix first, "Show all" for the rest of a long post.

The pane sits in a horizontal splitter with the posts table; its width and whether it is shown
(View → Post preview) are kept in QSettings with the window's layout.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_app.application.read_models import PostRow
from desktop_app.domain.entities import Post
from desktop_app.domain.errors import DomainError, PostNotFoundError, StorageError
from desktop_app.ui.database import Database
from desktop_app.ui.formatting import NEVER_EDITED, local_time
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.ui.markdown_view import MarkdownView
from desktop_app.ui.messages import error_text
from desktop_app.ui.qt_async import named
from desktop_app.ui.table_panel import TablePanel

NOTHING_SELECTED = QT_TRANSLATE_NOOP("PostPreview", "Select a post to read it")
DELETED = QT_TRANSLATE_NOOP(
    "PostPreview", "This post was deleted: it is no longer in the database."
)
SPLITTER_KEY = "window/previewSplitter"
SHOWN_KEY = "view/postPreview"


def meta_line(author: str, created: datetime, updated: datetime | None) -> str:
    """ "by ann", then "Created 2026-01-01 10:00 · Updated Never edited" on a line of its own
    (times as in the table)."""
    edited = local_time(updated) if updated is not None else translate("Formatting", NEVER_EDITED)
    return translate("PostPreview", "by {author}\nCreated {created} · Updated {updated}").format(
        author=author, created=local_time(created), updated=edited
    )


class PostPreview(QWidget):
    """Shows the post selected in ``panel`` (exactly one), read whole from ``database()``."""

    def __init__(
        self,
        *,
        panel: TablePanel,
        database: Callable[[], Database | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("postPreview")
        self._panel = panel
        self._database = database
        self._generation = 0
        self._row: PostRow | None = None  # the post being shown (or read)
        self._tasks: set[asyncio.Future[None]] = set()

        self.placeholder = named(QLabel(self.tr(NOTHING_SELECTED)), "previewPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # greyed, as the count beside a table title
        self.title = named(QLabel(""), "previewTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = named(QLabel(""), "previewMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = MarkdownView(name="previewBody")
        post_page = QWidget()
        post_layout = QVBoxLayout(post_page)
        post_layout.setContentsMargins(6, 0, 0, 0)  # clear of the splitter's handle
        post_layout.addWidget(self.title)
        post_layout.addWidget(self.meta)
        post_layout.addWidget(self.body, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(post_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.toggle_action = QAction(self.tr("Post &preview"), self)
        self.toggle_action.setObjectName("actionPostPreview")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setChecked(True)
        self.toggle_action.setStatusTip(
            self.tr("Show the selected post's whole content beside the table")
        )
        self.toggle_action.toggled.connect(self._toggled)

        # A reset (search, sort, refresh, another database) empties the selection without a
        # selectionChanged; a refresh may put another version of the post in the selected row.
        panel.table.selectionModel().selectionChanged.connect(self.selection_changed)
        panel.model.modelReset.connect(self.selection_changed)
        panel.model.dataChanged.connect(self._rows_changed)

    def beside(self, table_side: QWidget) -> QSplitter:
        """A horizontal splitter with ``table_side`` on the left and this pane on the right."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("previewSplitter")
        splitter.addWidget(table_side)
        splitter.addWidget(self)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 440])
        self._splitter = splitter
        return splitter

    # -- the layout, kept with the window's ----------------------------------------------------

    def restore(self, settings: QSettings) -> None:
        """Give the splitter its saved sizes and the pane its saved shown/hidden state."""
        state = settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._splitter.restoreState(state)
        shown = settings.value(SHOWN_KEY, True)
        self.toggle_action.setChecked(shown not in (False, "false", "0", 0))
        self.setVisible(self.toggle_action.isChecked())

    def save(self, settings: QSettings) -> None:
        settings.setValue(SPLITTER_KEY, self._splitter.saveState())
        settings.setValue(SHOWN_KEY, self.toggle_action.isChecked())

    def _toggled(self, shown: bool) -> None:
        self.setVisible(shown)
        self._row = None
        self.selection_changed()  # hidden: forget the post; shown: read the selected one

    # -- following the selection -------------------------------------------------------------

    def _selected(self) -> tuple[int, PostRow | None]:
        """How many rows are selected, and the row when it is exactly one and loaded (the
        selection's ranges are counted: Select All over 100,000 rows lists no indexes)."""
        selection = self._panel.table.selectionModel().selection()
        ranges = [selection.at(n) for n in range(selection.count())]
        count = sum(r.bottom() - r.top() + 1 for r in ranges)
        if count != 1:
            return count, None
        row = self._panel.model.row_at(ranges[0].top())
        return 1, row if isinstance(row, PostRow) else None

    def selection_changed(self, *_args: object) -> None:
        """Show what is selected: a placeholder for none or several, else the post."""
        if not self.toggle_action.isChecked():
            self._generation += 1  # hidden: a read in flight has nobody to show it to
            return
        count, row = self._selected()
        if count != 1:
            self._show_placeholder(
                self.tr(NOTHING_SELECTED)
                if count == 0
                else self.tr("%Ln posts selected", "", count)
            )
            return
        if row is None:  # selected while still "Loading…": dataChanged brings it
            self._show_placeholder(self.tr("Loading…"))
            return
        if row == self._row:
            return  # the same post, same version: already shown or on its way
        self._show_post(row)

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        count, row = self._selected()
        if count == 1 and row != self._row:
            self.selection_changed()

    def _show_placeholder(self, text: str) -> None:
        self._generation += 1
        self._row = None
        self.placeholder.setText(text)
        self.pages.setCurrentWidget(self.placeholder)

    def _show_post(self, row: PostRow) -> None:
        self._generation += 1
        self._row = row
        self.title.setText(row.title)
        self.meta.setText(meta_line(row.author_username, row.created_at, row.updated_at))
        self.body.set_message(self.tr("Loading…"))
        self.pages.setCurrentIndex(1)
        database = self._database()
        if database is None:
            return
        task = asyncio.ensure_future(self._read(self._generation, row, database))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _read(self, generation: int, row: PostRow, database: Database) -> None:
        try:
            post: Post | None = await database.posts.get_post(row.id)
            failure = ""
        except PostNotFoundError:
            post, failure = None, self.tr(DELETED)
        except (DomainError, StorageError) as error:
            post, failure = (
                None,
                self.tr("Could not read this post: {reason}").format(reason=error_text(error)),
            )
        if generation != self._generation or not isValid(self.body):
            return  # another post was selected meanwhile (its own read shows it), or closed
        if post is None:
            self.body.set_message(failure)
            return
        self.title.setText(post.title)
        author = post.author_username or row.author_username
        self.meta.setText(meta_line(author, post.created_at, post.updated_at))
        self.body.set_markdown(post.content)
