"""Password hashing over passlib's CryptContext (the maintained ``libpass`` distribution).

New hashes are argon2id with one lane (OWASP's m=19 MiB, t=2, p=1), so hashing leaves a core for
the window on a two-core machine. bcrypt and pbkdf2_sha256 hashes written by the web backend still
verify and are reported as needing a rehash. ``hash_password_async`` runs in a worker thread
(hashing takes ~50-250 ms and must never run on the event loop's thread): it is the
implementation of the domain's PasswordHasher port that ``bootstrap`` injects.
"""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Any


@cache
def _crypt_context() -> Any:
    """passlib's CryptContext, built on first use (importing passlib costs start-up time)."""
    from passlib.context import CryptContext

    return CryptContext(
        schemes=["argon2", "bcrypt", "pbkdf2_sha256"],
        deprecated="auto",
        argon2__type="ID",
        argon2__memory_cost=19_456,
        argon2__time_cost=2,
        argon2__parallelism=1,
    )


def warm_up() -> None:
    """Import passlib and its handlers now (call it in a worker thread): the first hash would
    otherwise pay for the imports, and imports hold the interpreter lock."""
    _crypt_context().handler("argon2").get_backend()


def hash_password(password: str) -> str:
    """Hash with argon2id. CPU-heavy: from async code call hash_password_async."""
    result: str = _crypt_context().hash(password)
    return result


def verify_password(password: str, hashed: str) -> bool:
    """True if ``password`` matches ``hashed`` (argon2, bcrypt or pbkdf2_sha256).

    An unrecognised hash, or a secret bcrypt cannot take (over 72 bytes), is a mismatch,
    not an exception.
    """
    try:
        return bool(_crypt_context().verify(password, hashed))
    except (ValueError, TypeError):
        return False


def needs_rehash(hashed: str) -> bool:
    """True for a hash in a deprecated scheme or with weaker parameters than the default."""
    try:
        return bool(_crypt_context().needs_update(hashed))
    except (ValueError, TypeError):
        return True


def verify_and_update(password: str, hashed: str) -> tuple[bool, str | None]:
    """Verify, and if the hash is outdated return a fresh argon2 hash to store instead."""
    try:
        ok, new_hash = _crypt_context().verify_and_update(password, hashed)
    except (ValueError, TypeError):
        return False, None
    return bool(ok), new_hash


async def hash_password_async(password: str) -> str:
    """hash_password in the default executor, so the event loop keeps running."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, hash_password, password)
