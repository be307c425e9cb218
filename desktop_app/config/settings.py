"""Application settings, read from the environment, then the settings file, then defaults.

The settings file is TOML in the user's config directory (``settings.toml``); environment
variables of the same names win over it, so a one-off run can point elsewhere without editing it.
"""

from __future__ import annotations

import os
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

SETTINGS_FILE_ENV = "DESKTOP_APP_SETTINGS_FILE"

# The async drivers we ship, and the plain spellings a person might type for them.
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


class SettingsError(Exception):
    """A setting has a value the app cannot use; the message names the setting."""


def settings_file_path() -> Path:
    override = os.environ.get(SETTINGS_FILE_ENV)
    return Path(override) if override else config_dir() / "settings.toml"


def default_database_url() -> str:
    return URL.create("sqlite+aiosqlite", database=str(default_database_path())).render_as_string()


def normalise_database_url(value: str) -> str:
    """Return ``value`` with an async driver, or raise ValueError saying what is wrong."""
    text = value.strip()
    if not text:
        raise ValueError("is empty; expected e.g. sqlite+aiosqlite:///path/to/file.db")
    try:
        url = make_url(text)
    except ArgumentError:
        raise ValueError(
            f"{text!r} is not a database URL; expected e.g. sqlite+aiosqlite:///path/to/file.db "
            "or postgresql+asyncpg://user@host:5432/dbname"
        ) from None
    driver = _ASYNC_DRIVERS.get(url.drivername)
    if driver is None:
        raise ValueError(
            f"unsupported driver {url.drivername!r}; use sqlite+aiosqlite or postgresql+asyncpg"
        )
    url = url.set(drivername=driver)
    if driver.startswith("sqlite") and not url.database:
        raise ValueError("a SQLite URL needs a file path, e.g. sqlite+aiosqlite:///data.db")
    if driver.startswith("postgresql") and not url.database:
        raise ValueError("a PostgreSQL URL needs a database name, e.g. .../dbname")
    return url.render_as_string(hide_password=False)


class Settings(BaseSettings):
    """The four settings the app reads; names match the environment variables."""

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


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        name = ".".join(str(p) for p in item["loc"]) or "settings"
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{name}: {message}")
    return "; ".join(parts)


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; a bad value raises SettingsError naming the setting and the source."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(
            f"Invalid setting ({_describe(error)}). Check the environment variable or "
            f"{settings_file_path()}."
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(
            f"The settings file {settings_file_path()} is not valid TOML: {error}"
        ) from None
