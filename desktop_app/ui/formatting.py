"""How values read in a table cell: local time, short ids, one-line text."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from desktop_app.application.queries import PostRow, UserRow
from desktop_app.domain.entities import Post, User

# What a missing timestamp reads as: the web backend leaves ``updated_at`` NULL until a row's
# first edit, so "never edited" is an ordinary state, not an error.
NO_TIME = "—"
NEVER_EDITED = "Never edited"


def local_time(value: datetime | None) -> str:
    """A UTC timestamp in the computer's local time, to the minute; "—" when there is none."""
    if value is None:
        return NO_TIME
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def local_time_full(value: datetime | None) -> str:
    if value is None:
        return NEVER_EDITED
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z (UTC%z)")


def iso_time(value: datetime | None) -> str:
    """The timestamp as ISO 8601 with its offset, for copying; empty when there is none."""
    return "" if value is None else value.isoformat()


def short_id(value: UUID) -> str:
    return value.hex[:8]


def one_line(text: str | None, limit: int = 160) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def user_row(user: User) -> UserRow:
    """The table row of a user a service returned (the hash stays behind)."""
    return UserRow(
        id=user.id,
        email=user.email,
        username=user.username,
        is_active=user.is_active,
        bio=user.bio,
        created_at=user.created_at,
        updated_at=user.updated_at,
    )


def post_row(post: Post, preview_chars: int = 200) -> PostRow:
    return PostRow(
        id=post.id,
        title=post.title,
        content_preview=post.content[:preview_chars],
        author_id=post.author_id,
        author_username=post.author_username or "",
        created_at=post.created_at,
        updated_at=post.updated_at,
    )
