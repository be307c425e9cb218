from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from desktop_app.ui.gc_guard import (
    LONG_LIVED_ROWS,
    GarbageCollector,
    exempt_long_lived,
    full_collections_held,
    release_long_lived,
)


@pytest.fixture
def collector(qapp: object) -> Iterator[GarbageCollector]:
    guard = GarbageCollector()
    guard.start()
    yield guard
    guard.stop()


def test_automatic_collection_is_off_while_running(collector: GarbageCollector) -> None:
    assert not gc.isenabled()


def test_collects_cycles_when_due_on_this_thread(collector: GarbageCollector) -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    gc.collect()
    for _ in range(gc.get_threshold()[0] + 10):
        Node()
    assert collector.collect_if_due() > 0
    assert collector.collect_if_due() == 0  # nothing due right after a collection


def test_stop_restores_automatic_collection(qapp: object) -> None:
    guard = GarbageCollector()
    guard.start()
    guard.stop()
    assert gc.isenabled()


def test_a_hold_keeps_full_collections_off_and_gives_them_back(
    collector: GarbageCollector,
) -> None:
    original = gc.get_threshold()
    full: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(seen)
    try:
        with full_collections_held():
            with full_collections_held():  # holds nest
                pass
            assert gc.get_threshold()[2] > original[2]
            for _ in range(original[2] * original[1] + 50):  # enough young collections for one full
                gc.collect(0)
                gc.collect(1)
                collector.collect_if_due()
            assert full == []
        assert gc.get_threshold() == original
        collector.collect_if_due()  # the full collection held off runs now, on the timer
        assert full == [1]
    finally:
        gc.callbacks.remove(seen)


def test_a_hold_is_released_when_its_block_fails(qapp: object) -> None:
    original = gc.get_threshold()
    with pytest.raises(RuntimeError), full_collections_held():
        raise RuntimeError("the export failed")
    assert gc.get_threshold() == original


def test_a_history_that_froze_nothing_leaves_the_start_up_freeze_alone(qapp: object) -> None:
    gc.freeze()  # as gui.py does once the database is open
    try:
        frozen = gc.get_freeze_count()
        assert not exempt_long_lived(10)
        release_long_lived()  # a database switch or close: the history is cleared
        assert gc.get_freeze_count() == frozen
        assert exempt_long_lived(LONG_LIVED_ROWS)
        release_long_lived()  # the big change is gone: everything is scanned again
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
