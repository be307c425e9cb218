"""Application settings, read from the environment, then the settings file, then defaults.

The settings file is TOML in the user's config directory (``settings.toml``); environment
variables of the same names win over it, so a one-off run can point elsewhere without editing it.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop_app.core.paths import config_dir, default_database_path
from desktop_app.domain.messages import Message, Texts

SETTINGS_FILE_ENV = "DESKTOP_APP_SETTINGS_FILE"

# The async drivers we ship, and the plain spellings a person might type for them.
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


class SettingsTexts(Texts):
    """The translation context of what is wrong with a setting: the window says it in its
    language, ``str()`` in English (the command line, the log)."""


class SettingsError(Exception):
    """A setting has a value the app cannot use; the message (a ``Message``, its one argument)
    names the setting."""


def settings_file_path() -> Path:
    override = os.environ.get(SETTINGS_FILE_ENV)
    return Path(override) if override else config_dir() / "settings.toml"


def default_database_url() -> str:
    return URL.create("sqlite+aiosqlite", database=str(default_database_path())).render_as_string()


# Put into the messages below as {sqlite} and {postgresql}.
_URL_EXAMPLES = {
    "sqlite": "sqlite+aiosqlite:///path/to/file.db",
    "postgresql": "postgresql+asyncpg://user@host:5432/dbname",
}
_SCHEME = re.compile(r"[A-Za-z][\w+.-]*")


def mask_url_password(text: str) -> str:
    """``text`` with its password, if it looks like ``user:password@host``, shown as ``***``.

    For text that may not parse as a URL (no scheme, a bad port), so SQLAlchemy's own masking
    cannot be used. It hides too much rather than too little: a password may hold ``/``, ``:`` or
    an unencoded ``@``, so everything from the first ``:`` of the user part to the last ``@`` goes.
    """
    scheme, separator, rest = text.partition("://")
    if not separator or not _SCHEME.fullmatch(scheme):
        scheme, separator, rest = "", "", text
    userinfo, at, host = rest.rpartition("@")
    user, colon, _password = userinfo.partition(":")
    if not at or not colon:
        return text
    return f"{scheme}{separator}{user}:***@{host}"


def normalise_database_url(value: str) -> str:
    """Return ``value`` with an async driver, or raise ValueError saying what is wrong (its
    one argument a ``Message``: ``str()`` is the English).

    The messages show the URL with its password masked: they reach the log, the terminal and
    the window's banner.
    """
    text = value.strip()
    if not text:
        raise ValueError(
            SettingsTexts.tr("is empty; expected e.g. {sqlite} or {postgresql}", **_URL_EXAMPLES)
        )
    shown = repr(mask_url_password(text))
    try:
        url = make_url(text)
    except ArgumentError:
        if "://" not in text:
            raise ValueError(
                SettingsTexts.tr(
                    "{url} is not a database URL: it has no scheme such as postgresql+asyncpg:// "
                    "in front; expected e.g. {sqlite} or {postgresql}",
                    url=shown,
                    **_URL_EXAMPLES,
                )
            ) from None
        raise ValueError(
            SettingsTexts.tr(
                "{url} is not a database URL; expected e.g. {sqlite} or {postgresql}",
                url=shown,
                **_URL_EXAMPLES,
            )
        ) from None
    except ValueError:  # SQLAlchemy's int() of the port
        raise ValueError(
            SettingsTexts.tr(
                "{url} is not a database URL: the port must be a number, e.g. host:5432", url=shown
            )
        ) from None
    if url.host and "@" in url.host:  # an unencoded @ in the password would be shown as host
        raise ValueError(
            SettingsTexts.tr(
                "{url} has more than one @: write an @ in the user name or password as %40",
                url=shown,
            )
        )
    driver = _ASYNC_DRIVERS.get(url.drivername)
    if driver is None:
        raise ValueError(
            SettingsTexts.tr(
                "unsupported driver {driver}; use sqlite+aiosqlite or postgresql+asyncpg",
                driver=repr(url.drivername),
            )
        )
    url = url.set(drivername=driver)
    if driver.startswith("sqlite") and not url.database:
        raise ValueError(
            SettingsTexts.tr("a SQLite URL needs a file path, e.g. sqlite+aiosqlite:///data.db")
        )
    if driver.startswith("postgresql") and not url.database:
        raise ValueError(
            SettingsTexts.tr("a PostgreSQL URL needs a database name, e.g. .../dbname")
        )
    return url.render_as_string(hide_password=False)


class Settings(BaseSettings):
    """The settings the app reads; names match the environment variables."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=True, frozen=True)

    DATABASE_URL: str = Field(default_factory=default_database_url)
    DB_POOL_SIZE: int = Field(default=5, ge=1, le=100)
    DB_MAX_OVERFLOW: int = Field(default=10, ge=0, le=100)
    DEBUG: bool = False

    @field_validator("DATABASE_URL")
    @classmethod
    def _check_url(cls, value: str) -> str:
        return normalise_database_url(value)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=settings_file_path())
        return (init_settings, env_settings, toml)

    # Seconds a PostgreSQL server may take to accept a connection, and to answer a statement,
    # before the app says it is not answering instead of waiting (asyncpg: 60 s and forever).
    DB_CONNECT_TIMEOUT: float = Field(default=10.0, gt=0, le=3_600)
    DB_COMMAND_TIMEOUT: float = Field(default=30.0, gt=0, le=86_400)


def said(error: BaseException) -> Message:
    """What ``error`` says: its ``Message``, or its English words as they are (pydantic's)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else Message.verbatim(str(error))


def _named(name: str, message: Message) -> Message:
    """ "DATABASE_URL: …": the setting's name (never translated) before what is wrong."""
    return Message("", "{name}: {message}", (("name", name), ("message", message)))


def _describe(error: ValidationError) -> Message:
    """Each bad setting and what is wrong with it, joined by "; ": ours as our messages,
    pydantic's (a number out of range) in its own words."""
    described: Message | None = None
    for item in error.errors():
        name = ".".join(str(p) for p in item["loc"]) or "settings"
        cause = item.get("ctx", {}).get("error")
        if isinstance(cause, ValueError):
            message = said(cause)
        else:
            message = Message.verbatim(str(item["msg"]).removeprefix("Value error, "))
        part = _named(name, message)
        described = (
            part
            if described is None
            else Message("", "{first}; {then}", (("first", described), ("then", part)))
        )
    return described or Message.verbatim("settings")


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; a bad value raises SettingsError naming the setting and the source."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(
            SettingsTexts.tr(
                "Invalid setting ({problems}). Check the environment variable or {file}.",
                problems=_describe(error),
                file=str(settings_file_path()),
            )
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(
            SettingsTexts.tr(
                "The settings file {file} is not valid TOML: {reason}",
                file=str(settings_file_path()),
                reason=str(error),
            )
        ) from None


def load_settings_with_url(url: str | None, *, named: str = "--database-url") -> Settings:
    """The settings with DATABASE_URL from ``url`` (a command-line option) when it is given.

    A bad ``url`` is blamed on ``named``: the user typed it there, and telling them to check
    the environment variable or the settings file would send them to the wrong place. The
    message shows the URL with its password masked.
    """
    if url is None:
        return load_settings()
    try:
        normalise_database_url(url)
    except ValueError as error:
        raise SettingsError(_named(named, said(error))) from None
    return load_settings(DATABASE_URL=url)
