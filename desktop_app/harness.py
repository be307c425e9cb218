"""The start-up harness: ``--quit-after-start`` (timings) and ``--screenshot`` (a PNG).

Not the product's start-up path: ``gui.run_gui`` only offers two hooks (after the first paint,
after the database opened) and this module drives them. It ships in the package, not in
``scripts/`` or ``bench/``, because what it measures and photographs is the installed and the
frozen app: ``scripts/screenshots``, ``bench/bundle.py`` and the end-to-end tests run
``desktop-app --screenshot`` / ``--quit-after-start`` against the wheel and the bundle.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.gui import next_qt_turn, run_gui

if TYPE_CHECKING:  # the window's parts load after its first paint, as without the harness
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.table_model import LazyTableModel


async def until(predicate: Callable[[], bool], seconds: float) -> bool:
    """Poll a UI condition every 50 ms (there is no single signal for "painted with rows")."""
    import asyncio  # as ``run_gui`` does: loaded once the window's frame has painted

    deadline = asyncio.get_running_loop().time() + seconds
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def _shown(model: LazyTableModel[Any]) -> bool:
    """The table shows rows, or knows it has none."""
    count = model.row_count
    return count.exact and (count.rows == 0 or model.cache.get(0) is not None)


def _markdown_post(window: MainWindow) -> int:
    """The first post on screen whose content is Markdown with a heading (else the first)."""
    for number in range(min(30, window.posts_model.rowCount())):
        row = window.posts_model.row_at(number)
        if row is not None and row.content_preview.lstrip().startswith("#"):
            return number
    return 0


async def screenshot_when_ready(
    window: MainWindow, path: Path, preview_path: Path | None = None
) -> None:
    """Wait until both tables show rows (or are empty), select a post (a Markdown one when
    there is one) and wait for its preview, save the window as PNG (and the posts table with
    the preview to ``preview_path``), close it."""
    import asyncio

    await until(lambda: _shown(window.users_model) and _shown(window.posts_model), 60)
    if window.users_model.row_count.rows and window.database is not None:
        # show master-detail with substance: the most prolific of the first users on screen
        rows = [window.users_model.row_at(n) for n in range(min(15, window.users_model.rowCount()))]
        counts = [await window.database.users.count_posts_of([r.id]) for r in rows if r]
        if max(counts, default=0):  # none of them wrote anything: all posts say more
            window.users_panel.select_row(max(range(len(counts)), key=counts.__getitem__))
            await until(lambda: _shown(window.posts_model), 60)
    if window.posts_model.row_count.rows:
        window.posts_panel.select_row(_markdown_post(window))
        body = window.preview.body.browser
        await until(lambda: body.toPlainText() not in ("", "Loading…"), 60)
    await asyncio.sleep(0.4)  # let the last repaint land
    path.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(path))
    if preview_path is not None:
        preview_path.parent.mkdir(parents=True, exist_ok=True)
        area = window.preview.parentWidget()
        assert area is not None
        area.grab().save(str(preview_path))
    window.close()


class _Harness:
    def __init__(
        self, screenshot: Path | None, preview: Path | None, quit_after_start: str | None
    ) -> None:
        self._screenshot = screenshot
        self._preview = preview
        self._quit_after_start = quit_after_start
        self._painted_at = 0.0

    async def after_paint(self, window: MainWindow, painted_at: float, built_at: float) -> bool:
        """Note when the window painted; with ``--quit-after-start window``, say when its frame
        and when all of it had painted, and stop before the database layer loads."""
        self._painted_at = painted_at
        if self._quit_after_start == "window":
            print(f"painted-at {painted_at:.6f} built-at {built_at:.6f}", flush=True)
            return False
        return True

    async def after_open(self, window: MainWindow, opened: bool) -> int:
        """Take the screenshot and/or report when the first rows painted; close the window."""
        import asyncio

        shooting = None
        if self._screenshot is not None:
            if not opened:
                window.close()
                return 1
            shooting = asyncio.ensure_future(
                screenshot_when_ready(window, self._screenshot, self._preview)
            )
        if self._quit_after_start == "rows":
            model = window.users_model
            await until(
                lambda: (
                    model.cache.get(0) is not None
                    or (model.row_count.exact and model.row_count.rows == 0)
                ),
                60,
            )
            await next_qt_turn()  # the first rows paint
            print(f"painted-at {self._painted_at:.6f} rows-at {time.time():.6f}", flush=True)
            window.close()
        if shooting is not None:
            await shooting
        return 0


def run_harnessed(
    *,
    database_url: str | None = None,
    path: str | None = None,
    read_only: bool = False,
    screenshot: Path | None = None,
    preview_screenshot: Path | None = None,
    quit_after_start: str | None = None,
) -> int:
    """Run the window as ``run_gui`` does, driven by the harness; the exit code is 1 when a
    screenshot was asked for and the database did not open."""
    harness = _Harness(screenshot, preview_screenshot, quit_after_start)
    return run_gui(
        database_url=database_url,
        path=path,
        read_only=read_only,
        after_paint=harness.after_paint,
        after_open=harness.after_open,
    )
