"""The journal of changes made through the services: where undo and redo learn what was done.

Services record one ``ChangeSet`` per action, after its transaction committed (a change that
rolled back was never done). The journal keeps nothing itself: listeners (the undo stack, a log)
decide what to keep. The ``ChangeApplier`` never records, so undoing is not itself a new action.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.application.change_set import ChangeSet

Listener = Callable[[ChangeSet], None]


class ChangeJournal:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every change recorded from now on; returns the function that
        stops it (calling that twice is harmless)."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def record(self, change: ChangeSet) -> None:
        """Tell every listener, in the order they subscribed."""
        for listener in list(self._listeners):
            listener(change)
