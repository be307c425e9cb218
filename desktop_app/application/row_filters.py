"""Filters that narrow a table view beside its search: a time range, and the local dates a
person picks turned into one.

A person filters by calendar days in their own time zone ("created from 1 January to 30 June");
the database stores instants (UTC). ``TimeRange.of_local_days`` turns the days into the
half-open range of instants they cover, so both days are included whole and the comparison in
the database is exact: ``start <= time < end``. ``updated_at`` is NULL until a row's first
edit, so "never edited" is a range of its own (``TimeRange.NEVER``), and a range with times
never matches a row that has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class TimeRange:
    """Rows whose time ``t`` (UTC) has ``start <= t < end``; an end left out is open, and a
    row without a time never matches. ``never``: only rows without a time (never edited)."""

    start: datetime | None = None
    end: datetime | None = None
    never: bool = False
    # The local days picked, when the range was made from them (to describe it as picked).
    first_day: date | None = None
    last_day: date | None = None

    NEVER: ClassVar[TimeRange]

    def __post_init__(self) -> None:
        for instant in (self.start, self.end):
            if instant is not None and instant.tzinfo is None:
                raise ValueError("a time range's ends are aware datetimes (UTC)")
        if self.never and (self.start is not None or self.end is not None):
            raise ValueError("'never' has no start or end")

    @classmethod
    def of_local_days(
        cls, first: date | None, last: date | None, zone: tzinfo | None = None
    ) -> TimeRange:
        """Every instant of the days ``first`` to ``last``, both included, in ``zone`` (the
        system's local zone when None); either day may be None (open at that end)."""
        if first is not None and last is not None and last < first:
            first, last = last, first
        start = None if first is None else _midnight(first, zone)
        end = None if last is None else _midnight(last + timedelta(days=1), zone)
        return cls(start, end, first_day=first, last_day=last)


TimeRange.NEVER = TimeRange(never=True)


def _midnight(day: date, zone: tzinfo | None) -> datetime:
    """The instant ``day`` starts in ``zone`` (local when None), in UTC."""
    local = datetime.combine(day, time())
    aware = local.astimezone() if zone is None else local.replace(tzinfo=zone)
    return aware.astimezone(UTC)
