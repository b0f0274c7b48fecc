#!/usr/bin/env bash
# Build the macOS bundle (from the project folder, Python 3.11+ from python.org or Homebrew).
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/python -m pip install --upgrade pip
.venv/bin/python -m pip install -e . "pyinstaller>=6"
.venv/bin/pyinstaller --noconfirm --clean packaging/ahuntsic-desktop.spec
echo "Bundle: dist/ahuntsic-desktop/"
