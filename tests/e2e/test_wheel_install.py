"""The wheel as a user gets it: installed into a fresh virtual environment, run from elsewhere.

scripts/test builds it first (scripts/wheel: the sdist, the wheel from that sdist, and
dist/wheelhouse with the dependencies at .venv's versions, so installing needs no index). Every
command runs from an empty temporary directory with an empty PATH, so nothing can come from the
checkout. Outside CI a missing wheel skips these tests with a hint; under CI=true it fails.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app.infrastructure.database.migrations import head_revision
from tests.e2e import test_bundle
from tests.e2e.test_bundle import fresh_env

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
WHEELHOUSE = DIST / "wheelhouse"

display = test_bundle.display  # the private Xvfb server, a fixture


def _built(pattern: str) -> Path:
    found = sorted(DIST.glob(pattern))
    if len(found) != 1 or not (WHEELHOUSE / "constraints.txt").exists():
        message = f"dist/{pattern} and dist/wheelhouse are not built (run scripts/wheel)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found[0]


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel and its dependencies, from dist/ only."""
    wheel = _built("desktop_app-*.whl")
    venv = tmp_path_factory.mktemp("installed") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")),
            *("install", "--quiet", "--disable-pip-version-check", "--no-index"),
            *("--find-links", str(WHEELHOUSE), "--constraint", str(WHEELHOUSE / "constraints.txt")),
            str(wheel),
        ],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return venv


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """An empty working directory: not the checkout, so nothing is imported from it."""
    directory = tmp_path / "elsewhere"
    directory.mkdir()
    return directory


def run(venv: Path, env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(venv / "bin" / args[0]), *args[1:]],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
        check=False,
    )


LOCATE = """
import desktop_app
from desktop_app.infrastructure.database.migrations import migrations_dir
from desktop_app.ui.resources import resources_dir
print(desktop_app.__file__, migrations_dir(), resources_dir(), sep="\\n")
"""


def _files(directory: Path) -> set[str]:
    return {
        path.relative_to(directory).as_posix()
        for path in directory.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_install_holds_every_module_migration_and_icon(
    venv: Path, display: str, tmp_path: Path, elsewhere: Path
) -> None:
    where = run(venv, fresh_env(tmp_path, display), elsewhere, "python", "-c", LOCATE)
    assert where.returncode == 0, where.stderr
    module, scripts, icons = map(Path, where.stdout.split("\n")[:3])
    package = module.parent
    assert package.is_relative_to(venv), f"imported from {package}, not from the install"
    assert (scripts, icons) == (package / "_migrations", package / "_resources")
    installed = _files(package)
    missing = {f"desktop_app/{name}" for name in _files(ROOT / "desktop_app") - installed}
    for top, inside in (("migrations", "_migrations"), ("resources", "_resources")):
        missing |= {f"{top}/{name}" for name in _files(ROOT / top) - _files(package / inside)}
    assert not missing, f"not installed: {sorted(missing)}"
    # The wheel is built from the sdist, so this holds there too; say it directly all the same.
    with tarfile.open(_built("desktop_app-*.tar.gz")) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for top in ("migrations", "resources"):
        absent = {f"{top}/{name}" for name in _files(ROOT / top)} - members
        assert not absent, f"not in the sdist: {sorted(absent)}"


def test_self_check_passes(venv: Path, display: str, tmp_path: Path, elsewhere: Path) -> None:
    check = run(venv, fresh_env(tmp_path, display), elsewhere, "desktop-app-cli", "--self-check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "all checks passed" in check.stdout


def test_db_upgrade_migrates_a_new_sqlite_file(
    venv: Path, display: str, tmp_path: Path, elsewhere: Path
) -> None:
    env = fresh_env(tmp_path, display)
    database = tmp_path / "new.db"
    env["DATABASE_URL"] = f"sqlite+aiosqlite:///{database}"
    upgraded = run(venv, env, elsewhere, "desktop-app-cli", "db", "upgrade", "--yes")
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    assert f"upgraded from empty to {head_revision()}" in upgraded.stdout
    with sqlite3.connect(database) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM desktop_app_alembic_version")
    assert revision == head_revision()
    history = run(venv, env, elsewhere, "desktop-app-cli", "db", "history")
    assert history.returncode == 0, history.stderr
    assert "(head, current)" in history.stdout


def test_the_window_starts_and_shows_data(
    venv: Path, display: str, tmp_path: Path, elsewhere: Path
) -> None:
    env = fresh_env(tmp_path, display)
    env["DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'blog.db'}"
    filled = run(
        venv, env, elsewhere, "desktop-app-cli", "demo-data", "--users", "300", "--seed", "5"
    )
    assert filled.returncode == 0, filled.stdout + filled.stderr
    shot = tmp_path / "window.png"
    shown = run(venv, env, elsewhere, "desktop-app", "--screenshot", str(shot))
    assert shown.returncode == 0, shown.stdout + shown.stderr
    for noise in ("Traceback", "Event loop is closed", "Task was destroyed", "never awaited"):
        assert noise not in shown.stderr, shown.stderr
    if saved := os.environ.get("DESKTOP_APP_TEST_SCREENSHOT"):  # to look at it by eye
        shutil.copyfile(shot, saved)
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 40, f"only {len(colours)} colours: did the tables show data?"
