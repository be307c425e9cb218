"""Abstract repositories: collection-like access to users and posts. They never commit."""

from desktop_app.domain.repositories.posts import PostRepository
from desktop_app.domain.repositories.users import UserRepository

__all__ = ["PostRepository", "UserRepository"]
