#!/usr/bin/env bash
# Peak memory and time of `sightline extract` on a corpus of MB megabytes (default 100):
#   scripts/memory.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo run --quiet --release --example write_corpus -- "$dir/corpus" "$mb"
cargo build --quiet --release
bin=${CARGO_TARGET_DIR:-target}/release/sightline
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
/usr/bin/time -v "$bin" extract "$dir/corpus" -o "$dir/out.json" 2>"$dir/time.txt"
grep -E "Elapsed|Maximum resident" "$dir/time.txt"
echo "document: $(stat -c %s "$dir/out.json") bytes"
# The language model's own share (issue 12's bound: 150 MB resident).
cargo run --quiet --release --example model_memory
