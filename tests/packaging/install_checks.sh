#!/usr/bin/env bash
# Installs the build tree into a staging folder (DESTDIR) and checks what the .deb will carry:
# the launcher, the AppStream metainfo, the icons, the man page against every command's --help,
# the version everywhere, and the systemd unit (verify, and its exposure score, printed).
# Usage: install_checks.sh SOURCE_DIR BUILD_DIR VERSION
set -euo pipefail
src=$1 build=$2 version=$3
stage=$(mktemp -d "${TMPDIR:-/tmp}/drillstudio-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR=$stage cmake --install "$build" --prefix /usr >/dev/null
root=$stage/usr
bin=$root/bin/drillstudio
[ -x "$bin" ] || fail "no /usr/bin/drillstudio installed"
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$stage/home

echo "== version"
[ "$("$bin" --version)" = "drillstudio $version" ] || fail "--version says '$("$bin" --version)', the project is $version"
grep -q "^drillstudio ($version) " "$src/packaging/debian/changelog" || fail "packaging/debian/changelog does not start at $version"
grep -q "^## $version " "$src/CHANGELOG.md" || fail "CHANGELOG.md has no section for $version"

echo "== desktop file"
desktop-file-validate "$root/share/applications/drillstudio.desktop"
grep -qx 'MimeType=video/mp4;' "$root/share/applications/drillstudio.desktop" || fail "no video/mp4 association"

echo "== AppStream metainfo"
meta=$root/share/metainfo/io.github.drillstudio.DrillStudio.metainfo.xml
appstreamcli validate --no-net "$meta"
grep -q "<release version=\"$version\"" "$meta" || fail "the metainfo's release is not $version"

echo "== icons"
[ -s "$root/share/icons/hicolor/scalable/apps/drillstudio.svg" ] || fail "no scalable icon"
for size in 16 24 32 48 64 128 256 512; do
  png=$root/share/icons/hicolor/${size}x${size}/apps/drillstudio.png
  [ -s "$png" ] || fail "no ${size}x${size} icon"
  dims=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png")
  [ "$dims" = "${size}x${size}" ] || fail "the ${size}x${size} icon is $dims"
done

echo "== man page"
manpage=$root/share/man/man1/drillstudio.1.gz
[ -s "$manpage" ] || fail "no drillstudio(1)"
warnings=$(MANWIDTH=100 man --warnings -l "$manpage" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
text=$(MANWIDTH=1000 man -l "$manpage" 2>/dev/null | sed 's/\xe2\x80\x90//g')
for command in "" generate batch worker cache serve openai-key; do
  # Every option that --help prints for the command is in the man page.
  options=$("$bin" $command --help | grep -oE '^  (-[a-z], )?--[a-z-]+' | sed 's/^ *//; s/^-[a-z], //' | sort -u)
  for option in $options; do
    grep -qF -- "$option" <<<"$text" || fail "drillstudio $command --help has $option, the man page does not"
  done
  [ -z "$command" ] || grep -qE "^ +$command\b" <<<"$text" || fail "the man page does not list $command"
done

echo "== systemd unit"
unit=$stage/drillstudio-serve.service
# The unit as installed, with ExecStart pointed at the staged binary (verify checks that it exists).
sed "s|/usr/bin/drillstudio|$bin|g" "$root/lib/systemd/system/drillstudio-serve.service" >"$unit"
# verify only warns (exit 0) about a value it cannot parse: any message is a failure.
messages=$(MANPATH=$root/share/man systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $messages"
[ -z "$messages" ] || fail "systemd-analyze verify: $messages"
score=$(systemd-analyze security --offline=true "$unit" | grep 'Overall exposure level')
echo "$score"
level=$(sed -E 's/.*: [0-9.]+ ([A-Z]+).*/\1/' <<<"$score")
case $level in
  PERFECT | SAFE | OK) ;;
  *) fail "systemd-analyze security rates the unit $level, not OK or better" ;;
esac
for setting in DynamicUser=yes ProtectSystem=strict StateDirectory=drillstudio NoNewPrivileges=yes \
               PrivateTmp=yes RestrictAddressFamilies= SystemCallFilter=@system-service \
               EnvironmentFile=-/etc/drillstudio/serve.env; do
  grep -q "^$setting" "$unit" || fail "the unit has no $setting"
done
echo "== socket unit"
socket=$stage/drillstudio-serve.socket
cp "$root/lib/systemd/system/drillstudio-serve.socket" "$socket"
messages=$(MANPATH=$root/share/man systemd-analyze verify "$socket" 2>&1) || fail "systemd-analyze verify (socket): $messages"
[ -z "$messages" ] || fail "systemd-analyze verify (socket): $messages"
grep -q '^ListenStream=127.0.0.1:8006$' "$socket" || fail "the socket unit does not listen on 127.0.0.1:8006"
echo PASS
