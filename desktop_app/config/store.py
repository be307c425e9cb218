"""Persist the chosen database in the settings file, and its password anywhere but there."""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from desktop_app.config.settings import settings_file_path
from desktop_app.core.secrets import recall_password, remember_password


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\n", "\\n").replace("\t", "\\t")
    return f'"{text}"'


def _key_for(url: str) -> str:
    """The URL without its password (``URL.set(password=None)`` would keep it)."""
    p = make_url(url)
    bare = URL.create(p.drivername, p.username, None, p.host, p.port, p.database, p.query)
    return bare.render_as_string(hide_password=False)


def save_database_url(url: str) -> None:
    """Make ``url`` the database opened at start-up; its password goes to the keyring."""
    parsed = make_url(url)
    if parsed.password:
        remember_password(_key_for(url), str(parsed.password))
    path = settings_file_path()
    current: dict[str, object] = {}
    if path.exists():
        try:
            current = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            current = {}
    current["DATABASE_URL"] = _key_for(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{key} = {_toml_value(value)}" for key, value in current.items()]
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write("# desktop_app settings (environment variables of the same names win)\n")
            stream.write("\n".join(lines) + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def with_remembered_password(url: str) -> str:
    """``url`` with the remembered password put back, if it has none of its own."""
    parsed = make_url(url)
    if parsed.password or parsed.get_backend_name() != "postgresql":
        return url
    password = recall_password(_key_for(url))
    if password is None:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)
