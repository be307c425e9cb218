"""A rotating log file only its owner can read: the log names paths, users and queries.

Its own module so ``logging.handlers`` (and the pickle and socket modules it imports) loads only
when logging is set up, after the window has appeared.
"""

from __future__ import annotations

import contextlib
import os
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

PRIVATE_FILE_MODE = 0o600


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files are created 0600, whatever the umask.

    A log file or backup that an older version left world-readable is made private when the
    handler starts; rotation renames files, which keeps their mode, and opens the new file here.
    """

    def __init__(self, filename: Path, *, max_bytes: int, backup_count: int) -> None:
        super().__init__(filename, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
        for number in range(1, backup_count + 1):
            with contextlib.suppress(OSError):  # no such backup (yet)
                os.chmod(f"{self.baseFilename}.{number}", PRIVATE_FILE_MODE)

    def _open(self) -> TextIOWrapper:
        descriptor = os.open(
            self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE
        )
        if hasattr(os, "fchmod"):  # POSIX: opening an existing file leaves its mode alone
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)
