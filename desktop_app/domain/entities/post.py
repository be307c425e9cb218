"""A post on the site, and what a form or import hands to a service to create or change one.

``updated_at`` is the version (``None`` until first edited); ``author_username`` is filled by
reads that join the author, for display only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4

from desktop_app.domain.entities.timestamps import utcnow
from desktop_app.domain.unset import UNSET, Maybe


@dataclass(slots=True)
class Post:
    title: str
    content: str
    author_id: UUID
    author_username: str | None = None
    id: UUID = field(default_factory=uuid4)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CreatePostDTO:
    title: str
    content: str
    author_id: UUID


@dataclass(frozen=True, slots=True)
class UpdatePostDTO:
    title: Maybe[str] = UNSET
    content: Maybe[str] = UNSET
    author_id: Maybe[UUID] = UNSET
