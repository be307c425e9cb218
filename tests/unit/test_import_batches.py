"""The import reads its source in batches of ``CHUNK`` rows (#12): every row once, in order,
whatever the batch size and the row count (a batch of 1 included, as tests use to cancel)."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest

from desktop_app.application import import_service
from desktop_app.application.import_fields import Line
from desktop_app.application.import_plan import RELEASE_SHARDS, SEEN_SHARDS, Seen
from desktop_app.application.import_rows import LineError, SourceRow, TextSource
from desktop_app.application.import_service import ImportService, source_batches
from desktop_app.core.emails import normalise_email
from tests.fakes import FakeStore, FakeUnitOfWork, fake_hash


@pytest.mark.asyncio
@pytest.mark.parametrize(("chunk", "rows"), [(1, 5), (3, 7), (3, 9), (1_000, 2_500), (250, 0)])
async def test_every_row_is_read_once_in_batches_of_chunk(
    monkeypatch: pytest.MonkeyPatch, chunk: int, rows: int
) -> None:
    monkeypatch.setattr(import_service, "CHUNK", chunk)
    source = (SourceRow(line, {"title": str(line)}) for line in range(2, rows + 2))
    batches = [batch async for batch in source_batches(source)]
    assert [row.line for batch in batches for row in batch] == list(range(2, rows + 2))
    assert all(len(batch) == chunk for batch in batches[:-1])
    assert not batches or 0 < len(batches[-1]) <= chunk


def test_the_values_seen_are_kept_in_many_small_tables() -> None:
    """A million ids in one dict grow it by copying it whole (140 ms of a held event loop at
    700,000): the check keeps them in many small ones, and still finds a repeat."""
    seen, errors = Seen(), list[LineError]()
    ids = [uuid4() for _ in range(100_000)]
    for line, row_id in enumerate([*ids, ids[5]], start=2):
        seen.claim(Line(SourceRow(line, {}), errors), "id", row_id)
    assert [(e.line, e.field) for e in errors] == [(100_002, "id")]
    assert "first on line 7" in errors[0].reason
    assert max(len(table) for table in seen._lines["id"]) < 1_000


@pytest.mark.asyncio
async def test_the_values_seen_are_let_go_a_few_tables_at_a_time() -> None:
    """Dropping a million entries at once held the event loop for 40-75 ms when the check
    ended: ``release`` empties the tables with turns of the loop in between."""
    seen, errors = Seen(), list[LineError]()
    for line in range(2, 20_002):
        row = Line(SourceRow(line, {}), errors)
        seen.claim(row, "id", uuid4())
        seen.claim(row, "email", f"u{line}@example.org")
    turns = 0

    async def count_turns() -> None:
        nonlocal turns
        while True:
            await asyncio.sleep(0)
            turns += 1

    counter = asyncio.ensure_future(count_turns())
    await asyncio.sleep(0)
    before = turns
    await seen.release()
    counter.cancel()
    shards = SEEN_SHARDS // RELEASE_SHARDS
    assert turns - before >= 2 * shards - 1  # the loop turned between the pieces
    assert not seen._lines


@pytest.mark.asyncio
@pytest.mark.parametrize("fails", [False, True])
async def test_the_check_lets_its_tables_go_however_it_ends(
    monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    released: list[int] = []

    async def release(self: Seen) -> None:
        released.append(sum(len(t) for tables in self._lines.values() for t in tables))

    monkeypatch.setattr(Seen, "release", release)
    text = "email\tusername\nann@example.org\tann\nbo@example.org\tbob\n"
    if fails:
        text = "title\ncontent\n"  # a posts file checked as users: a mapping error, raised
    service = ImportService(
        lambda: FakeUnitOfWork(FakeStore()),
        normalise_email=normalise_email,
        hash_password=fake_hash,
    )
    try:
        await service.check("users", TextSource(text))
    except ValueError:
        assert fails
    assert released == [0 if fails else 4]  # two e-mails and two usernames were held
