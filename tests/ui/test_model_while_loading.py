"""Qt's model tester on LazyTableModel while its pages and its count are still arriving.

The table model changes shape as answers come in: rows are inserted when a page or the count
shows there are more, removed when a count shows fewer, and repainted when a page fills rows
that showed "Loading…". Each of those must be announced to the view exactly (the right
signal, the right range, in the right order), or views misbehave in ways no assertion on the
data would notice. Here a reader holds every fetch and count until the test releases it, so
the tester (Qt's C++ QAbstractItemModelTester, which reports through Qt warnings that fail the
test, and pytest-qt's Python one, which raises) watches each step, not only the loaded end.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
import qasync
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.application.read_models import Cursor, UserQuery, UserReader, UserRow
from desktop_app.ui.columns import USER_COLUMNS
from desktop_app.ui.table_model import LOADING, LazyTableModel
from tests.ui.helpers import Run

BLOCK = 10


def users(n: int) -> list[UserRow]:
    """``n`` users, newest first (the default query's order)."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        UserRow(
            id=uuid4(),
            email=f"user{i}@example.com",
            username=f"user{i}",
            is_active=i % 2 == 0,
            bio=None,
            created_at=start - timedelta(minutes=i),
            updated_at=None,
        )
        for i in range(n)
    ]


class GatedReader(UserReader):
    """Users from a list; every fetch and count waits until the test releases it, in order."""

    def __init__(self, rows: list[UserRow]) -> None:
        self.rows = rows
        self.fetches: list[asyncio.Future[None]] = []
        self.counts: list[asyncio.Future[None]] = []

    async def fetch(
        self,
        query: UserQuery,
        *,
        offset: int = 0,
        limit: int = 100,
        after: Cursor | None = None,
        total: int | None = None,
    ) -> list[UserRow]:
        gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.fetches.append(gate)
        await gate
        if after is not None:
            offset = 1 + next(n for n, row in enumerate(self.rows) if row.id == after[1])
        return self.rows[offset : offset + limit]

    async def count(self, query: UserQuery) -> int:
        gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.counts.append(gate)
        await gate
        return len(self.rows)


def drained(reader: GatedReader, model: LazyTableModel[UserRow]) -> bool:
    """Release whatever waits; True once nothing waits and the model is idle."""
    gates = [gate for gate in reader.fetches + reader.counts if not gate.done()]
    for gate in gates:
        gate.set_result(None)
    return not gates and not model.is_loading


def release(qtbot: QtBot, gates: list[asyncio.Future[None]]) -> None:
    """Let the oldest waiting fetch (or count) answer."""
    qtbot.waitUntil(lambda: any(not gate.done() for gate in gates), timeout=5_000)
    next(gate for gate in gates if not gate.done()).set_result(None)


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_the_model_is_consistent_while_pages_and_the_count_arrive(
    event_loop_qt: qasync.QEventLoop,
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    run: Run,
    force_py: bool,
) -> None:
    model = LazyTableModel(columns=USER_COLUMNS, query=UserQuery(), block_size=BLOCK)

    def check() -> None:
        """Qt's tester once more on the model as it is now (it also stays attached, and
        checks every signal); pytest-qt's stays attached from the first check on (checking
        again would connect it twice)."""
        if not force_py or not checked:
            qtmodeltester.check(model, force_py=force_py)
            checked.append(True)

    checked: list[bool] = []
    check()  # no reader: empty
    reader = GatedReader(users(25))
    model.set_reader(reader)
    check()  # the first page and the count in flight
    assert model.rowCount() == 0

    release(qtbot, reader.fetches)  # rows 0-9: inserted, the count still a lower bound
    qtbot.waitUntil(lambda: model.rowCount() == BLOCK)
    assert not model.row_count.exact
    check()

    model.fetchMore()  # the view scrolled to the end of what it has
    release(qtbot, reader.fetches)  # rows 10-19
    qtbot.waitUntil(lambda: model.rowCount() == 2 * BLOCK)
    check()

    release(qtbot, reader.counts)  # the count: 25, so rows 20-24 appear, not loaded yet
    qtbot.waitUntil(lambda: model.row_count.exact and model.rowCount() == 25)
    assert model.index(20, 0).data() == LOADING  # and asks for their block
    check()

    release(qtbot, reader.fetches)  # rows 20-24 fill in
    qtbot.waitUntil(lambda: model.row_at(24) is not None)
    assert model.index(24, 1).data() == "user24@example.com"
    check()

    reader.rows = reader.rows[:15]  # someone deleted ten users: F5 shows it
    model.refresh()
    check()  # every row "Loading…" again
    release(qtbot, reader.counts)  # the count: rows 15-24 removed
    qtbot.waitUntil(lambda: model.rowCount() == 15)
    release(qtbot, reader.fetches)  # rows 0-9 again
    qtbot.waitUntil(lambda: model.row_at(0) is not None)
    check()

    model.set_query(UserQuery(search="user1"))  # a new query while nothing is in flight
    check()
    assert model.rowCount() == 0
    release(qtbot, reader.fetches)
    release(qtbot, reader.counts)
    qtbot.waitUntil(lambda: model.row_count.exact and model.rowCount() == 15)
    check()
    qtbot.waitUntil(lambda: drained(reader, model))  # what the testers' reads asked for
    run(model.wait_idle())
    assert not model.is_loading
