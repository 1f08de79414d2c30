#!/usr/bin/env bash
# Memory stays flat: runs the arabicnorm CLI (samples/ArabicNorm.Cli) on hostile inputs generated on the fly into a
# pipe, and the expansion bomb through the string methods, each as a process under /usr/bin/time -v, and prints max
# RSS and wall time per case. Results: tests/README.md ("Memory and hostile sizes"). Run under nice; takes minutes.
#
#   tests/ArabicNorm.Fuzz/measure-memory.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build samples/ArabicNorm.Cli -c Release -f net10.0 --nologo -v quiet > /dev/null
dotnet build tests/ArabicNorm.Fuzz -c Release --nologo -v quiet > /dev/null
cli="dotnet samples/ArabicNorm.Cli/bin/Release/net10.0/ArabicNorm.Cli.dll"
fuzz=tests/ArabicNorm.Fuzz/bin/Release/net10.0/ArabicNorm.Fuzz

# Writes N bytes made of UNIT repeated (then cut), after PREFIX, to standard output, 1 MiB at a time.
gen() {
    python3 - "$@" <<'PY'
import sys
prefix, unit, total = sys.argv[1].encode('utf-8').decode('unicode_escape').encode('utf-8'), sys.argv[2], int(sys.argv[3])
unit = unit.encode('utf-8').decode('unicode_escape').encode('utf-8') if not unit.startswith('@') else open(unit[1:], 'rb').read()
out = sys.stdout.buffer
out.write(prefix)
block = unit * max(1, (1 << 20) // len(unit))
left = total - len(prefix)
while left > 0:
    chunk = block[:left]
    if len(chunk) < len(block):
        # The last piece ends on a character boundary: the input stays valid UTF-8.
        while True:
            try:
                chunk.decode('utf-8')
                break
            except UnicodeDecodeError:
                chunk = chunk[:-1]
        left = len(chunk)
    out.write(chunk)
    left -= len(chunk)
PY
}

measure() {
    local name=$1
    shift
    local log out
    log=$(mktemp)
    out=$(mktemp)
    /usr/bin/time -v "$@" 2> "$log" > "$out" || true
    printf '%-60s max RSS %8s KB, wall %s, user %s s, exit %s\n' "$name" \
        "$(awk -F': ' '/Maximum resident/ {print $2}' "$log")" \
        "$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$log")" \
        "$(awk -F': ' '/User time/ {print $2}' "$log")" \
        "$(awk -F': ' '/Exit status/ {print $2}' "$log")"
    grep -h -E '^bomb|error' "$out" "$log" | head -n 2 || true
    rm -f "$log" "$out"
}

seedline=$(mktemp)
tr -d ' \n' < seeds/iraq-us-dialogue.ar.txt > "$seedline"
trap 'rm -f "$seedline"' EXIT

# The CLI reads standard input when given no file: the generator writes into the pipe as the tool reads, and only
# the tool's process is measured.
measure_cli() {
    local name=$1 args=$2 log
    shift 2
    log=$(mktemp)
    # shellcheck disable=SC2086
    gen "$@" | /usr/bin/time -v $cli $args 2> "$log" > /dev/null || true
    printf '%-60s max RSS %8s KB, wall %s, user %s s, exit %s\n' "$name" \
        "$(awk -F': ' '/Maximum resident/ {print $2}' "$log")" \
        "$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$log")" \
        "$(awk -F': ' '/User time/ {print $2}' "$log")" \
        "$(awk -F': ' '/Exit status/ {print $2}' "$log")"
    grep -E 'error' "$log" | head -n 2 || true
    rm -f "$log"
}
measure_cli "1 GiB stream (seed article repeated), default" "" "" "@seeds/iraq-us-dialogue.ar.txt" $((1 << 30))
measure_cli "1 GiB stream (seed article repeated), --stats" "--stats" "" "@seeds/iraq-us-dialogue.ar.txt" $((1 << 30))
measure_cli "64 MiB single line, no spaces (seed without spaces)" "" "" "@$seedline" $((64 << 20))
measure_cli "64 MiB single line, no spaces, search preset" "--preset search" "" "@$seedline" $((64 << 20))
measure_cli "100 MB of TATWEEL (deleted), default" "" "" '\u0640' 100000000
measure_cli "100 MB of ZWSP U+200B (deleted), search" "--preset search" "" '\u200b' 100000000
measure_cli "100 MB of FATHA after one BEH, search (deleted marks)" "--preset search" '\u0628' '\u064e' 100000000
measure_cli "1,000,000 FATHA after one BEH, default (kept marks)" "" '\u0628' '\u064e' 2000002
measure_cli "1,000,000 HAMZA ABOVE after one ALEF, default" "" '\u0627' '\u0654' 2000002
measure_cli "1,000,000 mixed marks after one ALEF, --stats" "--stats" '\u0627' '\u064e\u0654\u0651\u0670' 2000002
measure "bomb: Normalize(65,000,000 x U+FDFA)" "$fuzz" bomb string 65000000
measure "bomb: NormalizeWithOffsets(65,000,000 x U+FDFA)" "$fuzz" bomb offsets 65000000
measure "just fits: Normalize(59,652,321 x U+FDFA), 1,073,741,778 chars" "$fuzz" bomb string 59652321
