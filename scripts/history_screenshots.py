"""Screenshots of the main window with the History panel (issue #11), light and dark.

Fills a throwaway SQLite database with demo data, starts the real window on it, makes a few
changes through the services the window uses (an edit, an Active toggle, a new post, a delete
of three users with their posts), undoes the last one so the panel shows a step that can be
redone, and saves the window as docs/screenshots/history-{light,dark}.png. Run in an X server,
e.g. ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/history_screenshots.py``.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


async def _changes_then_grab(window: object, opened: bool, target: Path) -> int:
    from desktop_app.domain.entities import CreatePostDTO, UpdateUserDTO
    from desktop_app.harness import until
    from desktop_app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert opened
    assert window.database is not None
    database = window.database
    await until(lambda: window.users_model.row_count.exact, 60)
    users = await database.users.list_users(limit=6)
    first, second = users[0], users[1]
    await database.users.update_user(
        first.id,
        UpdateUserDTO(bio="Maintains the allotment newsletter; writes about tomatoes."),
        expected_updated_at=first.updated_at,
    )
    await database.users.update_user(
        second.id, UpdateUserDTO(is_active=False), expected_updated_at=second.updated_at
    )
    await database.posts.create_post(
        CreatePostDTO(
            title="Spring planting notes",
            content="Sow tomatoes indoors in March.",
            author_id=first.id,
        )
    )
    await database.users.delete_users([u.id for u in users[3:6]])
    await until(lambda: window.history.stack.count() == 4, 30)
    await window.history.undo()
    await until(lambda: not window.history.busy, 30)
    window.history.dock.show()
    window.refresh()
    await asyncio.sleep(1.5)  # the tables reload and repaint
    target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(target))
    window.close()
    return 0


def one(scheme: str) -> None:
    from desktop_app.gui import run_gui

    target = OUT / f"history-{scheme}.png"
    os.environ["DESKTOP_APP_COLOR_SCHEME"] = scheme
    code = run_gui(after_open=lambda w, ok: _changes_then_grab(w, ok, target))
    print(target if code == 0 else f"failed ({code})")


def main() -> None:
    if len(sys.argv) > 1:  # one scheme, in a process of its own
        one(sys.argv[1])
        return
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
        for scheme in ("light", "dark"):
            subprocess.run([python, __file__, scheme], env=env, check=True)


if __name__ == "__main__":
    main()
