"""Import (#12) against SQLite and PostgreSQL: all or nothing in one transaction, every bad
line reported with nothing written, duplicates skipped, updated or refused, and one undo
step that gives the database back exactly."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import AbstractUnitOfWork, UnitOfWorkFactory
from desktop_app.application.change_applier import ChangeApplier
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeSet
from desktop_app.application.import_service import ImportFailedError, ImportService
from desktop_app.application.user_service import UserService
from desktop_app.core.emails import normalise_email
from desktop_app.domain.entities import CreateUserDTO, User
from desktop_app.domain.errors import DatabaseUnavailableError, OperationCancelledError
from desktop_app.infrastructure.database.bulk_import import users_matching
from desktop_app.infrastructure.database.repositories import SQLAlchemyUserRepository
from tests.integration.undo_support import dump, fake_hash

pytestmark = pytest.mark.asyncio

PBKDF2 = "$pbkdf2-sha256$29000$N2bsXYsRIgRgDKE0Zsz5Hw$Q5cBeDBHdGJyJ0TM2fP5C6pYnPuZGGvBb4R4bO8RYVc"


class Counting:
    """A unit-of-work factory that counts the transactions that commit."""

    def __init__(self, factory: UnitOfWorkFactory) -> None:
        self.factory, self.commits = factory, 0

    def __call__(self) -> AbstractUnitOfWork:
        uow = self.factory()
        commit = uow.commit

        async def counted() -> None:
            await commit()
            self.commits += 1

        uow.commit = counted  # type: ignore[method-assign]
        return uow


def importer(uow_factory: UnitOfWorkFactory, journal: ChangeJournal | None = None) -> ImportService:
    return ImportService(
        uow_factory,
        normalise_email=normalise_email,
        hash_password=fake_hash,
        journal=journal,
        lookup=users_matching,
    )


def users_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def people(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"email": f"u{n}@example.com", "username": f"user{n}", "hashed_password": PBKDF2}
        for n in range(start, start + count)
    ]


async def counts(uow_factory: UnitOfWorkFactory) -> tuple[int, int]:
    async with uow_factory() as uow:
        return await uow.users.count(), await uow.posts.count()


async def test_an_import_writes_every_row_in_one_transaction_and_one_change(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    counting = Counting(uow_factory)
    journal = ChangeJournal()
    recorded: list[ChangeSet] = []
    journal.subscribe(recorded.append)
    rows = people(2_345)
    rows[0] = {**rows[0], "hashed_password": "", "password": "secret123"}
    path = users_csv(
        tmp_path / "users.csv", [{**r, "password": r.get("password", "")} for r in rows]
    )
    checked, change = await importer(counting, journal).run("users", path)
    assert (checked.errors, await counts(uow_factory), counting.commits) == ([], (2_345, 0), 1)
    assert [c.text for c in recorded] == ["Import 2,345 users"] and recorded[0] is change
    async with uow_factory() as uow:
        first = await uow.users.get_by_username("user0")
    assert first is not None and first.hashed_password == "hashed:secret123"


async def test_one_bad_line_writes_nothing_and_is_reported(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    rows = people(50)
    rows[30] = {**rows[30], "email": "not an address"}
    with pytest.raises(ImportFailedError) as failed:
        await importer(uow_factory).run("users", users_csv(tmp_path / "u.csv", rows))
    assert [(e.line, e.field) for e in failed.value.errors] == [(32, "email")]
    assert await counts(uow_factory) == (0, 0)


async def test_duplicates_are_skipped_updated_or_refused(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    service = importer(uow_factory)
    await service.run("users", users_csv(tmp_path / "a.csv", people(3)))
    again = [{**row, "bio": "new"} for row in people(4)]
    path = users_csv(tmp_path / "b.csv", again)
    with pytest.raises(ImportFailedError) as stopped:
        await service.run("users", path, on_duplicate="stop")
    assert [(e.line, e.field) for e in stopped.value.errors] == [
        (2, "email"),
        (3, "email"),
        (4, "email"),
    ]
    checked, change = await service.run("users", path, on_duplicate="skip")
    assert (checked.plan.skipped, change.text, await counts(uow_factory)) == (
        [2, 3, 4],
        "Import 1 user",
        (4, 0),
    )
    checked, change = await service.run("users", path, on_duplicate="update")
    assert (len(checked.plan.updates), change.text) == (4, "Import 4 users")
    async with uow_factory() as uow:
        assert {u.bio for u in await uow.users.get_all()} == {"new"}


async def test_import_then_undo_gives_the_database_back_exactly(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine, tmp_path: Path
) -> None:
    users = UserService(uow_factory, hash_password=fake_hash)
    ann = await users.create_user(CreateUserDTO("ann@example.com", "ann", "secret123", bio="x"))
    start = await dump(engine)
    rows = [{"email": "ann@example.com", "username": "ann", "hashed_password": PBKDF2, "bio": "y"}]
    rows += people(1_500)
    _, change = await importer(uow_factory).run(
        "users", users_csv(tmp_path / "u.csv", rows), on_duplicate="update"
    )
    assert len(change.users) == 1_501
    posts = tmp_path / "p.jsonl"
    posts.write_text(
        "\n".join(json.dumps({"title": f"t{n}", "content": "c", "author": "ann"}) for n in range(3))
    )
    _, post_change = await importer(uow_factory).run("posts", posts)
    applier = ChangeApplier(uow_factory)
    await applier.apply(post_change.inverse())
    await applier.apply(change.inverse())
    assert await dump(engine) == start
    await applier.apply(change)
    async with uow_factory() as uow:
        back = await uow.users.get_by_id(ann.id)
    assert back is not None and back.bio == "y"


async def test_posts_name_their_author_by_id_username_or_email(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    service = importer(uow_factory)
    await service.run("users", users_csv(tmp_path / "u.csv", people(1)))
    async with uow_factory() as uow:
        user = await uow.users.get_by_username("user0")
    assert isinstance(user, User)
    path = tmp_path / "p.json"
    refs = [str(user.id), "USER0", "u0@example.com"]
    path.write_text(json.dumps([{"title": r, "body": "c", "author": r} for r in refs]))
    _, change = await service.run("posts", path)
    assert change.text == "Import 3 posts"
    async with uow_factory() as uow:
        assert {p.author_id for p in await uow.posts.get_all()} == {user.id}
    path.write_text(json.dumps([{"title": "t", "content": "c", "author": "nobody"}]))
    with pytest.raises(ImportFailedError) as failed:
        await service.run("posts", path)
    assert [(e.line, e.field) for e in failed.value.errors] == [(1, "author")]


async def test_a_failure_or_cancel_mid_write_leaves_the_counts_unchanged(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = users_csv(tmp_path / "u.csv", people(2_500))
    add_new = SQLAlchemyUserRepository.add_new
    calls = [0]

    async def third_chunk_fails(self: SQLAlchemyUserRepository, rows: Any) -> None:
        calls[0] += 1
        if calls[0] == 3:
            raise OSError("the disk went away")
        await add_new(self, rows)

    monkeypatch.setattr(SQLAlchemyUserRepository, "add_new", third_chunk_fails)
    with pytest.raises(DatabaseUnavailableError, match="disk went away"):
        await importer(uow_factory).run("users", path)
    assert calls[0] == 3 and await counts(uow_factory) == (0, 0)
    monkeypatch.undo()
    with pytest.raises(OperationCancelledError):
        await importer(uow_factory).run("users", path, progress=lambda done, total: done < 2_000)
    assert await counts(uow_factory) == (0, 0)


async def test_existing_users_are_found_in_bulk_whatever_the_case(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    service = importer(uow_factory)
    first = [
        {"email": "zoë@example.com", "username": "zoe", "hashed_password": PBKDF2},
        {"email": "bob@example.com", "username": "bob", "hashed_password": PBKDF2},
    ]
    await service.run("users", users_csv(tmp_path / "a.csv", first))
    again = [
        {"email": "ZOË@example.com", "username": "other", "hashed_password": PBKDF2},
        {"email": "new@example.com", "username": "BOB", "hashed_password": PBKDF2},
    ]
    with pytest.raises(ImportFailedError) as failed:
        await service.run("users", users_csv(tmp_path / "b.csv", again))
    assert [(e.line, e.field) for e in failed.value.errors] == [(2, "email"), (3, "username")]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json"])
async def test_tricky_text_survives_an_import_in_every_format(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, suffix: str
) -> None:
    await importer(uow_factory).run("users", users_csv(tmp_path / "u.csv", people(1)))
    planes = "".join(chr(plane * 0x10000 + 0x41) for plane in range(17))  # one of each plane
    texts = [
        'quotes "a" and ""b"", commas, ,',
        "new\nlines\r\nand\ttabs\r",
        "emoji 😀👩‍👩‍👧 and RTL שלום עולם مرحبا",
        "every plane " + planes,
        " spaces kept around content ",
    ]
    rows = [{"title": f"t{n}", "content": text, "author": "user0"} for n, text in enumerate(texts)]
    path = tmp_path / f"posts{suffix}"
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    else:
        path.write_text(json.dumps(rows, indent=2), "utf-8")
    await importer(uow_factory).run("posts", path)
    async with uow_factory() as uow:
        stored = {p.title: p.content for p in await uow.posts.get_all()}
    assert stored == {f"t{n}": text for n, text in enumerate(texts)}
