"""Shared pieces of the UI tests: a window on a real SQLite file, and seeding through services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop_app.domain.entities import Post, User
from desktop_app.ui.session import DatabaseSession

Run = Callable[..., Any]


async def seed(
    session: DatabaseSession, users: int, posts_per_user: int = 0, *, start: int = 0
) -> list[User]:
    """Users ``user<start>``… (newest last) with posts; written through the unit of work."""
    created: list[User] = []
    base = datetime(2026, 1, 1, tzinfo=UTC)
    uow_factory = session.uow_factory  # type: ignore[attr-defined]
    async with uow_factory() as uow:
        for n in range(start, start + users):
            when = base + timedelta(minutes=n)
            user = await uow.users.create(
                User(
                    email=f"user{n}@example.org",
                    username=f"user{n}",
                    hashed_password="x",
                    bio=f"Bio of user {n}",
                    created_at=when,
                    updated_at=when,
                )
            )
            created.append(user)
            for p in range(posts_per_user):
                at = when + timedelta(seconds=p)
                await uow.posts.create(
                    Post(
                        title=f"Post {p} by user{n}",
                        content=f"Content {p} of user{n}",
                        author_id=user.id,
                        created_at=at,
                        updated_at=at,
                    )
                )
        await uow.commit()
    return created
