"""Ports: what the domain and the use cases need from the outside, as Protocols.

The implementations live in ``desktop_app.core`` (argon2id over passlib in ``security.py``,
email-validator in ``emails.py``) and are injected by the composition root, ``bootstrap.py``;
tests inject fakes or the real ones. Neither the domain nor the application imports them.
"""

from __future__ import annotations

from typing import Protocol


class PasswordHasher(Protocol):
    """Hashes a password for storage, off the event loop's thread (hashing takes ~50-250 ms)."""

    async def __call__(self, password: str, /) -> str: ...


class EmailNormaliser(Protocol):
    """The normalised address, or ValidationError('email') when it is not a valid one."""

    def __call__(self, address: str, /) -> str: ...
