"""Entities: plain data the application and UI pass around (never ORM instances).

``updated_at`` is the row's version: ``None`` until the row is first edited, exactly as the web
backend leaves it (its models have no default, only ``onupdate``). Every write compares it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID, uuid4


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class User:
    email: str
    username: str
    hashed_password: str = field(repr=False)
    is_active: bool = True
    bio: str | None = None
    id: UUID = field(default_factory=uuid4)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime | None = None


@dataclass(slots=True)
class Post:
    title: str
    content: str
    author_id: UUID
    author_username: str | None = None
    id: UUID = field(default_factory=uuid4)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime | None = None
