from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.ui.row_cache import RowCache, RowCount


def rows(start: int, n: int) -> list[int]:
    return list(range(start, start + n))


def test_rows_come_from_their_block() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    assert cache.get(5) is None
    assert cache.store(0, rows(0, 10), cache.generation)
    assert cache.get(5) == 5
    assert cache.get(10) is None
    assert cache.block_of(25) == 2
    assert list(cache.block_range(2)) == rows(20, 10)


def test_results_for_an_older_generation_are_dropped() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    old = cache.generation
    new = cache.reset()
    assert new == old + 1
    assert not cache.store(0, rows(0, 10), old)
    assert cache.get(0) is None
    assert not cache.set_count(1_000, old)
    assert cache.count == RowCount(0, exact=False)


def test_cache_is_bounded_least_recently_used_goes() -> None:
    cache: RowCache[int] = RowCache(block_size=10, max_blocks=3)
    for block in range(3):
        cache.store(block, rows(block * 10, 10), cache.generation)
    cache.get(0)  # touch block 0: block 1 is now the oldest
    cache.store(3, rows(30, 10), cache.generation)
    assert cache.cached_blocks() == [2, 0, 3]
    assert cache.get(15) is None


def test_count_is_a_lower_bound_until_known() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.store(0, rows(0, 10), cache.generation)
    assert cache.count == RowCount(10, exact=False)
    cache.store(1, rows(10, 10), cache.generation)
    assert cache.count == RowCount(20, exact=False)
    assert cache.set_count(1_000_000, cache.generation)
    assert cache.count == RowCount(1_000_000, exact=True)


def test_short_page_reveals_the_end() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.store(0, rows(0, 10), cache.generation)
    cache.store(1, rows(10, 4), cache.generation)
    assert cache.count == RowCount(14, exact=True)


def test_empty_first_page_means_an_empty_table() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.store(0, [], cache.generation)
    assert cache.count == RowCount(0, exact=True)


def test_a_page_that_contradicts_the_count_asks_for_a_recount() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.set_count(100, cache.generation)
    cache.store(3, rows(30, 10), cache.generation)
    assert not cache.suspect
    cache.store(5, [], cache.generation)  # rows vanished (deleted elsewhere), or a bad page
    assert cache.count == RowCount(100, exact=True)  # no cutting the table at a guess
    assert cache.suspect
    cache.set_count(50, cache.generation)
    assert not cache.suspect
    cache.store(4, rows(40, 10), cache.generation)  # a full last block: consistent
    assert not cache.suspect
    cache.store(6, rows(60, 3), cache.generation)  # more rows than counted: grown
    assert cache.suspect


def test_count_drops_blocks_past_the_end() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.store(0, rows(0, 10), cache.generation)
    cache.store(3, rows(30, 10), cache.generation)
    cache.set_count(25, cache.generation)
    assert cache.cached_blocks() == [0]


def test_refresh_keeps_the_count_so_the_view_does_not_collapse() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.set_count(500, cache.generation)
    cache.store(0, rows(0, 10), cache.generation)
    cache.reset(keep_count=True)
    assert cache.count == RowCount(500, exact=False)
    assert cache.get(0) is None
    cache.reset()
    assert cache.count == RowCount(0, exact=False)


def test_latest_wanted_block_wins_and_old_wishes_are_forgotten() -> None:
    cache: RowCache[int] = RowCache(block_size=10, max_wanted=2)
    assert cache.want(1)
    assert not cache.want(1)
    cache.want(2)
    cache.want(900)
    assert cache.next_wanted() == 900
    cache.store(900, rows(9000, 10), cache.generation)
    assert cache.next_wanted() == 2
    cache.drop_wanted(2)
    assert cache.next_wanted() is None  # block 1 was pushed out by newer wishes


def test_cached_blocks_are_not_wanted() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.store(0, rows(0, 10), cache.generation)
    assert not cache.want(0)
    assert cache.next_wanted() is None


def test_keyset_cursor_needs_the_full_previous_block() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    assert cache.row_before(0) is None
    assert cache.row_before(1) is None
    cache.store(0, rows(0, 10), cache.generation)
    assert cache.row_before(1) == 9
    assert cache.row_before(2) is None


def test_replace_and_find() -> None:
    cache: RowCache[int] = RowCache(block_size=10)
    cache.store(1, rows(10, 10), cache.generation)
    assert cache.replace(12, 99)
    assert not cache.replace(55, 1)
    assert list(cache.find(lambda v: v == 99)) == [(12, 99)]


def test_invalid_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="block_size"):
        RowCache(block_size=0)


@given(
    st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=200),
    st.integers(min_value=2, max_value=8),
)
def test_never_holds_more_than_max_blocks(blocks: list[int], max_blocks: int) -> None:
    cache: RowCache[int] = RowCache(block_size=4, max_blocks=max_blocks)
    for block in blocks:
        cache.store(block, rows(block * 4, 4), cache.generation)
        assert len(cache.cached_blocks()) <= max_blocks
        assert cache.get(block * 4 + 3) == block * 4 + 3
