"""New / Edit post: title, author (searchable picker), content; errors shown beside the fields.

Editing loads the whole post first (table rows carry only a preview of the content). The
content is Markdown, edited beside its rendering: the preview follows typing after a short
pause (``PREVIEW_DEBOUNCE_MS``), and renders only a bounded prefix of a long post (see
``markdown_view``), so typing in a megabyte stays responsive.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.application.post_service import PostService
from desktop_app.application.read_models import PostRow, UserReader, UserRow
from desktop_app.domain.entities import CreatePostDTO, Post, UpdatePostDTO
from desktop_app.domain.errors import (
    DomainError,
    PostNotFoundError,
    StaleEditError,
    StorageError,
    UserNotFoundError,
)
from desktop_app.ui.author_picker import AuthorPicker
from desktop_app.ui.conflict_dialog import ConflictChoice
from desktop_app.ui.form_conflicts import resolve_save_conflict, show_yours_was
from desktop_app.ui.forms import FormErrors, add_row, error_label, show_save_error
from desktop_app.ui.markdown_view import MarkdownView
from desktop_app.ui.messages import error_text
from desktop_app.ui.qt_async import async_slot, named
from desktop_app.ui.row_fields import POST_LABELS, post_fields

PREVIEW_DEBOUNCE_MS = 150


class PostDialog(QDialog):
    saved = Signal(object)  # the saved Post
    discarded = Signal(str)  # closed keeping someone else's version (what to say)

    def __init__(
        self,
        *,
        posts: PostService,
        users: UserReader,
        existing: PostRow | None = None,
        author: UserRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._posts = posts
        self._existing = existing
        self._loaded: Post | None = None
        self._recreating = False  # the post was deleted meanwhile and is being created again
        self._expected = existing.updated_at if existing else None  # the version saving expects
        self._base: dict[str, object] = {}  # the post as the form started (a conflict's base)
        self._start: tuple[Mapping[str, object], Mapping[str, object]] | None = None
        self.setObjectName("PostDialog")
        self.setWindowTitle(self.tr("Edit post") if existing else self.tr("New post"))
        self.setMinimumSize(760, 460)

        self.title = named(QLineEdit(), "titleField", self.tr("Title"))
        self.title.setMaxLength(1000)  # the 255 limit is explained by validation, not truncation
        self.author = AuthorPicker(reader=users)
        self.content = named(QPlainTextEdit(), "contentField", self.tr("Content"))
        self.preview = MarkdownView(name="contentPreview")
        self._preview_debounce = QTimer(self, singleShot=True, interval=PREVIEW_DEBOUNCE_MS)
        self._preview_debounce.timeout.connect(self._update_preview)
        self.content.textChanged.connect(self._preview_debounce.start)
        editor = QSplitter(Qt.Orientation.Horizontal)
        editor.setObjectName("contentSplitter")
        editor.addWidget(self.content)
        editor.addWidget(self.preview)
        editor.setChildrenCollapsible(False)
        editor.setFocusProxy(self.content)  # Alt+C reaches the text, not the splitter
        labels = {name: error_label(f"{name}Error") for name in ("title", "author", "content")}
        self.general_error = error_label("formError")
        self.errors = FormErrors(
            fields={
                "title": (self.title, labels["title"]),
                "author": (self.author, labels["author"]),
                "author_id": (self.author, labels["author"]),
                "content": (self.content, labels["content"]),
            },
            general=self.general_error,
        )
        form = QFormLayout()
        add_row(form, self.tr("&Title:"), self.title, labels["title"])
        add_row(form, self.tr("&Author:"), self.author, labels["author"])
        add_row(form, self.tr("&Content:"), editor, labels["content"])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)

        if existing is not None:
            self.title.setText(existing.title)
            self.author.set_author(existing.author_id, existing.author_username)
            self.content.setPlainText(existing.content_preview)
            self._set_busy(True, self.tr("Loading…"))
        elif author is not None:
            self.author.set_author(author.id, author.username)

    async def load(self) -> None:
        """Fetch the whole post being edited; the form stays read-only until it arrives."""
        if self._existing is None:
            return
        try:
            post = await self._posts.get_post(self._existing.id)
        except (DomainError, StorageError) as error:
            self.errors.show_general(
                self.tr("Could not load the whole post: {reason}").format(reason=error_text(error))
            )
            self._set_busy(False)
            self.save_button.setEnabled(False)
            return
        self._loaded, self._expected, self._base = post, post.updated_at, post_fields(post)
        self.title.setText(post.title)
        self.author.set_author(post.author_id, post.author_username or "")
        self.content.setPlainText(post.content)
        self._set_busy(False)
        if self._start is not None:
            self.fill(*self._start)

    def fill_after_load(
        self, values: Mapping[str, object], yours_was: Mapping[str, object]
    ) -> None:
        """Once the post has loaded, start from ``values`` (see ``fill``)."""
        self._start = (values, yours_was)

    def fill(
        self, values: Mapping[str, object], yours_was: Mapping[str, object] | None = None
    ) -> None:
        """Put ``values`` in the title and content (the author stays as chosen) and show
        "Yours was: …" under each field in ``yours_was``."""
        self.title.setText(str(values.get("title", self.title.text())))
        self.content.setPlainText(str(values.get("content", self.content.toPlainText())))
        show_yours_was(self.errors, yours_was or {})

    def _update_preview(self) -> None:
        self.preview.set_markdown(self.content.toPlainText(), keep_scroll=True)

    def _typed(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "author": self.author.text(),
            "content": self.content.toPlainText(),
        }

    def _set_busy(self, busy: bool, label: str = "") -> None:
        for widget in (self.title, self.author, self.content):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.save_button.setText((label or self.tr("Saving…")) if busy else self.tr("Save"))

    @async_slot()
    async def save(self) -> None:
        await self.save_now()

    async def save_now(self) -> None:
        """Save; a save that lost the race to someone else's change asks what to do."""
        self.errors.clear()
        author_id = self.author.author_id
        if author_id is None:
            self.errors.show(
                {"author": self.tr("Choose an author from the list (type part of a name).")}
            )
            return
        self._set_busy(True)
        lost_race = False
        try:
            if self._existing is None or self._recreating:
                post = await self._posts.create_post(
                    CreatePostDTO(self.title.text(), self.content.toPlainText(), author_id)
                )
            else:
                post = await self._posts.update_post(
                    self._existing.id,
                    UpdatePostDTO(
                        title=self.title.text(),
                        content=self.content.toPlainText(),
                        author_id=author_id,
                    ),
                    expected_updated_at=self._expected,
                )
        except UserNotFoundError:
            self.errors.show(
                {"author": self.tr("That user no longer exists; choose another author.")}
            )
        except (StaleEditError, PostNotFoundError) as error:
            if self._existing is None or self._recreating:
                show_save_error(self.errors, error)
            else:
                lost_race = True
        except (DomainError, StorageError) as error:
            show_save_error(self.errors, error)
        else:
            self.saved.emit(post)
            self.accept()
        finally:
            if self.isVisible():
                self._set_busy(False)
        if lost_race:
            await self._resolve()

    async def _resolve(self) -> None:
        """Someone else changed (or deleted) the post first: compare and ask."""
        existing = self._existing
        assert existing is not None
        resolution, current = await resolve_save_conflict(
            self,
            entity="post",
            labels=POST_LABELS,
            base=self._base or self._typed(),
            mine=self._typed(),
            fetch=lambda: self._posts.get_post(existing.id),
        )
        values = resolution.values or {}
        match resolution.choice:
            case ConflictChoice.KEEP_MINE if current is not None:
                self._expected = current.updated_at
                self.fill(values)
                await self.save_now()
            case ConflictChoice.EDIT_AGAIN if current is not None:
                self._expected, self._base = current.updated_at, post_fields(current)
                self.fill(values, resolution.yours_was)
            case ConflictChoice.RECREATE:
                self._recreating = True
                self.fill(values)
                await self.save_now()
            case ConflictChoice.TAKE_THEIRS | ConflictChoice.DISCARD:
                kept = (
                    self.tr(
                        "Kept their version of post “{title}” (someone else deleted it); your "
                        "edit was not saved."
                    )
                    if current is None
                    else self.tr(
                        "Kept their version of post “{title}” (someone else changed it); your "
                        "edit was not saved."
                    )
                )
                self.discarded.emit(kept.format(title=existing.title))
                self.reject()
            case _:
                self.errors.show_general(
                    self.tr(
                        "Not saved: someone else changed this post meanwhile. Your input is "
                        "kept; Save again to compare."
                    )
                )
