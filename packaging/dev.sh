#!/usr/bin/env bash
# Ahuntsic Desktop: set up a working copy and run it.
#
#   bash packaging/dev.sh app    install, then open the application on fictional demo data
#   bash packaging/dev.sh test   install, then run the whole test suite (headless)
#
# What it does, in order:
#   1. on Debian or Ubuntu, installs the system libraries Qt needs (apt-get, through sudo
#      when not root) if any is missing: libgl1 libegl1 libxkbcommon0 libfontconfig1
#      libdbus-1-3 libglib2.0-0, plus the X11 libraries a real window needs for `app`
#      and Xvfb when there is no screen;
#   2. creates a Python virtual environment in .venv (Python 3.11 or newer);
#   3. installs there the exact versions of packaging/lock/app-test.txt, checked against
#      their sha256 (pip install --require-hashes), then the application itself, editable;
#   4. runs the application or pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
[ $# -gt 0 ] && shift

PYTHON="${PYTHON:-python3}"
QT_LIBS="libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0"
WINDOW_LIBS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
HEADLESS_LIBS="xvfb xauth"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installation des bibliothèques système : ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "Il manque ${missing[*]} ; installez-les en tant qu'administrateur (apt-get install)." >&2
            return 0
        fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

headless() { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; }

case "$mode" in
    app)
        packages="$QT_LIBS $WINDOW_LIBS"
        if headless && [ "$(uname -s)" = "Linux" ]; then packages="$packages $HEADLESS_LIBS"; fi
        # shellcheck disable=SC2086
        install_debian_packages $packages ;;
    test)
        # shellcheck disable=SC2086
        install_debian_packages $QT_LIBS ;;
    *)
        echo "usage: bash packaging/dev.sh app|test [arguments]" >&2
        exit 2 ;;
esac

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 ou plus récent est requis (trouvé : $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    say "Création de l'environnement Python dans .venv"
    "$PYTHON" -m venv .venv
fi
# The lock file (bash packaging/lock.sh writes it from pyproject.toml) pins every package
# and its sha256; the application goes in editable, without looking at dependencies again.
LOCK=packaging/lock/app-test.txt
stamp=".venv/.installed-$(cat pyproject.toml "$LOCK" | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
    say "Installation d'Ahuntsic Desktop et de ses outils de test (versions de $LOCK)"
    .venv/bin/python -m pip install --quiet --require-hashes -r "$LOCK"
    .venv/bin/python -m pip install --quiet --no-deps -e .
    rm -f .venv/.installed-* && touch "$stamp"
fi

case "$mode" in
    app)
        if headless && [ "$(uname -s)" = "Linux" ]; then
            say "Aucun écran détecté : l'application s'ouvre sur un écran virtuel (Xvfb)."
            exec xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/ahuntsic-desktop --demo "$@"
        fi
        say "Ouverture d'Ahuntsic Desktop sur les données de démonstration (fictives)"
        exec .venv/bin/ahuntsic-desktop --demo "$@" ;;
    test)
        say "Exécution des tests"
        export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
        exec .venv/bin/python -m pytest "$@" ;;
esac
