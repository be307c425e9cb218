"""Alembic's scripts; installed as the package desktop_app._migrations (pyproject.toml)."""
