"""Icons from ``resources/``, tinted to the current palette so they read in light and dark."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer


def resources_dir() -> Path:
    """``resources/`` beside the package: the checkout's root, or the PyInstaller bundle's."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources"


def _render(svg: bytes, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def _icon(name: str, color: str, disabled: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        source = path.read_bytes()
    except OSError:
        return QIcon()
    icon = QIcon()
    ratio = (
        QGuiApplication.primaryScreen().devicePixelRatio()
        if QGuiApplication.primaryScreen()
        else 1.0
    )
    for size in (24,):  # one rendering; Qt scales it for menus (start-up time)
        icon.addPixmap(_render(source.replace(b"currentColor", color.encode()), size, ratio))
        icon.addPixmap(
            _render(source.replace(b"currentColor", disabled.encode()), size, ratio),
            QIcon.Mode.Disabled,
        )
    return icon


def icon(name: str) -> QIcon:
    """A line icon in the palette's text colour (a missing file gives an empty icon)."""
    palette = QGuiApplication.palette()
    color = palette.color(QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    return _icon(name, color.name(), QColor(disabled).name())


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "app.svg"))


def clear_cache() -> None:
    """Forget tinted icons (after the colour scheme changed)."""
    _icon.cache_clear()
