"""Database passwords: in the OS keyring where there is one, else in memory for this run only.

Never in the settings file. Every keyring failure (no backend, a locked or broken one) falls back
to memory, so a password is asked at most once per run.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SERVICE = "desktop_app"
_memory: dict[str, str] = {}


def remember_password(key: str, password: str) -> bool:
    """Keep ``password`` for ``key`` (a URL without its password); True if it persisted."""
    _memory[key] = password
    try:
        import keyring

        keyring.set_password(SERVICE, key, password)
    except Exception as error:  # no keyring, or a broken one: this run only
        log.info("password kept in memory only (%s)", type(error).__name__)
        return False
    return True


def recall_password(key: str) -> str | None:
    if key in _memory:
        return _memory[key]
    try:
        import keyring

        stored = keyring.get_password(SERVICE, key)
    except Exception:
        return None
    if stored is not None:
        _memory[key] = stored
    return stored


def forget_memory() -> None:
    """Drop passwords held in memory (tests)."""
    _memory.clear()
