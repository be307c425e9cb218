"""Initial schema: users and posts, as the reference web backend defines them.

If the tables already exist (a database the web backend created), they are adopted as they are
and only our missing indexes are added, so pointing the app at the site's database is safe.
Which tables and indexes were created and which adopted is recorded in
``desktop_app_schema_origin``: the downgrade drops only what the app created, and refuses to
drop tables that hold rows unless told (``-x drop_data=yes``). Offline (``--sql``) the upgrade
assumes an empty database; the downgrade, which cannot look, drops the tables only when told.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.infrastructure.database.migration_env import (
    ORIGIN_TABLE,
    drop_data_allowed,
    refuse_to_drop_rows,
    schema_origin,
)

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = {
    "ix_users_created_at_id": ("users", ["created_at", "id"]),
    "ix_posts_created_at_id": ("posts", ["created_at", "id"]),
    "ix_posts_author_id_created_at_id": ("posts", ["author_id", "created_at", "id"]),
}


def _existing_tables() -> set[str]:
    if op.get_context().as_sql:  # offline: print the full script
        return set()
    return set(sa.inspect(op.get_bind()).get_table_names())


def _existing_indexes(table: str) -> set[str]:
    if op.get_context().as_sql:
        return set()
    return {ix["name"] for ix in sa.inspect(op.get_bind()).get_indexes(table) if ix["name"]}


def _record_origin(created: dict[str, bool]) -> None:
    origin = op.create_table(
        ORIGIN_TABLE,
        sa.Column("object_name", sa.String(length=64), nullable=False),
        sa.Column("created_by_app", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("object_name", name=op.f(f"pk_{ORIGIN_TABLE}")),
    )
    op.bulk_insert(
        origin,
        [{"object_name": name, "created_by_app": flag} for name, flag in created.items()],
        multiinsert=False,
    )


def upgrade() -> None:
    tables = _existing_tables()
    created = {"users": "users" not in tables, "posts": "posts" not in tables}
    if "users" not in tables:
        op.create_table(
            "users",
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("email", sa.String(length=255), nullable=False),
            sa.Column("username", sa.String(length=50), nullable=False),
            sa.Column("hashed_password", sa.String(length=255), nullable=False),
            sa.Column("is_active", sa.Boolean(), server_default=sa.true(), nullable=False),
            sa.Column("bio", sa.Text(), nullable=True),
            sa.Column(
                "created_at",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            ),
            sa.Column(
                "updated_at",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
            sa.UniqueConstraint("email", name=op.f("uq_users_email")),
            sa.UniqueConstraint("username", name=op.f("uq_users_username")),
        )
    if "posts" not in tables:
        op.create_table(
            "posts",
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("title", sa.String(length=255), nullable=False),
            sa.Column("content", sa.Text(), nullable=False),
            sa.Column("author_id", sa.Uuid(), nullable=False),
            sa.Column(
                "created_at",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            ),
            sa.Column(
                "updated_at",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            ),
            sa.ForeignKeyConstraint(
                ["author_id"],
                ["users.id"],
                name=op.f("fk_posts_author_id_users"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
        )
    for name, (table, columns) in _INDEXES.items():
        created[name] = name not in _existing_indexes(table)
        if created[name]:
            op.create_index(name, table, columns)
    _record_origin(created)


def _created_by_app() -> dict[str, bool]:
    """What the upgrade recorded. Nothing recorded (a database upgraded before the record
    existed): our indexes are ours, the tables are kept."""
    if op.get_context().as_sql:
        return {name: True for name in _INDEXES} | dict.fromkeys(
            ("users", "posts"), drop_data_allowed()
        )
    return (
        {name: True for name in _INDEXES}
        | {"users": False, "posts": False}
        | schema_origin(op.get_bind())
    )


def downgrade() -> None:
    created = _created_by_app()
    tables = [table for table in ("posts", "users") if created[table]]
    if not op.get_context().as_sql:
        refuse_to_drop_rows(op.get_bind(), tables)
    elif not tables:
        op.get_context().impl.static_output(
            "-- users and posts are kept: offline, the script cannot tell whether the app created "
            "them or adopted the web backend's (-x drop_data=yes drops them)\n"
        )
    for name, (table, _columns) in _INDEXES.items():
        if created[name]:
            op.drop_index(name, table_name=table)
    for table in tables:
        op.drop_table(table)
    op.execute(f"DROP TABLE IF EXISTS {ORIGIN_TABLE}")
