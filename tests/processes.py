"""Running ``python -m desktop_app`` as a user would, for the CLI and end-to-end tests."""

from __future__ import annotations

import subprocess
import sys


def run_desktop_app(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``python -m desktop_app ARGS`` with ``env``, no terminal on stdin, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
