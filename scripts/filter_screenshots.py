"""Screenshots of the filter bars in use (issue #13, item 2), light and dark.

Fills a throwaway SQLite database with demo data (a third of the posts never edited, as on the
site), starts the real window on it, and filters as a user would: the users to the active ones
created in the first half of 2026, the posts to one author's never-edited posts. Saves the
window as docs/screenshots/filters-{scheme}.png. Run in an X server, e.g.
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/filter_screenshots.py dark``.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import closing
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


async def _filter_then_grab(window: object, opened: bool, target: Path) -> int:
    try:
        return await _filter(window, opened, target)
    except Exception:
        import traceback

        traceback.print_exc()
        window.close()  # type: ignore[attr-defined]
        return 1


async def _filter(window: object, opened: bool, target: Path) -> int:
    from desktop_app.application.read_models import PostQuery
    from desktop_app.harness import until
    from desktop_app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert opened
    assert window.database is not None
    window.resize(1380, 860)
    await until(lambda: window.users_model.row_count.exact, 60)
    users_bar, posts_bar = window.filters.bars["users"], window.filters.bars["posts"]
    assert users_bar.active is not None
    assert posts_bar.author is not None
    users_bar.active.setCurrentIndex(1)  # active: yes
    users_bar.created.set_value(date(2026, 1, 1), date(2026, 6, 30))
    posts = await window.database.post_reader.fetch(PostQuery(), limit=1000)
    by_author = Counter((row.author_id, row.author_username) for row in posts)
    (author_id, username), _posts = by_author.most_common(1)[0]  # a prolific author
    posts_bar.author.set_author(author_id, username)
    assert posts_bar.updated.mode is not None
    posts_bar.updated.mode.setCurrentIndex(2)  # never edited
    await until(lambda: not window.filters.busy and window.posts_model.row_count.exact, 60)
    await asyncio.sleep(1.0)  # the totals arrive, everything repaints
    window.users_panel.table.setFocus()
    target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(target))
    window.close()
    return 0


def one(scheme: str) -> None:
    from desktop_app.gui import run_gui

    target = OUT / f"filters-{scheme}.png"
    os.environ["DESKTOP_APP_COLOR_SCHEME"] = scheme
    code = run_gui(after_open=lambda w, ok: _filter_then_grab(w, ok, target))
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
        path = Path(tmp) / "blog.db"
        env["DATABASE_URL"] = f"sqlite+aiosqlite:///{path}"
        env.setdefault("TZ", "Europe/Berlin")
        env.setdefault("LANG", "en_US.UTF-8")  # numbers grouped as an English desktop shows them
        python = sys.executable
        subprocess.run(
            [python, "-m", "desktop_app", "demo-data", "--users", "5000", "--posts", "40000"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with closing(sqlite3.connect(path)) as db:  # never edited, as the site leaves rows
            db.execute("UPDATE posts SET updated_at = NULL WHERE substr(id, 32) < '6'")
            db.commit()
        for scheme in schemes:
            subprocess.run([python, __file__, scheme], env=env, check=True)


if __name__ == "__main__":
    main()
