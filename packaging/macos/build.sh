#!/usr/bin/env bash
# Build "Ahuntsic Desktop.app" and a .dmg to drag it into Applications (macOS, from the
# project folder, Python 3.11+ from python.org or Homebrew). NOT RUN on the project's
# machines (Linux only): .github/workflows/macos.yml runs it on a hosted macOS runner.
# The app is neither signed nor notarized: the first time, open it with a right click >
# Ouvrir. Built on Apple silicon it runs on Apple silicon only (build on an Intel runner
# for Intel Macs).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=build/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --require-hashes -r packaging/lock/build.txt
"$venv/bin/python" -m pip install --quiet --no-deps --force-reinstall .
"$venv/bin/python" packaging/make_icon.py
"$venv/bin/pyinstaller" --noconfirm --clean --workpath build/pyinstaller --distpath dist \
    packaging/ahuntsic-desktop.spec
app="dist/Ahuntsic Desktop.app"
"$app/Contents/MacOS/ahuntsic-desktop" --self-test
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' ahuntsic_desktop/__init__.py)
staging=build/dmg
rm -rf "$staging" && mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Ahuntsic Desktop" -srcfolder "$staging" -ov -format UDZO \
    "dist/ahuntsic-desktop-$version.dmg"
echo "Disk image: dist/ahuntsic-desktop-$version.dmg"
