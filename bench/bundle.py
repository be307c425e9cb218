"""Bundle size and start-up of the packaged app vs a minimal PySide6 window bundled the same way.

Run: .venv/bin/python bench/bundle.py   (builds dist/desktop_app first if it is missing)

The minimal app is a QMainWindow with a small QTableView, packaged by PyInstaller with the
same Qt plugin/translation filter as build.spec. Start-up is measured as wall time from
launch until the process exits right after its window has painted (``--quit-after-start``),
median of several runs, on Xvfb; the time until the first rows of a 10,000-user database are
on screen is reported beside it.
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
RUNS = 7

MINIMAL_APP = """
import sys
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
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def spec_filter() -> str:
    """build.spec's filter, reused verbatim so both bundles are trimmed alike."""
    text = (ROOT / "build.spec").read_text()
    start, end = text.index("UNUSED = ("), text.index("a.binaries = [")
    return text[start:end]


def build_minimal(workdir: Path) -> Path:
    (workdir / "minimal.py").write_text(MINIMAL_APP)
    (workdir / "minimal.spec").write_text(
        textwrap.dedent(
            """
            a = Analysis(["minimal.py"], excludes=["tkinter"])
            """
        )
        + spec_filter()
        + textwrap.dedent(
            """
            a.binaries = [entry for entry in a.binaries if wanted(entry)]
            a.datas = [entry for entry in a.datas if wanted(entry)]
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


def start_time(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
            ours_start = start_time([str(OURS), "--quit-after-start", "window"], env)
            ours_rows = start_time([str(OURS), "--quit-after-start", "rows"], env)
            minimal_start = start_time([str(minimal)], env)
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
            "start to window (launch until exit after the first paint)",
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
        f"{platform.python_version()}; median of {RUNS} starts on Xvfb.",
        "",
        "| what | desktop-app | minimal PySide6 window | ratio | budget |",
        "|---|---|---|---|---|",
        *(
            f"| {w} | {a} | {b} | {r:.2f}x | <= {bud}x {'ok' if r <= bud else 'MISSED'} |"
            for w, a, b, r, bud in rows
        ),
        "",
        f"Start until the first 100 of 10,000 users are on screen (database opened and its "
        f"schema checked; not part of the budget): {ours_rows * 1000:.0f} ms.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "docs" / "bundle-benchmark.md").write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
