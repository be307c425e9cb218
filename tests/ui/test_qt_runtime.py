"""Guards against a broken Qt binding: PySide6 6.12.0 crashed the process after ~10^4 signals."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_signal_emits_and_slot_calls_do_not_crash_the_process() -> None:
    script = textwrap.dedent(
        """
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication, QCheckBox

        app = QApplication([])

        class Emitter(QObject):
            changed = Signal(int, bool)

        emitter, seen = Emitter(), []
        emitter.changed.connect(lambda n, flag: seen.append(flag))
        box = QCheckBox()
        box.toggled.connect(lambda flag: None)
        for n in range(60_000):
            emitter.changed.emit(n, n % 2 == 0)
            box.setChecked(n % 2 == 0)
        print(len(seen))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "60000"
