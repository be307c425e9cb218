"""``python -m desktop_app`` and the ``desktop-app`` executables: the window by default,
commands (``db``, ``export``, ``import`` ...) for headless work."""

from __future__ import annotations

import gc
import sys


def main() -> int:
    """Start with the cyclic garbage collector off: importing the window's modules creates a
    hundred thousand objects that live as long as the program, and collecting among them while
    they arrive is a fifth of the start-up's import time, spent before the window can paint.
    The window's collector (``ui/gc_guard.py``) takes over from there; a command turns
    automatic collection back on (``cli.main``)."""
    gc.disable()
    from desktop_app.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
