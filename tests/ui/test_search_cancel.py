"""Typing a new search cancels the one still running, and a capped search says so.

The reader is a stand-in whose "slow" search never answers until cancelled: if a newer search
did not cancel it, its page fetch would hold the model's one loader for good.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import qasync
from pytestqt.qtbot import QtBot

from desktop_app.application.read_models import Cursor, UserQuery, UserReader, UserRow
from desktop_app.application.search_text import MAX_SEARCH_TERMS
from desktop_app.ui.columns import Column
from desktop_app.ui.table_model import LazyTableModel
from desktop_app.ui.table_panel import TablePanel

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


# A cancelled read takes a moment to unwind (an interrupted statement returning); a newer read's
# page may take longer than that.
UNWIND_SECONDS = 0.2
NEWER_PAGE_SECONDS = 0.7


class SlowSearchReader(UserReader):
    """Answers at once, except a search for ``slow``, which waits until it is cancelled, and
    the page for ``slower``, which takes NEWER_PAGE_SECONDS."""

    def __init__(self) -> None:
        self.running: set[tuple[str, str]] = set()
        self.cancelled: set[tuple[str, str]] = set()
        self.searches: list[str] = []

    async def _answer(self, what: str, query: UserQuery) -> None:
        self.searches.append(query.search)
        if query.search == "slower" and what == "fetch":
            self.running.add((what, query.search))
            try:
                await asyncio.sleep(NEWER_PAGE_SECONDS)
            finally:
                self.running.discard((what, query.search))
        if query.search != "slow":
            return
        self.running.add((what, query.search))
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled.add((what, query.search))
            await asyncio.sleep(UNWIND_SECONDS)
            raise
        finally:
            self.running.discard((what, query.search))

    async def fetch(
        self,
        query: UserQuery,
        *,
        offset: int = 0,
        limit: int = 100,
        after: Cursor | None = None,
        total: int | None = None,
    ) -> list[UserRow]:
        await self._answer("fetch", query)
        name = query.search or "everyone"
        return [UserRow(uuid4(), f"{name}@example.org", name, True, None, WHEN, WHEN)]

    async def count(self, query: UserQuery) -> int:
        await self._answer("count", query)
        return 1


def _panel(qtbot: QtBot) -> tuple[TablePanel, LazyTableModel[UserRow], SlowSearchReader]:
    columns: list[Column[UserRow]] = [
        Column("Username", display=lambda row: row.username, sort="username")
    ]
    model = LazyTableModel(
        columns=columns,
        query=UserQuery(),
    )
    panel = TablePanel(
        title="Users",
        noun="user",
        model=model,
        table_name="usersTable",
        search_name="usersSearch",
        search_hint="Search users",
    )
    qtbot.addWidget(panel)
    panel.show()
    reader = SlowSearchReader()
    model.set_reader(reader)
    qtbot.waitUntil(lambda: model.row_count.exact and model.cache.get(0) is not None)
    return panel, model, reader


def _shown(model: LazyTableModel[UserRow]) -> Any:
    return model.index(0, 0).data()


def test_typing_a_new_search_cancels_the_running_one(
    event_loop_qt: qasync.QEventLoop, qtbot: QtBot
) -> None:
    panel, model, reader = _panel(qtbot)
    qtbot.keyClicks(panel.search, "slow")
    qtbot.waitUntil(lambda: reader.running == {("fetch", "slow"), ("count", "slow")})
    assert model.is_loading

    qtbot.keyClicks(panel.search, "er")  # the user types on: "slower"
    qtbot.waitUntil(
        lambda: reader.cancelled == {("fetch", "slow"), ("count", "slow")}, timeout=2_000
    )
    # The old search has unwound while the new page is still on its way: still loading.
    qtbot.waitUntil(lambda: not {("fetch", "slow"), ("count", "slow")} & reader.running)
    assert ("fetch", "slower") in reader.running
    assert model.is_loading
    qtbot.waitUntil(lambda: _shown(model) == "slower" and model.row_count.exact)
    assert reader.running == set()
    assert not model.is_loading
    assert panel.count_label.text() == "1 user match"


def test_a_search_with_too_many_words_says_only_the_first_are_searched(
    event_loop_qt: qasync.QEventLoop, qtbot: QtBot
) -> None:
    panel, model, reader = _panel(qtbot)
    repeats = " ".join(f"w{n} W{n}" for n in range(MAX_SEARCH_TERMS))  # 16 distinct: all searched
    panel.search.setText(repeats)
    qtbot.waitUntil(lambda: model.query.search == repeats and model.row_count.exact)
    assert "Only the first" not in panel.count_label.text()
    assert panel.search.toolTip() == ""

    panel.search.setText(repeats + " one more")
    qtbot.waitUntil(lambda: model.query.search.endswith("more") and model.row_count.exact)
    qtbot.waitUntil(lambda: "Only the first" in panel.count_label.text())
    assert panel.count_label.text() == "1 user match · Only the first 16 words are searched"
    assert panel.search.toolTip() == "Only the first 16 words are searched"
    assert reader.searches[-1] == repeats + " one more"  # the whole text: the reader caps it
