"""A big import (#12) streams: the check keeps no rows, the write reads the file again and
writes it batch by batch in one transaction, and the undo step goes to the temporary file
as it is written. Small batches and a small ``keep_rows`` make a file of a few thousand lines
behave as a million-line one would, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import gc
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from desktop_app.application import import_service
from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.change_applier import ChangeApplier
from desktop_app.application.import_service import (
    ImportChangedError,
    ImportFailedError,
    ImportService,
)
from desktop_app.core.emails import normalise_email
from desktop_app.domain.entities import CreateUserDTO, Post, User
from desktop_app.domain.errors import OperationCancelledError
from desktop_app.infrastructure.change_store import KeptRows, TemporaryChangeStore
from desktop_app.infrastructure.database.bulk_import import users_matching
from tests.integration.undo_support import fake_hash

pytestmark = pytest.mark.asyncio

CHUNK = 100  # lines a batch here (1,000 in the app)
ROWS = 2_500  # 25 batches
START = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_service, "CHUNK", CHUNK)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TemporaryChangeStore]:
    kept = TemporaryChangeStore(tmp_path)
    yield kept
    kept.close()


def streaming(uow_factory: UnitOfWorkFactory, store: TemporaryChangeStore) -> ImportService:
    """An importer that keeps no plan rows at all (as for a file over 10,000 rows)."""
    return ImportService(
        uow_factory,
        normalise_email=normalise_email,
        hash_password=fake_hash,
        lookup=users_matching,
        change_store=store,
        keep_rows=0,
    )


async def an_author(uow_factory: UnitOfWorkFactory) -> User:
    async with uow_factory() as uow:
        user = await uow.users.create_user(CreateUserDTO("ann@example.com", "ann", "secret-pw"))
        await uow.commit()
    return user


def posts_csv(path: Path, author: User, rows: int, *, bad: dict[int, str] | None = None) -> Path:
    """``rows`` posts by ``author``; ``bad`` puts a title on some data rows (0-based)."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "content", "author", "created_at"])
        for n in range(rows):
            title = (bad or {}).get(n, f"Post {n}")
            created = (START + timedelta(seconds=n)).isoformat()
            writer.writerow([uuid4(), title, f"Words, {n} of them", author.username, created])
    return path


def posts_json(path: Path, author: User, rows: int) -> Path:
    """The same posts as a JSON array, one object on each line of the file."""
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        for n in range(rows):
            created = (START + timedelta(seconds=n)).isoformat()
            row = {
                "title": f"Post {n}",
                "content": f"Words,\n{n} of them",
                "author": author.username,
            }
            out.write(json.dumps({"id": str(uuid4()), **row, "created_at": created}))
            out.write(",\n" if n < rows - 1 else "\n]\n")
    return path


async def post_count(uow_factory: UnitOfWorkFactory) -> int:
    async with uow_factory() as uow:
        return await uow.posts.count()


def kept_rows(store: TemporaryChangeStore) -> int:
    if store.path is None:
        return 0
    with sqlite3.connect(store.path) as connection:
        return int(connection.execute("SELECT count(*) FROM rows").fetchone()[0])


def posts_alive() -> int:
    return sum(1 for thing in gc.get_objects() if type(thing) is Post)


async def test_the_write_holds_a_few_batches_of_rows_never_the_file(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, store: TemporaryChangeStore
) -> None:
    """Counted between batches: the Post objects alive are those of the batch being
    written and the next one being planned, whatever the file's size; the plan holds
    none, and the undo step is in the temporary file, every row of it."""
    author = await an_author(uow_factory)
    path = posts_csv(tmp_path / "posts.csv", author, ROWS)
    service = streaming(uow_factory, store)
    checked = await service.check("posts", path)
    assert (checked.errors, checked.plan.new_rows, checked.plan.inserts) == ([], ROWS, [])
    alive: list[int] = []

    def progress(done: int, total: int) -> bool:
        alive.append(posts_alive())
        return True

    change = await service.write(checked.plan, progress=progress)
    assert len(alive) == ROWS // CHUNK
    assert max(alive) <= 3 * CHUNK, max(alive)
    assert isinstance(change.posts, KeptRows) and len(change.posts) == ROWS
    assert kept_rows(store) == ROWS and await post_count(uow_factory) == ROWS


async def test_a_bad_line_late_in_a_big_file_is_reported_and_nothing_is_written(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, store: TemporaryChangeStore
) -> None:
    """Every bad line of the whole file, the last batch's too, is in the check's report,
    with a line repeating an id far earlier in the file; nothing is written."""
    author = await an_author(uow_factory)
    path = posts_csv(tmp_path / "posts.csv", author, ROWS, bad={ROWS - 1: "x" * 300})
    with path.open(encoding="utf-8", newline="") as source:
        lines = list(csv.reader(source))
    lines[ROWS - 5][0] = lines[3][0]  # data row ROWS - 6 takes data row 2's id
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(lines)
    with pytest.raises(ImportFailedError) as failed:
        await streaming(uow_factory, store).run("posts", path)
    assert [(e.line, e.field) for e in failed.value.errors] == [
        (ROWS - 4, "id"),
        (ROWS + 1, "title"),
    ]
    assert "first on line 4" in failed.value.errors[0].reason
    assert await post_count(uow_factory) == 0 and kept_rows(store) == 0


async def test_cancel_in_the_middle_of_the_write_leaves_nothing(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, store: TemporaryChangeStore
) -> None:
    """Cancel after half the batches: no post written, and no row of the undo step left in
    the temporary file."""
    author = await an_author(uow_factory)
    path = posts_csv(tmp_path / "posts.csv", author, ROWS)
    service = streaming(uow_factory, store)
    checked = await service.check("posts", path)
    with pytest.raises(OperationCancelledError):
        await service.write(checked.plan, progress=lambda done, total: done < ROWS // 2)
    assert await post_count(uow_factory) == 0
    assert kept_rows(store) == 0


async def test_a_file_changed_after_the_check_writes_nothing(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, store: TemporaryChangeStore
) -> None:
    """The write reads the file again: a title changed in the last batch since the check
    (still a good line) stops the import, nothing written."""
    author = await an_author(uow_factory)
    path = posts_csv(tmp_path / "posts.csv", author, ROWS)
    service = streaming(uow_factory, store)
    checked = await service.check("posts", path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"Post {ROWS - 2},", "Changed,"), encoding="utf-8")
    with pytest.raises(ImportChangedError):
        await service.write(checked.plan)
    assert await post_count(uow_factory) == 0 and kept_rows(store) == 0


async def test_undo_of_a_kept_import_removes_exactly_its_rows(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, store: TemporaryChangeStore
) -> None:
    """The undo step read back from the temporary file deletes the imported posts and
    nothing else; redo puts them back exactly (same ids)."""
    author = await an_author(uow_factory)
    service = streaming(uow_factory, store)
    await service.run("posts", posts_csv(tmp_path / "first.csv", author, 150))
    async with uow_factory() as uow:
        before = {post.id for post in await uow.posts.get_by_authors_all([author.id])}
    _, change = await service.run("posts", posts_csv(tmp_path / "posts.csv", author, ROWS))
    assert isinstance(change.posts, KeptRows)
    imported: set[UUID] = {row.row.id for row in change.posts}
    assert len(imported) == ROWS and not imported & before
    applier = ChangeApplier(uow_factory)
    await applier.apply(change.inverse())
    async with uow_factory() as uow:
        assert {post.id for post in await uow.posts.get_by_authors_all([author.id])} == before
    await applier.apply(change)
    async with uow_factory() as uow:
        after = {post.id for post in await uow.posts.get_by_authors_all([author.id])}
    assert after == before | imported


async def test_a_big_json_array_streams_and_a_change_after_the_check_writes_nothing(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, store: TemporaryChangeStore
) -> None:
    """A JSON array is read again by the write like a CSV file, each batch compared with the
    check's: an edited title in the last batch stops it; the file as checked imports whole,
    each row reported at its line."""
    author = await an_author(uow_factory)
    path = posts_json(tmp_path / "posts.json", author, ROWS)
    service = streaming(uow_factory, store)
    checked = await service.check("posts", path)
    assert (checked.errors, checked.plan.new_rows, checked.plan.inserts) == ([], ROWS, [])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'"Post {ROWS - 2}"', '"Changed"'), encoding="utf-8")
    with pytest.raises(ImportChangedError):
        await service.write(checked.plan)
    assert await post_count(uow_factory) == 0 and kept_rows(store) == 0
    path.write_text(text.replace(f'"Post {ROWS - 2}"', '"x' + "y" * 300 + '"'), encoding="utf-8")
    with pytest.raises(ImportFailedError) as failed:
        await service.run("posts", path)
    assert [(e.line, e.field) for e in failed.value.errors] == [(ROWS, "title")]
    path.write_text(text, encoding="utf-8")
    _, change = await service.run("posts", path)
    assert isinstance(change.posts, KeptRows) and len(change.posts) == ROWS
    assert await post_count(uow_factory) == ROWS
