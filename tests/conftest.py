"""Test-wide setup: headless Qt, and a private home so no test reads or writes the user's own."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# Without a display and without this, the qapp fixture aborts the whole pytest process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_HOME = Path(tempfile.mkdtemp(prefix="desktop_app-tests-home-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)  # one per run, not one left per run
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_HOME / _name.lower())
for _name in (
    "DATABASE_URL",
    "DB_POOL_SIZE",
    "DB_MAX_OVERFLOW",
    "DEBUG",
    "DB_CONNECT_TIMEOUT",
    "DB_COMMAND_TIMEOUT",
):
    os.environ.pop(_name, None)
os.environ.pop("DESKTOP_APP_SETTINGS_FILE", None)
