"""Partial indexes for "never edited" in created order: the rows the filter keeps, in the order
the view shows them.

"Never edited" (``updated_at`` NULL) is a third of the rows in demo-data and often more on a
site, and the view is sorted by created time by default: no index held both the filter and the
order. A page walked the created index testing each row (cheap), but a jump to the middle
walked half the table row by row (1.5-2 s on a million rows on SQLite, 0.4 s on PostgreSQL in
parallel workers), and so did scrolling back from the far end. These indexes hold exactly the
never-edited rows, ordered by the created key and id, so the first page, the keyset page and
a jump's seek (counted in the index alone) are one walk of it. Users get a second one led by
``is_active``, for "active = yes/no, never edited" (the Active filter is an equality, so the
rows of one value are again in created order; without it the planner walks the
(is_active, created key) index of 0006 and tests every row for "never").

The WHERE clause is spelled exactly as ``filter_conditions.time_condition`` spells the filter
(on SQLite the walked form, ``key + 0 = 0``, which keeps the planner off the updated key's
index; on PostgreSQL ``coalesce(updated_at, -infinity) = -infinity``): both planners use a
partial index only when the query's WHERE holds the index's condition term for term. The
indexed keys are the created sort keys of ``sort_keys.py``, as in migration 0004.

Additive only: three indexes (about 16 MB each per million rows on SQLite), nothing the web backend writes is constrained. ``IF NOT EXISTS``
on both backends, so a database that already has one keeps it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_NEVER = "coalesce(julianday(updated_at), 0) + 0 = 0"
PG_NEVER = "coalesce(updated_at, '-infinity'::timestamptz) = '-infinity'::timestamptz"

# name -> (table, indexed expressions, condition)
SQLITE_INDEXES = {
    "ix_users_never_edited_created_at_key": (
        "users",
        "coalesce(julianday(created_at), 0), id",
        SQLITE_NEVER,
    ),
    "ix_users_never_edited_is_active_created_at_key": (
        "users",
        "is_active, coalesce(julianday(created_at), 0), id",
        SQLITE_NEVER,
    ),
    "ix_posts_never_edited_created_at_key": (
        "posts",
        "coalesce(julianday(created_at), 0), id",
        SQLITE_NEVER,
    ),
}
PG_INDEXES = {
    "ix_users_never_edited_created_at_key": ("users", "created_at, id", PG_NEVER),
    "ix_users_never_edited_is_active_created_at_key": (
        "users",
        "is_active, created_at, id",
        PG_NEVER,
    ),
    "ix_posts_never_edited_created_at_key": ("posts", "created_at, id", PG_NEVER),
}


def _indexes() -> dict[str, tuple[str, str, str]]:
    return SQLITE_INDEXES if op.get_context().dialect.name == "sqlite" else PG_INDEXES


def upgrade() -> None:
    for name, (table, expressions, condition) in _indexes().items():
        op.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expressions}) WHERE {condition}"
        )


def downgrade() -> None:
    for name in _indexes():
        op.execute(f"DROP INDEX IF EXISTS {name}")
