"""Run Python's cyclic garbage collector on the GUI thread only.

Automatic collection runs in whichever thread happens to allocate at the wrong moment: here an
aiosqlite worker or the password-hashing executor. If a reference cycle holding a Qt object is
freed there, the QObject is destroyed off its thread, its timers are not unregistered, and the
next timer event crashes the process (seen in our suite as a segfault in
QTimerInfoList::activateTimers). qutebrowser avoids the same trap this way: automatic GC off,
and a timer on the GUI thread collects when the allocation counts say it is due.

A long job on the event loop (an export of a million rows) holds off full collections while it
runs (``full_collections_held``): a full collection walks every object not frozen, one pause of
the whole window, and a job that lasts a minute would otherwise meet several.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000


class GarbageCollector(QObject):
    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self, *, collect: bool = True) -> None:
        """Hand collection back to Python (after a last collection here, unless exiting)."""
        self._timer.stop()
        if collect:
            gc.collect()
        gc.enable()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose allocation count passed its threshold (read
        each time: ``full_collections_held`` raises the oldest one's for a while)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for level in range(3):
            if counts[level] > thresholds[level]:
                generation = level
        return gc.collect(generation) if generation >= 0 else 0


# A change this big (rows) is kept out of the collector's full scans while the history holds it.
LONG_LIVED_ROWS = 5_000


class _Exemption:
    """Whether the undo history froze the heap (and so has a freeze to give back)."""

    froze = False


_exemption = _Exemption()


def exempt_long_lived(rows: int) -> bool:
    """Keep what is alive now out of the cyclic collector's scans (``gc.freeze``) when the undo
    history has just taken a change of ``rows`` rows: otherwise every full collection walks its
    hundreds of thousands of objects and holds the window for a tenth of a second or more (see
    bench/undo.py). Frozen objects are still freed when nothing refers to them; only garbage
    cycles among them wait for ``release_long_lived`` (the history cleared). True if it froze."""
    if rows < LONG_LIVED_ROWS:
        return False
    gc.freeze()
    _exemption.froze = True
    return True


def release_long_lived() -> None:
    """Let the collector scan everything again once the history that held big changes is gone.
    Only then: a history that froze nothing leaves alone the start-up freeze (``gui.py``), which
    keeps the modules and the window out of every full collection (unfrozen, each full
    collection walks 100,000 more objects: 40-60 ms here, 200 ms on a loaded machine)."""
    if _exemption.froze:
        _exemption.froze = False
        gc.unfreeze()


# The oldest generation's threshold while full collections are held: never reached (its count
# grows by one a young collection) and still a C int.
_HELD_THRESHOLD = 2**31 - 1


class _FullCollectionHold:
    """How many jobs hold full collections off, and the threshold to give back after the last."""

    def __init__(self) -> None:
        self.holders = 0
        self.threshold = 0


_hold = _FullCollectionHold()


@contextlib.contextmanager
def full_collections_held() -> Iterator[None]:
    """Collect the young generations only while the block runs (on the event loop's thread).

    Young collections still free the cycles a job leaves behind it, so memory stays flat; what
    is held off is the walk over the whole heap, which a job of a million rows meets several
    times and which holds the window for as long as the heap is big (bench/export.py). Both the
    ``GarbageCollector`` timer and Python's automatic collection obey, as both read the oldest
    generation's threshold; it is given back when the last holder leaves, however it leaves, and
    the next due full collection then runs at that quiet moment. Holds nest."""
    if _hold.holders == 0:
        young, middle, _hold.threshold = gc.get_threshold()
        gc.set_threshold(young, middle, _HELD_THRESHOLD)
    _hold.holders += 1
    try:
        yield
    finally:
        _hold.holders -= 1
        if _hold.holders == 0:
            young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, _hold.threshold)
