"""The main window: users above, their posts below, and every database call off the UI's back.

Selecting users shows their posts (master-detail); clearing the selection shows all posts.
Errors the environment causes appear in a banner with Retry and "Choose database…"; edits that
fail stay visible in red with the reason, so nothing typed is lost.

The window builds the view and wires it to controllers, each in a module of its own: the open
database (database_lifecycle), dialogs (dialog_launcher), Delete, Copy, Export, Back up
(*_flow), the posts following the selected users (master_detail), the selected post's preview
(post_preview), the layout (window_settings), undo (undo_history), the SQL log (sql_log), and
where each action sits in the menus and the toolbar (window_chrome).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressDialog, QWidget

from desktop_app import PRODUCT_NAME
from desktop_app.ui.delayed_progress import DelayedProgress
from desktop_app.ui.qt_async import named
from desktop_app.ui.resources import app_icon, icon
from desktop_app.ui.status_bar import counts_text, loading_text
from desktop_app.ui.window_settings import Parts, restore_geometry, restore_layout, save_layout

if TYPE_CHECKING:  # the parts are imported by ``build``, after the frame has painted
    from desktop_app.ui.backup_flow import Backups
    from desktop_app.ui.database import Database, OpenDatabase, SaveDatabaseUrl, TestConnection
    from desktop_app.ui.table_panel import TablePanel


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        *,
        open_database: OpenDatabase,
        test_connection: TestConnection,
        save_database_url: SaveDatabaseUrl,
        backups: Backups | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        build: bool = True,
    ) -> None:
        """The window's frame (title, icon, status bar, size and place); with ``build`` (the
        default) everything inside it too. ``gui.run_gui`` passes ``build=False``, shows the
        frame and calls ``build`` once it has painted: the tables, menus and the flows behind
        them are most of the start-up's imports and construction, and a window that appears
        at once and fills in a fraction of a second later is what a desktop user expects."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAccessibleName(self.tr("{app} main window").format(app=PRODUCT_NAME))
        self.setWindowTitle(PRODUCT_NAME)
        self.setWindowIcon(app_icon())
        self._test_connection = test_connection
        self._open_database = open_database
        self._save_database_url = save_database_url
        self._backups = backups
        self._settings = settings or QSettings()
        self.built = False
        self.progress = DelayedProgress(self)
        self._build_status_bar()
        self.loading_label.setText(self.tr("Starting…"))
        self.setCentralWidget(named(QWidget(), "startingPlaceholder"))
        restore_geometry(self._settings, self)
        if build:
            self.build()

    def build(self) -> None:
        """Build the tables, the preview, the actions, menus and toolbar, and the flows behind
        them into the frame (once), and give them their remembered layout."""
        if self.built:
            return
        from PySide6.QtWidgets import QSplitter, QVBoxLayout

        from desktop_app.application.read_models import PostQuery, UserQuery
        from desktop_app.ui.accessibility import describe_controls
        from desktop_app.ui.backup_flow import BackupFlow
        from desktop_app.ui.banner import ErrorBanner
        from desktop_app.ui.columns import POST_COLUMNS, USER_COLUMNS
        from desktop_app.ui.copy_flow import CopyFlow
        from desktop_app.ui.database_lifecycle import DatabaseLifecycle
        from desktop_app.ui.delete_flow import DeleteFlow
        from desktop_app.ui.dialog_launcher import DialogLauncher
        from desktop_app.ui.filter_status import install_filters
        from desktop_app.ui.master_detail import PostsFollowUsers
        from desktop_app.ui.post_preview import PostPreview
        from desktop_app.ui.row_menu import install_row_menus
        from desktop_app.ui.table_model import LazyTableModel
        from desktop_app.ui.table_panel import TablePanel
        from desktop_app.ui.undo_history import UndoHistory

        self.built = True
        self.loading_label.setText("")
        self.lifecycle = DatabaseLifecycle(  # first: everything else asks it for the database
            window=self,
            open_database=self._open_database,
            save_database_url=self._save_database_url,
            settings=self._settings,
        )
        self.open_actions = self.lifecycle.open_actions

        self.users_model = LazyTableModel(columns=USER_COLUMNS, query=UserQuery(), parent=self)
        self.posts_model = LazyTableModel(columns=POST_COLUMNS, query=PostQuery(), parent=self)
        self.users_panel = TablePanel(
            title=self.tr("Users"),
            noun="user",
            model=self.users_model,
            table_name="usersTable",
            search_name="usersSearch",
            search_hint=self.tr("Search email, username, bio…  (Ctrl+F)"),
        )
        self.posts_panel = TablePanel(
            title=self.tr("All posts"),
            noun="post",
            model=self.posts_model,
            table_name="postsTable",
            search_name="postsSearch",
            search_hint=self.tr("Search title, content, author…"),
        )
        self._current = self.users_panel
        self.users_panel.focused.connect(lambda: self._set_current(self.users_panel))
        self.posts_panel.focused.connect(lambda: self._set_current(self.posts_panel))
        # The posts pane follows the users' selection before the actions do (both listen).
        self.master_detail = PostsFollowUsers(self.users_panel, self.posts_panel)
        for panel in (self.users_panel, self.posts_panel):
            panel.table.doubleClicked.connect(self._double_clicked)
            panel.table.selectionModel().selectionChanged.connect(self.update_actions)
            panel.model.modelReset.connect(self.update_actions)
            panel.model.load_failed.connect(self._load_failed)
            panel.model.edit_failed.connect(self._edit_failed)
            panel.model.edit_saved.connect(
                lambda: self.statusBar().showMessage(self.tr("Saved."), 3_000)
            )
            panel.model.loading_changed.connect(self._loading_changed)
            panel.model.count_changed.connect(lambda *_: self._show_counts())

        self.banner = ErrorBanner()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("tablesSplitter")
        self.splitter.addWidget(self.users_panel)
        self.preview = PostPreview(panel=self.posts_panel, database=lambda: self.database)
        self.splitter.addWidget(self.preview.beside(self.posts_panel))  # table | preview
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([420, 330])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._layout: Parts = (self.splitter, self.users_panel.table, self.posts_panel.table)

        self.banner.retry_requested.connect(self.lifecycle.retry)
        self.dialogs = DialogLauncher(
            window=self, test_connection=self._test_connection, current=lambda: self._current
        )
        self.banner.switch_requested.connect(self.dialogs.choose_database)
        self.deleter = DeleteFlow(
            window=self,
            database=lambda: self.database,
            current=lambda: self._current,
            users_panel=self.users_panel,
            posts_panel=self.posts_panel,
            banner=self.banner,
            progress=self.progress,
        )
        self.copier = CopyFlow(
            window=self, current=lambda: self._current, banner=self.banner, progress=self.progress
        )
        self.history = UndoHistory(self)  # Edit → Undo/Redo and View → History
        self.backups = BackupFlow(window=self, backups=self._backups)  # Back up…, Restore…
        self.lifecycle.opened.connect(self.history.attach)
        self._build_actions()
        self.row_menus = install_row_menus(self, self._set_current)  # right-click on rows
        self.filters = install_filters(self)  # a filter bar under each search box
        describe_controls(self)  # a name and a description for every control
        restore_layout(self._settings, *self._layout)
        self.preview.restore(self._settings)
        self.update_actions()

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The progress dialog showing, if any (a delete or a copy that takes a while)."""
        return self.progress.dialog

    # -- building ----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Any,
        *,
        shortcut: QKeySequence | str | None = None,
        icon_name: str | None = None,
        tip: str | None = None,
        name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(
                self.tr("{tip} ({shortcut})").format(
                    tip=tip,
                    shortcut=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
                if shortcut
                else tip
            )
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        from desktop_app.ui.paste_flow import PasteFlow
        from desktop_app.ui.window_chrome import build_menus, build_toolbar

        std = QKeySequence.StandardKey
        self.act_new_user = self._action(
            self.tr("New &user…"),
            self.dialogs.new_user,
            shortcut=QKeySequence(std.New),
            icon_name="user-new",
            tip=self.tr("Add a user"),
            name="actionNewUser",
        )
        self.act_new_post = self._action(
            self.tr("New &post…"),
            self.dialogs.new_post,
            shortcut="Ctrl+Shift+N",
            icon_name="post-new",
            tip=self.tr("Add a post"),
            name="actionNewPost",
        )
        self.act_edit = self._action(
            self.tr("&Edit…"),
            self.dialogs.edit_current,
            shortcut="Ctrl+E",
            icon_name="edit",
            tip=self.tr("Edit the selected row in a form"),
            name="actionEdit",
        )
        self.act_delete = self._action(
            self.tr("&Delete…"),
            self.deleter.delete_selected,
            shortcut=QKeySequence(std.Delete),
            icon_name="delete",
            tip=self.tr("Delete the selected rows"),
            name="actionDelete",
        )
        self.act_refresh = self._action(
            self.tr("&Refresh"),
            self.refresh,
            shortcut=QKeySequence(std.Refresh),
            icon_name="refresh",
            tip=self.tr("Read the tables again"),
            name="actionRefresh",
        )
        self.act_find = self._action(
            self.tr("&Find"), self.focus_search, shortcut=QKeySequence(std.Find), name="actionFind"
        )
        self.act_copy = self._action(
            self.tr("&Copy"),
            self.copier.copy_selection,
            shortcut=QKeySequence(std.Copy),
            icon_name="copy",
            name="actionCopy",
        )
        self.act_select_all = self._action(  # the current table's every row, loaded or not
            self.tr("Select &All"),
            lambda: self._current.table.selectAll(),
            shortcut=QKeySequence(std.SelectAll),
            name="actionSelectAll",
        )
        self.act_discard = self._action(
            self.tr("Discard &unsaved edits"), self.discard_failed_edits, name="actionDiscardEdits"
        )
        self.act_database = self._action(
            self.tr("&Database…"),
            self.dialogs.choose_database,
            shortcut="Ctrl+,",
            icon_name="database",
            tip=self.tr("Open another SQLite file or connect to PostgreSQL"),
            name="actionDatabase",
        )
        self.act_quit = self._action(
            self.tr("&Quit"), self.close, shortcut=QKeySequence(std.Quit), name="actionQuit"
        )
        if self.act_quit.shortcut().isEmpty():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_about = self._action(
            self.tr("&About {app}").format(app=PRODUCT_NAME), self.dialogs.about, name="actionAbout"
        )

        self.paster = PasteFlow(self)  # Edit → Paste, through the Import dialog
        build_menus(self)
        self.addToolBar(build_toolbar(self))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.loading_label = named(QLabel(""), "loadingLabel")
        self.counts_label = named(QLabel(""), "countsLabel")
        self.revision_label = named(QLabel(""), "revisionLabel")
        # shown while the database is read-only
        self.read_only_label = named(QLabel(self.tr("Read-only")), "readOnlyLabel")
        self.read_only_label.hide()
        bar.addPermanentWidget(self.read_only_label)
        self.database_label = named(QLabel(self.tr("No database")), "databaseLabel")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (
            self.loading_label,
            self.counts_label,
            self.revision_label,
            self.database_label,
        ):
            bar.addPermanentWidget(widget)

    # -- the database ------------------------------------------------------------------------

    @property
    def database(self) -> Database | None:
        """The open database, if any."""
        return self.lifecycle.database

    async def open(
        self, url: str | None = None, *, read_only: bool = False, new: bool = False
    ) -> bool:
        """Open a database and show it (see ``DatabaseLifecycle.open``)."""
        return await self.lifecycle.open(url, read_only=read_only, new=new)

    async def shutdown(self) -> None:
        """Let running work finish (briefly), then close the database."""
        await self.lifecycle.shutdown()

    def _switch_database(self, url: str) -> None:  # as if chosen in the Database… dialog
        self.lifecycle.switch_database(url)

    def new_user(self) -> None:
        self.dialogs.new_user()

    # -- reacting ----------------------------------------------------------------------------

    def _set_current(self, panel: TablePanel) -> None:
        self._current = panel
        self.update_actions()

    def update_actions(self, *_args: object) -> None:
        has_db = self.database is not None
        writable = has_db and not self.database.read_only  # type: ignore[union-attr]
        selected = self._current.table.selectionModel().hasSelection()  # cheap after Ctrl+A
        self.act_new_user.setEnabled(writable)
        self.act_new_post.setEnabled(writable)
        self.act_edit.setEnabled(writable and selected)
        self.act_delete.setEnabled(writable and selected)
        self.act_refresh.setEnabled(has_db)

    def _load_failed(self, message: str) -> None:
        self.banner.show_error(
            self.tr("{reason} Check the connection, then Retry.").format(reason=message)
        )

    def _edit_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr(
                "Not saved: {reason} (the cell keeps what you typed; edit it again, or "
                "Edit → Discard unsaved edits)"
            ).format(reason=message),
            15_000,
        )

    def _loading_changed(self, _loading: bool) -> None:
        self.loading_label.setText(
            loading_text(self.users_model.is_loading, self.posts_model.is_loading)
        )

    def _show_counts(self) -> None:
        self.counts_label.setText(
            counts_text(self.users_model.row_count, self.posts_model.row_count)
        )

    def _double_clicked(self, index: Any) -> None:
        if not index.flags() & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
            self.dialogs.edit_current()  # a cell that is not edited in place opens the form

    # -- commands ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.banner.hide()
        for model in (self.users_model, self.posts_model):
            if model.failure is not None:
                model.reload()
            else:
                model.refresh()

    def focus_search(self) -> None:
        self._current.search.setFocus()
        self._current.search.selectAll()

    def discard_failed_edits(self) -> None:
        self.users_model.discard_failed_edits()
        self.posts_model.discard_failed_edits()

    # -- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        save_layout(self._settings, self, self._layout if self.built else None)
        if self.built:
            self.preview.save(self._settings)
        event.accept()
        self.closed.emit()
