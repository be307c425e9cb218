"""Table columns: what a column is, and the columns of the users and posts tables.

A ``Column[RowT]`` reads one kind of row (``UserRow`` or ``PostRow``) with typed getters, so a
users column can only be put on a users table and needs no isinstance checks. The columns show
what a person reads, never a password hash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic
from uuid import UUID

from desktop_app.application.read_models import CONTENT_PREVIEW_CHARS, PostRow, RowT, UserRow
from desktop_app.ui.formatting import iso_time, local_time, local_time_full, one_line, short_id
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class Column(Generic[RowT]):
    """One column: how to show a row's value, and whether it sorts or edits in place.

    ``sort`` names the query's sort key; ``edit_field`` a text field edited in place (with
    ``edit_value`` the editor's starting text when it differs from ``display``); ``check_field``
    a boolean field shown and edited as a check box. ``tooltip`` and ``copy`` default to none
    and to the displayed text. ``copy_content``: Copy writes the post's whole content, which
    the row does not hold (it carries a preview), so the copy reads it from the database.
    """

    title: str
    display: Callable[[RowT], str]
    sort: str | None = None
    edit_field: str | None = None
    edit_value: Callable[[RowT], object] | None = None
    check_field: str | None = None
    tooltip: Callable[[RowT], str] | None = None
    copy: Callable[[RowT], str] | None = None
    align_right: bool = False
    width: int = 140
    copy_content: bool = False

    @property
    def label(self) -> str:
        """The title in the UI language (``title`` stays English: Copy's header row uses it)."""
        return translate("Columns", self.title)


def copy_value(column: Column[RowT], row: RowT, content: str | None = None) -> str:
    """A cell as Copy puts it on the clipboard: full ids and timestamps, whole text.
    ``content`` is the row's whole content, read for a ``copy_content`` column."""
    if column.copy_content:
        if content is None:
            raise ValueError(f"the {column.title} column copies the whole content: read it first")
        return content
    if column.copy is not None:
        return column.copy(row)
    if column.check_field:
        return "true" if getattr(row, column.check_field) else "false"
    return column.display(row)


def _timestamp(title: str, sort: str, value: Callable[[RowT], datetime | None]) -> Column[RowT]:
    """A timestamp in local time to the minute; full precision in the tooltip and on copy.
    A missing one (a row never edited) reads "—", with "Never edited" in the tooltip."""
    return Column(
        title,
        lambda r: local_time(value(r)),
        sort=sort,
        tooltip=lambda r: local_time_full(value(r)),
        copy=lambda r: iso_time(value(r)),
        width=140,  # "12/31/2026 10:00 PM" in US English
    )


def _short_id(value: Callable[[RowT], UUID]) -> Column[RowT]:
    """The last 8 hex digits (the random end of a v4 or v7 id; a v7 id starts with its
    timestamp, shared by rows made together); the whole id in the tooltip and on copy."""
    return Column(
        QT_TRANSLATE_NOOP("Columns", "ID"),
        lambda r: short_id(value(r)),
        tooltip=lambda r: translate(
            "Columns", "{id} (shown: its last 8 digits; Ctrl+C copies the full id)"
        ).format(id=value(r)),
        copy=lambda r: str(value(r)),
        width=80,
    )


def _post_preview(row: PostRow) -> str:
    """The content preview, with "…" when the post goes on past it."""
    more = "…" if len(row.content_preview) >= CONTENT_PREVIEW_CHARS else ""
    return row.content_preview + more


USER_COLUMNS: list[Column[UserRow]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Username"),
        lambda r: r.username,
        sort="username",
        edit_field="username",
        width=160,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Email"),
        lambda r: r.email,
        sort="email",
        edit_field="email",
        width=250,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Active"),
        lambda r: "",
        sort="is_active",
        check_field="is_active",
        width=64,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Bio"),
        lambda r: one_line(r.bio),
        edit_field="bio",
        edit_value=lambda r: r.bio or "",
        tooltip=lambda r: r.bio or "",
        copy=lambda r: r.bio or "",
        width=270,
    ),
    _timestamp(QT_TRANSLATE_NOOP("Columns", "Created"), "created_at", lambda r: r.created_at),
    _timestamp(QT_TRANSLATE_NOOP("Columns", "Updated"), "updated_at", lambda r: r.updated_at),
    _short_id(lambda r: r.id),
]

POST_COLUMNS: list[Column[PostRow]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Title"),
        lambda r: r.title,
        sort="title",
        edit_field="title",
        width=280,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Author"),
        lambda r: r.author_username,
        sort="author_username",
        width=140,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Content"),
        lambda r: one_line(r.content_preview),
        tooltip=_post_preview,
        width=360,
        copy_content=True,
    ),
    _timestamp(QT_TRANSLATE_NOOP("Columns", "Created"), "created_at", lambda r: r.created_at),
    _timestamp(QT_TRANSLATE_NOOP("Columns", "Updated"), "updated_at", lambda r: r.updated_at),
    _short_id(lambda r: r.id),
]
