#!/usr/bin/env bash
# Build a one-folder bundle of the application for this OS with PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash packaging/dev.sh test --co -q >/dev/null
.venv/bin/python -m pip install --quiet "pyinstaller>=6"
.venv/bin/pyinstaller --noconfirm --clean packaging/ahuntsic-desktop.spec
echo "Bundle: dist/ahuntsic-desktop/"
