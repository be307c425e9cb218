"""A database URL that cannot be used is reported without its password: the message reaches
the terminal, the log and the window's banner. It still says what is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.config.settings import (
    SETTINGS_FILE_ENV,
    SettingsError,
    load_settings,
    mask_url_password,
)
from desktop_app.domain.errors import StorageError
from desktop_app.gui import DatabaseOpener

SECRET = "s3cret-Pw"
# A password with the characters a URL parser splits on; none of its pieces may show.
AWKWARD = "Pw1/Pw2:Pw3@Pw4"

BAD_URLS = [
    pytest.param(f"admin:{SECRET}@db.example.org/site", "no scheme", id="no-scheme"),
    pytest.param(f"  admin:{SECRET}@db.example.org:5432/site ", "no scheme", id="padded"),
    pytest.param(f"postgresql:/admin:{SECRET}@h/db", "no scheme", id="one-slash"),
    pytest.param(f"postgres ql://admin:{SECRET}@h/db", "not a database URL", id="bad-scheme"),
    pytest.param(f"postgresql://admin:{SECRET}@h:port/db", "port must be a number", id="port"),
    pytest.param(f"postgresql://admin:{SECRET}@extra@h/db", "%40", id="two-ats"),
    pytest.param(f"admin:{AWKWARD}@h/db", "no scheme", id="awkward-no-scheme"),
    pytest.param(f"postgresql://admin:{AWKWARD}@h/db", "%40", id="awkward"),
]
SECRETS = [SECRET, "Pw1", "Pw2", "Pw3", "Pw4"]


@pytest.fixture(autouse=True)
def no_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SETTINGS_FILE_ENV, str(tmp_path / "settings.toml"))


@pytest.mark.parametrize(("url", "what"), BAD_URLS)
def test_settings_error_says_what_is_wrong_without_the_password(url: str, what: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(DATABASE_URL=url)
    message = str(caught.value)
    assert [s for s in SECRETS if s in message] == []
    assert "DATABASE_URL" in message and what in message and "***" in message


@pytest.mark.parametrize(("url", "what"), BAD_URLS)
def test_environment_variable_error_hides_the_password(
    url: str, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert [s for s in SECRETS if s in str(caught.value)] == []
    assert what in str(caught.value)


def test_window_banner_error_hides_the_password() -> None:
    """The window shows DatabaseOpener's StorageError in its banner."""
    with pytest.raises(StorageError) as caught:
        DatabaseOpener(database_url=f"admin:{SECRET}@db.example.org/site").configured()
    assert SECRET not in str(caught.value)
    assert "no scheme" in str(caught.value)


def test_cli_error_hides_the_password(tmp_path: Path) -> None:
    url = f"admin:{SECRET}@host/db"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--database-url", url, "db", "current"],
        env={**os.environ, SETTINGS_FILE_ENV: str(tmp_path / "settings.toml")},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode != 0
    assert SECRET not in result.stdout + result.stderr
    assert "admin:***@host/db" in result.stderr and "no scheme" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("admin:pw@host/db", "admin:***@host/db"),
        ("postgresql://admin:pw@host:5432/db", "postgresql://admin:***@host:5432/db"),
        ("postgresql://admin:p/w:x@y@host/db", "postgresql://admin:***@host/db"),
        (":pw@host/db", ":***@host/db"),
        ("postgresql://admin@host/db", "postgresql://admin@host/db"),
        ("sqlite+aiosqlite:///C:/data/file.db", "sqlite+aiosqlite:///C:/data/file.db"),
        ("not a url", "not a url"),
    ],
)
def test_mask_url_password(text: str, shown: str) -> None:
    assert mask_url_password(text) == shown
