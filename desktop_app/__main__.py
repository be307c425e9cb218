"""``python -m desktop_app``: the window by default, ``db ...`` for headless schema work."""

from __future__ import annotations

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
