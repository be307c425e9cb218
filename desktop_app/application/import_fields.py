"""The checks of one line to import (issue #12): each field through the services' own rules.

Each field goes through the same checks the services use (``domain.validation``), so an import
accepts exactly what the forms accept, and every failing field of a line is reported, never
only the first. These checks need nothing but the line: what the file and the database say
about it (a duplicate, an existing row, an unknown author) is ``import_plan``'s part.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from desktop_app.application.import_rows import ImportProblem, LineError, SourceRow
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.hash_syntax import check_hashed_password
from desktop_app.domain.messages import Message
from desktop_app.domain.ports import EmailNormaliser
from desktop_app.domain.validation import (
    check_bio,
    check_content,
    check_email,
    check_password,
    check_title,
    check_username,
)

_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off"}


def _text(values: Mapping[str, Any], name: str) -> str | None:
    """A field's value as text; None when absent, null or blank."""
    value = values.get(name)
    if value is None:
        return None
    text = value if isinstance(value, str) else json_text(value)
    return text if text.strip() else None


def json_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_id(value: str) -> UUID:
    try:
        return UUID(value.strip())
    except ValueError:
        raise ValidationError(
            "id", ImportProblem.tr("not a valid id (a UUID): {value}", value=repr(value))
        ) from None


def parse_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = json_text(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(
        name,
        ImportProblem.tr("not a yes/no value: {value} (use true or false)", value=repr(value)),
    )


def parse_time(name: str, value: str) -> datetime:
    """ISO 8601; a time without an offset is taken as UTC."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            name,
            ImportProblem.tr(
                "not an ISO 8601 timestamp: {value} (e.g. {example})",
                value=repr(value),
                example="2024-05-01T12:00:00+00:00",
            ),
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Line:
    """The checks of one line, collecting an error per field instead of stopping."""

    __slots__ = ("_errors", "ok", "row")

    def __init__(self, row: SourceRow, errors: list[LineError]) -> None:
        self.row, self._errors, self.ok = row, errors, True

    def fail(self, name: str, reason: Message) -> None:
        self.ok = False
        self._errors.append(LineError(self.row.line, name, reason))

    def check(self, name: str, check: Callable[[str], Any], *, required: bool = False) -> Any:
        value = _text(self.row.values, name)
        if value is None:
            if required:
                self.fail(name, ImportProblem.tr("required, but empty or missing"))
            return None
        try:
            return check(value)
        except ValidationError as error:
            for failed, message in error.messages.items():
                self.fail(failed if failed != "id" else name, message)
            return None

    def flag(self, name: str) -> bool | None:
        value = self.row.values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_bool(name, value)
        except ValidationError as error:
            self.fail(name, error.messages[error.field])
            return None

    def times(self) -> tuple[datetime | None, datetime | None]:
        created = self.check("created_at", lambda v: parse_time("created_at", v))
        updated = self.check("updated_at", lambda v: parse_time("updated_at", v))
        return created, updated


@dataclass(frozen=True, slots=True)
class UserFields:
    line: Line
    row_id: UUID | None
    email: str
    username: str
    bio: str | None
    active: bool | None
    password: str | None
    hashed: str | None
    created: datetime | None
    updated: datetime | None


def user_fields(line: Line, normalise_email: EmailNormaliser) -> UserFields:
    row_id = line.check("id", parse_id)
    email = line.check("email", lambda v: check_email(v, normalise_email), required=True)
    username = line.check("username", check_username, required=True)
    bio = line.check("bio", check_bio)
    active = line.flag("is_active")
    password = line.check("password", check_password)
    hashed = line.check("hashed_password", check_hashed_password)
    # Neither is fine for a row that updates an existing user (it keeps its hash, as an
    # export without hashes must re-import); whether the row is new is known only once it has
    # been looked up, so the planner asks a new user for one.
    if password is not None and hashed is not None:
        line.fail("password", ImportProblem.tr("give a password or a hashed_password, not both"))
    created, updated = line.times()
    return UserFields(
        line, row_id, email, username, bio, active, password, hashed, created, updated
    )


@dataclass(frozen=True, slots=True)
class PostFields:
    line: Line
    row_id: UUID | None
    title: str
    content: str
    reference: str | None  # the author, by id, e-mail or username
    created: datetime | None
    updated: datetime | None


def post_fields(line: Line) -> PostFields:
    row_id = line.check("id", parse_id)
    title = line.check("title", check_title, required=True)
    content = line.check("content", check_content, required=True)
    reference = line.check("author", str.strip, required=True)
    created, updated = line.times()
    return PostFields(line, row_id, title, content, reference, created, updated)
