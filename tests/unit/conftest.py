from __future__ import annotations

import pytest

from desktop_app.application.post_service import PostService
from desktop_app.application.user_service import UserService
from desktop_app.core.emails import normalise_email
from tests.fakes import FakeStore, FakeUnitOfWork, fake_hash


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def users(store: FakeStore) -> UserService:
    return UserService(
        lambda: FakeUnitOfWork(store, hash_password=fake_hash),
        normalise_email=normalise_email,
        hash_password=fake_hash,
    )


@pytest.fixture
def posts(store: FakeStore) -> PostService:
    return PostService(lambda: FakeUnitOfWork(store))
