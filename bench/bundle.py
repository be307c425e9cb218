"""Bundle size and start-up of the packaged app vs a minimal PySide6 window bundled the same way.

Run: .venv/bin/python bench/bundle.py   (builds dist/desktop_app first if it is missing)

The minimal app is a QMainWindow with a small QTableView, packaged by PyInstaller with the
same Qt plugin/translation filter as build.spec. Start-up is measured from launch until
the first paint, which each program reports as a wall-clock timestamp (``--quit-after-start``
for ours); the exit that follows is not counted. Medians of interleaved runs on Xvfb; the
time until the first rows of a 10,000-user database are on screen is reported beside it.
Budgets (issue 5): size <= 1.25x and start-up <= 2x the minimal bundle.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ROOT / "dist" / "desktop_app" / "desktop-app"
RUNS = 15
NOTES = "## Notes"
WARMUP = 2

MINIMAL_APP = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv)
window = QMainWindow()
model = QStandardItemModel(3, 3)
for row in range(3):
    for column in range(3):
        model.setItem(row, column, QStandardItem(f"{row},{column}"))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1180, 780)
window.show()


def painted():
    print(f"painted-at {time.time():.6f}", flush=True)
    app.quit()


QTimer.singleShot(0, painted)
sys.exit(app.exec())
"""


def spec_filter() -> str:
    """build.spec's trim (its filter, then the plugins that cannot load and the system
    libraries nothing kept links to), reused verbatim so both bundles are trimmed alike."""
    text = (ROOT / "build.spec").read_text()
    start, end = text.index("UNUSED = ("), text.index("# -- end of the trim")
    return text[start:end]


def build_minimal(workdir: Path) -> Path:
    (workdir / "minimal.py").write_text(MINIMAL_APP)
    (workdir / "minimal.spec").write_text(
        textwrap.dedent(
            """
            import sys
            from pathlib import Path
            from PyInstaller.depend import bindepend
            a = Analysis(["minimal.py"], excludes=["tkinter"])
            """
        )
        + spec_filter()
        + textwrap.dedent(
            """
            pyz = PYZ(a.pure)
            exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="minimal", upx=False,
                      strip=True)
            coll = COLLECT(exe, a.binaries, a.datas, upx=False, strip=True, name="minimal")
            """
        )
    )
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "ERROR", "minimal.spec"],
        cwd=workdir,
        check=True,
    )
    return workdir / "dist" / "minimal" / "minimal"


def size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def one_start(command: list[str], env: dict[str, str], key: str = "painted-at") -> float:
    """Seconds from launch until the program's first paint (or whatever ``key`` names), as it
    reports them: the exit that follows is not part of starting."""
    launched = time.time()
    result = subprocess.run(
        command, env=env, check=True, capture_output=True, timeout=120, text=True
    )
    words = result.stdout.split()
    return float(words[words.index(key) + 1]) - launched


def start_times(commands: list[tuple[list[str], str]], env: dict[str, str]) -> list[float]:
    """Median start time of each command; runs interleave (a, b, c, a, b, c, ...) after
    warm-ups, so a busy moment of the machine hits all of them alike. A command may name
    several keys (``"painted-at built-at"``): one median each, from the same runs."""
    for command, keys in commands:
        for _ in range(WARMUP):
            one_start(command, env, keys.split()[0])
    samples: list[list[float]] = [[] for command, keys in commands for _ in keys.split()]
    for _ in range(RUNS):
        slot = 0
        for command, keys in commands:
            launched = time.time()
            result = subprocess.run(
                command, env=env, check=True, capture_output=True, timeout=120, text=True
            )
            words = result.stdout.split()
            for key in keys.split():
                samples[slot].append(float(words[words.index(key) + 1]) - launched)
                slot += 1
    return [statistics.median(times) for times in samples]


def main() -> int:
    if not OURS.exists():
        subprocess.run([str(ROOT / "scripts" / "build")], check=True)
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        print("needs Xvfb (scripts/screenshots installs it)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp:
        work = Path(tmp)
        minimal = build_minimal(work)
        display = ":93"
        server = subprocess.Popen(
            [xvfb, display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1)
            env = {
                "HOME": str(work / "home"),
                "PATH": "/usr/bin:/bin",
                "DISPLAY": display,
                "QT_QPA_PLATFORM": "xcb",
                "LANG": "C.UTF-8",
                "XDG_DATA_HOME": str(work / "data"),
                "XDG_CONFIG_HOME": str(work / "config"),
                "XDG_STATE_HOME": str(work / "state"),
            }
            subprocess.run(
                [str(OURS), "demo-data", "--users", "10000", "--posts", "30000"],
                env=env,
                check=True,
                capture_output=True,
            )
            ours_start, ours_built, minimal_start, ours_rows = start_times(
                [
                    ([str(OURS), "--quit-after-start", "window"], "painted-at built-at"),
                    ([str(minimal)], "painted-at"),
                    ([str(OURS), "--quit-after-start", "rows"], "rows-at"),
                ],
                env,
            )
        finally:
            server.terminate()
        ours_size, minimal_size = size(OURS.parent), size(minimal.parent)
    rows = [
        (
            "bundle size",
            f"{ours_size / 1e6:.0f} MB",
            f"{minimal_size / 1e6:.0f} MB",
            ours_size / minimal_size,
            1.25,
        ),
        (
            "start to window (launch until its first paint)",
            f"{ours_start * 1000:.0f} ms",
            f"{minimal_start * 1000:.0f} ms",
            ours_start / minimal_start,
            2.0,
        ),
    ]
    lines = [
        "# Bundle benchmark",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; median of {RUNS} interleaved starts each (after "
        f"{WARMUP} warm-ups) on Xvfb.",
        "",
        "| what | desktop-app | minimal PySide6 window | ratio | budget |",
        "|---|---|---|---|---|",
        *(
            f"| {w} | {a} | {b} | {r:.2f}x | <= {bud}x {'ok' if r <= bud else 'MISSED'} |"
            for w, a, b, r, bud in rows
        ),
        "",
        f"The window paints its frame (title, size and place, status bar) first and builds "
        f"its tables, menus and toolbar right after: start until all of it has painted "
        f"{ours_built * 1000:.0f} ms ({ours_built / minimal_start:.2f}x the minimal window, "
        f"which builds less). Start until the first 100 of 10,000 users are on screen "
        f"(database opened and its schema checked; not part of the budget): "
        f"{ours_rows * 1000:.0f} ms.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    written = ROOT / "docs" / "bundle-benchmark.md"
    # The hand-written analysis below the figures ("## Notes" on) is kept across runs.
    before = written.read_text() if written.exists() else ""
    notes = before[before.index(NOTES) :] if NOTES in before else ""
    written.write_text(report + ("\n" + notes if notes else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
