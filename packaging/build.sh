#!/usr/bin/env bash
# Build a one-folder bundle of the application for this OS with PyInstaller, from the
# pinned, hashed versions of packaging/lock/build.txt, in a build-only environment
# (build/venv: no test tools end up in the bundle).
#
#   bash packaging/build.sh          -> dist/ahuntsic-desktop/
#   bash packaging/build.sh --deb    -> also dist/ahuntsic-desktop_VERSION_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
LOCK=packaging/lock/build.txt
venv=build/venv
if [ ! -x "$venv/bin/python" ]; then
    "$PYTHON" -m venv "$venv"
fi
stamp="$venv/.installed-$(cat pyproject.toml "$LOCK" | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
    echo "==> Outils de construction ($LOCK)"
    "$venv/bin/python" -m pip install --quiet --require-hashes -r "$LOCK"
    rm -f "$venv"/.installed-* && touch "$stamp"
fi
# The application itself, not editable, so that its metadata (licence, version) is bundled.
"$venv/bin/python" -m pip install --quiet --no-deps --force-reinstall .
QT_QPA_PLATFORM=offscreen "$venv/bin/python" packaging/make_icon.py
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/ahuntsic-desktop.spec
echo "Bundle: dist/ahuntsic-desktop/ ($(du -sh dist/ahuntsic-desktop | cut -f1))"
if [ "${1:-}" = "--deb" ]; then
    bash packaging/linux/build-deb.sh
fi
