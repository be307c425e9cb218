"""Icons from ``resources/``, tinted to the current palette so they read in light and dark."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer


def resources_dir() -> Path:
    """The package ``desktop_app._resources``, which is the checkout's top-level ``resources/``
    mapped into every install (pyproject.toml, build.spec). A folder on disk: Qt reads paths."""
    directory = files("desktop_app._resources")
    if not isinstance(directory, Path):  # a zipped package
        raise RuntimeError(f"the resources are not a folder on disk: {directory}")
    return directory


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
