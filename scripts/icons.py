"""Render the application icon (resources/icons/app.svg) in every size the platforms need.

Run: .venv/bin/python scripts/icons.py   (after changing app.svg; the outputs are committed)

Writes resources/icons/app/app-SIZE.png (16 to 1024 pixels: Linux's hicolor theme, the
window icon), app.ico (Windows: 16 to 256 in one file) and app.icns (macOS: 16 to 1024 with
the @2x variants). Both containers hold PNG images, which Windows Vista+ and macOS 10.7+
read; they are written here from their documented layouts (a few dozen bytes of headers),
since Qt writes only one image per .ico or .icns file. tests/unit/test_app_icons.py checks that
the committed files hold every size and match the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "resources" / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type, pixels): the PNG-bearing icns types
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 512),
    (b"ic14", 1024),
)  # fmt: skip


def render(size: int) -> bytes:
    """The SVG at ``size`` x ``size`` pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per image (0 means 256), then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """'icns', total length, then (type, length incl. its 8-byte header, PNG) per entry."""
    body = b"".join(
        kind + struct.pack(">I", len(images[size]) + 8) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: render(size) for size in PNG_SIZES}
    for size, png in images.items():
        (OUT / f"app-{size}.png").write_bytes(png)
    (OUT / "app.ico").write_bytes(ico({size: images[size] for size in ICO_SIZES}))
    (OUT / "app.icns").write_bytes(icns(images))
    print(f"icons: wrote {len(images)} PNGs, app.ico and app.icns into {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
