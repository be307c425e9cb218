"""The versions the app writes: always after the one replaced, never on a whole second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.infrastructure.database import versions


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_a_new_version_is_after_the_seen_one_and_clear_of_whole_seconds(seen: datetime) -> None:
    seen = seen.replace(tzinfo=UTC)
    version = versions.next_version(seen)
    assert version >= seen + versions.VERSION_STEP
    # julianday() keeps milliseconds: neither rounding nor truncation may land on a whole
    # second, which is what the web backend's CURRENT_TIMESTAMP writes
    assert 1_000 < version.microsecond < 999_000


@pytest.mark.parametrize("microsecond", [0, 400, 999, 999_600, 999_999])
def test_a_clock_on_a_whole_second_is_moved_off_it(
    monkeypatch: pytest.MonkeyPatch, microsecond: int
) -> None:
    now = datetime(2026, 12, 1, 6, 31, 55, microsecond, tzinfo=UTC)
    monkeypatch.setattr(versions, "utcnow", lambda: now)
    version = versions.next_version(None)
    assert 1_000 < version.microsecond < 999_000
    assert now < version < now + timedelta(milliseconds=5)
