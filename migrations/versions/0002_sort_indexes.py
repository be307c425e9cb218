"""Indexes for every sortable column: (column, id), as the tables order their pages.

Additive only (the web backend's writes are unaffected). Without them, sorting a million rows
by title or by last update sorted the whole table for every page.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_users_updated_at_id": ("users", ["updated_at", "id"]),
    "ix_users_is_active_id": ("users", ["is_active", "id"]),
    "ix_users_username_id": ("users", ["username", "id"]),
    "ix_users_email_id": ("users", ["email", "id"]),
    "ix_posts_updated_at_id": ("posts", ["updated_at", "id"]),
    "ix_posts_title_id": ("posts", ["title", "id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
