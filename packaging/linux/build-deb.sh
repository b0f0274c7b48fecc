#!/usr/bin/env bash
# Wrap dist/ahuntsic-desktop/ (bash packaging/build.sh) into a Debian package:
#   /opt/ahuntsic-desktop/            the PyInstaller folder (Qt as separate shared libraries)
#   /usr/bin/ahuntsic-desktop         on the PATH
#   /usr/share/applications/...       the menu entry (French and English names)
#   /usr/share/icons/hicolor/...      the icon (SVG and 256 px PNG)
#   /usr/share/doc/ahuntsic-desktop/  copyright and licences (Qt LGPL notice, fonts)
# Install with `sudo apt install ./dist/ahuntsic-desktop_VERSION_amd64.deb`: apt brings the
# few system libraries Qt needs (Depends). Data stay in each person's home folder, which
# the package never touches; a newer version backs the file up before migrating it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bundle=dist/ahuntsic-desktop
[ -x "$bundle/ahuntsic-desktop" ] || { echo "Run bash packaging/build.sh first." >&2; exit 1; }
version=${DEB_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' ahuntsic_desktop/__init__.py)}
arch=$(dpkg --print-architecture)
root=build/deb
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/icons/hicolor/256x256/apps" \
    "$root/usr/share/doc/ahuntsic-desktop"
cp -a "$bundle" "$root/opt/ahuntsic-desktop"
cat > "$root/usr/bin/ahuntsic-desktop" <<'SH'
#!/bin/sh
exec /opt/ahuntsic-desktop/ahuntsic-desktop "$@"
SH
chmod 0755 "$root/usr/bin/ahuntsic-desktop"
install -m 0644 packaging/linux/ahuntsic-desktop.desktop "$root/usr/share/applications/"
install -m 0644 resources/icons/ahuntsic-desktop.svg "$root/usr/share/icons/hicolor/scalable/apps/"
if [ -f build/icons/ahuntsic-desktop-256.png ]; then
    install -m 0644 build/icons/ahuntsic-desktop-256.png \
        "$root/usr/share/icons/hicolor/256x256/apps/ahuntsic-desktop.png"
fi
install -m 0644 packaging/linux/copyright "$root/usr/share/doc/ahuntsic-desktop/copyright"
install -m 0644 resources/fonts/DejaVu-LICENSE.txt "$root/usr/share/doc/ahuntsic-desktop/"
size=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: ahuntsic-desktop
Version: $version
Architecture: $arch
Maintainer: Ahuntsic Desktop <dev@ahuntsic.example>
Installed-Size: $size
Section: misc
Priority: optional
Depends: libgl1, libegl1, libfontconfig1, libxkbcommon0, libdbus-1-3, libglib2.0-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxkbcommon-x11-0
Homepage: https://ahuntsic.example
Description: secrétariat hors ligne d'une table de quartier
 Membres et cotisations, partenaires et bailleurs de fonds, rencontres (ordre du jour,
 présences, quorum, procès-verbal, suivis), plan d'action, exports Excel et PDF.
 Offline secretariat of a neighbourhood round table (French and English).
CONTROL
find "$root" -type d -exec chmod 0755 {} +
out="dist/ahuntsic-desktop_${version}_${arch}.deb"
# gzip: quick to build in CI, read by every dpkg.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$out" >/dev/null
echo "Package: $out ($(du -h "$out" | cut -f1))"
