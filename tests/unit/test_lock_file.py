"""requirements.lock is what this environment runs: every pin that applies to this platform is
installed at exactly that version, every dependency pyproject.toml names is pinned, and every
pin is hash-checked. Fails when someone edits the dependencies without ``scripts/lock``, or
when setup stops installing from the lock."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _pins() -> dict[str, tuple[str, Marker | None, int]]:
    """name -> (version, marker, number of hashes)."""
    pins: dict[str, tuple[str, Marker | None, int]] = {}
    current = ""
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match[1])
            marker = Marker(match[3]) if match[3] else None
            pins[current] = (match[2], marker, 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version, marker, hashes = pins[current]
            pins[current] = (version, marker, hashes + 1)
    return pins


def test_every_pin_that_applies_here_is_what_is_installed() -> None:
    pins = _pins()
    assert len(pins) > 30
    wrong = {
        name: (version, metadata.version(name))
        for name, (version, marker, _hashes) in pins.items()
        if (marker is None or marker.evaluate()) and metadata.version(name) != version
    }
    assert not wrong, f"installed versions differ from requirements.lock: {wrong}"


def test_every_pin_is_hash_checked() -> None:
    assert [name for name, (_v, _m, hashes) in _pins().items() if hashes == 0] == []


def test_every_dependency_of_pyproject_is_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    named = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    pins = _pins()
    missing = [
        spec
        for spec in named
        if canonicalize_name(Requirement(spec).name) not in pins
        or pins[canonicalize_name(Requirement(spec).name)][0] not in Requirement(spec).specifier
    ]
    assert missing == [], f"run scripts/lock: {missing}"
