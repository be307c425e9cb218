from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from desktop_app.config.settings import SETTINGS_FILE_ENV, load_settings
from desktop_app.config.store import save_database_url, with_remembered_password
from desktop_app.core import secrets


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "conf" / "settings.toml"
    monkeypatch.setenv(SETTINGS_FILE_ENV, str(path))
    secrets.forget_memory()
    yield path
    secrets.forget_memory()


@pytest.fixture
def working_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_saved_url_is_read_back_and_other_keys_survive(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("DB_POOL_SIZE = 3\nDEBUG = true\n")
    save_database_url("sqlite+aiosqlite:///some/where.db")
    stored = tomllib.loads(settings_file.read_text())
    assert stored == {
        "DB_POOL_SIZE": 3,
        "DEBUG": True,
        "DATABASE_URL": "sqlite+aiosqlite:///some/where.db",
    }
    assert load_settings().DATABASE_URL == "sqlite+aiosqlite:///some/where.db"


def test_the_password_never_reaches_the_file(settings_file: Path) -> None:
    save_database_url("postgresql+asyncpg://ann:s3cr%40t@db.local:5433/site?ssl=require")
    text = settings_file.read_text()
    assert "s3cr" not in text
    assert "postgresql+asyncpg://ann@db.local:5433/site?ssl=require" in text


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_the_password_lives_for_this_run(
    settings_file: Path, no_keyring: None
) -> None:
    save_database_url("postgresql+asyncpg://ann:pw@db.local/site")
    assert with_remembered_password("postgresql+asyncpg://ann@db.local/site") == (
        "postgresql+asyncpg://ann:pw@db.local/site"
    )
    secrets.forget_memory()  # a new run: the fail backend kept nothing
    assert with_remembered_password("postgresql+asyncpg://ann@db.local/site") == (
        "postgresql+asyncpg://ann@db.local/site"
    )


def test_a_working_keyring_keeps_the_password(
    settings_file: Path, working_keyring: MemoryKeyring
) -> None:
    save_database_url("postgresql+asyncpg://ann:pw@db.local/site")
    assert working_keyring.items == {
        ("desktop_app", "postgresql+asyncpg://ann@db.local/site"): "pw"
    }
    secrets.forget_memory()
    assert with_remembered_password("postgresql+asyncpg://ann@db.local/site").endswith(
        "ann:pw@db.local/site"
    )


def test_urls_with_their_own_password_or_sqlite_are_left_alone(settings_file: Path) -> None:
    assert with_remembered_password("sqlite+aiosqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    url = "postgresql+asyncpg://ann:given@db.local/site"
    assert with_remembered_password(url) == url
