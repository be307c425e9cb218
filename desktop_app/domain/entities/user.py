"""A user of the site, and what a form or import hands to a service to create or change one.

``updated_at`` is the row's version: ``None`` until the row is first edited, exactly as the web
backend leaves it (its models have no default, only ``onupdate``). Every write compares it.
Update DTOs use ``UNSET`` for "leave as is", because ``None`` is a real value for ``bio``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4

from desktop_app.domain.entities.timestamps import utcnow
from desktop_app.domain.unset import UNSET, Maybe


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


@dataclass(frozen=True, slots=True)
class CreateUserDTO:
    email: str
    username: str
    password: str = field(repr=False)
    bio: str | None = None
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class UpdateUserDTO:
    email: Maybe[str] = UNSET
    username: Maybe[str] = UNSET
    bio: Maybe[str | None] = UNSET
    is_active: Maybe[bool] = UNSET
    # A new password, hashed before the transaction and written in the same one as the rest.
    password: Maybe[str] = field(default=UNSET, repr=False)
