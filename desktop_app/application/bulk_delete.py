"""Deleting many listed rows at once, each only if it is still the version that was listed.

Both services' bulk deletes (users with their posts, posts) go through here: the rows are
locked and read first (the caller's snapshot), rows changed since they were listed are found
in one query per chunk (``stale``) and left alone, and the rest are deleted a chunk at a time
with the version each was read at, so a statement removes hundreds of rows, not one. Progress
is reported, and Cancel honoured, between chunks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from desktop_app.domain.errors import OperationCancelledError

ROWS_PER_CHUNK = 500

# Called with (done, total); returns False once the user has pressed Cancel.
Progress = Callable[[int, int], bool]


class VersionedRows(Protocol):
    """What this needs of a repository (both abstract repositories have it)."""

    async def lock(self, ids: Sequence[UUID]) -> set[UUID]: ...

    async def stale(self, expected: Mapping[UUID, datetime | None]) -> set[UUID]: ...

    async def delete_versions(self, expected: Mapping[UUID, datetime | None]) -> int: ...


async def delete_listed(
    rows: VersionedRows,
    ids: Sequence[UUID],
    read: Mapping[UUID, datetime | None],
    listed: Mapping[UUID, datetime | None],
    progress: Progress | None,
) -> tuple[list[UUID], list[UUID]]:
    """Delete ``ids`` inside the caller's transaction, after the caller locked them and read
    each present one's version (``read``). A row whose listed version (``listed``) differs
    from what is there now is left alone. Returns (deleted, changed) in the order of ``ids``;
    ids not present are in neither. Raises OperationCancelledError when ``progress`` says
    so (the caller's transaction then rolls back)."""
    wanted = [row_id for row_id in dict.fromkeys(ids) if row_id in read]
    expected = {row_id: listed[row_id] for row_id in wanted if row_id in listed}
    changed = await rows.stale(expected) if expected else set()
    doomed = [row_id for row_id in wanted if row_id not in changed]
    kept: set[UUID] = set()
    for start in range(0, len(doomed), ROWS_PER_CHUNK):
        if progress is not None and not progress(start, len(doomed)):
            raise OperationCancelledError
        part = doomed[start : start + ROWS_PER_CHUNK]
        removed = await rows.delete_versions({row_id: read[row_id] for row_id in part})
        if removed != len(part):
            # The rows are locked, so this is a version read back differently from how it
            # is stored: whatever is still there was not deleted and is reported as changed.
            kept |= await rows.lock(part)
    deleted = [row_id for row_id in doomed if row_id not in kept]
    return deleted, [row_id for row_id in wanted if row_id in changed or row_id in kept]
