"""The columns of the users and posts tables: what a person reads, never a password hash."""

from __future__ import annotations

from desktop_app.application.queries import CONTENT_PREVIEW_CHARS, PostRow, UserRow
from desktop_app.ui.formatting import local_time, local_time_full, one_line, short_id
from desktop_app.ui.table_model import Column


def _user(row: object) -> UserRow:
    assert isinstance(row, UserRow)
    return row


def _post(row: object) -> PostRow:
    assert isinstance(row, PostRow)
    return row


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
    Column(
        "Created",
        lambda r: local_time(_user(r).created_at),
        sort="created_at",
        tooltip=lambda r: local_time_full(_user(r).created_at),
        copy=lambda r: _user(r).created_at.isoformat(),
        width=130,
    ),
    Column(
        "Updated",
        lambda r: local_time(_user(r).updated_at),
        sort="updated_at",
        tooltip=lambda r: local_time_full(_user(r).updated_at),
        copy=lambda r: _user(r).updated_at.isoformat(),
        width=130,
    ),
    Column(
        "ID",
        lambda r: short_id(_user(r).id),
        tooltip=lambda r: f"{_user(r).id} (Ctrl+C copies the full id)",
        copy=lambda r: str(_user(r).id),
        width=80,
    ),
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
    Column(
        "Created",
        lambda r: local_time(_post(r).created_at),
        sort="created_at",
        tooltip=lambda r: local_time_full(_post(r).created_at),
        copy=lambda r: _post(r).created_at.isoformat(),
        width=130,
    ),
    Column(
        "Updated",
        lambda r: local_time(_post(r).updated_at),
        sort="updated_at",
        tooltip=lambda r: local_time_full(_post(r).updated_at),
        copy=lambda r: _post(r).updated_at.isoformat(),
        width=130,
    ),
    Column(
        "ID",
        lambda r: short_id(_post(r).id),
        tooltip=lambda r: f"{_post(r).id} (Ctrl+C copies the full id)",
        copy=lambda r: str(_post(r).id),
        width=80,
    ),
]
