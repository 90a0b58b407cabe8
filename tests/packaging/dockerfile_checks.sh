#!/usr/bin/env bash
# Checks packaging/docker/Dockerfile without a Docker engine: dockerfile-utils (npm, pinned in
# tests/packaging/lint) validates every instruction, then the deployment rules of the example:
# Debian 12 in every stage, multi-stage, a non-root user, a health check on GET /, the state folder
# as a volume, the old service's port 8006.
# Usage: dockerfile_checks.sh REPO
set -euo pipefail
repo=$1
dockerfile=$repo/packaging/docker/Dockerfile
lint=$repo/tests/packaging/lint/node_modules/.bin/dockerfile-utils
fail() { echo "FAIL: $*" >&2; exit 1; }

[ -x "$lint" ] || fail "dockerfile-utils is not installed (packaging/setup-debian.sh runs npm ci in tests/packaging/lint)"
"$lint" lint "$dockerfile" || fail "dockerfile-utils found errors in $dockerfile"
echo "dockerfile-utils lint: no problems"

# Instructions with their continuation lines joined.
instructions=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$dockerfile" | grep -v '^[[:space:]]*#' | grep -v '^[[:space:]]*$')
froms=$(grep -c '^FROM ' <<<"$instructions")
[ "$froms" -ge 2 ] || fail "not multi-stage ($froms FROM)"
if grep '^FROM ' <<<"$instructions" | grep -qv '^FROM debian:12'; then
  fail "every stage must start from debian:12: $(grep '^FROM ' <<<"$instructions" | tr '\n' ' ')"
fi
final=$(awk '/^FROM /{stage=""} {stage=stage $0 "\n"} END{printf "%s", stage}' <<<"$instructions")
user=$(grep '^USER ' <<<"$final" | tail -1 | awk '{print $2}')
[ -n "$user" ] || fail "the final stage runs as root (no USER)"
case "$user" in root | 0 | 0:*) fail "the final stage runs as root (USER $user)" ;; esac
grep -q '^HEALTHCHECK .*http://127.0.0.1:8006/' <<<"$final" || fail "no HEALTHCHECK on GET / at port 8006"
grep -q '^VOLUME .*/var/lib/drillstudio' <<<"$final" || fail "the state folder is not a VOLUME"
grep -q '^EXPOSE 8006' <<<"$final" || fail "port 8006 is not exposed"
grep -q '^ENTRYPOINT .*"serve"' <<<"$final" || fail "the entry point is not drillstudio serve"
if grep -qiE '(PASSWORD|API_KEY|HASH)=[^ ]' <<<"$instructions"; then
  fail "a secret is baked into the image (ENV/ARG with a password, key or hash)"
fi
echo "PASS: $dockerfile lints clean; multi-stage from debian:12, runs as $user, health check, volume"
