"""How values read in the window: local time, short ids, one-line text, home-relative paths."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path, PurePath
from uuid import UUID

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from desktop_app.application.read_models import PostRow, UserRow
from desktop_app.domain.entities import Post, User
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate

# What a missing timestamp reads as: the web backend leaves ``updated_at`` NULL until a row's
# first edit, so "never edited" is an ordinary state, not an error.
NO_TIME = "—"
NEVER_EDITED = QT_TRANSLATE_NOOP("Formatting", "Never edited")


def _pattern(locale: QLocale, *, seconds: bool) -> str:
    """The UI locale's short date (with a four-digit year: "01.01.2026", "1/1/2026") and
    time; ISO 8601's order when the locale is C (no locale configured)."""
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd HH:mm:ss" if seconds else "yyyy-MM-dd HH:mm"
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date:
        date = date.replace("yy", "yyyy")
    time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "ss" not in time:
        time = time.replace("mm", "mm:ss")
    return f"{date} {time}"


def _local(value: datetime, *, seconds: bool) -> str:
    local = value.astimezone()
    moment = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
    )
    locale = QLocale()
    return locale.toString(moment, _pattern(locale, seconds=seconds))


def local_time(value: datetime | None) -> str:
    """A UTC timestamp in the computer's local time, to the minute, as the UI locale writes
    it; "—" when there is none."""
    if value is None:
        return NO_TIME
    return _local(value, seconds=False)


def local_time_full(value: datetime | None) -> str:
    """To the second, with the time zone: for tooltips."""
    if value is None:
        return translate("Formatting", NEVER_EDITED)
    zone = value.astimezone().strftime("%Z (UTC%z)")
    return f"{_local(value, seconds=True)} {zone}"


def iso_time(value: datetime | None) -> str:
    """The timestamp as ISO 8601 with its offset, for copying; empty when there is none."""
    return "" if value is None else value.isoformat()


def short_id(value: UUID) -> str:
    """The last 8 hex digits: random in a UUIDv4 and a UUIDv7 alike. (A v7 id begins with its
    timestamp, so the first 8 of every row a bulk import made were the same.)"""
    return value.hex[-8:]


def home_relative(path: str, *, home: str | PurePath | None = None) -> str:
    """``~/…`` for an absolute path under the home directory (when that is shorter): the
    status bar has little room, and the part everyone shares says nothing."""
    try:
        inside = PurePath(path).relative_to(Path.home() if home is None else home)
    except ValueError:  # elsewhere, or relative (a sibling like /home/annie is elsewhere)
        return path
    short = "~" if inside == PurePath() else str(PurePath("~") / inside)
    return short if len(short) < len(path) else path


def database_label(display_name: str, *, home: str | PurePath | None = None) -> str:
    """A database's short name ("SQLite: /home/ann/blog.db") with its file home-relative
    ("SQLite: ~/blog.db"); a server's name ("PostgreSQL: ann@host:5432/blog") as it is."""
    kind, separator, place = display_name.partition(": ")
    if not separator:
        return home_relative(display_name, home=home)
    return f"{kind}{separator}{home_relative(place, home=home)}"


# How long a one-line cell gets; longer text is cut to this many characters, ending in "…".
ONE_LINE_CHARS = 160


def one_line(text: str | None, limit: int = ONE_LINE_CHARS) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def user_row(user: User) -> UserRow:
    """The table row of a user a service returned (the hash stays behind)."""
    return UserRow(
        id=user.id,
        email=user.email,
        username=user.username,
        is_active=user.is_active,
        bio=user.bio,
        created_at=user.created_at,
        updated_at=user.updated_at,
    )


def post_row(post: Post, preview_chars: int = 200) -> PostRow:
    return PostRow(
        id=post.id,
        title=post.title,
        content_preview=post.content[:preview_chars],
        author_id=post.author_id,
        author_username=post.author_username or "",
        created_at=post.created_at,
        updated_at=post.updated_at,
    )
