"""The packaged executable (dist/desktop_app/desktop-app) on a real X server, no Python on PATH.

scripts/test builds it first (scripts/build). Outside CI a missing bundle skips these tests
with a hint; under CI=true it fails, since then the bundle was supposed to be built.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
EXECUTABLE = ROOT / "dist" / "desktop_app" / "desktop-app"


@pytest.fixture(scope="module")
def executable() -> Path:
    if not EXECUTABLE.exists():
        message = f"{EXECUTABLE.relative_to(ROOT)} is not built (run scripts/build)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return EXECUTABLE


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A private Xvfb server."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        message = "Xvfb is not installed (scripts/test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def fresh_env(tmp_path: Path, display: str) -> dict[str, str]:
    home = tmp_path / "home"
    empty_bin = tmp_path / "bin"  # no python, nothing: the bundle must need nothing on PATH
    empty_bin.mkdir(exist_ok=True)
    return {
        "HOME": str(home),
        "PATH": str(empty_bin),
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def run(executable: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_version_and_self_check(executable: Path, display: str, tmp_path: Path) -> None:
    env = fresh_env(tmp_path, display)
    version = run(executable, env, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("desktop-app 0.")
    check = run(executable, env, "--self-check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "all checks passed" in check.stdout
    assert "argon2id" in check.stdout


def test_db_commands_work_as_from_source(executable: Path, display: str, tmp_path: Path) -> None:
    env = fresh_env(tmp_path, display)
    assert "does not exist" in run(executable, env, "db", "current").stderr  # nothing created
    upgraded = run(executable, env, "db", "upgrade", "--yes")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from empty to 0007" in upgraded.stdout
    assert "schema 0007, up to date" in run(executable, env, "db", "current").stdout
    assert "0006 -> 0007 (head, current)" in run(executable, env, "db", "history").stdout


def test_first_start_shows_the_window_with_data(
    executable: Path, display: str, tmp_path: Path
) -> None:
    env = fresh_env(tmp_path, display)
    filled = run(executable, env, "demo-data", "--users", "300", "--posts", "900", "--seed", "5")
    assert filled.returncode == 0, filled.stderr
    shot = tmp_path / "window.png"
    shown = run(executable, env, "--screenshot", str(shot))
    assert shown.returncode == 0, shown.stderr
    for noise in ("Traceback", "Event loop is closed", "Task was destroyed"):
        assert noise not in shown.stderr, shown.stderr
    database = tmp_path / "home/.local/share/Quillbase/quillbase.db"
    with sqlite3.connect(database) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM desktop_app_alembic_version")
    assert revision == "0007"
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    # A window with two filled tables has many distinct colours; an empty frame has a few.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 40, f"only {len(colours)} colours: did the tables show data?"


def test_the_command_line_executable_and_the_trimmed_libraries(
    executable: Path, display: str, tmp_path: Path
) -> None:
    """desktop-app-cli is the console twin (on Windows the window's executable has no
    console; elsewhere a link to it); the GTK theme's library stack and Qt Network's leftovers
    are gone, the Wayland platform plugin is there."""
    cli = executable.with_name("desktop-app-cli")
    if sys.platform != "win32":  # a link, not a second copy of the Python modules
        assert cli.is_symlink() and cli.resolve() == executable.resolve()
    version = run(cli, fresh_env(tmp_path, display), "--version")
    assert version.returncode == 0 and version.stdout.startswith("desktop-app 0."), version
    internal = executable.parent / "_internal"
    libraries = {path.name for path in internal.glob("lib*.so*")}
    for gone in ("libpango-1.0", "libcairo", "libatk-1.0", "libgdk_pixbuf", "libgssapi_krb5"):
        assert not any(name.startswith(gone) for name in libraries), gone
    platforms = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    assert {"libqxcb.so", "libqwayland.so"} <= {p.name for p in platforms.iterdir()}
    assert (internal / "desktop_app" / "_resources" / "icons" / "app" / "app-256.png").exists()


def test_nothing_runs_at_start_that_the_app_does_not_use(executable: Path) -> None:
    """The start-up scripts the bundle runs are PyInstaller's own and PySide6's, and its module
    archive holds no setuptools: PyInstaller's setuptools hook imported it on every start
    (120 ms, most of what the window's first paint took beyond a minimal Qt program's)."""
    viewer = Path(sys.executable).with_name("pyi-archive_viewer")
    listing = subprocess.run(
        [str(viewer), "--recursive", "--brief", str(executable)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    names = {line.strip().strip("'") for line in listing.splitlines()}
    hooks = {name for name in names if name.startswith("pyi_rth_")}
    assert hooks == {"pyi_rth_inspect", "pyi_rth_pkgutil", "pyi_rth_pyside6"}
    assert "desktop_app.gui" in names  # the listing reached the module archive
    assert not {name for name in names if name.split(".")[0] in ("setuptools", "pkg_resources")}


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (scripts/test installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_the_desktop_entry_installs_and_validates(executable: Path, tmp_path: Path) -> None:
    """scripts/install-desktop-entry puts the menu entry (running this bundle), the icon in
    every hicolor size and the AppStream metadata under XDG_DATA_HOME, each valid; and
    --uninstall takes them away."""
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "PREFIX": ""}
    script = ROOT / "scripts" / "install-desktop-entry"
    done = subprocess.run(
        [str(script), str(executable.parent)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    entry = data / "applications" / "org.desktop_app.Editor.desktop"
    text = entry.read_text()
    assert f'Exec="{executable}" %f' in text and "Icon=org.desktop_app.Editor" in text
    for size in (16, 32, 48, 64, 128, 256, 512):
        icon = data / f"icons/hicolor/{size}x{size}/apps/org.desktop_app.Editor.png"
        assert QImage(str(icon)).width() == size
    metainfo = data / "metainfo" / "org.desktop_app.Editor.metainfo.xml"
    checks = [
        [_validator("desktop-file-validate"), str(entry)],
        [_validator("appstreamcli"), "validate", "--no-net", str(metainfo)],
    ]
    for check in checks:
        result = subprocess.run(check, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    gone = subprocess.run([str(script), "--uninstall"], env=env, capture_output=True, text=True)
    assert gone.returncode == 0 and not entry.exists() and not metainfo.exists()
