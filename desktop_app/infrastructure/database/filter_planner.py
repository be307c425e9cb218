"""Whether a page finds a time filter's rows through that time's index, or tests them row by
row while it walks the index of the sort (SQLite; PostgreSQL's planner decides well itself).

A view sorted by one column and filtered on a time has two plans: collect the rows in the
time's range through its index and sort them (cheap when they are few), or walk the sort's
index in order and test each row's time (cheap when they are many: the page fills after a few
hundred rows, with no sort). SQLite's statistics cannot tell a day from a year, nor how many
rows were never edited (one key value held by a third of the table), so it collected and sorted
300,000 rows for one page. ``FilterPlanner`` probes the range's index once (at most
``dense_after`` keys, through the index alone) and remembers whether the rows are many.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.application.row_filters import TimeRange
from desktop_app.infrastructure.database.filter_conditions import time_condition
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.search_planner import ReadTuning

TIMES = ("created_at", "updated_at")


class FilterPlanner:
    """Remembers, per time range, whether it holds many rows of one table (SQLite only)."""

    def __init__(self, table: str, tuning: ReadTuning) -> None:
        self._model: Any = UserModel if table == "users" else PostModel
        self._tuning = tuning
        self._dense: dict[tuple[str, TimeRange], bool] = {}

    def _ranges(self, query: UserQuery | PostQuery) -> list[tuple[str, TimeRange]]:
        """The time filters of ``query`` on a column it does not sort by."""
        ranges = {"created_at": query.created, "updated_at": query.updated}
        return [(c, r) for c, r in ranges.items() if r is not None and c != query.sort]

    async def plan(self, connection: AsyncConnection, query: UserQuery | PostQuery) -> None:
        """Probe each of ``query``'s time filters not probed yet."""
        if connection.dialect.name != "sqlite":
            return
        for column, wanted in self._ranges(query):
            if (column, wanted) in self._dense:
                continue
            if len(self._dense) > self._tuning.probes_kept:
                self._dense.clear()
            cap = self._tuning.dense_after
            condition = time_condition(getattr(self._model, column), wanted, "sqlite")
            inner = select(self._model.id).where(condition).limit(cap + 1).subquery()
            found = await connection.scalar(select(func.count()).select_from(inner))
            self._dense[(column, wanted)] = int(found or 0) > cap

    def walked(self, query: UserQuery | PostQuery) -> frozenset[str]:
        """The time columns a page of ``query`` tests row by row (probed as many)."""
        return frozenset(c for c, r in self._ranges(query) if self._dense.get((c, r), False))
