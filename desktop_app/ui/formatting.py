"""How values read in a table cell: local time, short ids, one-line text."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from desktop_app.application.queries import PostRow, UserRow
from desktop_app.domain.entities import Post, User


def local_time(value: datetime) -> str:
    """A UTC timestamp in the computer's local time, to the minute."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def local_time_full(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z (UTC%z)")


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
