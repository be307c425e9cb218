"""A screenshot of the main window with View → SQL log open (issue #13, item 7).

Fills a throwaway SQLite database with demo data, starts the real window on it, opens the SQL
log through its View menu action, then does what a user would (a search, an edit, a new
post) and saves the window as docs/screenshots/sql-log-{scheme}.png (light by default).
Run in an X server, e.g.
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/sql_log_screenshots.py``.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


async def _work_then_grab(window: object, opened: bool, target: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget

    from desktop_app.domain.entities import CreatePostDTO, UpdateUserDTO
    from desktop_app.harness import until
    from desktop_app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert opened
    assert window.database is not None
    database = window.database
    await until(lambda: window.users_model.row_count.exact, 60)
    action = window.findChild(QAction, "actionSqlLog")
    assert action is not None
    action.trigger()  # View → SQL log
    dock = window.findChild(QDockWidget, "sqlLogDock")
    window.resizeDocks([dock], [300], Qt.Orientation.Vertical)
    window.users_panel.search.setText("garden")
    await asyncio.sleep(1.0)  # the search runs and the posts follow
    users = await database.users.list_users(limit=2)
    first = users[0]
    await database.users.update_user(
        first.id,
        UpdateUserDTO(bio="Maintains the allotment newsletter; writes about tomatoes."),
        expected_updated_at=first.updated_at,
    )
    await database.posts.create_post(
        CreatePostDTO(
            title="Spring planting notes",
            content="Sow tomatoes indoors in March.",
            author_id=first.id,
        )
    )
    await asyncio.sleep(1.0)  # the log drains, everything repaints
    target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(target))
    window.close()
    return 0


def one(scheme: str) -> None:
    from desktop_app.gui import run_gui

    target = OUT / f"sql-log-{scheme}.png"
    os.environ["DESKTOP_APP_COLOR_SCHEME"] = scheme
    code = run_gui(after_open=lambda w, ok: _work_then_grab(w, ok, target))
    print(target if code == 0 else f"failed ({code})")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("light", "dark") and "DATABASE_URL" in os.environ:
        one(sys.argv[1])  # in a process of its own, on the demo database
        return
    schemes = sys.argv[1:] or ["light"]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        for name in ("CONFIG", "DATA", "STATE", "CACHE"):
            env[f"XDG_{name}_HOME"] = str(Path(tmp) / name.lower())
        env["DATABASE_URL"] = f"sqlite+aiosqlite:///{Path(tmp) / 'blog.db'}"
        env.setdefault("TZ", "Europe/Berlin")
        python = sys.executable
        subprocess.run(
            [python, "-m", "desktop_app", "demo-data", "--users", "2000", "--posts", "8000"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        for scheme in schemes:
            subprocess.run([python, __file__, scheme], env=env, check=True)


if __name__ == "__main__":
    main()
