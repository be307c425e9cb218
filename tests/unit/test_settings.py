from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.config.settings import (
    SETTINGS_FILE_ENV,
    SettingsError,
    load_settings,
    normalise_database_url,
)


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.toml"
    monkeypatch.setenv(SETTINGS_FILE_ENV, str(path))
    return path


def test_defaults_point_at_a_sqlite_file_in_the_data_directory(settings_file: Path) -> None:
    settings = load_settings()
    assert settings.DATABASE_URL.startswith("sqlite+aiosqlite:///")
    assert settings.DATABASE_URL.endswith("Quillbase/quillbase.db")
    assert (settings.DB_POOL_SIZE, settings.DB_MAX_OVERFLOW, settings.DEBUG) == (5, 10, False)


def test_settings_file_is_read(settings_file: Path) -> None:
    settings_file.write_text('DATABASE_URL = "sqlite:///from-file.db"\nDB_POOL_SIZE = 3\n')
    settings = load_settings()
    assert settings.DATABASE_URL == "sqlite+aiosqlite:///from-file.db"
    assert settings.DB_POOL_SIZE == 3


def test_environment_wins_over_the_file(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings_file.write_text('DATABASE_URL = "sqlite:///from-file.db"\nDEBUG = false\n')
    monkeypatch.setenv("DATABASE_URL", "postgresql://ann:pw@db.local/site")
    monkeypatch.setenv("DEBUG", "true")
    settings = load_settings()
    assert settings.DATABASE_URL == "postgresql+asyncpg://ann:pw@db.local/site"
    assert settings.DEBUG is True


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("mysql://u@h/db", "unsupported driver 'mysql'"),
        ("not a url", "not a database URL"),
        ("postgresql+asyncpg://u@h", "needs a database name"),
        ("sqlite+aiosqlite://", "needs a file path"),
        ("", "is empty"),
    ],
)
def test_bad_url_names_the_setting(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch, url: str, fragment: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert "DATABASE_URL" in str(caught.value)
    assert fragment in str(caught.value)


def test_bad_pool_size_names_the_setting(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DB_POOL_SIZE", "zero")
    with pytest.raises(SettingsError, match="DB_POOL_SIZE"):
        load_settings()


def test_broken_settings_file_is_reported(settings_file: Path) -> None:
    settings_file.write_text("DATABASE_URL = [unterminated")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings()


def test_postgres_spellings_are_normalised_to_asyncpg() -> None:
    assert normalise_database_url("postgres://u@h:5433/db") == "postgresql+asyncpg://u@h:5433/db"


def test_server_timeouts_default_and_read_from_the_environment(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings()
    assert (settings.DB_CONNECT_TIMEOUT, settings.DB_COMMAND_TIMEOUT) == (10, 30)
    monkeypatch.setenv("DB_CONNECT_TIMEOUT", "2.5")
    settings_file.write_text("DB_COMMAND_TIMEOUT = 5\n")
    settings = load_settings()
    assert (settings.DB_CONNECT_TIMEOUT, settings.DB_COMMAND_TIMEOUT) == (2.5, 5)


@pytest.mark.parametrize("name", ["DB_CONNECT_TIMEOUT", "DB_COMMAND_TIMEOUT"])
@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_a_timeout_must_be_a_positive_number_of_seconds(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        load_settings()
