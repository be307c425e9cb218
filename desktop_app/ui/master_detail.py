"""Master-detail: the posts pane shows the posts of the users selected above, or all posts.

The window builds both panels; this keeps the posts pane's filter and title following the
users' selection, including the changes that come without a selectionChanged.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from desktop_app.application.read_models import PostQuery, UserRow
from desktop_app.ui.table_panel import TablePanel


class PostsFollowUsers(QObject):
    """Filters ``posts_panel`` to the users selected in ``users_panel``; Escape in the users
    table clears the selection (and so shows all posts)."""

    def __init__(self, users_panel: TablePanel, posts_panel: TablePanel) -> None:
        super().__init__(users_panel)
        self._users = users_panel
        self._posts = posts_panel
        # A reset (search, sort, refresh of a big change, reopening) empties the selection
        # without a selectionChanged (removed rows do emit one): the posts pane listens for
        # resets too, and for a refresh that puts other users in the selected rows.
        users_panel.table.selectionModel().selectionChanged.connect(self.users_selected)
        users_panel.model.modelReset.connect(self.users_selected)
        users_panel.model.dataChanged.connect(self._users_reloaded)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), users_panel.table)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(users_panel.table.clearSelection)

    def users_selected(self, *_args: object) -> None:
        """Show the posts of the selected users, or all posts when none are selected."""
        rows = [r for r in self._users.selected_rows() if isinstance(r, UserRow)]
        query = self._posts.model.query
        assert isinstance(query, PostQuery)
        if rows:
            ids = frozenset(r.id for r in rows)
            names = ", ".join(r.username for r in rows[:3])
            title = (
                self.tr("Posts by {names}").format(names=names)
                if len(rows) <= 3
                else self.tr("Posts by %Ln users", "", len(rows))
            )
        else:
            ids, title = None, self.tr("All posts")
        self._posts.title.setText(title)
        self._posts.model.set_query(replace(query, author_ids=ids))

    def _users_reloaded(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        """After a refresh the selected row numbers may hold other users: follow them once
        every selected row has loaded again (not before, or the posts pane would flicker
        through partial filters while the pages arrive)."""
        selection = self._users.table.selectionModel().selection()
        ranges = [selection.at(n) for n in range(selection.count())]
        touched = any(
            r.top() <= bottom_right.row() and top_left.row() <= r.bottom() for r in ranges
        )
        if touched and all(  # stops at the first row not loaded: the cache bounds the cost
            self._users.model.row_at(number) is not None
            for r in ranges
            for number in range(r.top(), r.bottom() + 1)
        ):
            self.users_selected()
