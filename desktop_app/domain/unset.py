"""``UNSET``: "leave as is" in an update DTO, because ``None`` is a real value for ``bio``."""

from __future__ import annotations

import enum
from typing import Final, TypeAlias, TypeVar


class _Unset(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset.UNSET
T = TypeVar("T")
Maybe: TypeAlias = T | _Unset


def pick(value: Maybe[T], current: T) -> T:
    """``value`` if it was set, else ``current``: applies an update DTO's field."""
    return current if isinstance(value, _Unset) else value
