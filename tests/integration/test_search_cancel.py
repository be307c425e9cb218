"""A search that is no longer wanted stops at once, and the connection stays usable.

Cancelling the task that awaits a read must stop its SQL: on SQLite the statement runs in
aiosqlite's thread, and without an interrupt the cancelled task (and the next read behind it)
waited for the statement's end. The search is made slow the way it used to be, by repeating a
term a few thousand times, which the real ``search_terms`` no longer allows.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import and_, literal_column
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.read_models import PostQuery
from desktop_app.infrastructure.database import search_planner
from desktop_app.infrastructure.database.connection import make_session_factory
from desktop_app.infrastructure.database.demo_data import fill_demo_data
from desktop_app.infrastructure.database.readers import SQLAlchemyPostReader
from desktop_app.infrastructure.database.search import Terms, search_terms

pytestmark = pytest.mark.asyncio

PROMPTLY = 1.0  # seconds from cancel() to the task being done (uncancelled: many seconds)


def _repeated(text: str, *, strip_accents: bool = True) -> Terms:
    """Uncapped terms: every term 4,000 times, as a paste of 'w w w ...' used to search."""
    return search_terms(text, strip_accents=strip_accents) * 4_000


async def _cancel_when_running(start: Callable[[], Awaitable[Any]]) -> float:
    """Start a read, let its statement get going, cancel it: seconds until it is done."""
    task = asyncio.ensure_future(start())
    await asyncio.sleep(0.3)
    assert not task.done(), "the search was too fast to show anything"
    cancelled_at = time.perf_counter()
    task.cancel()
    await asyncio.wait({task}, timeout=60)
    took = time.perf_counter() - cancelled_at
    assert task.cancelled()
    return took


async def test_a_cancelled_search_stops_promptly_and_the_connection_is_usable(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await fill_demo_data(engine, users=100, posts=5_000)
    reader = SQLAlchemyPostReader(make_session_factory(engine))
    query = PostQuery(search="w")
    expected_rows = await reader.fetch(query, limit=5)
    expected_count = await reader.count(query)
    assert expected_count > 0

    monkeypatch.setattr(search_planner, "search_terms", _repeated)  # where the planner looks
    if engine.dialect.name == "postgresql":
        # PostgreSQL answers even the repeated terms in milliseconds on some demo data: make
        # the statement itself slow, so that what is measured is the cancellation
        original = SQLAlchemyPostReader._search_condition

        def slow(self: SQLAlchemyPostReader, search: Any) -> Any:
            return and_(original(self, search), literal_column("(SELECT 1 FROM pg_sleep(30)) = 1"))

        monkeypatch.setattr(SQLAlchemyPostReader, "_search_condition", slow)
    reader = SQLAlchemyPostReader(make_session_factory(engine))  # no plan cached for "w"
    took_fetch = await _cancel_when_running(lambda: reader.fetch(query, limit=5))
    took_count = await _cancel_when_running(lambda: reader.count(query))
    monkeypatch.undo()

    assert took_fetch < PROMPTLY
    assert took_count < PROMPTLY
    started = time.perf_counter()
    assert await reader.fetch(query, limit=5) == expected_rows
    assert await reader.count(query) == expected_count
    assert time.perf_counter() - started < PROMPTLY
