"""A bounded block cache of table rows: plain data, no Qt, so it has its own fast tests.

Learned from DB Browser for SQLite's RowCache/RowLoader, and improved where its users suffer:

* rows live in fixed-size blocks, and at most ``max_blocks`` are kept (least recently used go):
  scrolling through a million rows never holds a million rows;
* a ``generation`` counter is bumped by every reset; a page that arrives for an older generation
  is dropped instead of being shown under the wrong query;
* the row count is tracked as unknown, a lower bound (pages so far), or exact (a COUNT, or a
  short page that revealed the end);
* only the newest wanted blocks are remembered (``want``): when the user jumps, what they were
  looking at a moment ago is no longer fetched.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

RowT = TypeVar("RowT")


@dataclass(frozen=True, slots=True)
class RowCount:
    """How many rows the query has: ``exact``, or at least ``rows`` (what pages showed so far)."""

    rows: int
    exact: bool


class RowCache(Generic[RowT]):
    """The rows of one query (one generation) in at most ``max_blocks`` blocks of
    ``block_size``, the blocks wanted next, and the row count as far as it is known."""

    def __init__(self, *, block_size: int = 100, max_blocks: int = 40, max_wanted: int = 3) -> None:
        if block_size < 1 or max_blocks < 2 or max_wanted < 1:
            raise ValueError("block_size >= 1, max_blocks >= 2 and max_wanted >= 1 are required")
        self.block_size = block_size
        self.max_blocks = max_blocks
        self.max_wanted = max_wanted
        self.generation = 0
        self._blocks: OrderedDict[int, list[RowT]] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._known_rows = 0
        self._exact = False
        self.suspect = False  # a page contradicted the exact count: count again

    # -- generations -------------------------------------------------------------------------

    def reset(self, *, keep_count: bool = False) -> int:
        """Forget every row (a new query, or a refresh); returns the new generation.

        With ``keep_count`` the row count stays as it was until a new one arrives, so a refresh
        does not collapse the view and lose the user's scroll position.
        """
        self.generation += 1
        self._blocks.clear()
        self._wanted.clear()
        self.suspect = False
        if not keep_count:
            self._known_rows = 0
            self._exact = False
        else:
            self._exact = False
        return self.generation

    # -- rows --------------------------------------------------------------------------------

    def block_of(self, row: int) -> int:
        """The block row number ``row`` is in."""
        return row // self.block_size

    def block_range(self, block: int) -> range:
        """The row numbers ``block`` holds (the last block may hold fewer rows)."""
        start = block * self.block_size
        return range(start, start + self.block_size)

    def get(self, row: int) -> RowT | None:
        """Row number ``row`` if its block is cached (which marks the block recently used)."""
        block = self._blocks.get(row // self.block_size)
        if block is None:
            return None
        self._blocks.move_to_end(row // self.block_size)
        offset = row % self.block_size
        return block[offset] if offset < len(block) else None

    def has_block(self, block: int) -> bool:
        """Whether ``block`` is cached."""
        return block in self._blocks

    def cached_blocks(self) -> list[int]:
        """The cached blocks, least recently used first."""
        return list(self._blocks)

    def store(self, block: int, rows: list[RowT], generation: int) -> bool:
        """Keep a fetched block; False (and nothing kept) if it belongs to an older generation.

        Before the count is known, a block shorter than ``block_size`` marks the end of the
        table and makes the count exact. Once a COUNT said otherwise, a short block means the
        table changed under us (or a page went wrong): the count is kept, and ``suspect``
        tells the model to count again rather than cut the table where the page ended.
        """
        if generation != self.generation:
            return False
        self._wanted.pop(block, None)
        self._blocks[block] = list(rows)
        self._blocks.move_to_end(block)
        while len(self._blocks) > self.max_blocks:
            self._blocks.popitem(last=False)
        end = block * self.block_size + len(rows)
        short = len(rows) < self.block_size
        if self._exact:
            if (short and end != self._known_rows) or end > self._known_rows:
                self.suspect = True
        elif short and (rows or block == 0):
            self._known_rows, self._exact = end, True  # this page ran past the last row
        elif rows:
            self._known_rows = max(self._known_rows, end)
        return True

    def row_before(self, block: int) -> RowT | None:
        """The last row of the previous block, if cached: the keyset cursor for ``block``."""
        previous = self._blocks.get(block - 1)
        if block == 0 or not previous or len(previous) < self.block_size:
            return None
        return previous[-1]

    def replace(self, row: int, value: RowT) -> bool:
        """Put ``value`` in place of row number ``row``; False if that row is not cached."""
        block = self._blocks.get(row // self.block_size)
        offset = row % self.block_size
        if block is None or offset >= len(block):
            return False
        block[offset] = value
        return True

    def find(self, predicate: Callable[[RowT], bool]) -> Iterator[tuple[int, RowT]]:
        """Cached rows that match, with their row numbers."""
        for block, rows in list(self._blocks.items()):
            for offset, value in enumerate(rows):
                if predicate(value):
                    yield block * self.block_size + offset, value

    # -- what to fetch next ------------------------------------------------------------------

    def want(self, block: int) -> bool:
        """Remember that ``block`` is wanted (newest last); True if it was not already."""
        if block in self._blocks:
            return False
        is_new = block not in self._wanted
        self._wanted[block] = None
        self._wanted.move_to_end(block)
        while len(self._wanted) > self.max_wanted:
            self._wanted.popitem(last=False)
        return is_new

    def next_wanted(self) -> int | None:
        """The newest wanted block: the latest request wins."""
        while self._wanted:
            block = next(reversed(self._wanted))
            if block not in self._blocks:
                return block
            self._wanted.pop(block)
        return None

    def drop_wanted(self, block: int) -> None:
        """Stop wanting ``block`` (its fetch failed: no retry until asked again)."""
        self._wanted.pop(block, None)

    # -- the row count -----------------------------------------------------------------------

    @property
    def count(self) -> RowCount:
        """The row count as far as it is known."""
        return RowCount(self._known_rows, self._exact)

    def set_count(self, rows: int, generation: int) -> bool:
        """An exact count from a COUNT query; False if it is for an older generation."""
        if generation != self.generation:
            return False
        self._known_rows, self._exact = rows, True
        self.suspect = False
        for block in [b for b in self._blocks if b * self.block_size >= rows]:
            del self._blocks[block]
        return True
