"""The program starts with the cyclic garbage collector off (``desktop_app.__main__``): the
window's collector takes over from there, and every command turns automatic collection back
on, so a long import or export never runs with collection left off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from desktop_app import __main__ as entry
from desktop_app import cli


@pytest.fixture(autouse=True)
def collection_restored() -> Iterator[None]:
    yield
    gc.enable()


def test_a_command_runs_with_automatic_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    """... and with large freed blocks given back, as in the window (an export's buffers)."""
    seen: list[bool] = []
    mapped: list[bool] = []

    def command(action: str, settings: object, *, yes: bool = False) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "run_db_command", command)
    monkeypatch.setattr(cli, "keep_large_blocks_mapped", lambda: mapped.append(True) or True)
    monkeypatch.setattr("sys.argv", ["desktop-app", "db", "current"])
    assert entry.main() == 0
    assert seen == [True]
    assert mapped == [True]


def test_the_window_starts_with_collection_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off from the first import until the window's own collector runs it on the GUI thread."""
    seen: list[bool] = []

    def run_gui(**_: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr("desktop_app.gui.run_gui", run_gui)
    monkeypatch.setattr("sys.argv", ["desktop-app"])
    assert entry.main() == 0
    assert seen == [False]
