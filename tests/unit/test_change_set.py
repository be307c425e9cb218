"""The rows of a big deletion are turned into row changes off the event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from uuid import uuid4

import pytest

from desktop_app.application import change_set
from desktop_app.domain.entities import Post


def _posts(n: int) -> list[Post]:
    return [Post(title=f"p{i}", content="c", author_id=uuid4()) for i in range(n)]


def test_many_removals_are_built_in_a_worker_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[int] = []
    build = change_set._removed

    def recorded(rows: Sequence[Post]) -> tuple[change_set.RowChange[Post], ...]:
        threads.append(threading.get_ident())
        return build(rows)

    monkeypatch.setattr(change_set, "_removed", recorded)
    few, many = _posts(3), _posts(change_set.BUILD_IN_THREAD_ABOVE + 1)
    built = asyncio.run(change_set.removals(few))
    assert [c.before for c in built] == few and all(c.after is None for c in built)
    assert threads == [threading.get_ident()]  # a few: here, no thread hop
    built = asyncio.run(change_set.removals(many))
    assert [c.before for c in built] == many
    assert threads[1] != threading.get_ident()
