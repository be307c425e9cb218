"""The three-way merge behind the conflict dialog: per-field status, merged, collisions."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.application.conflict_merge import FieldStatus, merge_fields

A, B, C = "a", "b", "c"
WHEN = datetime(2026, 1, 1, tzinfo=UTC)
LATER = datetime(2026, 1, 2, tzinfo=UTC)
ID1, ID2 = UUID(int=1), UUID(int=2)


@pytest.mark.parametrize(
    ("base", "mine", "theirs", "status", "merged", "collision", "differs"),
    [
        pytest.param(A, A, A, FieldStatus.UNCHANGED, A, False, False, id="unchanged"),
        pytest.param(A, B, A, FieldStatus.MINE, B, False, True, id="mine-only"),
        pytest.param(A, A, B, FieldStatus.THEIRS, B, False, True, id="theirs-only"),
        pytest.param(A, B, B, FieldStatus.SAME, B, False, False, id="both-same"),
        pytest.param(A, B, C, FieldStatus.COLLISION, C, True, True, id="collision"),
        pytest.param(None, "bio", None, FieldStatus.MINE, "bio", False, True, id="none-to-text"),
        pytest.param("bio", "bio", None, FieldStatus.THEIRS, None, False, True, id="cleared"),
        pytest.param(True, False, True, FieldStatus.MINE, False, False, True, id="bool"),
        pytest.param(ID1, ID1, ID2, FieldStatus.THEIRS, ID2, False, True, id="uuid"),
        pytest.param(WHEN, LATER, WHEN, FieldStatus.MINE, LATER, False, True, id="datetime"),
        pytest.param(True, False, None, FieldStatus.COLLISION, None, True, True, id="to-none"),
    ],
)
def test_each_status(
    base: object,
    mine: object,
    theirs: object,
    status: FieldStatus,
    merged: object,
    collision: bool,
    differs: bool,
) -> None:
    result = merge_fields({"f": base}, {"f": mine}, {"f": theirs})

    assert result.status("f") is status
    assert result.merged == {"f": merged}
    assert result.collisions == ({"f": mine} if collision else {})
    assert result.has_collisions is collision
    assert result.differs == (("f",) if differs else ())
    assert result.keep_mine == {"f": theirs if mine == base else mine}
    assert not result.deleted


def test_a_row_with_every_status() -> None:
    base = {"email": "a@x.org", "username": "ann", "is_active": True, "bio": "old", "x": 1}
    mine = {"email": "b@x.org", "username": "anna", "is_active": False, "bio": "old", "x": 1}
    theirs = {"email": "a@x.org", "username": "annie", "is_active": False, "bio": "new", "x": 1}

    result = merge_fields(base, mine, theirs)

    assert [(f.name, f.status) for f in result] == [
        ("email", FieldStatus.MINE),
        ("username", FieldStatus.COLLISION),
        ("is_active", FieldStatus.SAME),
        ("bio", FieldStatus.THEIRS),
        ("x", FieldStatus.UNCHANGED),
    ]
    assert result.merged == {
        "email": "b@x.org",
        "username": "annie",
        "is_active": False,
        "bio": "new",
        "x": 1,
    }
    assert result.collisions == {"username": "anna"}
    assert result.keep_mine == {**result.merged, "username": "anna"}
    assert result.differs == ("email", "username", "bio")
    assert result.changed_by_me == ("email", "username", "is_active")
    assert result.changed_by_them == ("username", "is_active", "bio")
    assert list(result.merged) == list(base)  # the fields keep their order


def test_fields_left_out_of_mine_were_not_edited() -> None:
    result = merge_fields({"a": 1, "b": 2}, {"a": 5}, {"a": 1, "b": 3})

    assert result.status("b") is FieldStatus.THEIRS
    assert result.mine == {"a": 5, "b": 2}
    assert result.merged == {"a": 5, "b": 3}


def test_deleted_row_keeps_my_whole_edit_for_recreating() -> None:
    result = merge_fields({"title": "T", "content": "old"}, {"content": "new"}, None)

    assert result.deleted
    assert result.theirs is None
    assert result.status("title") is FieldStatus.UNCHANGED
    assert result.status("content") is FieldStatus.MINE
    assert result.merged == {"title": "T", "content": "new"}
    assert result.keep_mine == result.merged
    assert result.collisions == {}
    assert result.differs == ("content",)


@pytest.mark.parametrize(
    ("base", "mine", "theirs"),
    [
        ({"a": 1}, {"b": 1}, {"a": 1}),
        ({"a": 1}, {"a": 1}, {"a": 1, "b": 2}),
        ({"a": 1, "b": 2}, {}, {"a": 1}),
    ],
)
def test_field_sets_that_do_not_line_up_are_refused(
    base: dict[str, object], mine: dict[str, object], theirs: dict[str, object]
) -> None:
    with pytest.raises(ValueError, match="fields"):
        merge_fields(base, mine, theirs)


def test_results_are_read_only() -> None:
    result = merge_fields({"a": 1}, {"a": 2}, {"a": 3})
    with pytest.raises(TypeError):
        result.collisions["a"] = 1  # type: ignore[index]


values = st.one_of(st.none(), st.booleans(), st.sampled_from(["", "x", "y", "a longer text"]))
names = st.lists(st.sampled_from(["email", "username", "is_active", "bio", "title"]), unique=True)


@st.composite
def three_versions(
    draw: st.DrawFn,
) -> tuple[dict[str, object], dict[str, object], dict[str, object]]:
    fields = draw(names)
    base = {name: draw(values) for name in fields}
    mine = {name: draw(values) for name in fields}
    theirs = {name: draw(values) for name in fields}
    return base, mine, theirs


@given(three_versions())
def test_merge_properties(
    versions: tuple[dict[str, object], dict[str, object], dict[str, object]],
) -> None:
    base, mine, theirs = versions
    result = merge_fields(base, mine, theirs)

    for name in base:
        i_changed, they_changed = mine[name] != base[name], theirs[name] != base[name]
        if i_changed and not they_changed:
            assert result.merged[name] == mine[name]
        if they_changed:
            assert result.merged[name] == theirs[name]
        if not i_changed and not they_changed:
            assert result.merged[name] == base[name]
        if i_changed:  # merged plus the collisions restores everything I typed
            assert {**result.merged, **result.collisions}[name] == mine[name]
            assert result.keep_mine[name] == mine[name]
        else:  # and keep mine never reverts a change of theirs I did not touch
            assert result.keep_mine[name] == theirs[name]
    assert set(result.collisions) == {
        name
        for name in base
        if mine[name] != base[name] and theirs[name] != base[name] and mine[name] != theirs[name]
    }
    assert set(result.differs) == {name for name in base if mine[name] != theirs[name]}
    assert merge_fields(base, mine, mine).collisions == {}
    assert merge_fields(base, base, theirs).merged == theirs


@given(three_versions())
def test_deleted_row_properties(
    versions: tuple[dict[str, object], dict[str, object], dict[str, object]],
) -> None:
    base, mine, _theirs = versions
    result = merge_fields(base, mine, None)

    assert result.merged == mine
    assert result.collisions == {}
    assert set(result.differs) == {name for name in base if mine[name] != base[name]}
