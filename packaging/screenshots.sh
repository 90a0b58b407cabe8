#!/bin/sh
# Renders the main window in English and Japanese under Xvfb into docs/window-en.png and
# docs/window-ja.png, with a library of three generated drills (the newest one previewed).
#   packaging/screenshots.sh [build folder, default build/ci]
# Needs xvfb (xvfb-run) and ffmpeg (its x11grab device takes the picture).
set -eu
build=${1:-build/ci}
bin=$(realpath "$build/src/app/drillstudio")
out=$(realpath docs)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

"$bin" generate --data-dir "$data" --run-id 301 --drill "ウォールドリル 10回×3" >/dev/null
"$bin" generate --data-dir "$data" --run-id 302 --drill "プランク 30秒" >/dev/null
"$bin" generate --data-dir "$data" --run-id 303 \
    --drill "$(printf '【💪 おすすめの補強ドリル】\nもも上げ 20m×3')" >/dev/null

for lang in en ja; do
    case $lang in
    en) locale=C.UTF-8 ;;
    ja) locale=ja_JP.UTF-8 ;;
    esac
    # The window opens at 1180x720 in the top-left corner (Xvfb has no window manager); the
    # waits give it time to show the first frame of the newest video.
    LANG=$locale LC_ALL=$locale DRILLSTUDIO_DATA_DIR=$data xvfb-run -a -s "-screen 0 1200x740x24" \
        sh -c '"$0" & pid=$!; sleep 6; ffmpeg -loglevel error -f x11grab -video_size 1200x740 \
            -i "$DISPLAY" -frames:v 1 -y "$1"; kill $pid; wait $pid || true' \
        "$bin" "$out/window-$lang.png"
    echo "wrote docs/window-$lang.png"
done
