"""How ids and paths read in the window: short but telling rows and places apart."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from desktop_app.ui.formatting import database_label, home_relative, short_id


def test_short_ids_of_uuid7s_made_together_differ() -> None:
    """UUIDv7 ids begin with their millisecond timestamp: a bulk import's rows share the
    first 12 hex digits, so the short id must come from the random end."""
    first = UUID("01a23033-5f2c-7000-8000-3c1f9a6b2d41")
    second = UUID("01a23033-5f2c-7001-b000-77e0c4d1a9f8")
    assert first.hex[:12] == second.hex[:12]
    assert short_id(first) == "9a6b2d41"
    assert short_id(second) == "c4d1a9f8"


def test_a_path_under_home_reads_from_tilde(tmp_path: Path) -> None:
    home = tmp_path / "ann"
    assert home_relative(str(home / "data" / "blog.db"), home=home) == str(
        Path("~") / "data" / "blog.db"
    )
    assert home_relative(str(home), home=home) == "~"
    assert home_relative(str(tmp_path / "annie" / "blog.db"), home=home) == str(
        tmp_path / "annie" / "blog.db"
    )  # a sibling that merely starts with the same letters
    assert home_relative("blog.db", home=home) == "blog.db"  # already relative
    root = Path(tmp_path.anchor)
    assert home_relative(str(root / "x"), home=root) == str(root / "x")  # "~/x" is no shorter


def test_the_database_label_shortens_only_a_path(tmp_path: Path) -> None:
    home = tmp_path / "ann"
    path = home / "blog.db"
    assert database_label(f"SQLite: {path}", home=home) == f"SQLite: {Path('~') / 'blog.db'}"
    pg = "PostgreSQL: ann@db.example.org:5432/blog"
    assert database_label(pg, home=home) == pg
