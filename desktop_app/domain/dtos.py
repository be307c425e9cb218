"""Data transfer objects: what a form or import hands to a service.

Update DTOs use ``UNSET`` for "leave as is", because ``None`` is a real value for ``bio``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final, TypeAlias, TypeVar
from uuid import UUID


class _Unset(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset.UNSET
T = TypeVar("T")
Maybe: TypeAlias = T | _Unset


def pick(value: Maybe[T], current: T) -> T:
    """``value`` if it was set, else ``current``: applies an update DTO's field."""
    return current if isinstance(value, _Unset) else value


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
