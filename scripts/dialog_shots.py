"""Save dialogs as PNGs in docs/screenshots, once in the light and once in the dark scheme.

The screenshot scripts of single dialogs (conflict, export, import) build their dialogs and
hand them here; run offscreen, no X server needed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui import theme

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def save_shots(shots: Callable[[], Mapping[str, QWidget]]) -> int:
    """For each scheme, build the dialogs (name -> widget) and save each as NAME-SCHEME.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    for scheme in ("light", "dark"):
        os.environ[theme.FORCE_ENV] = scheme
        theme.apply_theme(app)  # type: ignore[arg-type]
        for name, dialog in shots().items():
            dialog.show()
            app.processEvents()
            path = OUT / f"{name}-{scheme}.png"
            dialog.grab().save(str(path))
            dialog.close()
            print(path.relative_to(OUT.parent.parent))
    return 0
