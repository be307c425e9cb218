"""``desktop-app FILE`` opens that file (issue #9 item 7), and a bad ``--database-url`` is blamed
on the option, not on the environment or the settings file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from tests.e2e.test_app_starts import fresh_home
from tests.processes import run_desktop_app as desktop_app

NAME = "my notes? 100% #1.db"  # every character a URL reads differently


def test_a_file_named_on_the_command_line_is_the_one_opened(tmp_path: Path) -> None:
    env = fresh_home(tmp_path)
    folder = tmp_path / "odd dir"
    folder.mkdir()
    path = folder / NAME
    url = "sqlite+aiosqlite:///" + quote(str(path), safe="/ ")
    created = desktop_app("--database-url", url, "db", "upgrade", "--yes", env=env)
    assert created.returncode == 0, created.stderr
    before = sorted(p.name for p in folder.iterdir())

    shot = tmp_path / "window.png"
    result = desktop_app("--screenshot", str(shot), str(path), env=env)

    assert result.returncode == 0, result.stderr  # 1: the window could not open a database
    assert shot.stat().st_size > 10_000
    assert not (tmp_path / "home/.local/share/Quillbase/quillbase.db").exists()
    assert sorted(p.name for p in folder.iterdir()) == before  # no "my notes" beside it


def test_a_bad_database_url_option_names_the_option(tmp_path: Path) -> None:
    env = fresh_home(tmp_path)
    result = desktop_app("--database-url", "notaurl", "db", "current", env=env)
    assert result.returncode != 0
    assert result.stderr.startswith("error: --database-url: 'notaurl' is not a database URL")
    assert "environment variable" not in result.stderr
    assert "settings.toml" not in result.stderr
    secret = desktop_app(
        "--database-url", "postgresql://ann:s3cret@host:port/db", "db", "current", env=env
    )
    assert secret.returncode != 0
    assert "--database-url:" in secret.stderr
    assert "s3cret" not in secret.stderr


def test_commands_still_work_beside_a_file_argument(tmp_path: Path) -> None:
    env = fresh_home(tmp_path)
    result = desktop_app("db", "history", env=env)
    assert result.returncode == 0, result.stderr
    assert "0001" in result.stdout
    both = desktop_app(str(tmp_path / "a.db"), str(tmp_path / "b.db"), env=env)
    assert both.returncode == 2
    assert "one file at a time" in both.stderr
