"""Abstract repositories: collection-like access to users and posts. They never commit."""

from desktop_app.domain.repositories.post_repository import PostRepository
from desktop_app.domain.repositories.user_repository import UserRepository

__all__ = ["PostRepository", "UserRepository"]
