"""In-memory fakes of the repositories and unit of work (fakes, not mocks: tests assert outcomes).

They keep the real contracts: case-insensitive uniqueness, newest-first order, cascade on delete,
compare-and-set on ``updated_at`` for every update and delete, and nothing is visible to the
next unit of work until commit.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, Post, User, utcnow
from desktop_app.domain.errors import (
    DuplicateEmailError,
    DuplicateUsernameError,
    PostNotFoundError,
    StaleEditError,
    UserNotFoundError,
)
from desktop_app.domain.ports import PasswordHasher
from desktop_app.domain.repositories import PostRepository, UserRepository
from desktop_app.domain.unset import UNSET, Maybe


class FakeStore:
    """What a database would hold: committed users and posts."""

    def __init__(self) -> None:
        self.users: dict[UUID, User] = {}
        self.posts: dict[UUID, Post] = {}


def _next_version(seen: datetime | None) -> datetime:
    """As the real repositories: now, or a millisecond after ``seen``."""
    return utcnow() if seen is None else max(utcnow(), seen + timedelta(milliseconds=1))


def _newest_first(items: list[User] | list[Post]) -> list:  # type: ignore[type-arg]
    return sorted(items, key=lambda item: (item.created_at, item.id), reverse=True)


async def fake_hash(password: str) -> str:
    """A PasswordHasher for tests: instant, and the stored hash shows the password."""
    return "fake$" + password


class FakeUserRepository(UserRepository):
    def __init__(self, state: FakeStore, hash_password: PasswordHasher = fake_hash) -> None:
        self._state = state
        self._hash_password = hash_password

    async def get_by_id(self, user_id: UUID) -> User | None:
        user = self._state.users.get(user_id)
        return replace(user) if user else None

    async def get_by_email(self, email: str) -> User | None:
        return next(
            (replace(u) for u in self._state.users.values() if u.email.lower() == email.lower()),
            None,
        )

    async def get_by_username(self, username: str) -> User | None:
        return next(
            (
                replace(u)
                for u in self._state.users.values()
                if u.username.lower() == username.lower()
            ),
            None,
        )

    async def get_all(self, *, skip: int = 0, limit: int = 100) -> list[User]:
        return _newest_first(list(self._state.users.values()))[skip : skip + limit]

    async def count(self) -> int:
        return len(self._state.users)

    async def _check_unique(self, user: User) -> None:
        other = await self.get_by_email(user.email)
        if other and other.id != user.id:
            raise DuplicateEmailError(user.email)
        other = await self.get_by_username(user.username)
        if other and other.id != user.id:
            raise DuplicateUsernameError(user.username)

    async def create(self, user: User) -> User:
        await self._check_unique(user)
        self._state.users[user.id] = replace(user)
        return replace(user)

    async def create_user(self, dto: CreateUserDTO) -> User:
        return await self.create(
            User(
                email=dto.email,
                username=dto.username,
                hashed_password=await self._hash_password(dto.password),
                is_active=dto.is_active,
                bio=dto.bio,
            )
        )

    async def update(self, user: User) -> User:
        current = self._state.users.get(user.id)
        if current is None:
            raise UserNotFoundError(user.id)
        if current.updated_at != user.updated_at:
            raise StaleEditError("User", user.id)
        await self._check_unique(user)
        updated = replace(user, updated_at=_next_version(user.updated_at))
        self._state.users[user.id] = updated
        return replace(updated)

    async def delete(
        self, user_id: UUID, *, expected_updated_at: Maybe[datetime | None] = UNSET
    ) -> bool:
        current = self._state.users.get(user_id)
        if current is None:
            return False
        if expected_updated_at is not UNSET and current.updated_at != expected_updated_at:
            raise StaleEditError("User", user_id)
        del self._state.users[user_id]
        for post_id in [p.id for p in self._state.posts.values() if p.author_id == user_id]:
            del self._state.posts[post_id]
        return True

    async def get_many(self, ids: Sequence[UUID]) -> list[User]:
        return [replace(self._state.users[i]) for i in dict.fromkeys(ids) if i in self._state.users]

    async def lock(self, ids: Sequence[UUID]) -> set[UUID]:
        return {i for i in ids if i in self._state.users}

    async def stale(self, expected: Mapping[UUID, datetime | None]) -> set[UUID]:
        users = self._state.users
        return {i for i, v in expected.items() if i in users and users[i].updated_at != v}

    async def restore(self, rows: Sequence[User]) -> int:
        added = 0
        for row in rows:
            if row.id in self._state.users:
                continue
            await self._check_unique(row)
            self._state.users[row.id] = replace(row)
            added += 1
        return added

    async def rewrite(self, row: User, *, expected_updated_at: datetime | None) -> bool:
        current = self._state.users.get(row.id)
        if current is None or current.updated_at != expected_updated_at:
            return False
        await self._check_unique(row)
        self._state.users[row.id] = replace(row)
        return True

    async def delete_versions(self, expected: Mapping[UUID, datetime | None]) -> int:
        gone = [i for i in await self.lock(list(expected)) if i not in await self.stale(expected)]
        for user_id in gone:
            await self.delete(user_id)
        return len(gone)


class FakePostRepository(PostRepository):
    def __init__(self, state: FakeStore) -> None:
        self._state = state

    def _with_author(self, post: Post) -> Post:
        author = self._state.users.get(post.author_id)
        return replace(post, author_username=author.username if author else None)

    async def get_by_id(self, post_id: UUID) -> Post | None:
        post = self._state.posts.get(post_id)
        return self._with_author(post) if post else None

    async def get_all(self, *, skip: int = 0, limit: int = 100) -> list[Post]:
        posts = _newest_first(list(self._state.posts.values()))[skip : skip + limit]
        return [self._with_author(p) for p in posts]

    async def get_by_author(
        self, author_id: UUID, *, skip: int = 0, limit: int = 100
    ) -> list[Post]:
        mine = [p for p in self._state.posts.values() if p.author_id == author_id]
        return [self._with_author(p) for p in _newest_first(mine)[skip : skip + limit]]

    async def count(self) -> int:
        return len(self._state.posts)

    async def count_by_authors(self, author_ids: list[UUID]) -> int:
        wanted = set(author_ids)
        return sum(1 for p in self._state.posts.values() if p.author_id in wanted)

    async def create(self, post: Post) -> Post:
        if post.author_id not in self._state.users:
            raise UserNotFoundError(post.author_id)
        self._state.posts[post.id] = replace(post)
        return self._with_author(post)

    async def create_post(self, dto: CreatePostDTO) -> Post:
        return await self.create(
            Post(title=dto.title, content=dto.content, author_id=dto.author_id)
        )

    async def update(self, post: Post) -> Post:
        current = self._state.posts.get(post.id)
        if current is None:
            raise PostNotFoundError(post.id)
        if post.author_id not in self._state.users:
            raise UserNotFoundError(post.author_id)
        if current.updated_at != post.updated_at:
            raise StaleEditError("Post", post.id)
        updated = replace(post, updated_at=_next_version(post.updated_at))
        self._state.posts[post.id] = updated
        return self._with_author(updated)

    async def delete(
        self, post_id: UUID, *, expected_updated_at: Maybe[datetime | None] = UNSET
    ) -> bool:
        current = self._state.posts.get(post_id)
        if current is None:
            return False
        if expected_updated_at is not UNSET and current.updated_at != expected_updated_at:
            raise StaleEditError("Post", post_id)
        del self._state.posts[post_id]
        return True

    async def get_many(self, ids: Sequence[UUID]) -> list[Post]:
        posts = self._state.posts
        return [self._with_author(posts[i]) for i in dict.fromkeys(ids) if i in posts]

    async def get_by_authors_all(
        self, author_ids: Sequence[UUID], *, lock: bool = False
    ) -> list[Post]:
        wanted = set(author_ids)
        mine = [p for p in self._state.posts.values() if p.author_id in wanted]
        return [self._with_author(p) for p in sorted(mine, key=lambda p: p.id)]

    async def lock(self, ids: Sequence[UUID]) -> set[UUID]:
        return {i for i in ids if i in self._state.posts}

    async def stale(self, expected: Mapping[UUID, datetime | None]) -> set[UUID]:
        posts = self._state.posts
        return {i for i, v in expected.items() if i in posts and posts[i].updated_at != v}

    async def restore(self, rows: Sequence[Post]) -> int:
        added = 0
        for row in rows:
            if row.id in self._state.posts:
                continue
            if row.author_id not in self._state.users:
                raise UserNotFoundError(row.author_id)
            self._state.posts[row.id] = replace(row, author_username=None)
            added += 1
        return added

    async def rewrite(self, row: Post, *, expected_updated_at: datetime | None) -> bool:
        current = self._state.posts.get(row.id)
        if current is None or current.updated_at != expected_updated_at:
            return False
        if row.author_id not in self._state.users:
            raise UserNotFoundError(row.author_id)
        self._state.posts[row.id] = replace(row, author_username=None)
        return True

    async def delete_versions(self, expected: Mapping[UUID, datetime | None]) -> int:
        gone = [i for i in await self.lock(list(expected)) if i not in await self.stale(expected)]
        for post_id in gone:
            del self._state.posts[post_id]
        return len(gone)


class FakeUnitOfWork(AbstractUnitOfWork):
    """Works on a copy of the store; commit() publishes the copy, anything else discards it."""

    def __init__(self, store: FakeStore, *, hash_password: PasswordHasher = fake_hash) -> None:
        self.store = store
        self._hash_password = hash_password
        self.committed = False
        self._working: FakeStore | None = None

    async def __aenter__(self) -> FakeUnitOfWork:
        self._working = copy.deepcopy(self.store)
        self.users = FakeUserRepository(self._working, self._hash_password)
        self.posts = FakePostRepository(self._working)
        self.committed = False
        return self

    async def commit(self) -> None:
        assert self._working is not None
        self.store.users = copy.deepcopy(self._working.users)
        self.store.posts = copy.deepcopy(self._working.posts)
        self.committed = True

    async def rollback(self) -> None:
        if self._working is not None:
            self._working = copy.deepcopy(self.store)
            self.users = FakeUserRepository(self._working, self._hash_password)
            self.posts = FakePostRepository(self._working)
