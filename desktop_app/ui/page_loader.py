"""PageLoader: fetches the table's wanted blocks and its row count in the background.

The table model says which blocks the view wants (``want``); one loader task fetches the newest
wanted block at a time (the latest request wins: wishes the user scrolled away from are
forgotten by the cache). A block that follows a cached block is fetched by keyset (fast at any
depth); a jump fetches by position. The exact row count is a COUNT run apart, so it never delays
the first rows. Nothing here touches Qt: the model hears about pages, counts, failures and the
busy state through the callbacks it passes in, and turns them into Qt's model signals.

Kept out of the model so the model is only the Qt interface, and so what is fetched, when, and
which answers are stale can be read in one place.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Generic

from desktop_app.application.read_models import (
    Cursor,
    PostQuery,
    RowReader,
    RowT,
    UserQuery,
    cursor_of,
)
from desktop_app.domain.errors import DomainError, StorageError
from desktop_app.ui.messages import error_text
from desktop_app.ui.row_cache import RowCache

Query = UserQuery | PostQuery


class PageLoader(Generic[RowT]):
    """Fills a ``RowCache`` from a ``RowReader``: pages on demand, the count in the background.

    ``page_arrived(block)`` is called after a block is stored for the current generation,
    ``count_arrived()`` after an exact count is stored, ``failed(message)`` once when loading
    stops on an error (until the next ``start``), and ``loading_changed(busy)`` whenever the
    loader starts or stops being busy. Every task it starts (saves included, via ``spawn``) is
    tracked so ``wait_idle`` can wait for them.
    """

    def __init__(
        self,
        cache: RowCache[RowT],
        query: Query,
        *,
        page_arrived: Callable[[int], None],
        count_arrived: Callable[[], None],
        failed: Callable[[str], None],
        loading_changed: Callable[[bool], None],
    ) -> None:
        self.cache: RowCache[RowT] = cache
        self.query: Query = query
        self.reader: RowReader[Any, RowT] | None = None
        self._page_arrived = page_arrived
        self._count_arrived = count_arrived
        self._failed_callback = failed
        self._loading_changed = loading_changed
        self._loader: asyncio.Future[None] | None = None
        self._counter: asyncio.Future[None] | None = None
        self._tasks: set[asyncio.Future[None]] = set()
        self._loading = False
        self._failed: str | None = None  # loading stopped after this error, until a restart
        self.fetches = 0  # pages fetched since creation (tests and the status bar read it)

    @property
    def is_loading(self) -> bool:
        """Whether a page fetch or the count is in flight."""
        return self._loading

    @property
    def failure(self) -> str | None:
        """Why loading stopped, or None while it has not."""
        return self._failed

    def cancel(self) -> None:
        """Cancel the page fetch and the count in flight: they answer a question nobody asks
        any more, and a slow one (a long search) would hold a connection and delay the next.
        Saves are left alone: an edit the user made still counts."""
        for task in (self._loader, self._counter):
            if task is not None:
                task.cancel()
        self._loader = self._counter = None

    def start(self) -> bool:
        """Fetch the first block and count the rows for the cache's current generation;
        False (and not busy any more) when there is no reader to fetch from."""
        self._failed = None
        if self.reader is None:
            self._set_loading(False)  # what was loading was cancelled, and nothing will load
            return False
        self.cache.want(0)
        self._kick()
        self._counter = self.spawn(self._count(self.cache.generation, self.query))
        return True

    def want(self, block: int) -> None:
        """The view asks for ``block``: fetch it soon, unless it is cached or already wanted."""
        if self.cache.want(block):
            self._kick()

    def spawn(self, coroutine: Awaitable[None]) -> asyncio.Future[None]:
        """Run ``coroutine`` as a tracked task (``wait_idle`` waits for it)."""
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def wait_idle(self) -> None:
        """Until every fetch, count and save started so far has finished (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def _kick(self) -> None:
        if (
            self.reader is not None
            and self._failed is None
            and (self._loader is None or self._loader.done())
        ):
            self._loader = self.spawn(self._load_wanted())

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self._loading_changed(loading)

    async def _load_wanted(self) -> None:
        try:
            while (block := self.cache.next_wanted()) is not None and self.reader is not None:
                self._set_loading(True)
                generation, query = self.cache.generation, self.query
                previous = self.cache.row_before(block)
                after: Cursor | None = cursor_of(previous, query) if previous else None
                try:
                    count = self.cache.count
                    rows = await self.reader.fetch(
                        query,
                        offset=block * self.cache.block_size,
                        limit=self.cache.block_size,
                        after=after,
                        total=count.rows if count.exact else None,
                    )
                except (StorageError, DomainError) as error:
                    self.cache.drop_wanted(block)
                    self._fail(error_text(error))
                    return
                self.fetches += 1
                if not self.cache.store(block, rows, generation):
                    continue  # a reset happened meanwhile: this page answers an old question
                self._page_arrived(block)
                if self.cache.suspect and (self._counter is None or self._counter.done()):
                    self.cache.suspect = False  # the table changed under us: count again
                    self._counter = self.spawn(self._count(generation, query))
        finally:
            if asyncio.current_task() is self._loader:  # not a loader cancelled by a reload
                self._set_loading(bool(self._counter and not self._counter.done()))

    async def _count(self, generation: int, query: Query) -> None:
        if self.reader is None:
            return
        try:
            total = await self.reader.count(query)
        except (StorageError, DomainError) as error:
            if generation == self.cache.generation:
                self._fail(error_text(error))
            return
        if self.cache.set_count(total, generation):
            self._count_arrived()
        if self._loader is None or self._loader.done():
            self._set_loading(False)

    def _fail(self, message: str) -> None:
        if self._failed is None:
            self._failed = message
            self._failed_callback(message)
