"""A user's or a post's fields as the conflict dialog compares them, and how rows are named.

The undo history and the forms both hand rows to ``resolve_conflict``; they build the three
versions here so that the field names, labels and the hidden password agree. A password hash
never leaves this module: each distinct hash becomes a number, so the dialog can tell that the
password differs without anything of it being shown (it is a secret field as well).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QLocale

from desktop_app.domain.entities import Post, User
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate

USER_LABELS: Sequence[tuple[str, str]] = (
    ("email", QT_TRANSLATE_NOOP("RowFields", "Email")),
    ("username", QT_TRANSLATE_NOOP("RowFields", "Username")),
    ("is_active", QT_TRANSLATE_NOOP("RowFields", "Active")),
    ("bio", QT_TRANSLATE_NOOP("RowFields", "Bio")),
    ("password", QT_TRANSLATE_NOOP("RowFields", "Password")),
)
POST_LABELS: Sequence[tuple[str, str]] = (
    ("title", QT_TRANSLATE_NOOP("RowFields", "Title")),
    ("author", QT_TRANSLATE_NOOP("RowFields", "Author")),
    ("content", QT_TRANSLATE_NOOP("RowFields", "Content")),
)
USER_SECRETS = {"password": QT_TRANSLATE_NOOP("RowFields", "(new password)")}
UNDO_SECRETS = {"password": QT_TRANSLATE_NOOP("RowFields", "(the password before)")}


def user_fields(user: User, passwords: dict[str, int] | None = None) -> dict[str, object]:
    """``passwords`` numbers the hashes seen so far (shared by the three versions); without
    it the password is left out (None), as a form compares it."""
    number = (
        None if passwords is None else passwords.setdefault(user.hashed_password, len(passwords))
    )
    return {
        "email": user.email,
        "username": user.username,
        "is_active": user.is_active,
        "bio": user.bio or "",
        "password": number,
    }


def post_fields(post: Post) -> dict[str, object]:
    return {
        "title": post.title,
        "author": post.author_username or str(post.author_id),
        "content": post.content,
    }


def row_fields(row: User | Post | None, passwords: dict[str, int]) -> dict[str, object] | None:
    if row is None:
        return None
    return user_fields(row, passwords) if isinstance(row, User) else post_fields(row)


def row_name(row: User | Post | None) -> str:
    """ "user ann", "post “Hello”", or "a row" when nothing is known of it."""
    if isinstance(row, User):
        return translate("RowFields", "user {name}").format(name=row.username)
    if isinstance(row, Post):
        return translate("RowFields", "post \u201c{title}\u201d").format(title=row.title)
    return translate("RowFields", "a row")


def some_names(rows: Iterable[User | Post | None], shown: int = 3) -> str:
    """ "user ann, post “Hi” and 4 more": the first few of ``rows`` by name."""
    names = [row_name(row) for row in rows]
    head, rest = names[:shown], len(names) - shown
    if rest > 0:
        return translate("RowFields", "{names} and {count} more").format(
            names=", ".join(head), count=QLocale().toString(rest)
        )
    if len(head) <= 1:
        return "".join(head)
    return translate("RowFields", "{names} and {last}").format(
        names=", ".join(head[:-1]), last=head[-1]
    )


def shown_value(value: object, limit: int = 60) -> str:
    """A value in a "Yours was: …" note, on one line."""
    text = (
        " ".join(str(value).split())
        if value not in (None, "")
        else translate("RowFields", "(empty)")
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def differing(a: Mapping[str, object], b: Mapping[str, object]) -> list[str]:
    return [name for name in a if a.get(name) != b.get(name)]
