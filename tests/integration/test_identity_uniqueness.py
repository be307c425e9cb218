"""Emails and usernames are unique under Unicode case folding, also between concurrent writers."""

from __future__ import annotations

import asyncio
import contextlib
from functools import partial
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import User
from desktop_app.domain.errors import DuplicateEmailError, DuplicateUsernameError
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.repositories import user_repository
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork

pytestmark = pytest.mark.asyncio


async def add(uow_factory: UnitOfWorkFactory, email: str, username: str) -> User:
    async with uow_factory() as uow:
        user = await uow.users.create(User(email=email, username=username, hashed_password="x"))
        await uow.commit()
    return user


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ängel@x.org", "ängel@x.org"),  # SQL's lower() folds ASCII only
        ("STRASSE@x.org", "straße@x.org"),  # folding changes the length
        ("ΣΟΦΙΑ@x.org", "σοφια@x.org"),
        ("Bob@X.org", "bob@x.ORG"),
    ],
)
async def test_emails_equal_under_case_folding_are_duplicates(
    uow_factory: UnitOfWorkFactory, first: str, second: str
) -> None:
    await add(uow_factory, first, "first")
    with pytest.raises(DuplicateEmailError):
        await add(uow_factory, second, "second")
    async with uow_factory() as uow:
        found = await uow.users.get_by_email(second)
        assert found is not None and found.email == first
        assert await uow.users.count() == 1


async def test_usernames_equal_under_case_folding_are_duplicates(
    uow_factory: UnitOfWorkFactory,
) -> None:
    await add(uow_factory, "a@x.org", "Grace_Hopper")
    with pytest.raises(DuplicateUsernameError):
        await add(uow_factory, "b@x.org", "grace_hopper")


async def test_a_user_may_change_the_case_of_their_own_email(
    uow_factory: UnitOfWorkFactory,
) -> None:
    user = await add(uow_factory, "ängel@x.org", "angel")
    async with uow_factory() as uow:
        current = await uow.users.get_by_id(user.id)
        assert current is not None
        current.email = "Ängel@x.org"
        await uow.users.update(current)
        await uow.commit()


async def test_concurrent_inserts_of_one_address_in_two_cases_cannot_both_land(
    engine: AsyncEngine,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two writers on two connections both pass the duplicate check before either writes:
    the writers' lock makes the second wait for the first and then see its row."""
    checked = asyncio.Event()
    waiting = 0
    original = user_repository.SQLAlchemyUserRepository._check_unique

    async def check_then_dawdle(self: Any, user: User) -> None:
        nonlocal waiting
        await original(self, user)
        waiting += 1
        if waiting == 2:
            checked.set()
        # the race window: give the other writer every chance to check too
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(checked.wait(), timeout=1.0)

    monkeypatch.setattr(
        user_repository.SQLAlchemyUserRepository, "_check_unique", check_then_dawdle
    )
    other = make_engine(database_url, pool_size=1, max_overflow=0)
    try:
        factories = [
            partial(SQLAlchemyUnitOfWork, make_session_factory(engine)),
            partial(SQLAlchemyUnitOfWork, make_session_factory(other)),
        ]
        results = await asyncio.gather(
            add(factories[0], "Bob@x.org", "bob1"),
            add(factories[1], "bob@x.org", "bob2"),
            return_exceptions=True,
        )
    finally:
        await other.dispose()
    assert sum(isinstance(r, User) for r in results) == 1, results
    assert sum(isinstance(r, DuplicateEmailError) for r in results) == 1, results
    async with factories[0]() as uow:
        assert await uow.users.count() == 1
