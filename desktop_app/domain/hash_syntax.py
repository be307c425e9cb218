"""Which stored password hashes the web backend accepts: argon2, bcrypt and pbkdf2_sha256,
and the locked-account marker.

A syntax check only (a regular expression per scheme, in the modular-crypt format passlib
writes), so an import can refuse a hash the site could never verify before anything is
written; whether it matches a password is not knowable without the password.

A locked account (the demo accounts' ``!demo-account-locked``) stores "!" and a word instead of
a hash: the Unix convention for "no password can log in", which no scheme identifies, so every
login fails. It is accepted exactly in that form ("!" then lower-case words joined by dashes), so
an export with hashes of such a database imports again; anything else after a "!" is refused.
"""

from __future__ import annotations

import re

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.validation import Validation

_B64 = r"[A-Za-z0-9+/]+"
_AB64 = r"[A-Za-z0-9./]+"
HASH_SCHEMES: dict[str, re.Pattern[str]] = {
    "argon2": re.compile(rf"\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\${_B64}\${_B64}"),
    "bcrypt": re.compile(r"\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}"),
    "pbkdf2_sha256": re.compile(rf"\$pbkdf2-sha256\$\d+\${_AB64}\${_AB64}"),
}
LOCKED_MARKER = re.compile(r"![a-z0-9]+(?:-[a-z0-9]+)*")


def is_locked_marker(hashed: str) -> bool:
    """Whether ``hashed`` is the locked-account marker: an account nobody can log in to."""
    return len(hashed) <= 64 and LOCKED_MARKER.fullmatch(hashed) is not None


def hash_scheme(hashed: str) -> str | None:
    """The scheme ``hashed`` is written in, or None when it is none the backend accepts."""
    for scheme, pattern in HASH_SCHEMES.items():
        if pattern.fullmatch(hashed):
            return scheme
    return None


def check_hashed_password(value: str) -> str:
    """``value`` trimmed, or ValidationError('hashed_password') naming the accepted schemes."""
    hashed = value.strip()
    if not hashed:
        raise ValidationError("hashed_password", Validation.tr("Password hash is required."))
    if hash_scheme(hashed) is None and not is_locked_marker(hashed):
        shown = hashed if len(hashed) <= 20 else hashed[:20] + "…"
        raise ValidationError(
            "hashed_password",
            Validation.tr(
                "not a password hash the site accepts ({hash}): expected {schemes}, or a "
                "locked account's marker such as '!account-locked'",
                hash=repr(shown),
                schemes=tuple(HASH_SCHEMES),
            ),
        )
    return hashed
