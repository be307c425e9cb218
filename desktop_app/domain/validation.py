"""Field rules for users and posts, with messages meant to be shown next to the field.

Every check returns the cleaned value (trimmed, ``""`` bio -> ``None``) or raises ValidationError.
The validate_* functions run every check and report all failing fields at once, so a form can
mark them all. E-mail syntax is checked by the EmailNormaliser port passed in (its implementation,
over email-validator, lives in ``desktop_app.core``: the domain depends on the standard library
only); the checks here (storable, present, not too long) are plain Python.

Every text field and the password are first checked for characters no backend can take: NUL
(PostgreSQL text refuses it, SQLite would store it) and unpaired surrogates (not encodable as
UTF-8, so the driver, the e-mail normaliser or the password hasher would raise
UnicodeEncodeError). Rejecting them here makes both a field error, the same on every backend,
before any of those sees the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdatePostDTO, UpdateUserDTO
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.messages import Message, Texts
from desktop_app.domain.ports import EmailNormaliser
from desktop_app.domain.unset import UNSET

USERNAME_MIN, USERNAME_MAX = 3, 50
PASSWORD_MIN, PASSWORD_MAX = 8, 128
TITLE_MAX = 255
BIO_MAX = 10_000
EMAIL_MAX = 254

_USERNAME_CHARS = re.compile(r"[A-Za-z0-9_.\-]+")
# UTF-16 surrogate code points: in a Python str they only come from a broken decode or paste
# (a well-formed pair is decoded into one code point), and they cannot be encoded as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")

T = TypeVar("T")


class Validation(Texts):
    """The translation context of the field rules' messages."""


def _labels() -> dict[str, Message]:
    """The fields' names in a sentence ("Username contains a NUL character.")."""
    return {
        "username": Validation.tr("Username"),
        "email": Validation.tr("E-mail"),
        "password": Validation.tr("Password"),
        "bio": Validation.tr("Bio"),
        "title": Validation.tr("Title"),
        "content": Validation.tr("Content"),
    }


LABELS = _labels()


def check_storable(field: str, label: str | Message, value: str) -> str:
    """``value`` unchanged, or ValidationError(field) if it holds a character that cannot be
    stored: a NUL, or an unpaired surrogate. ``label`` names the field in the message."""
    if "\x00" in value:
        raise ValidationError(
            field, Validation.tr("{label} contains a NUL character.", label=label)
        )
    if not value.isascii() and _SURROGATE.search(value):
        raise ValidationError(
            field,
            Validation.tr(
                "{label} contains an unpaired surrogate (often from a broken paste).", label=label
            ),
        )
    return value


def check_username(value: str) -> str:
    name = check_storable("username", LABELS["username"], value).strip()
    if not name:
        raise ValidationError("username", Validation.tr("Username is required."))
    if not USERNAME_MIN <= len(name) <= USERNAME_MAX:
        raise ValidationError(
            "username",
            Validation.tr(
                "Username must be {min}-{max} characters long (it has {length}).",
                min=USERNAME_MIN,
                max=USERNAME_MAX,
                length=str(len(name)),
            ),
        )
    if not _USERNAME_CHARS.fullmatch(name):
        raise ValidationError(
            "username",
            Validation.tr("Username may contain only letters, digits, '_', '.' and '-'."),
        )
    return name


def check_email(value: str, normalise: EmailNormaliser) -> str:
    """The normalised address; the normaliser only ever sees storable text."""
    email = check_storable("email", LABELS["email"], value).strip()
    if not email:
        raise ValidationError("email", Validation.tr("E-mail is required."))
    if len(email) > EMAIL_MAX:
        raise ValidationError(
            "email",
            Validation.tr("E-mail must be at most {max} characters long.", max=EMAIL_MAX),
        )
    return normalise(email)


def check_password(value: str) -> str:
    """``value`` unchanged (never trimmed); the hasher only ever sees storable text."""
    check_storable("password", LABELS["password"], value)
    if not value.strip():
        raise ValidationError("password", Validation.tr("Password is required."))
    if len(value) < PASSWORD_MIN:
        raise ValidationError(
            "password",
            Validation.tr("Password must be at least {min} characters long.", min=PASSWORD_MIN),
        )
    if len(value) > PASSWORD_MAX:
        raise ValidationError(
            "password",
            Validation.tr("Password must be at most {max} characters.", max=PASSWORD_MAX),
        )
    return value


def check_bio(value: str | None) -> str | None:
    if value is None:
        return None
    check_storable("bio", LABELS["bio"], value)
    if not value.strip():
        return None
    if len(value) > BIO_MAX:
        raise ValidationError(
            "bio", Validation.tr("Bio must be at most {max} characters long.", max=BIO_MAX)
        )
    return value.strip()


def check_title(value: str) -> str:
    title = check_storable("title", LABELS["title"], value).strip()
    if not title:
        raise ValidationError("title", Validation.tr("Title is required."))
    if len(title) > TITLE_MAX:
        raise ValidationError(
            "title",
            Validation.tr(
                "Title must be at most {max} characters long (it has {length}).",
                max=TITLE_MAX,
                length=str(len(title)),
            ),
        )
    return title


def check_content(value: str) -> str:
    check_storable("content", LABELS["content"], value)
    if not value.strip():
        raise ValidationError("content", Validation.tr("Content is required."))
    return value


class _Collector:
    """Runs checks, keeping the first message per field."""

    def __init__(self) -> None:
        self.errors: dict[str, Message] = {}

    def run(self, check: Callable[[], T], fallback: T) -> T:
        try:
            return check()
        except ValidationError as error:
            for field, message in error.messages.items():
                self.errors.setdefault(field, message)
            return fallback

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError.from_errors(self.errors)


def validate_create_user(dto: CreateUserDTO, normalise_email: EmailNormaliser) -> CreateUserDTO:
    c = _Collector()
    email = c.run(lambda: check_email(dto.email, normalise_email), dto.email)
    username = c.run(lambda: check_username(dto.username), dto.username)
    password = c.run(lambda: check_password(dto.password), dto.password)
    bio = c.run(lambda: check_bio(dto.bio), dto.bio)
    c.raise_if_any()
    return replace(dto, email=email, username=username, password=password, bio=bio)


def validate_update_user(dto: UpdateUserDTO, normalise_email: EmailNormaliser) -> UpdateUserDTO:
    c = _Collector()
    email, username, bio = dto.email, dto.username, dto.bio
    if email is not UNSET:
        email = c.run(lambda: check_email(dto.email, normalise_email), email)  # type: ignore[arg-type]
    if username is not UNSET:
        username = c.run(lambda: check_username(dto.username), username)  # type: ignore[arg-type]
    if bio is not UNSET:
        bio = c.run(lambda: check_bio(dto.bio), bio)  # type: ignore[arg-type]
    c.raise_if_any()
    return replace(dto, email=email, username=username, bio=bio)


def validate_create_post(dto: CreatePostDTO) -> CreatePostDTO:
    c = _Collector()
    title = c.run(lambda: check_title(dto.title), dto.title)
    content = c.run(lambda: check_content(dto.content), dto.content)
    c.raise_if_any()
    return replace(dto, title=title, content=content)


def validate_update_post(dto: UpdatePostDTO) -> UpdatePostDTO:
    c = _Collector()
    title, content = dto.title, dto.content
    if title is not UNSET:
        title = c.run(lambda: check_title(dto.title), title)  # type: ignore[arg-type]
    if content is not UNSET:
        content = c.run(lambda: check_content(dto.content), content)  # type: ignore[arg-type]
    c.raise_if_any()
    return replace(dto, title=title, content=content)
