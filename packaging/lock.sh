#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml (ranges) and packaging/lock/build.in:
#
#   bash packaging/lock.sh            after adding or changing a dependency
#   bash packaging/lock.sh --upgrade  to move every pin to the newest allowed version
#
# packaging/lock/app-test.txt  the application and its test tools (dev.sh, CI)
# packaging/lock/build.txt     the application and the installer tools (build.sh)
# Both are "universal" (one file for Linux, Windows and macOS, Python 3.11 and newer) and
# carry the sha256 of every file, so `pip install --require-hashes` refuses anything else.
# uv resolves; plain pip installs (a bare Debian 12 needs nothing but python3-venv).
# tests/packaging/test_lock.py fails while a lock file is out of step with pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.10
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet "uv==$UV_VERSION"
common=(--universal --python-version 3.11 --generate-hashes --quiet
        --custom-compile-command "bash packaging/lock.sh" "$@")
.venv/bin/uv pip compile pyproject.toml --extra test -o packaging/lock/app-test.txt "${common[@]}"
.venv/bin/uv pip compile pyproject.toml packaging/lock/build.in -o packaging/lock/build.txt "${common[@]}"
echo "Lock files written: packaging/lock/app-test.txt packaging/lock/build.txt"
