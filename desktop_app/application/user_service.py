"""User use cases: create, update, delete, set password. One unit of work per operation.

Creating goes through the repository's ``create_user(dto)``, which hashes the password with the
hasher injected into it; a new password on an update is hashed with the same port, injected
here. Both the PasswordHasher and the EmailNormaliser are ports (``domain/ports.py``): this
module never imports their implementations.

Every change is a compare-and-set on the row's version (``updated_at``): the version the
caller saw when given (``expected_updated_at``; ``None`` is "never edited"), else the one read
in the same unit of work. A row someone else changed meanwhile raises StaleEditError and
nothing is written.

Each change that commits is recorded in the journal (when one is given) as a ``ChangeSet``:
the rows exactly as they were and as they are after, hashes and timestamps included, read
under a lock in the same transaction as the write, so undo can put back exactly what was there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.bulk_delete import delete_listed
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeSet, RowChange, UndoStep, removals
from desktop_app.domain.entities import CreateUserDTO, UpdateUserDTO, User
from desktop_app.domain.errors import UserNotFoundError
from desktop_app.domain.messages import Message
from desktop_app.domain.ports import EmailNormaliser, PasswordHasher
from desktop_app.domain.unset import UNSET, Maybe, pick
from desktop_app.domain.validation import (
    check_password,
    validate_create_user,
    validate_update_user,
)

# Called as progress(done, total) during long operations; returning False cancels (rolls back).
Progress = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class DeleteOutcome:
    """What a delete removed: the users, and the posts that went with them by cascade."""

    users: int
    posts: int
    # Users left alone because they changed after the caller listed them (their version).
    changed: tuple[UUID, ...] = ()


def _as_typed(address: str) -> str:
    return address


def deletion_text(users: Sequence[User], posts: int) -> Message:
    """ "delete user ann and 4 posts", "delete 3 users and 1 post", "delete user ann"."""
    if len(users) == 1:
        name = users[0].username
        if posts:
            return UndoStep.tr("delete user {name} and %n post(s)", "", posts, name=name)
        return UndoStep.tr("delete user {name}", name=name)
    if posts:
        return UndoStep.tr(
            "delete {users} and %n post(s)",
            "",
            posts,
            users=UndoStep.tr("%n user(s)", "", len(users)),
        )
    return UndoStep.tr("delete %n user(s)", "", len(users))


class UserService:
    """``normalise_email`` and ``hash_password`` are the ports bootstrap injects (the same ones
    it gives the unit of work's repository). Without a normaliser the service checks only that
    an address is present, storable and short enough, and leaves its syntax to the
    repository's; without a hasher it cannot change a password."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        *,
        normalise_email: EmailNormaliser | None = None,
        hash_password: PasswordHasher | None = None,
        journal: ChangeJournal | None = None,
    ) -> None:
        self._uow = uow_factory
        self._journal = journal or ChangeJournal()  # none given: nobody listens
        self._normalise_email: EmailNormaliser = normalise_email or _as_typed
        self._hash_password = hash_password

    async def get_user(self, user_id: UUID) -> User:
        async with self._uow() as uow:
            user = await uow.users.get_by_id(user_id)
        if user is None:
            raise UserNotFoundError(user_id)
        return user

    async def list_users(self, *, skip: int = 0, limit: int = 100) -> list[User]:
        async with self._uow() as uow:
            return await uow.users.get_all(skip=skip, limit=limit)

    async def create_user(self, dto: CreateUserDTO) -> User:
        """Validate every field (all failing ones reported at once, before any I/O), then let
        the repository hash the password (in a worker thread, before its first statement) and
        insert the user, in one unit of work."""
        dto = validate_create_user(dto, self._normalise_email)
        async with self._uow() as uow:
            user = await uow.users.create_user(dto)
            await uow.commit()
        self._journal.record(
            ChangeSet(
                UndoStep.tr("create user {name}", name=user.username),
                users=(RowChange(None, user),),
            )
        )
        return user

    async def update_user(
        self,
        user_id: UUID,
        dto: UpdateUserDTO,
        *,
        expected_updated_at: Maybe[datetime | None] = UNSET,
    ) -> User:
        """Apply the fields that are set, a new password included, in one transaction (the
        hash is computed first, outside it). With ``expected_updated_at`` (the version the form
        showed), a row changed since by someone else raises StaleEditError instead of being
        silently overwritten."""
        dto = validate_update_user(dto, self._normalise_email)
        hashed: str | None = None
        if isinstance(dto.password, str):
            check_password(dto.password)
            if self._hash_password is None:
                raise RuntimeError("UserService was given no password hasher")
            hashed = await self._hash_password(dto.password)
        async with self._uow() as uow:
            await uow.users.lock([user_id])  # what is read next is what the write replaces
            before = await uow.users.get_by_id(user_id)
            if before is None:
                raise UserNotFoundError(user_id)
            user = await uow.users.update(
                replace(
                    before,
                    email=pick(dto.email, before.email),
                    username=pick(dto.username, before.username),
                    bio=pick(dto.bio, before.bio),
                    is_active=pick(dto.is_active, before.is_active),
                    hashed_password=hashed if hashed is not None else before.hashed_password,
                    updated_at=pick(expected_updated_at, before.updated_at),
                )
            )
            await uow.commit()
        only_password = replace(dto, password=UNSET) == UpdateUserDTO()
        text = (
            UndoStep.tr("change password of {name}", name=before.username)
            if only_password and hashed is not None
            else UndoStep.tr("edit user {name}", name=before.username)
        )
        self._journal.record(ChangeSet(text, users=(RowChange(before, user),)))
        return user

    async def set_password(
        self, user_id: UUID, password: str, *, expected_updated_at: Maybe[datetime | None] = UNSET
    ) -> User:
        """Hash (in a worker thread, before the transaction) and store a new password."""
        return await self.update_user(
            user_id, UpdateUserDTO(password=password), expected_updated_at=expected_updated_at
        )

    async def count_posts_of(self, user_ids: Sequence[UUID]) -> int:
        """How many posts deleting these users would also delete (for the confirmation)."""
        async with self._uow() as uow:
            return await uow.posts.count_by_authors(list(user_ids))

    async def delete_user(self, user_id: UUID) -> DeleteOutcome:
        outcome = await self.delete_users([user_id])
        if outcome.users == 0:
            raise UserNotFoundError(user_id)
        return outcome

    async def delete_users(
        self,
        user_ids: Sequence[UUID],
        *,
        versions: Mapping[UUID, datetime | None] | None = None,
        progress: Progress | None = None,
    ) -> DeleteOutcome:
        """Delete these users and, by cascade, their posts, all in one transaction.

        Users already gone are skipped; the outcome counts what was really removed. A user
        whose version is in ``versions`` (as the caller listed it) is deleted only if it is
        still that version; one changed since is left alone and named in the outcome. When
        ``progress`` returns False the transaction rolls back and OperationCancelledError says
        that nothing changed.
        """
        versions = versions or {}
        async with self._uow() as uow:
            # Locked, then read: the snapshot is exactly what the deletes (and their cascade
            # to posts) remove, for the journal.
            present = await uow.users.lock(list(user_ids))
            snapshot = {user.id: user for user in await uow.users.get_many(list(present))}
            their_posts = await uow.posts.get_by_authors_all(list(present), lock=True)
            read = {user_id: user.updated_at for user_id, user in snapshot.items()}
            removed, changed = await delete_listed(uow.users, user_ids, read, versions, progress)
            deleted = [snapshot[user_id] for user_id in removed]
            gone = {user.id for user in deleted}
            posts = [post for post in their_posts if post.author_id in gone]
            await uow.commit()
        if progress is not None:
            progress(len(user_ids), len(user_ids))
        if deleted:
            self._journal.record(
                ChangeSet(
                    deletion_text(deleted, len(posts)),
                    users=await removals(deleted),
                    posts=await removals(posts),
                )
            )
        return DeleteOutcome(users=len(deleted), posts=len(posts), changed=tuple(changed))
