"""The import preview of a JSON array (#12): its first rows, each with the line it starts on,
read without reading (or parsing) the rest of the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.ui.import_preview import read_preview


def test_a_json_preview_reads_only_its_first_rows(tmp_path: Path) -> None:
    """A broken row far down the file is the check's to report: the preview shows the first
    rows, at their lines."""
    path = tmp_path / "users.json"
    rows = [json.dumps({"username": f"u{n}", "email": f"u{n}@example.com"}) for n in range(50)]
    path.write_text("[\n" + ",\n".join(rows) + ",\n{broken\n]", encoding="utf-8")
    preview = read_preview(path, limit=3)
    assert preview.header == ["username", "email"]
    assert preview.rows == [(n + 2, [f"u{n}", f"u{n}@example.com"]) for n in range(3)]


def test_a_json_file_that_is_no_array_or_broken_at_once_says_so(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    path.write_text('{"username": "ann"}', encoding="utf-8")
    with pytest.raises(ValueError, match="holds no JSON array"):
        read_preview(path)
    path.write_text('[\n\n{"username": ann}]', encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: not valid JSON"):
        read_preview(path)
