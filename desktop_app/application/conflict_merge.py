"""Three-way merge of one row's fields, for a save that lost the compare-and-set race.

Every write is compare-and-set on the row's ``updated_at``; when someone else wrote first the
save fails with ``StaleEditError``. To resolve it we compare, field by field, three versions:

* ``base``   -- the row as the user read it (what the form was opened with);
* ``mine``   -- the user's edit: the values they want (fields left out were not edited);
* ``theirs`` -- the row as it is in the database now, or ``None`` if it was deleted meanwhile.

Each field gets a ``FieldStatus``. ``MergeResult.merged`` is theirs with every change of mine
that does not collide applied: the starting point for "edit again". ``collisions`` holds my
value for each field both sides changed differently, so what the user typed is never lost;
``keep_mine`` is theirs with *all* my changes (collisions included), for "keep mine".

Pure Python: values are compared with ``==`` only (str, bool, None, UUID, datetime...). Fields
are identified by name; ``updated_at`` and other bookkeeping columns should be left out (the
caller writes with ``expected_updated_at`` set to theirs). Example::

    result = merge_fields(
        base={"email": "a@x.org", "bio": "old"},
        mine={"email": "b@x.org", "bio": "old"},
        theirs={"email": "a@x.org", "bio": "new"},
    )
    result.merged      # {"email": "b@x.org", "bio": "new"}
    result.collisions  # {}
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType


class FieldStatus(enum.Enum):
    """What happened to one field between ``base`` and the two later versions."""

    UNCHANGED = "unchanged"  # neither side changed it
    MINE = "mine"  # changed by me only (or: the row is gone and I changed it)
    THEIRS = "theirs"  # changed by them only
    SAME = "same"  # both changed it, to the same value
    COLLISION = "collision"  # both changed it, to different values


@dataclass(frozen=True, slots=True)
class FieldMerge:
    """One field's three values and its status. ``theirs`` is None when the row was deleted
    (check ``MergeResult.deleted``; a field's value may be None too)."""

    name: str
    base: object
    mine: object
    theirs: object
    status: FieldStatus

    @property
    def changed_by_me(self) -> bool:
        return self.status in (FieldStatus.MINE, FieldStatus.SAME, FieldStatus.COLLISION)

    @property
    def changed_by_them(self) -> bool:
        return self.status in (FieldStatus.THEIRS, FieldStatus.SAME, FieldStatus.COLLISION)

    @property
    def merged(self) -> object:
        """Theirs, unless only I changed the field (then mine)."""
        return self.mine if self.status is FieldStatus.MINE else self.theirs


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merge of one row. Mappings are read-only and keep the fields' order (``base``'s)."""

    fields: Mapping[str, FieldMerge]
    deleted: bool = False  # theirs is None: the row was deleted after the user read it

    def __iter__(self) -> Iterator[FieldMerge]:
        return iter(self.fields.values())

    def status(self, name: str) -> FieldStatus:
        return self.fields[name].status

    @property
    def base(self) -> Mapping[str, object]:
        return _frozen({f.name: f.base for f in self})

    @property
    def mine(self) -> Mapping[str, object]:
        """My edit, complete: base with my changes (fields I left out are base's)."""
        return _frozen({f.name: f.mine for f in self})

    @property
    def theirs(self) -> Mapping[str, object] | None:
        """The row as it is now, or None if it was deleted."""
        return None if self.deleted else _frozen({f.name: f.theirs for f in self})

    @property
    def merged(self) -> Mapping[str, object]:
        """Theirs with my non-colliding changes applied ("edit again" starts here). On a
        colliding field it is theirs; my value is in ``collisions``. If the row was deleted:
        my edit, complete (what "re-create" writes)."""
        if self.deleted:
            return self.mine
        return _frozen({f.name: f.merged for f in self})

    @property
    def collisions(self) -> Mapping[str, object]:
        """Field -> my value, for each field both sides changed to different values."""
        return _frozen({f.name: f.mine for f in self if f.status is FieldStatus.COLLISION})

    @property
    def keep_mine(self) -> Mapping[str, object]:
        """Theirs with all my changes, collisions included ("keep mine" writes this): their
        changes to fields I did not touch stay. If the row was deleted: my edit, complete."""
        return _frozen({**self.merged, **self.collisions})

    @property
    def differs(self) -> tuple[str, ...]:
        """Fields whose value in my edit differs from theirs (all I changed, if deleted)."""
        if self.deleted:
            return tuple(f.name for f in self if f.changed_by_me)
        return tuple(f.name for f in self if f.mine != f.theirs)

    @property
    def changed_by_me(self) -> tuple[str, ...]:
        return tuple(f.name for f in self if f.changed_by_me)

    @property
    def changed_by_them(self) -> tuple[str, ...]:
        return tuple(f.name for f in self if f.changed_by_them)

    @property
    def has_collisions(self) -> bool:
        return any(f.status is FieldStatus.COLLISION for f in self)


def merge_fields(
    base: Mapping[str, object],
    mine: Mapping[str, object],
    theirs: Mapping[str, object] | None,
) -> MergeResult:
    """Merge field by field. ``base`` names the fields; ``theirs`` must name the same ones (or
    be None: the row was deleted); ``mine`` may leave fields out (not edited), never add one.

    Raises ValueError for a field set that does not line up: a programming error, since
    comparing different shapes would silently drop a value the user typed.
    """
    extra = set(mine) - set(base)
    if extra:
        raise ValueError(f"mine has fields base does not: {sorted(extra)}")
    if theirs is not None and set(theirs) != set(base):
        raise ValueError(
            f"theirs and base name different fields: {sorted(set(theirs) ^ set(base))}"
        )
    fields: dict[str, FieldMerge] = {}
    for name, base_value in base.items():
        my_value = mine.get(name, base_value)
        if theirs is None:
            their_value: object = None
            status = FieldStatus.UNCHANGED if my_value == base_value else FieldStatus.MINE
        else:
            their_value = theirs[name]
            status = _status(base_value, my_value, their_value)
        fields[name] = FieldMerge(name, base_value, my_value, their_value, status)
    return MergeResult(fields=MappingProxyType(fields), deleted=theirs is None)


def _status(base: object, mine: object, theirs: object) -> FieldStatus:
    i_changed = mine != base
    they_changed = theirs != base
    if i_changed and they_changed:
        return FieldStatus.SAME if mine == theirs else FieldStatus.COLLISION
    if i_changed:
        return FieldStatus.MINE
    if they_changed:
        return FieldStatus.THEIRS
    return FieldStatus.UNCHANGED


def _frozen(values: dict[str, object]) -> Mapping[str, object]:
    return MappingProxyType(values)
