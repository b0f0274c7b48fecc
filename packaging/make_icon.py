"""Render resources/icons/ahuntsic-desktop.svg to build/icons/ahuntsic-desktop-256.png
(the installers' icon: PyInstaller turns it into .ico / .icns, the .deb ships it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv[:1])
    out = ROOT / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "ahuntsic-desktop.svg"))
    for size in (256, 48):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        if not image.save(str(out / f"ahuntsic-desktop-{size}.png")):
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
