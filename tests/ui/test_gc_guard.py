from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from desktop_app.ui.gc_guard import GarbageCollector


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
