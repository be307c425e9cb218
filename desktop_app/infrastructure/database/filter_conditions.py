"""What the filter bar's filters mean in SQL: the conditions a page, a count or a seek adds.

A time is compared through its sort key (``sort_keys``), the very expression the (key, id)
indexes of migrations 0004 and 0006 are built on: on SQLite ``coalesce(julianday(t), 0)``,
which reads every text format another writer may have used as the same instant (and converts
an offset to UTC); on PostgreSQL the column, or ``coalesce(updated_at, '-infinity')``. A range
is then one range scan of that index, in the order the view is sorted by when it sorts by that
time, and the key of a missing time ("never edited") is a single value of it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, false, literal_column, true

from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.application.row_filters import TimeRange
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.sort_keys import key_of_value, no_time_key, sort_key


def time_condition(
    column: Any, wanted: TimeRange, dialect: str, *, walked: bool = False
) -> ColumnElement[bool]:
    """Rows whose ``column`` lies in ``wanted`` (start included, end excluded); a row without
    a time matches only ``TimeRange.NEVER``. ``walked``: tested on each row as the sort's index
    is walked (on SQLite the key is then spelled so that its own index is not chosen)."""
    key = sort_key(column, dialect)
    if walked and dialect == "sqlite":
        # The same value, not the indexed expression (see filter_planner). A literal 0, as
        # migration 0007's partial indexes spell their condition: SQLite matches a bound 0 too,
        # but only by checking its value and re-preparing the statement when it changes.
        key = key + literal_column("0")
    missing = no_time_key(column, dialect)
    if wanted.never:
        return key == missing  # type: ignore[no-any-return]
    conditions: list[ColumnElement[bool]] = []
    if wanted.start is not None:
        conditions.append(key >= key_of_value(column, wanted.start, dialect))
    else:  # an open start still leaves out the rows that have no time at all
        conditions.append(key > missing)
    if wanted.end is not None:
        conditions.append(key < key_of_value(column, wanted.end, dialect))
    return and_(*conditions)


def user_filter_conditions(
    query: UserQuery, dialect: str, walked: frozenset[str] = frozenset()
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``query``'s filters on the users table; ``walked``: the time
    columns tested row by row (see ``filter_planner``)."""
    conditions: list[ColumnElement[bool]] = []
    if query.active is not None:
        conditions.append(UserModel.is_active == (true() if query.active else false()))
    if query.created is not None:
        conditions.append(
            time_condition(
                UserModel.created_at, query.created, dialect, walked="created_at" in walked
            )
        )
    if query.updated is not None:
        conditions.append(
            time_condition(
                UserModel.updated_at, query.updated, dialect, walked="updated_at" in walked
            )
        )
    return conditions


def post_filter_conditions(
    query: PostQuery, dialect: str, walked: frozenset[str] = frozenset()
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``query``'s filters on the posts table (not its search, not
    master-detail's ``author_ids``)."""
    conditions: list[ColumnElement[bool]] = []
    if query.author_id is not None:
        conditions.append(PostModel.author_id == query.author_id)
    if query.created is not None:
        conditions.append(
            time_condition(
                PostModel.created_at, query.created, dialect, walked="created_at" in walked
            )
        )
    if query.updated is not None:
        conditions.append(
            time_condition(
                PostModel.updated_at, query.updated, dialect, walked="updated_at" in walked
            )
        )
    return conditions
