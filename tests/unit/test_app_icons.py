"""The application icon exists in every size the platforms need, and matches app.svg (run
scripts/icons.py after changing the SVG)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons" / "app"


def _icons_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("icons", ROOT / "scripts" / "icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sizes(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.append(reader.read().width())
    return sizes


def test_ico_icns_and_pngs_hold_every_size(qtbot: QtBot) -> None:
    icons = _icons_script()
    assert _sizes(ICONS / "app.ico") == list(icons.ICO_SIZES)
    assert sorted(set(_sizes(ICONS / "app.icns"))) == [16, 32, 64, 128, 256, 512, 1024]
    for size in icons.PNG_SIZES:
        assert QImage(str(ICONS / f"app-{size}.png")).width() == size


# Qt's rasteriser rounds antialiased edges by the code path the CPU selects (SSE, AVX2,
# AVX-512): the same SVG renders a few edge pixels one level apart on another machine.
ROUNDING = 2


def _channels(image: QImage) -> bytes:
    return bytes(image.convertToFormat(QImage.Format.Format_ARGB32).constBits())


def test_the_committed_icons_are_the_svg_rendered(qtbot: QtBot) -> None:
    icons = _icons_script()
    for size in (16, 256):
        fresh = QImage.fromData(icons.render(size))
        committed = QImage(str(ICONS / f"app-{size}.png"))
        assert fresh.size() == committed.size(), f"app-{size}.png is stale: run scripts/icons.py"
        worst = max(abs(a - b) for a, b in zip(_channels(fresh), _channels(committed), strict=True))
        assert worst <= ROUNDING, f"app-{size}.png is stale: run scripts/icons.py"
