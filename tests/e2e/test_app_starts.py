"""The real program as a subprocess, in a fresh home: it comes up, shows data and quits cleanly."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def fresh_home(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG")}
    env.pop("DESKTOP_APP_SETTINGS_FILE", None)
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "home/.config"),
        XDG_DATA_HOME=str(tmp_path / "home/.local/share"),
        XDG_STATE_HOME=str(tmp_path / "home/.local/state"),
        XDG_CACHE_HOME=str(tmp_path / "home/.cache"),
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    )
    return env


def test_first_start_creates_and_migrates_the_default_database(tmp_path: Path) -> None:
    env = fresh_home(tmp_path)
    shot = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for noise in ("Traceback", "Event loop is closed", "Task was destroyed", "never awaited"):
        assert noise not in result.stderr, result.stderr
    database = tmp_path / "home/.local/share/Quillbase/quillbase.db"
    assert database.exists()
    with sqlite3.connect(database) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM desktop_app_alembic_version")
    assert revision == "0007"
    assert shot.stat().st_size > 10_000  # a real rendered window, not an empty image
    assert (tmp_path / "home/.local/state/Quillbase/log/desktop_app.log").exists() or any(
        (tmp_path / "home").rglob("desktop_app.log")
    )


def test_version_and_db_commands_need_no_window(tmp_path: Path) -> None:
    env = fresh_home(tmp_path)
    version = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert version.returncode == 0
    assert version.stdout.startswith("desktop-app ")
