"""The columns of the users and posts tables: what a person reads, never a password hash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from desktop_app.application.read_models import CONTENT_PREVIEW_CHARS, PostRow, UserRow
from desktop_app.ui.formatting import iso_time, local_time, local_time_full, one_line, short_id
from desktop_app.ui.table_model import Column


def _user(row: object) -> UserRow:
    assert isinstance(row, UserRow)
    return row


def _post(row: object) -> PostRow:
    assert isinstance(row, PostRow)
    return row


def _timestamp(title: str, sort: str, value: Callable[[object], datetime | None]) -> Column:
    """A timestamp in local time to the minute; full precision in the tooltip and on copy.
    A missing one (a row never edited) reads "—", with "Never edited" in the tooltip."""
    return Column(
        title,
        lambda r: local_time(value(r)),
        sort=sort,
        tooltip=lambda r: local_time_full(value(r)),
        copy=lambda r: iso_time(value(r)),
        width=130,
    )


def _short_id(value: Callable[[object], UUID]) -> Column:
    """The last 8 hex digits (the random end of a v4 or v7 id; a v7 id starts with its
    timestamp, shared by rows made together); the whole id in the tooltip and on copy."""
    return Column(
        "ID",
        lambda r: short_id(value(r)),
        tooltip=lambda r: f"{value(r)} (shown: its last 8 digits; Ctrl+C copies the full id)",
        copy=lambda r: str(value(r)),
        width=80,
    )


USER_COLUMNS = [
    Column(
        "Username", lambda r: _user(r).username, sort="username", edit_field="username", width=160
    ),
    Column("Email", lambda r: _user(r).email, sort="email", edit_field="email", width=250),
    Column("Active", lambda r: "", sort="is_active", check_field="is_active", width=64),
    Column(
        "Bio",
        lambda r: one_line(_user(r).bio),
        edit_field="bio",
        edit_value=lambda r: _user(r).bio or "",
        tooltip=lambda r: _user(r).bio or "",
        copy=lambda r: _user(r).bio or "",
        width=270,
    ),
    _timestamp("Created", "created_at", lambda r: _user(r).created_at),
    _timestamp("Updated", "updated_at", lambda r: _user(r).updated_at),
    _short_id(lambda r: _user(r).id),
]

POST_COLUMNS = [
    Column("Title", lambda r: _post(r).title, sort="title", edit_field="title", width=280),
    Column("Author", lambda r: _post(r).author_username, sort="author_username", width=140),
    Column(
        "Content",
        lambda r: one_line(_post(r).content_preview),
        tooltip=lambda r: (
            _post(r).content_preview
            + ("…" if len(_post(r).content_preview) >= CONTENT_PREVIEW_CHARS else "")
        ),
        width=360,
    ),
    _timestamp("Created", "created_at", lambda r: _post(r).created_at),
    _timestamp("Updated", "updated_at", lambda r: _post(r).updated_at),
    _short_id(lambda r: _post(r).id),
]
