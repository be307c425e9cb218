"""Entities and their DTOs: plain data the application and UI pass around (never ORM rows)."""

from desktop_app.domain.entities.post import CreatePostDTO, Post, UpdatePostDTO
from desktop_app.domain.entities.timestamps import utcnow
from desktop_app.domain.entities.user import CreateUserDTO, UpdateUserDTO, User

__all__ = [
    "CreatePostDTO",
    "CreateUserDTO",
    "Post",
    "UpdatePostDTO",
    "UpdateUserDTO",
    "User",
    "utcnow",
]
