from __future__ import annotations

import pytest

from desktop_app.application.post_service import PostService
from desktop_app.application.user_service import UserService
from tests.fakes import FakeStore, FakeUnitOfWork


async def fake_hash(password: str) -> str:
    return "fake$" + password


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def users(store: FakeStore) -> UserService:
    return UserService(lambda: FakeUnitOfWork(store), hash_password=fake_hash)


@pytest.fixture
def posts(store: FakeStore) -> PostService:
    return PostService(lambda: FakeUnitOfWork(store))
