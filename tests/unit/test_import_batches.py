"""The import reads its source in batches of ``CHUNK`` rows (#12): every row once, in order,
whatever the batch size and the row count (a batch of 1 included, as tests use to cancel)."""

from __future__ import annotations

from uuid import uuid4

import pytest

from desktop_app.application import import_service
from desktop_app.application.import_fields import Line
from desktop_app.application.import_plan import Seen
from desktop_app.application.import_rows import LineError, SourceRow
from desktop_app.application.import_service import source_batches


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
