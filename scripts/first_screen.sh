#!/usr/bin/env bash
# The app as a user meets it, under Xvfb: the time from launch to the first screen of the
# articles in DIR (the first frame whose window title names them) and the app's peak memory
# (VmHWM) once that screen is up:
#   scripts/first_screen.sh DIR
# Needs Xvfb and xdotool (the README lists the Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath "$1")
cargo build --quiet --release
bin=$(realpath "${CARGO_TARGET_DIR:-target}/release/sightline")
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
start=$(date +%s.%N)
DISPLAY=$display "$bin" "$dir" >/dev/null 2>&1 &
app=$!
# The window is titled after the seed corpus until the articles are read and shown.
name=
until [[ -n $name && $name != "Seed corpus"* ]]; do
    sleep 0.02
    kill -0 "$app" 2>/dev/null || { echo "the app stopped" >&2; exit 1; }
    window=$(DISPLAY=$display xdotool search --name ' - Sightline$' 2>/dev/null | head -1 || true)
    [[ -n $window ]] && name=$(DISPLAY=$display xdotool getwindowname "$window" 2>/dev/null || true)
done
end=$(date +%s.%N)
sleep 2
echo "first screen: $(echo "$end - $start" | bc) s ($name)"
grep VmHWM "/proc/$app/status"
