"""Per-user directories carry the product's name, except for a user of version 0.1, whose
directories (named after the package) stay where they are with everything in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core import paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


def test_a_new_user_gets_directories_named_after_the_product(home: Path) -> None:
    assert paths.directory_name() == "Quillbase"
    assert paths.data_dir() == home / "xdg_data_home" / "Quillbase"
    assert paths.config_dir() == home / "xdg_config_home" / "Quillbase"
    assert paths.log_dir() == home / "xdg_state_home" / "Quillbase" / "log"
    assert paths.default_database_path() == paths.data_dir() / "quillbase.db"


def test_a_user_of_version_0_1_keeps_the_directories_and_database_they_have(home: Path) -> None:
    earlier = home / "xdg_data_home" / "desktop_app"
    earlier.mkdir(parents=True)
    (earlier / "desktop_app.db").write_bytes(b"")
    assert paths.directory_name() == "desktop_app"
    assert paths.default_database_path() == earlier / "desktop_app.db"
    assert paths.config_dir() == home / "xdg_config_home" / "desktop_app"
    assert paths.log_dir() == home / "xdg_state_home" / "desktop_app" / "log"


def test_once_the_product_directory_exists_it_is_the_one(home: Path) -> None:
    (home / "xdg_data_home" / "desktop_app").mkdir(parents=True)
    (home / "xdg_data_home" / "Quillbase").mkdir()
    assert paths.data_dir() == home / "xdg_data_home" / "Quillbase"
