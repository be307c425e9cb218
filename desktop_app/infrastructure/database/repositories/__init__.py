"""SQLAlchemy implementations of the domain's repositories."""

from desktop_app.infrastructure.database.repositories.posts import SQLAlchemyPostRepository
from desktop_app.infrastructure.database.repositories.users import SQLAlchemyUserRepository

__all__ = ["SQLAlchemyPostRepository", "SQLAlchemyUserRepository"]
