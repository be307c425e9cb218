"""The import reads its source in batches of ``CHUNK`` rows (#12): every row once, in order,
whatever the batch size and the row count (a batch of 1 included, as tests use to cancel)."""

from __future__ import annotations

import pytest

from desktop_app.application import import_service
from desktop_app.application.import_rows import SourceRow
from desktop_app.application.import_service import source_batches

pytestmark = pytest.mark.asyncio


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
