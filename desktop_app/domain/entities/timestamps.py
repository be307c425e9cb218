"""The clock entities use for ``created_at``: timezone-aware UTC, never naive."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
