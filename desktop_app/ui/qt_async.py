"""Typed wrappers around qasync, so mypy --strict can follow coroutine slots."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar, cast

from PySide6.QtWidgets import QWidget

P = ParamSpec("P")
W = TypeVar("W", bound=QWidget)


def async_slot(
    *types: type,
) -> Callable[[Callable[P, Coroutine[Any, Any, None]]], Callable[P, None]]:
    """``qasync.asyncSlot``: a coroutine method usable as a Qt slot; each call runs as a task,
    and an exception it raises reaches ``sys.excepthook`` (our crash dialog). qasync is
    imported here, by the modules that define slots: the window's frame paints before them."""
    import qasync

    return cast(
        Callable[[Callable[P, Coroutine[Any, Any, None]]], Callable[P, None]],
        qasync.asyncSlot(*types),
    )


def named(widget: W, name: str, accessible: str | None = None) -> W:
    """Give a widget a stable objectName (tests, styling) and an accessible name."""
    widget.setObjectName(name)
    if accessible:
        widget.setAccessibleName(accessible)
    return widget
