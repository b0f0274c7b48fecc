#!/usr/bin/env bash
# Upgrade through the package, in the bare Debian 12 root of test-deb-in-chroot.sh (run it
# first; root only): install an older package (the same bundle labelled 0.0.9), give the
# user a data file of the oldest schema (tests/store/fixtures/schema_0001.sqlite), install
# the current package over it, then start the application as the coordinator would.
# Checks: apt leaves the data file as it was; the first start backs it up (kind
# avant-mise-a-jour, the old content) before migrating it; the migrated file is sound.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="${ROOT:-/srv/bare-pkg}"
current=$(ls dist/ahuntsic-desktop_*_amd64.deb | grep -v _0.0.9_ | tail -1)
[ -f dist/ahuntsic-desktop_0.0.9_amd64.deb ] || DEB_VERSION=0.0.9 bash packaging/linux/build-deb.sh
cp dist/ahuntsic-desktop_0.0.9_amd64.deb "$current" "$ROOT/tmp/"
data="$ROOT/root/.local/share/AhuntsicDesktop"
inside() {
    chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive /bin/bash -c "$1"
}
inside "apt-get install -y -qq --allow-downgrades /tmp/ahuntsic-desktop_0.0.9_amd64.deb >/dev/null"
inside "dpkg-query -W ahuntsic-desktop"
rm -rf "$data" && mkdir -p "$data" && chmod 0700 "$data"
cp tests/store/fixtures/schema_0001.sqlite "$data/table-de-quartier.sqlite"
before=$(sha256sum "$data/table-de-quartier.sqlite" | cut -d' ' -f1)
inside "apt-get install -y -qq /tmp/$(basename "$current") >/dev/null"
inside "dpkg-query -W ahuntsic-desktop"
after=$(sha256sum "$data/table-de-quartier.sqlite" | cut -d' ' -f1)
[ "$before" = "$after" ] || { echo "FAIL: the upgrade changed the data file" >&2; exit 1; }
echo "ok: the package upgrade left the data file untouched"
# First start of the new version on the default file, under Xvfb, until the backup is made.
inside "cd /tmp && xvfb-run -a -s '-screen 0 1400x900x24' bash -c '
    ahuntsic-desktop & app=\$!
    for i in \$(seq 90); do
        ls /root/.local/share/AhuntsicDesktop/sauvegardes/*avant-mise-a-jour* >/dev/null 2>&1 && break
        sleep 1
    done
    sleep 3; kill \$app; wait \$app || true'"
ls -l "$data/sauvegardes"
backup=$(ls "$data"/sauvegardes/*avant-mise-a-jour* | head -1)
python3 - "$data/table-de-quartier.sqlite" "$backup" <<'PY'
import sqlite3, sys
new, old = (sqlite3.connect(p) for p in sys.argv[1:])
rev = lambda c: c.execute("select version_num from alembic_version").fetchone()[0]
print("data file:", rev(new), "backup:", rev(old))
assert rev(old) == "0001", rev(old)
assert rev(new) != rev(old)
assert new.execute("select name from organization").fetchall() == [("Maison de la famille (fixture)",)]
print("ok: backed up before migrating, data kept")
PY
inside "ahuntsic-desktop check --db /root/.local/share/AhuntsicDesktop/table-de-quartier.sqlite"
