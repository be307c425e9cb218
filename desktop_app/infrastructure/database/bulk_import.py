"""The bulk lookup an import needs (#12): the existing users that share an e-mail or username
with the file's rows, a chunk of values per query instead of two queries a row.

ASCII values go through the lower() indexes in one ``IN`` per chunk (what the repository's
single lookups do for them); the others, whose case folding SQL cannot do on both backends,
go through the repository one at a time, as any lookup of them does.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork
from desktop_app.domain.entities import User
from desktop_app.infrastructure.database.models import UserModel
from desktop_app.infrastructure.database.repositories.exact_writes import chunks
from desktop_app.infrastructure.database.repositories.user_repository import to_entity
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork


async def users_matching(
    uow: AbstractUnitOfWork, emails: Sequence[str], usernames: Sequence[str], /
) -> list[User]:
    """The application's UserLookup port over a SQLAlchemy unit of work."""
    if not isinstance(uow, SQLAlchemyUnitOfWork):
        raise TypeError("users_matching needs a SQLAlchemyUnitOfWork")
    found: dict[object, User] = {}
    plain_emails = sorted({e.lower() for e in emails if e.isascii()})
    plain_names = sorted({n.lower() for n in usernames if n.isascii()})
    for column, values in ((UserModel.email, plain_emails), (UserModel.username, plain_names)):
        for part in chunks(values):
            stmt = select(UserModel).where(func.lower(column).in_(part))
            for model in await uow.session.scalars(stmt):
                found[model.id] = to_entity(model)
    for email in {e for e in emails if not e.isascii()}:
        user = await uow.users.get_by_email(email)
        if user is not None:
            found[user.id] = user
    for name in {n for n in usernames if not n.isascii()}:
        user = await uow.users.get_by_username(name)
        if user is not None:
            found[user.id] = user
    return list(found.values())
