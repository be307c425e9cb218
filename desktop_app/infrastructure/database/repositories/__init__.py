"""SQLAlchemy implementations of the domain's repositories."""

from desktop_app.infrastructure.database.repositories.post_repository import (
    SQLAlchemyPostRepository,
)
from desktop_app.infrastructure.database.repositories.user_repository import (
    SQLAlchemyUserRepository,
)

__all__ = ["SQLAlchemyPostRepository", "SQLAlchemyUserRepository"]
