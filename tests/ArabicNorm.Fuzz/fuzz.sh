#!/usr/bin/env bash
# Coverage-guided fuzzing of ArabicNorm with SharpFuzz + AFL++ (tests/README.md, "Fuzzing").
#
#   tests/ArabicNorm.Fuzz/fuzz.sh SECONDS_PER_TARGET [TARGET...]
#
# Publishes the fuzz program into artifacts/fuzz/bin, instruments ArabicNorm.dll and ArabicNorm.Lucene.dll there with
# the sharpfuzz tool (the copies in bin/ of the build stay untouched), then runs afl-fuzz on each target in turn (all
# eight by default) for the
# given time, from the committed corpus (tests/ArabicNorm.Fuzz/corpus) into artifacts/fuzz/findings/TARGET (FUZZ_OUT
# names another folder than artifacts/fuzz). Every
# crash or hang AFL++ saves is replayed through the uninstrumented program to print the law it breaks. Ends with one
# line per target (executions, paths, crashes, hangs) and fails when any target found a crash or a hang.
# FUZZ_PARALLEL=1 runs the targets side by side (each for the given time) instead of one after the other.
# Needs afl-fuzz (apt-get install afl++) and the local tool manifest restored (dotnet tool restore).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?seconds per target}
shift
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(utf16 utf8 stream offsets report comparer find charfilter)

out=${FUZZ_OUT:-artifacts/fuzz}
rm -rf "$out/bin" "$out/plain"
dotnet publish tests/ArabicNorm.Fuzz -c Release -o "$out/bin" --nologo -v quiet
cp -r "$out/bin" "$out/plain"
dotnet tool restore > /dev/null
dotnet sharpfuzz "$out/bin/ArabicNorm.dll"
dotnet sharpfuzz "$out/bin/ArabicNorm.Lucene.dll"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export DOTNET_TieredPGO=0
fuzz_one() {
    local target=$1 findings="$out/findings/$1"
    rm -rf "$findings"
    mkdir -p "$findings"
    echo "== afl-fuzz $target for ${seconds}s"
    # -t: a .NET start-up is slow, an input is not; -m none: the runtime reserves far more address space than it uses.
    timeout --preserve-status -k 30 $((seconds + 60)) \
        afl-fuzz -i tests/ArabicNorm.Fuzz/corpus -o "$findings" -t 5000 -m none -V "$seconds" -- \
        "$out/bin/ArabicNorm.Fuzz" fuzz "$target" > "$findings/afl.log" 2>&1 || true
}

# FUZZ_PARALLEL=1 runs the targets at the same time instead of one after the other (the long campaign).
if [[ ${FUZZ_PARALLEL:-0} == 1 ]]; then
    pids=()
    for target in "${targets[@]}"; do
        fuzz_one "$target" &
        pids+=($!)
    done
    wait "${pids[@]}" || true
else
    for target in "${targets[@]}"; do
        fuzz_one "$target"
    done
fi

status=0
summary=()
for target in "${targets[@]}"; do
    findings="$out/findings/$target"
    stats="$findings/default/fuzzer_stats"
    if [[ ! -f $stats ]]; then
        echo "afl-fuzz did not start for $target:"
        tail -n 30 "$findings/afl.log"
        status=1
        summary+=("$target: did not run")
        continue
    fi

    get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
    crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
    hangs=$(find "$findings/default/hangs" -type f -name 'id:*' | wc -l)
    summary+=("$target: $(get execs_done) executions, $(get corpus_count) paths ($(get corpus_found) new), $(get edges_found) edges, $crashes crashes, $hangs hangs, $(get execs_per_sec) exec/s, stability $(get stability)")
    if [[ $crashes -gt 0 || $hangs -gt 0 ]]; then
        status=1
        "$out/plain/ArabicNorm.Fuzz" replay "$target" "$findings/default/crashes" "$findings/default/hangs" | tail -n 20 || true
    fi
done

printf '%s\n' "${summary[@]}"
exit $status
