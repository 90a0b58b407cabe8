#!/usr/bin/env bash
# Installs the .deb into a clean Debian 12 root (debootstrap, chroot) the way the container does
# (the RUN steps of packaging/docker/Dockerfile's final stage: apt-get resolves the .deb's
# dependencies, a system user is made) and checks it there:
#   drillstudio --version; drillstudio generate renders an MP4; drillstudio serve answers GET /;
#   the window starts under Xvfb and a screenshot is taken;
#   the container's entry point runs as the Dockerfile's user, in a network namespace of its own,
#   with the password and the admin hash from an env file as compose gives them; its health check
#   passes; a real nginx loaded with packaging/nginx/drillstudio.conf goes in front of it and the
#   old frontend's calls (generate, status, download with Range) go through;
#   apt-get purge leaves no file of the package behind.
# Usage: packaging/check-deb.sh [PACKAGE.deb | BUILD_DIR]   (default: build/pkg, see release.sh)
# Needs root (debootstrap, chroot, mount) and Debian's archive. The root made by debootstrap and
# the downloaded .debs are kept in $DRILLSTUDIO_DEBROOT_CACHE (~/.cache/drillstudio-debroot):
# the first run downloads about 300 packages (here: debootstrap 3.5 minutes, apt-get 2), later
# runs reuse them. The screenshot is written to
# $CHECK_DEB_OUT (default: the current folder) as check-deb-window.png.
# Exit status: 0 passed, 1 failed, 77 cannot run here (not root, or no debootstrap).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-$repo/build/pkg}
out=${CHECK_DEB_OUT:-$PWD}
cache=${DRILLSTUDIO_DEBROOT_CACHE:-$HOME/.cache/drillstudio-debroot}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
step() { echo "check-deb: $*"; }

if [ "$(id -u)" -ne 0 ]; then echo "check-deb: needs root (chroot, mount); skipped." >&2; exit 77; fi
command -v debootstrap >/dev/null || { echo "check-deb: no debootstrap (packaging/setup-debian.sh); skipped." >&2; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/drillstudio-check-deb.XXXXXX")
root=$work/root
cleanup() {
  for m in var/cache/apt/archives dev/pts dev proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
  done
  # Never delete through a mount that is still there (/dev, the package cache).
  if grep -q " $work/" /proc/mounts; then
    echo "check-deb: $work still has mounts; left in place." >&2
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT

if [ -d "$target" ]; then
  step "building the .deb in $target"
  (cd "$target" && cpack -G DEB -B "$work/deb" >/dev/null)
  deb=$(ls "$work"/deb/drillstudio_*.deb)
else
  deb=$target
fi
[ -f "$deb" ] || fail "no package at $deb"
version=$(dpkg-deb -f "$deb" Version)

mkdir -p "$cache/archives/partial"
base=$cache/bookworm-minbase.tar
if [ ! -f "$base" ]; then
  step "making a clean Debian 12 root with debootstrap (once; kept in $cache)"
  debootstrap --variant=minbase bookworm "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
  tar -C "$work/base" -cf "$base.part" . && mv "$base.part" "$base"
  rm -rf --one-file-system "$work/base"
fi
# A clean root from the debootstrap tarball, with /proc, /dev and the shared package cache.
make_root() {
  mkdir -p "$1"
  tar -C "$1" -xf "$base"
  mount -t proc proc "$1/proc"
  mount --bind /dev "$1/dev"
  mount --bind /dev/pts "$1/dev/pts"
  mount --bind "$cache/archives" "$1/var/cache/apt/archives"
  cp /etc/resolv.conf "$1/etc/resolv.conf"
  echo "Binary::apt::APT::Keep-Downloaded-Packages \"true\";" >"$1/etc/apt/apt.conf.d/99keep"
}
make_root "$root"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/bash -euo pipefail -c "$1"; }

step "installing $(basename "$deb") with the Dockerfile's steps (apt-get resolves its dependencies)"
stage=$work/stage
python3 "$repo/tests/packaging/dockerfile_stage.py" "$repo/packaging/docker/Dockerfile" "$stage" \
  || fail "the Dockerfile's final stage cannot be read"
# COPY --from=build /build/drillstudio-*.deb /tmp/
cp "$deb" "$root/tmp/drillstudio-$version.deb"
cp "$stage/install.sh" "$stage/run.sh" "$stage/health.sh" "$root/"
user=$(cat "$stage/user")
in_root 'bash /install.sh >/tmp/install.log 2>&1 || { tail -30 /tmp/install.log; exit 1; }' \
  || fail "the package did not install with the Dockerfile's RUN steps"
in_root 'dpkg-query -L drillstudio' >"$work/files"
# What the checks need besides the package: a display and its tools for the window, nginx (the
# gateway) and python3 (the frontend's calls).
in_root 'apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends xvfb x11-utils x11-apps nginx-light python3 \
    >/tmp/tools.log 2>&1 || { tail -30 /tmp/tools.log; exit 1; }' || fail "the check's tools did not install"

step "drillstudio --version"
[ "$(in_root 'drillstudio --version')" = "drillstudio $version" ] || fail "--version does not say $version"

step "drillstudio generate"
video=$(in_root 'drillstudio generate --run-id 1 --drill "【💪 おすすめの補強ドリル】 もも上げ 20m×3" --size 320x180 --seconds 1')
[ "$(in_root "head -c 8 '$video' | tail -c 4")" = ftyp ] || fail "generate did not write an MP4 ($video)"

step "drillstudio serve, GET /"
answer=$(in_root 'coproc server { exec drillstudio serve --host 127.0.0.1 --port 0; }
  read -r line <&"${server[0]}"
  port=${line##*:}
  exec 3<>/dev/tcp/127.0.0.1/$port
  printf "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3
  timeout 30 cat <&3 || true
  kill $server_PID; wait $server_PID || true')
grep -q '^HTTP/1.[01] 200' <<<"$answer" || fail "GET / did not answer 200: $answer"
grep -q 'video_generation' <<<"$answer" || fail "GET / is not the video_generation service: $answer"

step "the window under Xvfb, screenshot"
in_root 'Xvfb :57 -screen 0 1280x800x24 -nolisten tcp >/tmp/xvfb.log 2>&1 & xvfb=$!
  export DISPLAY=:57
  for _ in $(seq 200); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  drillstudio >/tmp/window.log 2>&1 & window=$!
  shown=""
  for _ in $(seq 300); do
    kill -0 $window 2>/dev/null || { cat /tmp/window.log; exit 1; }
    if xwininfo -root -tree | grep -q "\"DrillStudio"; then shown=yes; break; fi
    sleep 0.1
  done
  [ -n "$shown" ] || { echo "no DrillStudio window appeared"; cat /tmp/window.log; exit 1; }
  xwd -root -silent >/tmp/window.xwd
  kill $window $xvfb; wait || true' || fail "the window did not start"
[ "$(stat -c %s "$root/tmp/window.xwd")" -gt 100000 ] || fail "the screenshot is empty"
if convert "xwd:$root/tmp/window.xwd" "$out/check-deb-window.png" 2>/dev/null; then
  step "screenshot: $out/check-deb-window.png"
else
  cp "$root/tmp/window.xwd" "$out/check-deb-window.xwd"
  step "screenshot: $out/check-deb-window.xwd (no ImageMagick to make a PNG)"
fi

step "the container's entry point as $user, its health check, nginx in front"
# What the test needs besides the image: nginx (the gateway) and python3 (the frontend's calls).
cp "$repo/packaging/nginx/drillstudio.conf" "$repo/tests/packaging/nginx_gateway.py" "$root/tmp/"
hash=$(in_root 'head -c 24 /dev/urandom | base64 | drillstudio serve --hash-secret 2>/dev/null | tail -1')
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# drillstudio.env as compose gives it: the password and the admin hash, nothing on a command line.
printf "DRILLSTUDIO_GENERATION_PASSWORD=%s\nDRILLSTUDIO_SERVER_API_KEY_HASH='%s'\n" "$password" "$hash" \
  >"$root/container.env"
chmod 600 "$root/container.env"
# A network namespace of its own: port 8006 and nginx's port are the container's, not this machine's.
unshare --net /bin/bash -euo pipefail -c '
  ip link set lo up
  chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 USER_NAME="$2" /bin/bash -euo pipefail -c "
    set -a; . /container.env; set +a
    setpriv --reuid=\$USER_NAME --regid=\$USER_NAME --init-groups env HOME=/var/lib/drillstudio \
      bash /run.sh >/tmp/serve.log 2>&1 &
    server=\$!
    for _ in \$(seq 300); do
      grep -q \"listening on\" /tmp/serve.log && break
      kill -0 \$server 2>/dev/null || { cat /tmp/serve.log; exit 1; }
      sleep 0.1
    done
    grep -q \"listening on\" /tmp/serve.log || { echo the server did not start; cat /tmp/serve.log; exit 1; }
    [ \"\$(stat -c %U /proc/\$server)\" != root ] || { echo the server runs as root; exit 1; }
    setpriv --reuid=\$USER_NAME --regid=\$USER_NAME --init-groups bash /health.sh \
      || { echo the health check failed; cat /tmp/serve.log; exit 1; }
    echo health check: passed
    python3 /tmp/nginx_gateway.py port:8006 /tmp/drillstudio.conf /usr/sbin/nginx
    kill \$server; wait \$server || true
  "' container "$root" "$user" || fail "the container's server behind nginx failed"


step "apt-get purge drillstudio"
in_root 'apt-get purge -y -q drillstudio >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; exit 1; }'
in_root '! dpkg-query -W -f="\${Status}" drillstudio 2>/dev/null | grep -q installed' || fail "still installed"
left=""
while IFS= read -r path; do
  [ -e "$root$path" ] && [ ! -d "$root$path" ] && left+="$path "
done <"$work/files"
[ -z "$left" ] || fail "purge left files of the package: $left"
step "PASS: drillstudio $version installs with the Dockerfile's steps, runs (CLI, server, window, container entry point behind nginx) and purges cleanly on a clean Debian 12 root"
