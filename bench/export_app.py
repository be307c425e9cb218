"""The app's side of bench/export.py: File → Export… in the real window, in a process of its own.

Run by bench/export.py as ``python bench/export_app.py URL users|posts TARGET PAGE_SIZE``; prints
one JSON line. The window starts as ``desktop-app`` starts it (``gui.run_gui``: offscreen, in a
temporary home), so everything the app does around an export is measured with it: its garbage
collection policy (automatic collection off, a GUI-thread timer collecting when due, the heap
frozen once the database is open, full collections held while an export runs), the progress
dialog, and ``ExportFlow.run_export`` itself, the slot the dialog's Export button calls. Meanwhile
a task ticks every 5 ms and keeps the longest gap (the longest event-loop stall), a thread samples
VmRSS every 5 ms (peak over the idle window just before), and ``gc.callbacks`` time every
collection.
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOME = tempfile.mkdtemp(prefix="export-bench-home-")
atexit.register(shutil.rmtree, HOME, ignore_errors=True)
os.environ.update(
    HOME=HOME,
    XDG_CONFIG_HOME=f"{HOME}/config",
    XDG_DATA_HOME=f"{HOME}/data",
    XDG_STATE_HOME=f"{HOME}/state",
    XDG_CACHE_HOME=f"{HOME}/cache",
    QT_QPA_PLATFORM="offscreen",
)

from meters import TICK, GcPauses, RssPeak, StallMeter, rss_bytes  # noqa: E402

from desktop_app.application.read_models import PostQuery, UserQuery  # noqa: E402
from desktop_app.gui import run_gui  # noqa: E402
from desktop_app.ui.export_dialog import ExportChoice  # noqa: E402
from desktop_app.ui.export_flow import ExportFlow  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402


class LoopCpu:
    """A 5 ms ticker on the event loop that also reads the loop thread's own CPU clock: for the
    longest gap, how much of it the loop thread ran (the rest it was off the CPU: the machine's
    other processes, or this process's other threads holding the GIL), and the most CPU the loop
    thread spent inside any one gap (what our code held the loop for, whatever the load)."""

    def __init__(self) -> None:
        self.longest = (0.0, 0.0, 0.0)  # wall, loop thread's CPU, whole process's CPU
        self.most_cpu = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = (time.perf_counter(), time.thread_time(), time.process_time())
        while True:
            await asyncio.sleep(TICK)
            now = (time.perf_counter(), time.thread_time(), time.process_time())
            gap = (now[0] - last[0], now[1] - last[1], now[2] - last[2])
            if gap[0] > self.longest[0]:
                self.longest = gap
            self.most_cpu = max(self.most_cpu, gap[1])
            last = now

    def __enter__(self) -> LoopCpu:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


def main() -> None:
    url, table, target, page_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    result: dict[str, float | int | str] = {}

    async def after_open(window: MainWindow, opened: bool) -> int:
        assert opened, "the database did not open"
        assert window.database is not None
        flow = window.findChild(ExportFlow)
        exports = window.database.exports
        exports.page_size = page_size  # type: ignore[attr-defined]
        query = PostQuery() if table == "posts" else UserQuery()
        rows = await exports.count(query)
        await asyncio.sleep(2.0)  # the tables' first pages and counts settle
        with StallMeter() as idle_stalls:  # the machine's own noise, for comparison
            await asyncio.sleep(1.0)
        result.update(
            frozen=gc.get_freeze_count(), tracked=len(gc.get_objects()), idle_rss=rss_bytes()
        )
        choice = ExportChoice(query, table, "csv", target, with_hashes=False, bom=False)  # type: ignore[arg-type]
        with (
            RssPeak() as memory,
            GcPauses(full_only=True) as full,
            GcPauses() as every,
            StallMeter() as stalls,
            LoopCpu() as loop_cpu,
        ):
            started = time.perf_counter()
            await flow.run_export(choice)  # type: ignore[func-returns-value]  # asyncSlot: the task
            seconds = time.perf_counter() - started
        message = window.statusBar().currentMessage()
        assert message.startswith(f"Exported {rows:,} "), message
        result.update(
            rows=rows,
            seconds=seconds,
            stall=stalls.longest,
            stall_loop_cpu=loop_cpu.longest[1],
            stall_process_cpu=loop_cpu.longest[2],
            most_loop_cpu=loop_cpu.most_cpu,
            idle_stall=idle_stalls.longest,
            peak_rss=memory.peak,
            full_collections=full.count,
            longest_full=full.longest,
            collections=every.count,
            longest_collection=every.longest,
            load=os.getloadavg()[0],
        )
        window.close()
        return 0

    code = run_gui(database_url=url, after_open=after_open)
    print(json.dumps(result))
    sys.exit(code)


if __name__ == "__main__":
    main()
