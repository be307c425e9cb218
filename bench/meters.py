"""What the benchmarks measure besides time: event-loop stalls, garbage-collection pauses and
resident memory. Shared by bench/undo.py, bench/export.py and bench/import.py (run as scripts, so this folder is
on sys.path)."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from pathlib import Path

TICK = 0.005


class StallMeter:
    """A task that sleeps 5 ms at a time and keeps the longest gap between two wake-ups: the
    longest time anything held the event loop.

    ``longest_cpu`` is the most CPU time the loop's own thread used between two wake-ups: the
    work the program did in one turn, without the time the thread waited for a core or for the
    interpreter's lock. On a loaded machine the wall-clock gap grows with the load; this one
    does not, so it says what the program holds the loop for, and the gap what a user met."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.longest_cpu = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last, last_cpu = time.perf_counter(), time.thread_time()
        while True:
            await asyncio.sleep(TICK)
            now, cpu = time.perf_counter(), time.thread_time()
            self.longest = max(self.longest, now - last)
            self.longest_cpu = max(self.longest_cpu, cpu - last_cpu)
            last, last_cpu = now, cpu

    def __enter__(self) -> StallMeter:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


class GcPauses:
    """How many garbage collections ran meanwhile and the longest (``full_only``: only
    generation 2, the ones that walk every tracked object)."""

    def __init__(self, *, full_only: bool = False) -> None:
        self.full_only = full_only
        self.longest = 0.0
        self.count = 0
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if self.full_only and info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.count += 1
            self.longest = max(self.longest, time.perf_counter() - self._started)

    def __enter__(self) -> GcPauses:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)


def rss_bytes() -> int:
    """Resident memory of this process (Linux: /proc/self/status)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class RssPeak:
    """A thread reading VmRSS every 5 ms; ``peak`` is the most it saw."""

    def __init__(self) -> None:
        self.peak = rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(TICK):
            self.peak = max(self.peak, rss_bytes())

    def __enter__(self) -> RssPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())
