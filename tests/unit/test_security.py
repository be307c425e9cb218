from __future__ import annotations

import hashlib

import bcrypt
from passlib.hash import pbkdf2_sha256

from desktop_app.core.security import (
    hash_password,
    needs_rehash,
    verify_and_update,
    verify_password,
)


def test_new_hashes_are_argon2id_and_verify() -> None:
    hashed = hash_password("correct horse")
    assert hashed.startswith("$argon2id$")
    assert verify_password("correct horse", hashed)
    assert not verify_password("wrong horse", hashed)
    assert not needs_rehash(hashed)


def test_passwords_longer_than_72_bytes_hash_and_verify() -> None:
    secret = "ü" * 60  # 120 bytes in UTF-8: bcrypt would refuse it
    assert verify_password(secret, hash_password(secret))


def test_web_backend_bcrypt_hash_verifies_and_is_flagged_for_rehash() -> None:
    legacy = bcrypt.hashpw(b"backend-pw", bcrypt.gensalt(rounds=4)).decode()
    assert verify_password("backend-pw", legacy)
    assert not verify_password("other", legacy)
    assert needs_rehash(legacy)
    ok, new_hash = verify_and_update("backend-pw", legacy)
    assert ok
    assert new_hash is not None and new_hash.startswith("$argon2id$")


def test_long_secret_against_bcrypt_hash_is_a_mismatch_not_a_crash() -> None:
    legacy = bcrypt.hashpw(b"backend-pw", bcrypt.gensalt(rounds=4)).decode()
    assert not verify_password("x" * 100, legacy)


def test_web_backend_pbkdf2_hash_verifies_and_is_flagged() -> None:
    legacy = pbkdf2_sha256.using(rounds=1000).hash("backend-pw")
    assert verify_password("backend-pw", legacy)
    assert needs_rehash(legacy)


def test_unknown_hash_format_is_a_mismatch() -> None:
    assert not verify_password("pw", hashlib.sha256(b"pw").hexdigest())
    assert not verify_password("pw", "")
    assert needs_rehash("not a hash")
