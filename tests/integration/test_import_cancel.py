"""An import's task cancelled directly (``task.cancel()``: Ctrl+C in the command line, a window
closing) while it reads its file (#12): the database is as it was, no undo row is left, the
file is closed and the reader thread has stopped by the time the task has ended, and nothing
reaches the event loop's exception handler; an import then runs as usual. On SQLite and
PostgreSQL, the check and the write, whatever the format."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

import pytest

from desktop_app.application import import_rows, import_service
from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.import_rows import FileSource, LineError
from desktop_app.infrastructure.change_store import TemporaryChangeStore
from tests.integration.test_import_streaming import (
    ROWS,
    an_author,
    kept_rows,
    post_count,
    posts_csv,
    posts_json,
    streaming,
)

pytestmark = pytest.mark.asyncio

SLOW_SECONDS = 5  # how long the encoding check of the "big" file would read if not stopped


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_service, "CHUNK", 100)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TemporaryChangeStore]:
    kept = TemporaryChangeStore(tmp_path)
    yield kept
    kept.close()


class Files:
    """Every file the reader opens, and whether its encoding check is reading now: a big
    file's check, a block at a time, is made to take ``SLOW_SECONDS`` while ``slow``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[IO[Any]] = []
        self.reading = threading.Event()
        self.slow = False
        decodes, opens = FileSource.decodes, FileSource.open
        files = self

        def slow_decodes(
            source: FileSource, errors: list[LineError], stop: threading.Event | None = None
        ) -> bool:
            if files.slow:
                files.reading.set()
                try:
                    with source.path.open("rb") as data:
                        files.opened.append(data)
                        deadline = time.monotonic() + SLOW_SECONDS
                        while time.monotonic() < deadline:
                            if stop is not None and stop.is_set():
                                return False
                            time.sleep(0.005)  # a block read
                finally:
                    files.reading.clear()
            return decodes(source, errors, stop)

        def tracked_open(source: FileSource, newline: str = "") -> TextIO:
            stream = opens(source, newline)
            files.opened.append(stream)
            return stream

        monkeypatch.setattr(import_rows.FileSource, "decodes", slow_decodes)
        monkeypatch.setattr(import_rows.FileSource, "open", tracked_open)

    def all_closed(self) -> bool:
        return all(stream.closed for stream in self.opened)


def loop_problems() -> list[dict[str, Any]]:
    problems: list[dict[str, Any]] = []
    asyncio.get_running_loop().set_exception_handler(lambda _loop, c: problems.append(c))
    return problems


async def cancelled(task: asyncio.Future[Any]) -> float:
    """Wait for the cancelled ``task`` to end; the seconds it took."""
    started = time.monotonic()
    with pytest.raises(asyncio.CancelledError):
        await task
    return time.monotonic() - started


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("phase", ["check", "write"])
async def test_cancelled_while_the_reader_thread_reads(
    uow_factory: UnitOfWorkFactory,
    tmp_path: Path,
    store: TemporaryChangeStore,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    phase: str,
) -> None:
    """The thread checking the whole file's encoding is asked to stop and waited for: when the
    task has ended, it reads no more and the file is closed (it went on reading for as long as
    the file took, the file open until the garbage collector found it)."""
    author = await an_author(uow_factory)
    path = (posts_csv if fmt == "csv" else posts_json)(tmp_path / f"posts.{fmt}", author, ROWS)
    service = streaming(uow_factory, store)
    files = Files(monkeypatch)
    checked = await service.check("posts", path)  # the write reads the file again
    problems = loop_problems()
    files.slow = True
    task = asyncio.ensure_future(
        service.check("posts", path) if phase == "check" else service.write(checked.plan)
    )
    while not files.reading.is_set():
        await asyncio.sleep(0.005)
    task.cancel()
    took = await cancelled(task)
    gc.collect()
    assert not files.reading.is_set() and files.all_closed()
    assert took < SLOW_SECONDS / 2
    assert await post_count(uow_factory) == 0 and kept_rows(store) == 0
    files.slow = False
    _, change = await service.run("posts", path)  # the write lock was let go
    assert len(change.posts) == ROWS and problems == []


@pytest.mark.parametrize("fmt", ["csv", "json"])
async def test_cancelled_between_batches_of_the_write(
    uow_factory: UnitOfWorkFactory,
    tmp_path: Path,
    store: TemporaryChangeStore,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    """Cancelled while the write reads and plans its fifth batch: the transaction rolls back,
    the undo rows go, and the file is closed when the task has ended, not when the garbage
    collector finds the reader (the task's own exception holds it)."""
    author = await an_author(uow_factory)
    path = (posts_csv if fmt == "csv" else posts_json)(tmp_path / f"posts.{fmt}", author, ROWS)
    service = streaming(uow_factory, store)
    files = Files(monkeypatch)
    checked = await service.check("posts", path)
    problems = loop_problems()

    def progress(done: int, total: int) -> bool:
        if done == 400:
            task.cancel()
        return True

    task: asyncio.Future[Any] = asyncio.ensure_future(
        service.write(checked.plan, progress=progress)
    )
    await cancelled(task)
    gc.collect()  # no connection left unclosed (a ResourceWarning, an error here)
    assert files.all_closed() and len(files.opened) == 2  # the check's and the write's
    assert await post_count(uow_factory) == 0 and kept_rows(store) == 0
    _, change = await service.run("posts", path)
    assert len(change.posts) == ROWS and problems == []


async def test_cancelled_twice_while_the_reader_thread_reads(
    uow_factory: UnitOfWorkFactory,
    tmp_path: Path,
    store: TemporaryChangeStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancelled again while it waits for the thread to stop: the task ends at once, and the
    file is closed as soon as the thread has stopped."""
    author = await an_author(uow_factory)
    path = posts_json(tmp_path / "posts.json", author, ROWS)
    service = streaming(uow_factory, store)
    files = Files(monkeypatch)
    problems = loop_problems()
    files.slow = True
    task = asyncio.ensure_future(service.check("posts", path))
    while not files.reading.is_set():
        await asyncio.sleep(0.005)
    task.cancel()
    await asyncio.sleep(0)  # the task sees the first cancel and waits for the thread
    task.cancel()
    await cancelled(task)
    deadline = time.monotonic() + SLOW_SECONDS
    while not files.all_closed() and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    assert files.all_closed() and not files.reading.is_set()
    assert await post_count(uow_factory) == 0 and problems == []
