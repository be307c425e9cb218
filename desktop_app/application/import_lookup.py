"""Looking up, in bulk, the existing users an import's lines name (issue #12).

``UserLookup`` is a port: the SQL for a bulk lookup stays in the infrastructure
(``bulk_import.users_matching``); ``lookup_one_by_one`` asks the repository one value at a time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Protocol
from uuid import UUID

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork
from desktop_app.domain.entities import User


class UserLookup(Protocol):
    """The existing users whose e-mail or username is one of these (case-insensitively), in
    few queries: a port, so the SQL for a bulk lookup stays in the infrastructure."""

    async def __call__(
        self, uow: AbstractUnitOfWork, emails: Sequence[str], usernames: Sequence[str], /
    ) -> list[User]: ...


async def lookup_one_by_one(
    uow: AbstractUnitOfWork, emails: Sequence[str], usernames: Sequence[str], /
) -> list[User]:
    """UserLookup through the repository, one query a value (fine for small files)."""
    found = [await uow.users.get_by_email(email) for email in emails]
    found += [await uow.users.get_by_username(name) for name in usernames]
    return [user for user in found if user is not None]


async def authors_named(
    uow: AbstractUnitOfWork, references: set[str], lookup: UserLookup
) -> dict[str, User]:
    """The users posts name, by id, e-mail or username (reference -> user; unknown left out),
    in bulk."""
    ids: dict[str, UUID] = {}
    for reference in references:
        with contextlib.suppress(ValueError):
            ids[reference] = UUID(reference)
    by_id = {u.id: u for u in await uow.users.get_many(list(ids.values()))}
    emails = [r for r in references if r not in ids and "@" in r]
    names = [r for r in references if r not in ids and "@" not in r]
    known = await lookup(uow, emails, names)
    by_email = {u.email.casefold(): u for u in known}
    by_name = {u.username.casefold(): u for u in known}
    found: dict[str, User] = {}
    for reference in references:
        if reference in ids:
            user = by_id.get(ids[reference])
        else:
            user = (by_email if "@" in reference else by_name).get(reference.casefold())
        if user is not None:
            found[reference] = user
    return found
