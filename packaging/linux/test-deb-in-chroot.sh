#!/usr/bin/env bash
# Try the .deb as a coordinator would, in a bare Debian 12 root made by debootstrap
# (run as root; ROOT defaults to /srv/bare-pkg, a throw-away copy):
#   1. apt install ./ahuntsic-desktop_*.deb       (apt brings the Depends)
#   2. ahuntsic-desktop --self-test                (exits 0)
#   3. the menu entry's Exec line under Xvfb: the window opens; screenshot to
#      dist/deb-window.png (xvfb, xauth and imagemagick are installed for the test only).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="${ROOT:-/srv/bare-pkg}"
deb=$(ls dist/ahuntsic-desktop_*.deb | tail -1)
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
mountpoint -q "$ROOT/dev" || mount --rbind /dev "$ROOT/dev"
mountpoint -q "$ROOT/sys" || mount --rbind /sys "$ROOT/sys"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
cp "$deb" "$ROOT/tmp/"
inside() {
    chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive /bin/bash -c "$1"
}
inside "apt-get update -qq && apt-get install -y -qq /tmp/$(basename "$deb") >/dev/null"
inside 'command -v ahuntsic-desktop && time ahuntsic-desktop --self-test'
inside 'apt-get install -y -qq --no-install-recommends xvfb xauth imagemagick x11-utils >/dev/null'
exec_line=$(sed -n 's/^Exec=//p' "$ROOT/usr/share/applications/ahuntsic-desktop.desktop" | sed 's/ %[fFuU]//')
# Twice: the first start writes the demo file; the second one's time is the start-up time
# (process start to the main window mapped on the screen).
inside "cd /tmp && rm -f window.png && xvfb-run -a -s '-screen 0 1400x900x24' bash -c '
    for run in 1 2; do
        start=\$(date +%s%N); $exec_line --demo & app=\$!
        for i in \$(seq 600); do
            xwininfo -root -tree | grep -q \"Ahuntsic Desktop\" && break; sleep 0.1
        done
        echo \"run \$run: window after \$(( (\$(date +%s%N) - start) / 1000000 )) ms\"
        sleep 2; [ \$run = 2 ] && import -window root /tmp/window.png
        kill \$app; wait \$app || true
    done'"
cp "$ROOT/tmp/window.png" dist/deb-window.png
echo "Screenshot: dist/deb-window.png"
